import Foundation
import Testing

/// The reports of the fixture corpora, written by the built `syndetect`, pinned under `Reports/`.
///
/// Run with `SYNDETECT_RECORD=1` to rewrite them; recording records an issue, so a recording run
/// always fails and is never mistaken for a passing one. (`scripts/scan-seeds` also refreshes
/// the seeds' reports in `Reports/`.)
@Suite struct ReportGoldenTests {
    static let corpora = [
        ("Fixtures/seeds", "Reports"),
        ("Fixtures/wirebench-slice", "Reports/wirebench-slice"),
        ("Fixtures/injection", "Reports/injection"),
    ]

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SYNDETECT_RECORD"] == "1" }

    /// Scans `corpus` into a fresh directory and returns the three reports by file name.
    static func scan(_ corpus: String) throws -> [String: Data] {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandLineTests.run(["scan", corpus, "--report-dir", directory.path, "--quiet"])
        #expect(run.status == 0, "\(corpus): \(run.error)")
        var reports: [String: Data] = [:]
        for name in ["report.md", "report.html", "report.json"] {
            reports[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return reports
    }

    @Test(arguments: corpora)
    func committedReportsAreCurrent(_ corpus: String, _ folder: String) throws {
        let reports = try Self.scan(corpus)
        let target = CommandLineTests.root.appendingPathComponent(folder)
        for (name, fresh) in reports.sorted(by: { $0.key < $1.key }) {
            let url = target.appendingPathComponent(name)
            if Self.isRecording {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                try fresh.write(to: url)
                Issue.record("recorded \(folder)/\(name); rerun without SYNDETECT_RECORD")
                continue
            }
            let committed = FileManager.default.contents(atPath: url.path)
            #expect(committed == fresh,
                    "\(folder)/\(name) is stale: rerun with SYNDETECT_RECORD=1 (or scripts/scan-seeds for the seeds)")
        }
    }

    /// The injection corpus's titles, outlets, URLs, ids and bodies hold script, HTML, Markdown
    /// and Mermaid payloads; none may come through as markup.
    @Test func injectionCorpusRendersInert() throws {
        let reports = try Self.scan("Fixtures/injection")
        let markdown = String(decoding: reports["report.md"]!, as: UTF8.self)
        let html = String(decoding: reports["report.html"]!, as: UTF8.self)
        #expect(markdown.contains("<details"), "a reuse pair with passages is rendered")
        #expect(html.contains("<figure class=\"passage"))

        // Markdown (the command, shown verbatim, holds no payload here).
        let prose = markdown
        for raw in ["<script", "<img", "<svg", "<iframe", "<math", "<base", "<meta", "<style", "</style", "<textarea",
                    "</textarea", "<a href", "<javascript:", "]]>", "<!--", "</details><details"] {
            #expect(!prose.lowercased().contains(raw), "raw \(raw) in the Markdown report")
        }
        // A link needs an unescaped `]` right before `(`.
        for piece in prose.components(separatedBy: "](javascript:").dropLast() {
            #expect(piece.hasSuffix("\\"), "a javascript: link in the Markdown report after \(piece.suffix(40))")
        }
        for line in prose.split(separator: "\n") {
            let statement = line.drop(while: { $0 == " " })
            #expect(!statement.hasPrefix("click") && !statement.hasPrefix("%%{"), "Mermaid directive from input: \(line)")
        }
        #expect(prose.contains("&lt;script&gt;window.\\_\\_pwned=1;document.title=\"PWNED\"&lt;/script&gt;"))

        // Mermaid diagrams: no quote, bracket, angle bracket, colon or pipe from input in a label.
        for block in markdown.components(separatedBy: "```mermaid\n").dropFirst() {
            let diagram = block[..<block.range(of: "\n```")!.lowerBound]
            for line in diagram.split(separator: "\n") {
                let labels = line.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 1 }.map { $0.element.replacingOccurrences(of: "<br>", with: "") }
                for label in labels {
                    #expect(!label.contains { "<>[]|`:".contains($0) }, "label \(label)")
                }
            }
        }

        // HTML: one script, ours; no element or attribute from input.
        #expect(html.components(separatedBy: "<script").count == 2)
        for raw in ["<img", "<svg onload", "<iframe", "<math", "<base", "<meta http-equiv=\"refresh\"", "</textarea",
                    "href=\"javascript", "<style>body", "<details open><summary>x"] {
            #expect(!html.lowercased().contains(raw.lowercased()), "raw \(raw) in the HTML report")
        }
        #expect(html.contains("&lt;script&gt;window.__pwned=1;document.title=&quot;PWNED&quot;&lt;/script&gt;"))
    }
}
