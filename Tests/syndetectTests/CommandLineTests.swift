import Foundation
import Testing

/// End-to-end tests: the built `syndetect` binary run as a process.
@Suite struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `syndetect` executable built beside this test bundle.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [besideTests, besideTests.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("syndetect")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/syndetect")
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a large report cannot fill the pipe and stall the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syndetect-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func versionAndHelp() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.contains("xxHash"))
        let help = try Self.run(["scan", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--report-dir"))
    }

    /// On Linux the tool runs on mimalloc with its decommit delay lengthened
    /// (`AllocatorSettings`), which `SYNDETECT_TIMINGS` reports; a delay the user sets wins.
    @Test func allocatorIsMimallocWithTheLongerDelay() throws {
        let run = try Self.run(["scan", "Fixtures/seeds", "--format", "json", "--quiet"], environment: ["SYNDETECT_TIMINGS": "1"])
        #expect(run.status == 0)
        let line = run.error.split(separator: "\n").first { $0.hasPrefix("timing: allocator ") }
        #if os(Linux)
        #expect(line?.hasPrefix("timing: allocator mimalloc 2.") == true, "\(line ?? "no allocator line")")
        #expect(line?.hasSuffix("decommit delay 10000 ms") == true, "\(line ?? "no allocator line")")
        let chosen = try Self.run(
            ["scan", "Fixtures/seeds", "--format", "json", "--quiet"],
            environment: ["SYNDETECT_TIMINGS": "1", "MIMALLOC_DECOMMIT_DELAY": "7"])
        let chosenLine = chosen.error.split(separator: "\n").first { $0.hasPrefix("timing: allocator ") }
        #expect(chosenLine?.hasSuffix("decommit delay 7 ms") == true, "\(chosenLine ?? "no allocator line")")
        #else
        #expect(line != nil)
        #endif
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["scan", "--no-such-option", "Fixtures/seeds"]).status == 2)
        #expect(try Self.run(["compare", "only-one-file"]).status == 2)
        let missing = try Self.run(["scan", "no/such/folder"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no/such/folder"))
    }

    @Test func scanSeedsAsJSON() throws {
        let run = try Self.run(["scan", "Fixtures/seeds", "--format", "json", "--quiet"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "syndetect-report/1")
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let reuse = pairs.first { ($0["a"] as? String)?.hasPrefix("001") == true && ($0["b"] as? String)?.hasPrefix("003") == true }
        #expect(reuse?["relation"] as? String == "rewritten")
        #expect(run.error.isEmpty)
    }

    @Test func reportDirectoryGetsAllThreeReports() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["scan", "Fixtures/seeds", "--report-dir", directory.path, "--quiet"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("#"))
        for name in ["report.md", "report.html", "report.json"] {
            let contents = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(contents.contains("001_b6cd0fa0bedfc2f9") || contents.contains("001\\_b6cd0fa0bedfc2f9"), "\(name)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// `Reports/` holds what the README's main command writes for the seeds; this fails when
    /// the committed reports are stale (rerun `scripts/scan-seeds` to refresh them).
    @Test func committedReportsAreCurrent() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["scan", "Fixtures/seeds", "--report-dir", directory.path, "--quiet"])
        #expect(run.status == 0)
        for name in ["report.md", "report.html", "report.json"] {
            let fresh = try Data(contentsOf: directory.appendingPathComponent(name))
            let committed = try Data(contentsOf: Self.root.appendingPathComponent("Reports/\(name)"))
            #expect(fresh == committed, "Reports/\(name) is stale: run scripts/scan-seeds")
        }
    }

    /// `--spill-budget` decides where the sentence keys wait (0: every batch goes to a
    /// temporary file), never what the report says; a negative budget is a usage error.
    @Test func spillBudgetLeavesTheReportAlone() throws {
        for corpus in ["Fixtures/seeds", "Fixtures/wirebench-slice"] {
            let held = try Self.run(["scan", corpus, "--format", "json", "--quiet", "--spill-budget", "4096"])
            let spilled = try Self.run(["scan", corpus, "--format", "json", "--quiet", "--spill-budget", "0"])
            #expect(held.status == 0 && spilled.status == 0, "\(corpus)")
            #expect(!held.output.isEmpty && held.output == spilled.output, "\(corpus)")
        }
        // The budget reaches the key store: with none, the keys look for a temporary folder
        // (here one that cannot be made, which the scan reports); with room, they do not.
        let nowhere = ["TMPDIR": "/nonexistent-syndetect-tmp"]
        let none = try Self.run(["scan", "Fixtures/seeds", "--format", "json", "--spill-budget", "0"], environment: nowhere)
        let room = try Self.run(["scan", "Fixtures/seeds", "--format", "json", "--spill-budget", "64"], environment: nowhere)
        #expect(none.status == 0 && none.error.contains("kept in memory: could not make a temporary directory"))
        #expect(room.status == 0 && !room.error.contains("kept in memory"))
        let negative = try Self.run(["scan", "Fixtures/seeds", "--spill-budget", "-1"])
        #expect(negative.status == 2)
        #expect(negative.error.contains("--spill-budget"))
    }

    @Test func jsonIsIdenticalAtOneAndManyThreads() throws {
        let one = try Self.run(["scan", "Fixtures/seeds", "--format", "json", "--threads", "1", "--quiet"])
        let many = try Self.run(["scan", "Fixtures/seeds", "--format", "json", "--threads", "8", "--quiet"])
        #expect(one.status == 0 && many.status == 0)
        #expect(one.output == many.output)
    }

    @Test func compareTwoFiles() throws {
        let run = try Self.run(["compare", "Fixtures/seeds/001_b6cd0fa0bedfc2f9.txt", "Fixtures/seeds/003_e7f0bd2bfc9d891e.txt"])
        #expect(run.status == 0)
        #expect(run.output.contains("rewritten"))
        #expect(run.output.contains("passage 1"))
    }

    @Test func comparePairsPrintsOneJSONLinePerPair() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeds = Self.root.appendingPathComponent("Fixtures/seeds")
        for name in ["001_b6cd0fa0bedfc2f9.txt", "003_e7f0bd2bfc9d891e.txt", "000_2968282e7fb745e4.txt"] {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let list = "001_b6cd0fa0bedfc2f9.txt 003_e7f0bd2bfc9d891e.txt\n000_2968282e7fb745e4.txt\t001_b6cd0fa0bedfc2f9.txt\n"
        try list.write(to: directory.appendingPathComponent("pairs.txt"), atomically: true, encoding: .utf8)
        let run = try Self.run(["compare", "--pairs", directory.appendingPathComponent("pairs.txt").path, "--quiet"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["a"] as? String == "001_b6cd0fa0bedfc2f9.txt")
        #expect(first["relation"] as? String == "rewritten")
        let passages = try #require(first["passages"] as? [[String: Any]])
        #expect(!passages.isEmpty)
        // Offsets index the whole decoded file.
        let text = Array(try String(contentsOf: directory.appendingPathComponent("001_b6cd0fa0bedfc2f9.txt"), encoding: .utf8).unicodeScalars)
        let span = try #require(passages[0]["a"] as? [Int])
        #expect(span[1] <= text.count)
    }

    @Test func strictTurnsWarningsIntoExitTwo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus.jsonl")
        let lines = [
            #"{"id": "a", "text": "The quick brown fox jumps over the lazy dog near the river bank today."}"#,
            "this line is not json",
            #"{"id": "b", "text": "An entirely different sentence about markets and the economy this week."}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let lenient = try Self.run(["scan", corpus.path, "--format", "json"])
        #expect(lenient.status == 0)
        #expect(lenient.error.contains("corpus.jsonl:2"))
        let strict = try Self.run(["scan", corpus.path, "--strict"])
        #expect(strict.status == 2)
    }

    @Test func reportsNeverOverwriteInputs() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.md")
        let original = "Report on markets\nShares rose sharply on Monday as investors cheered the results of the bank.\n"
        try original.write(to: input, atomically: true, encoding: .utf8)
        let run = try Self.run(["scan", directory.path, "--report-dir", directory.path, "--quiet"])
        #expect(run.status == 2)
        #expect(run.error.contains("refusing to overwrite"))
        #expect(try String(contentsOf: input, encoding: .utf8) == original)
    }
}
