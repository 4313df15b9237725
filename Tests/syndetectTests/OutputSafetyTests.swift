import Foundation
import Testing

/// Reports land only where `--report-dir` says, whole or not at all, and never on an input.
@Suite struct OutputSafetyTests {
    static let names = ["report.html", "report.json", "report.md"]

    static func corpus() throws -> URL {
        try Harness.folder([
            "corpus/wire.txt": Data(Harness.article(1).utf8),
            "corpus/copy.txt": Data(Harness.article(1).utf8),
        ])
    }

    @Test func reportDirectoryThatLinksToTheInputFolderNeverOverwritesAnInput() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        // An input named like a report, reached through a link as the report directory.
        let original = Harness.article(2)
        try Data(original.utf8).write(to: corpus.appendingPathComponent("report.md"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("out").path, withDestinationPath: "corpus")
        let run = try Harness.run(["scan", corpus.path, "--report-dir", root.appendingPathComponent("out").path, "--quiet"])
        #expect(run.exited && run.status == 2)
        #expect(run.error.contains("report.md: is one of the scan's inputs; refusing to overwrite it"), "\(run.error)")
        #expect(try String(contentsOf: corpus.appendingPathComponent("report.md"), encoding: .utf8) == original)
        let listing = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
        #expect(!listing.contains { $0.hasPrefix(".") }, "a temporary file was left: \(listing)")
    }

    @Test func reportFileThatLinksToAnInputIsNotFollowed() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let input = root.appendingPathComponent("corpus/wire.txt")
        let before = try Data(contentsOf: input)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("report.html").path, withDestinationPath: input.path)
        let run = try Harness.run(["scan", root.appendingPathComponent("corpus").path, "--report-dir", out.path, "--quiet"])
        #expect(run.exited && run.status == 2)
        #expect(run.error.contains("refusing to overwrite"), "\(run.error)")
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func reportFileThatLinksOutsideIsReplacedNotWrittenThrough() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let outside = root.appendingPathComponent("elsewhere.json")
        try Data("keep me".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("report.json").path, withDestinationPath: outside.path)
        let run = try Harness.run(["scan", root.appendingPathComponent("corpus").path, "--report-dir", out.path, "--quiet"])
        #expect(run.exited && run.status == 0, "\(run.error)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
        // The link itself was replaced by the report, and only the three reports are there.
        let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("report.json").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.names)
    }

    @Test func reportDirectoryLinkedElsewhereGetsExactlyTheThreeReports() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("real-reports")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: target.path)
        let run = try Harness.run(["scan", root.appendingPathComponent("corpus").path, "--report-dir", root.appendingPathComponent("out").path, "--quiet"])
        #expect(run.exited && run.status == 0, "\(run.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == Self.names)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["corpus", "out", "real-reports"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("corpus").path).sorted() == ["copy.txt", "wire.txt"])
    }

    @Test func unwritableReportDirectoryIsExitTwoNamingIt() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        // A file where the directory should be: no permission trick, so it holds for root too.
        let blocker = root.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocker)
        let run = try Harness.run(["scan", root.appendingPathComponent("corpus").path, "--report-dir", blocker.appendingPathComponent("reports").path, "--quiet"])
        #expect(run.exited && run.status == 2)
        #expect(run.error.contains("not-a-directory/reports"), "\(run.error)")
    }
}

/// Same input, same bytes: at any thread count and on every run.
@Suite struct DeterminismTests {
    static func reports(_ corpus: String, threads: Int) throws -> [String: Data] {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Harness.run(["scan", corpus, "--report-dir", directory.path, "--threads", "\(threads)", "--quiet"])
        #expect(run.exited && run.status == 0, "\(run.error)")
        var files: [String: Data] = ["stdout": run.output]
        for name in OutputSafetyTests.names {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    /// The Markdown and HTML reports state the `threads` setting among the parameters
    /// (`| threads | 8 |`), so that one line differs by design; everything else is identical.
    static func withoutThreadsLine(_ data: Data?) -> [Substring] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.contains("threads") && ($0.hasPrefix("| threads |") || $0.contains(">threads<"))) }
    }

    @Test(arguments: ["Fixtures/behaviours", "Fixtures/seeds", "Fixtures/wirebench-slice"])
    func reportsAreByteIdenticalAtOneTwoAndEightThreadsAndAcrossRuns(corpus: String) throws {
        guard FileManager.default.fileExists(atPath: CommandLineTests.root.appendingPathComponent(corpus).path) else { return }
        let one = try Self.reports(corpus, threads: 1)
        let two = try Self.reports(corpus, threads: 2)
        let eight = try Self.reports(corpus, threads: 8)
        let eightAgain = try Self.reports(corpus, threads: 8)
        for name in one.keys.sorted() {
            // Across runs at one thread count: every byte.
            #expect(eightAgain[name] == eight[name], "\(corpus): \(name) differs between two runs at 8 threads")
            for (threads, other) in [(2, two), (8, eight)] {
                if name == "report.json" {
                    #expect(other[name] == one[name], "\(corpus): \(name) differs at \(threads) threads")
                } else {
                    #expect(Self.withoutThreadsLine(other[name]) == Self.withoutThreadsLine(one[name]),
                            "\(corpus): \(name) differs at \(threads) threads beyond the line stating the setting")
                }
            }
        }
    }
}
