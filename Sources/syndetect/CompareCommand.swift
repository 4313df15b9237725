import ArgumentParser
import Foundation
import SyndicationEngine
import SyndicationScan

/// `syndetect compare A B` and `syndetect compare --pairs FILE`.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two files, or every pair listed in a file.",
        discussion: """
            With --pairs FILE, each line of FILE names two whitespace-separated paths (relative \
            to FILE's folder); one JSON object per line is printed, shaped like a pairs[] entry of \
            the JSON report, with "a" and "b" the paths as given and offsets into each file's whole \
            decoded content. A pair that shares nothing prints "relation": null.
            """
    )

    @Argument(help: "Two files to compare.")
    var files: [String] = []

    @Option(help: "A file of path pairs, one pair per line.")
    var pairs: String?

    @Flag(help: "Print the verdict as one JSON object instead of text.")
    var json = false

    @Option(help: "Worker threads for --pairs (default: all cores).")
    var threads: Int = 0

    @Flag(help: "No warnings on standard error.")
    var quiet = false

    func validate() throws {
        if pairs == nil && files.count != 2 {
            throw ValidationError("give two files, or --pairs FILE")
        }
        if pairs != nil && !files.isEmpty {
            throw ValidationError("give either two files or --pairs FILE, not both")
        }
    }

    func run() throws {
        if let pairs { return try runPairs(pairs) }
        let documents = try files.map { try Self.load($0, quiet: quiet) }
        let finding = CorpusScanner().compare(documents[0], documents[1])
        if json {
            print(try Self.jsonLine(finding, a: files[0], b: files[1]))
        } else {
            print(Self.verdict(finding, documents[0], documents[1]), terminator: "")
        }
    }

    func runPairs(_ listPath: String) throws {
        guard let data = FileManager.default.contents(atPath: listPath) else {
            printError("error: \(listPath): cannot read the pairs file")
            throw ExitCode(2)
        }
        let folder = (listPath as NSString).deletingLastPathComponent
        var jobs: [(line: Int, a: String, b: String)] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 2 else {
                if !quiet { printError("warning: \(listPath):\(number + 1): expected two paths, found \(fields.count); line skipped") }
                continue
            }
            jobs.append((number + 1, String(fields[0]), String(fields[1])))
        }
        let scanner = CorpusScanner()
        let quiet = self.quiet
        let lines = ParallelWork.map(count: jobs.count, threads: threads) { index -> String? in
            let job = jobs[index]
            do {
                let a = try Self.load(Self.resolve(job.a, in: folder), quiet: true)
                let b = try Self.load(Self.resolve(job.b, in: folder), quiet: true)
                return try Self.jsonLine(scanner.compare(a, b), a: job.a, b: job.b)
            } catch {
                if !quiet { printError("warning: \(listPath):\(job.line): \(error); pair skipped") }
                return nil
            }
        }
        for line in lines.compactMap({ $0 }) { print(line) }
    }

    static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// Reads one file as a document whose id is the path as given.
    static func load(_ path: String, quiet: Bool) throws -> Document {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CompareError(description: "\(path): cannot read the file")
        }
        let decoded = CorpusReader.decodeText(data)
        if let problem = decoded.problem, !quiet { printError("warning: \(path): \(problem)") }
        let title = decoded.text.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) }
        return Document(id: path, title: title, text: decoded.text, origin: path)
    }

    static func jsonLine(_ finding: PairFinding?, a: String, b: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var finding else {
            return "{\"a\":\(try String(decoding: encoder.encode(a), as: UTF8.self)),\"b\":\(try String(decoding: encoder.encode(b), as: UTF8.self)),\"passages\":[],\"relation\":null}"
        }
        // The ids are the paths as loaded; report them as given.
        finding.coverage = [a: finding.coverage[finding.a] ?? 0, b: finding.coverage[finding.b] ?? 0]
        if finding.source != nil { finding.source = finding.source == finding.a ? a : b }
        if finding.derived != nil { finding.derived = finding.derived == finding.a ? a : b }
        finding.a = a
        finding.b = b
        return String(decoding: try encoder.encode(finding), as: UTF8.self)
    }

    /// A human-readable verdict with the aligned passages.
    static func verdict(_ finding: PairFinding?, _ a: Document, _ b: Document) -> String {
        guard let finding else { return "\(a.id) and \(b.id) share nothing: no reuse.\n" }
        let scalarsA = Array(a.text.unicodeScalars), scalarsB = Array(b.text.unicodeScalars)
        func excerpt(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[max(0, span.start)..<min(scalars.count, span.end)])
            return String(view).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        let scores = finding.scores
        var lines = [
            "\(finding.a) ~ \(finding.b): \(finding.relation.rawValue)",
            String(format: "jaccard %.3f  containment a-in-b %.3f  b-in-a %.3f  minhash %.3f [%.3f, %.3f]  simhash distance %d",
                   scores.jaccard, scores.containmentAInB, scores.containmentBInA, scores.minhash.estimate,
                   scores.minhash.lower, scores.minhash.upper, scores.simhashDistance),
            String(format: "coverage: a %.1f %%, b %.1f %%", 100 * (finding.coverage[finding.a] ?? 0), 100 * (finding.coverage[finding.b] ?? 0)),
        ]
        if let source = finding.source, let derived = finding.derived {
            lines.append("direction: \(derived) copies \(source)\(finding.credited == true ? " (credited)" : " (uncredited)")")
        }
        for (index, passage) in finding.passages.enumerated() {
            lines.append("")
            lines.append(String(format: "passage %d: %@, similarity %.3f, a %@, b %@", index + 1, passage.kind.rawValue,
                                passage.similarity, passage.a.description, passage.b.description))
            lines.append("  a: " + excerpt(scalarsA, passage.a))
            lines.append("  b: " + excerpt(scalarsB, passage.b))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

struct CompareError: Error, CustomStringConvertible {
    var description: String
}
