import Foundation
import Testing

/// End-to-end tests of `syndetect index`: the built binary run as a process on generated
/// archives — add, re-add, scan --since, query, stats, and adds killed with SIGKILL.
@Suite struct IndexCommandTests {
    /// A deterministic pseudo-English article: a headline and `sentences` sentences of words
    /// drawn from a syllable vocabulary by `seed`, so different seeds share no prose.
    static func article(seed: Int, sentences: Int = 8) -> String {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "nu", "gar", "fe", "zon", "bri", "ta", "qua"]
        func word() -> String { (0..<(2 + Int(next() % 2))).map { _ in syllables[Int(next() % 16)] }.joined() }
        let headline = (0..<5).map { _ in word() }.joined(separator: " ").capitalized
        let body = (0..<sentences).map { _ -> String in
            let words = (0..<14).map { _ in word() }.joined(separator: " ")
            return words.prefix(1).uppercased() + words.dropFirst() + "."
        }
        return headline + "\n" + body[0..<(sentences / 2)].joined(separator: " ") + "\n\n"
            + body[(sentences / 2)...].joined(separator: " ") + "\n"
    }

    /// One JSON Lines record.
    static func record(id: String, outlet: String, published: String, text: String) throws -> String {
        let object: [String: String] = ["id": id, "outlet": outlet, "published": published, "text": text]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// An archive of `count` articles numbered from `first`; every fourth copies the one
    /// before it (another outlet, an hour later, its last sentence rewritten).
    static func archive(first: Int, count: Int, day: Int) throws -> String {
        var lines: [String] = []
        for number in first..<(first + count) {
            let published = String(format: "2026-11-%02dT%02d:00:00Z", day, number % 20)
            if number % 4 == 3 {
                var text = article(seed: number - 1)
                text = String(text.dropLast(2)) + " Kalo mi ren tu sa vel dor pi nu gar fe zon bri.\n"
                let later = String(format: "2026-11-%02dT%02d:30:00Z", day, (number - 1) % 20 + 1)
                lines.append(try record(id: "a\(number)", outlet: "Outlet \(number % 7)", published: later, text: text))
            } else {
                lines.append(try record(id: "a\(number)", outlet: "Outlet \(number % 7)", published: published, text: article(seed: number)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pairs(_ run: CommandLineTests.Run) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        return try #require(object["pairs"] as? [[String: Any]])
    }

    static func ids(_ pairs: [[String: Any]]) -> Set<[String]> {
        Set(pairs.compactMap { pair in (pair["a"] as? String).flatMap { a in (pair["b"] as? String).map { [a, $0] } } })
    }

    static func statistics(_ index: String) throws -> [String: Any] {
        let run = try CommandLineTests.run(["index", "stats", "--index", index, "--json", "--check", "--no-table-sizes"])
        #expect(run.status == 0, "\(run.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }

    @Test func addReAddScanSinceAndQuery() throws {
        let folder = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let day1 = folder.appendingPathComponent("day1.jsonl"), day2 = folder.appendingPathComponent("day2.jsonl")
        try Data(try Self.archive(first: 0, count: 40, day: 20).utf8).write(to: day1)
        // Day 2 also copies three articles of day 1.
        var second = try Self.archive(first: 40, count: 20, day: 21)
        for number in [0, 5, 10] {
            second += try Self.record(id: "copy\(number)", outlet: "Late Outlet", published: "2026-11-21T09:00:00Z",
                                      text: Self.article(seed: number)) + "\n"
        }
        try Data(second.utf8).write(to: day2)
        let index = folder.appendingPathComponent("archive.sqlite").path

        let first = try CommandLineTests.run(["index", "add", day1.path, "--index", index, "--batch-size", "16"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output == "added 40, replaced 0, unchanged 0 (3 transactions)\n")
        let digest = try Self.statistics(index)["content_digest"] as? String
        let again = try CommandLineTests.run(["index", "add", day1.path, "--index", index])
        #expect(again.output == "added 0, replaced 0, unchanged 40 (0 transactions)\n")
        #expect(try Self.statistics(index)["content_digest"] as? String == digest)

        let scan1 = try CommandLineTests.run(["index", "scan", "--index", index, "--format", "json"])
        #expect(scan1.status == 0, "\(scan1.error)")
        #expect(scan1.error.contains("scan 1: compared 40 new or changed documents"))
        let pairs1 = Self.ids(try Self.pairs(scan1))
        // Every fourth article copies the one before: a3~a2, a7~a6, ...
        #expect(Set((0..<10).map { ["a\(4 * $0 + 2)", "a\(4 * $0 + 3)"] }).isSubset(of: pairs1))
        Thread.sleep(forTimeInterval: 1.1)
        let between = ISO8601DateFormatter().string(from: Date())
        Thread.sleep(forTimeInterval: 1.1)

        let added = try CommandLineTests.run(["index", "add", day2.path, "--index", index])
        #expect(added.output == "added 23, replaced 0, unchanged 0 (1 transaction)\n")
        let reports = folder.appendingPathComponent("reports")
        let scan2 = try CommandLineTests.run(["index", "scan", "--index", index, "--format", "json", "--report-dir", reports.path])
        #expect(scan2.status == 0, "\(scan2.error)")
        let pairs2 = Self.ids(try Self.pairs(scan2))
        #expect(pairs2.isSuperset(of: [["a0", "copy0"], ["a10", "copy10"], ["a5", "copy5"], ["a42", "a43"]]))
        #expect(pairs2.allSatisfy { pair in pair.contains { $0.hasPrefix("copy") || Int($0.dropFirst())! >= 40 } })
        #expect(pairs1.isDisjoint(with: pairs2))
        for name in ["report.md", "report.html", "report.json"] {
            #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path))
        }

        // Nothing new: --since last reports the last scan again; --since a time selects scans.
        let sinceBetween = try CommandLineTests.run(["index", "scan", "--index", index, "--format", "json", "--since", between])
        #expect(sinceBetween.error.contains("nothing added since the last scan"))
        #expect(Self.ids(try Self.pairs(sinceBetween)) == pairs2)
        let everything = try CommandLineTests.run(["index", "scan", "--index", index, "--format", "json", "--since", "2000-01-01T00:00:00Z"])
        #expect(Self.ids(try Self.pairs(everything)) == pairs1.union(pairs2))
        let markdown = try CommandLineTests.run(["index", "scan", "--index", index])
        #expect(markdown.status == 0 && markdown.output.hasPrefix("#"))

        // Query: a new article copying an archived one, which it does not add.
        let query = folder.appendingPathComponent("query.jsonl")
        try Data((try Self.record(id: "today", outlet: "Daily", published: "2026-11-22T08:00:00Z", text: Self.article(seed: 21)) + "\n").utf8).write(to: query)
        let found = try CommandLineTests.run(["index", "query", query.path, "--index", index, "--format", "json"])
        #expect(found.status == 0, "\(found.error)")
        let queried = try Self.pairs(found)
        #expect(Self.ids(queried) == [["a21", "today"]])
        #expect(queried.first?["source"] as? String == "a21")
        #expect(queried.first?["derived"] as? String == "today")
        #expect(found.error.contains("today reuses a21"))
        #expect(try Self.statistics(index)["documents"] as? Int == 63)

        let stats = try CommandLineTests.run(["index", "stats", "--index", index])
        #expect(stats.status == 0 && stats.output.contains("documents       63 (0 not yet scanned)"))
    }

    @Test func unusableIndexesAndOptionsExitTwo() throws {
        let folder = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("none.sqlite").path
        let scan = try CommandLineTests.run(["index", "scan", "--index", missing])
        #expect(scan.status == 2 && scan.error.contains("there is no index here"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        let text = folder.appendingPathComponent("notes.txt")
        try Data("Some notes, not an index.\n".utf8).write(to: text)
        let wrong = try CommandLineTests.run(["index", "stats", "--index", text.path])
        #expect(wrong.status == 2 && wrong.error.contains("not a syndetect index"))
        #expect(try String(contentsOf: text, encoding: .utf8) == "Some notes, not an index.\n")
        let input = try CommandLineTests.run(["index", "add", folder.path, "--index", text.path])
        #expect(input.status == 2 && input.error.contains("refusing to use an input file as the index"))
        let since = try CommandLineTests.run(["index", "scan", "--index", missing, "--since", "yesterday"])
        #expect(since.status == 2 && since.error.contains("--since takes 'last' or an ISO-8601 time"))
    }

    /// Adds killed with SIGKILL at random moments, again and again, leave an index SQLite
    /// finds intact; re-running completes it, and it then holds exactly what one uninterrupted
    /// add writes (same content digest) and scans to the same report.
    @Test func killedAddsLeaveAConsistentIndexThatCompletes() throws {
        let folder = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        let total = 600
        try Data(try Self.archive(first: 0, count: total, day: 20).utf8).write(to: corpus)
        let reference = folder.appendingPathComponent("reference.sqlite").path
        let whole = try CommandLineTests.run(["index", "add", corpus.path, "--index", reference, "--batch-size", "10", "--threads", "1"])
        #expect(whole.status == 0, "\(whole.error)")

        let victim = folder.appendingPathComponent("victim.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var documents = 0
        var readerRuns = 0
        for _ in 0..<8 {
            let log = folder.appendingPathComponent("add.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["index", "add", corpus.path, "--index", victim, "--batch-size", "10", "--threads", "1"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = handle
            try process.run()
            // Wait for a commit or two, then kill at a random moment of the next batches.
            let wanted = Int.random(in: 1...3, using: &generator)
            let start = Date()
            while process.isRunning && Date().timeIntervalSince(start) < 60 {
                let committed = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
                    .components(separatedBy: "committed").count - 1
                if committed >= wanted { break }
                usleep(5_000)
            }
            if process.isRunning && readerRuns < 2 {
                // Readers work while the add runs.
                let reader = try CommandLineTests.run(["index", "stats", "--index", victim, "--json", "--no-table-sizes"])
                #expect(reader.status == 0, "\(reader.error)")
                readerRuns += 1
            }
            usleep(UInt32.random(in: 0...150_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            try handle.close()
            let statistics = try Self.statistics(victim)
            #expect((statistics["integrity_problems"] as? [String]) == [])
            let now = try #require(statistics["documents"] as? Int)
            #expect(now >= documents && now <= total)
            documents = now
            if process.terminationReason == .exit { break }
        }
        #expect(kills >= 3, "the add finished before it could be killed three times; make the corpus larger")
        let rest = try CommandLineTests.run(["index", "add", corpus.path, "--index", victim, "--batch-size", "10"])
        #expect(rest.status == 0, "\(rest.error)")
        #expect(rest.output == "added \(total - documents), replaced 0, unchanged \(documents) (\((total - documents + 9) / 10) transaction\((total - documents + 9) / 10 == 1 ? "" : "s"))\n")
        let left = try Self.statistics(victim), right = try Self.statistics(reference)
        #expect(left["documents"] as? Int == total)
        #expect(left["content_digest"] as? String == right["content_digest"] as? String)
        for key in ["band_keys", "passage_keys", "line_keys"] { #expect(left[key] as? Int == right[key] as? Int, "\(key)") }
        let scanLeft = try CommandLineTests.run(["index", "scan", "--index", victim, "--format", "json"])
        let scanRight = try CommandLineTests.run(["index", "scan", "--index", reference, "--format", "json"])
        #expect(scanLeft.status == 0 && !scanLeft.output.isEmpty)
        #expect(scanLeft.output == scanRight.output)
    }
}
