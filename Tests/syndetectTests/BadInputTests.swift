import Foundation
import Testing

/// The bad-input matrix, end to end: each bad input sits beside a good document; the scan
/// warns naming the file (and line), reads the rest, exits as the README documents (0, or 2
/// when nothing is readable or with `--strict`), never crashes and never hangs.
@Suite struct BadInputTests {
    static let good = Data(Harness.article().utf8)

    /// Scans `folder` as JSON and checks the common promises; returns the run.
    static func scan(_ folder: URL, _ extra: [String] = [], timeout: Double = 60) throws -> Harness.Run {
        let run = try Harness.run(["scan", folder.path, "--format", "json"] + extra, timeout: timeout)
        #expect(!run.timedOut, "the scan took over \(timeout) s")
        #expect(run.exited, "the scan ended by a signal: \(run.error)")
        return run
    }

    @Test func invalidUTF8IsReadWithReplacementAndAWarningNamingTheLine() throws {
        var bad = Data("Title line\nSecond line is fine\n".utf8)
        bad += Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x0A])  // "Caf\xE9 \xC3( \xED\xA0\x80"
        bad += Data(Harness.article(1).utf8)
        let folder = try Harness.folder(["good.txt": Self.good, "latin1.txt": bad])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(run.error.contains("latin1.txt:3: the file is not valid UTF-8"), "\(run.error)")
        #expect(try run.documentIDs() == ["good", "latin1"])
    }

    @Test(arguments: [true, false])
    func utf16WithByteOrderMarkDecodes(bigEndian: Bool) throws {
        var units = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        for unit in Harness.article().utf16 {
            let value = bigEndian ? unit.bigEndian : unit.littleEndian
            withUnsafeBytes(of: value) { units += Data($0) }
        }
        let folder = try Harness.folder(["good.txt": Self.good, "wide.txt": units])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(!run.error.contains("wide.txt"), "\(run.error)")
        // Decoded right, the UTF-16 copy is the same text as the UTF-8 original.
        let pairs = try #require(try run.json()["pairs"] as? [[String: Any]])
        #expect(pairs.first?["relation"] as? String == "verbatim")
    }

    @Test func binaryFileIsSkippedWithAWarning() throws {
        var generator = SystemRandomNumberGenerator()
        var binary = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        binary += Data((0..<20_000).map { $0 % 7 == 0 ? 0 : UInt8.random(in: 0...255, using: &generator) })
        let folder = try Harness.folder(["good.txt": Self.good, "picture.txt": binary])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(run.error.contains("picture.txt: the file holds"), "\(run.error)")
        #expect(run.error.contains("binary file; skipped"))
        #expect(try run.documentIDs() == ["good"])
    }

    @Test func emptyAndBlankFilesAreSkippedWithAWarning() throws {
        let folder = try Harness.folder(["good.txt": Self.good, "empty.txt": Data(), "blank.md": Data(" \n\t\r\n".utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(run.error.contains("empty.txt: the file is empty or holds only white space"), "\(run.error)")
        #expect(run.error.contains("blank.md: the file is empty"))
        #expect(try run.documentIDs() == ["good"])
        // Nothing readable at all is exit 2, naming the input.
        let nothing = try Harness.folder(["empty.txt": Data()])
        defer { try? FileManager.default.removeItem(at: nothing) }
        let none = try Self.scan(nothing)
        #expect(none.status == 2)
        #expect(none.error.contains("no readable documents"))
    }

    @Test func jsonLinesThatAreNotJSONOrLackTextAreWarningsByLine() throws {
        let lines = [
            #"{"id": "first", "text": "\#(Harness.article(1).replacingOccurrences(of: "\n", with: "\\n"))"}"#,
            "this line is not JSON",
            #"{"id": "no-text", "title": "Missing"}"#,
            #"["an", "array"]"#,
            #"{"id": 7, "text": "a number for an id"}"#,
            #"{"id": "null-text", "text": null}"#,
            #"{"id": "truncated", "text": "cut off here"#,
            #"{"id": "second", "text": "\#(Harness.article(2).replacingOccurrences(of: "\n", with: "\\n"))"}"#,
        ]
        let folder = try Harness.folder(["corpus.jsonl": Data((lines.joined(separator: "\n") + "\n").utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder.appendingPathComponent("corpus.jsonl"))
        #expect(run.status == 0)
        for (line, message) in [
            (2, "this line is not valid JSON"), (3, "document 'no-text' has no 'text'"),
            (4, "this line holds a JSON array, not an object"), (5, "this object's 'id' is not a non-empty string"),
            (6, "document 'null-text' has no 'text'"), (7, "this line is not valid JSON"),
        ] {
            #expect(run.error.contains("corpus.jsonl:\(line): \(message)"), "line \(line): \(run.error)")
        }
        #expect(try run.documentIDs() == ["first", "second"])
        #expect(try Self.scan(folder.appendingPathComponent("corpus.jsonl"), ["--strict"]).status == 2)
    }

    @Test func duplicateIDsKeepTheFirstAndNameBothPlaces() throws {
        let text = Harness.article(3).replacingOccurrences(of: "\n", with: "\\n")
        let jsonl = [
            #"{"id": "story", "text": "\#(text)"}"#,
            #"{"id": "other", "text": "A different story about the weather and the markets on Monday."}"#,
            #"{"id": "story", "text": "The second copy of an id is skipped."}"#,
        ].joined(separator: "\n")
        // A folder file with the same id as a JSON Lines document, too.
        let folder = try Harness.folder(["a/corpus.jsonl": Data(jsonl.utf8), "b/story.txt": Self.good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Harness.run(["scan", folder.appendingPathComponent("a/corpus.jsonl").path,
                                   folder.appendingPathComponent("b").path, "--format", "json"])
        #expect(run.exited && !run.timedOut && run.status == 0)
        #expect(run.error.contains("corpus.jsonl:3: the id 'story' was already read from"), "\(run.error)")
        #expect(run.error.contains("story.txt: the id 'story' was already read from"), "\(run.error)")
        #expect(try run.documentIDs() == ["other", "story"])
    }

    @Test(.enabled(if: getuid() != 0, "running as root, where chmod 000 does not stop reads; the unreadable-file case cannot be made"))
    func unreadableFileIsAWarning() throws {
        let folder = try Harness.folder(["good.txt": Self.good, "locked.txt": Data(Harness.article(4).utf8)])
        defer {
            chmod(folder.appendingPathComponent("locked.txt").path, 0o644)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(chmod(folder.appendingPathComponent("locked.txt").path, 0) == 0)
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(run.error.contains("locked.txt: the file could not be read"), "\(run.error)")
        #expect(try run.documentIDs() == ["good"])
    }

    @Test func unreadableFolderIsAWarning() throws {
        // Root lists a mode-000 folder too; then the folder is read and there is nothing to check.
        let folder = try Harness.folder(["good.txt": Self.good, "locked/inner.txt": Data(Harness.article(4).utf8)])
        let locked = folder.appendingPathComponent("locked")
        defer {
            chmod(locked.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(chmod(locked.path, 0) == 0)
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        if getuid() != 0 {
            #expect(run.error.contains("locked: the folder could not be listed"), "\(run.error)")
            #expect(try run.documentIDs() == ["good"])
        }
    }

    @Test func symbolicLinkLoopIsReadOnce() throws {
        let folder = try Harness.folder(["good.txt": Self.good, "nested/deeper/copy.txt": Self.good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("nested/deeper/up").path, withDestinationPath: "../..")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("nested/self").path, withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path, withDestinationPath: "no/such/file.txt")
        let run = try Self.scan(folder, timeout: 30)
        #expect(run.status == 0)
        #expect(run.error.contains("up: this folder is a link to a folder already read"), "\(run.error)")
        #expect(run.error.contains("self: this folder is a link to a folder already read"))
        #expect(run.error.contains("dangling.txt: this entry is a broken link"))
        #expect(try run.documentIDs() == ["copy", "good"])
    }

    @Test func strayZeroBytesAreKeptWithAWarningNamingTheLine() throws {
        var text = Data("Title\nFirst line\n".utf8)
        text += Data("A zero byte ".utf8) + Data([0]) + Data(" in the third line.\n".utf8)
        text += Data(Harness.article(5).utf8)
        let folder = try Harness.folder(["good.txt": Self.good, "zero.txt": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(run.error.contains("zero.txt:3: the file holds 1 zero byte (kept as U+0000)"), "\(run.error)")
        #expect(try run.documentIDs() == ["good", "zero"])
        // In a JSON string a zero is an escape, not a byte: it is read as U+0000.
        let jsonl = #"{"id": "nul", "text": "before \u0000 after, \#(Harness.article(6).replacingOccurrences(of: "\n", with: " "))"}"#
        let corpus = try Harness.folder(["corpus.jsonl": Data(jsonl.utf8)])
        defer { try? FileManager.default.removeItem(at: corpus) }
        let inJSON = try Self.scan(corpus.appendingPathComponent("corpus.jsonl"))
        #expect(inJSON.status == 0)
        #expect(try inJSON.documentIDs() == ["nul"])
    }

    @Test func tenThousandCharacterWordsAreScanned() throws {
        let long = String(repeating: "abcdefghij", count: 1_000)
        let accented = String(repeating: "e\u{301}", count: 5_000)
        let text = "Long words\n\(long) \(accented) and then ordinary prose follows. " + Harness.article(7)
            + String(repeating: "\(long)\(long) ", count: 5)
        let folder = try Harness.folder(["a.txt": Data(text.utf8), "b.txt": Data(text.utf8), "good.txt": Self.good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        #expect(run.error.isEmpty, "\(run.error)")
        let pairs = try #require(try run.json()["pairs"] as? [[String: Any]])
        #expect(pairs.contains { $0["a"] as? String == "a" && $0["b"] as? String == "b" && $0["relation"] as? String == "verbatim" })
    }

    @Test func rightToLeftAndCombiningMarkTextIsAligned() throws {
        let arabic = """
            انقطاع الكهرباء في الميناء
            أعادت سلطة الميناء فتح الرصيف الشمالي يوم الثلاثاء بعد أن ألحقت العاصفة أضرارا برصيفين وقطعت الكهرباء عن محطة الحاويات طوال عطلة نهاية الأسبوع. \
            وعمل المهندسون طوال الليل لإصلاح الرافعات، وتم تفريغ أولى السفن بحلول الظهر. \
            وقال مسؤولون إن الإصلاحات ستكلف نحو أربعة ملايين يورو وتستغرق حتى نهاية الشهر. \
            وقال صيادون إنهم فقدوا شباكا ومعدات بآلاف.

            """
        let hebrew = "שלום עולם. זה משפט ארוך בעברית על הנמל והסערה שפגעה בו ביום שלישי.\n"
        // Decomposed accents, a mark with no base, bidi controls, zero-width joiners.
        let marks = "Cafe\u{301} cre\u{300}me \u{301}\u{301}\u{301} \u{202E}reversed\u{202C} \u{200D}joined\u{200D} \u{FEFF}\n"
        let folder = try Harness.folder([
            "ar-1.txt": Data((arabic + hebrew + marks).utf8), "ar-2.txt": Data((marks + arabic).utf8),
            "good.txt": Self.good,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder)
        #expect(run.status == 0)
        let json = try run.json()
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let pair = try #require(pairs.first { $0["a"] as? String == "ar-1" && $0["b"] as? String == "ar-2" })
        #expect(pair["relation"] as? String != nil)
        // Offsets are in range of each text's code points.
        let lengths = Dictionary(uniqueKeysWithValues: (json["documents"] as? [[String: Any]] ?? []).compactMap { document in
            (document["id"] as? String).map { ($0, document["length"] as? Int ?? 0) }
        })
        for passage in pair["passages"] as? [[String: Any]] ?? [] {
            let a = passage["a"] as? [Int] ?? [], b = passage["b"] as? [Int] ?? []
            #expect(a.count == 2 && a[0] < a[1] && a[1] <= lengths["ar-1", default: 0])
            #expect(b.count == 2 && b[0] < b[1] && b[1] <= lengths["ar-2", default: 0])
        }
        // The reports render such text too.
        let html = try Harness.run(["scan", folder.path, "--format", "html", "--quiet"])
        #expect(html.status == 0 && html.outputText.contains("الميناء"))
    }

    /// Whether the slow cases run: `SYNDETECT_HEAVY_TESTS=1`. In a debug build on this 2-core
    /// machine each took over 12 minutes (release: see the README's "Reliability" section).
    static let heavy = ProcessInfo.processInfo.environment["SYNDETECT_HEAVY_TESTS"] == "1"

    /// Generated large inputs: a 50 MB article and 100,000 one-line articles. Times go to the
    /// test log so a slow machine shows where the time went.
    @Test(.enabled(if: heavy, "over 12 minutes in a debug build; set SYNDETECT_HEAVY_TESTS=1"))
    func fiftyMegabyteArticle() throws {
        var text = "A very long article\n"
        text.reserveCapacity(51_000_000)
        var number = 0
        while text.utf8.count < 50_000_000 {
            // Varied sentences, so the scan does real work on every line.
            text += "Paragraph \(number) reports that shipment \(number &* 7919 % 100_003) reached port \(number % 97) on time. "
            if number % 20 == 19 { text += "\n" }
            number += 1
        }
        let folder = try Harness.folder(["huge.txt": Data(text.utf8), "good.txt": Self.good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder, ["--quiet"], timeout: 1800)
        print("50 MB article: scan took \(String(format: "%.1f", run.seconds)) s")
        #expect(run.status == 0)
        #expect(try run.documentIDs() == ["good", "huge"])
    }

    @Test(.enabled(if: heavy, "over 13 minutes in a debug build; set SYNDETECT_HEAVY_TESTS=1"))
    func hundredThousandOneLineArticles() throws {
        var lines: [String] = []
        lines.reserveCapacity(100_000)
        for number in 0..<100_000 {
            lines.append(#"{"id": "n\#(number)", "text": "Item \#(number): the council met on day \#(number % 365) and approved budget line \#(number &* 31 % 9973)."}"#)
        }
        let folder = try Harness.folder(["many.jsonl": Data((lines.joined(separator: "\n") + "\n").utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.scan(folder.appendingPathComponent("many.jsonl"), ["--quiet"], timeout: 1800)
        print("100k one-line articles: scan took \(String(format: "%.1f", run.seconds)) s")
        #expect(run.status == 0)
        #expect(try run.documentIDs().count == 100_000)
    }

    /// A JSON Lines file is read through mappings; cut short by another program meanwhile, it
    /// stops the scan with an error that names it and exit status 2, not a crash by `SIGBUS`,
    /// and no report is written. The file is cut once the scan has mapped it (seen in
    /// `/proc/PID/maps`), with megabytes still to read: the file spans several 8 MB mappings,
    /// so that even a late look, on a busy machine, cuts it before its last one is read.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps"), "needs /proc to see the mapping"))
    func aFileCutShortWhileReadIsNamed() throws {
        var lines: [String] = []
        for number in 0..<130_000 {
            lines.append(#"{"id": "n\#(number)", "text": "Item \#(number): the council met on day \#(number % 365) and approved budget line \#(number &* 31 % 9973) after a long debate about the harbour, the roads and the schools of the district."}"#)
        }
        let folder = try Harness.folder(["cut.jsonl": Data((lines.joined(separator: "\n") + "\n").utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cut.jsonl").path
        let reports = folder.appendingPathComponent("reports")
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["scan", path, "--format", "json", "--quiet", "--report-dir", reports.path]
        process.standardOutput = FileHandle.nullDevice
        let error = Pipe()
        process.standardError = error
        try process.run()
        var cut = false
        let start = Date()
        while process.isRunning, !cut, Date().timeIntervalSince(start) < 60 {
            let maps = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/maps", encoding: .utf8)) ?? ""
            if maps.contains(path) {
                cut = truncate(path, 0) == 0
            } else {
                usleep(1_000)
            }
        }
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(cut, "the scan was never seen reading the file")
        #expect(process.terminationReason == .exit, "ended by a signal: \(message)")
        #expect(process.terminationStatus == 2)
        #expect(message.contains("error: \(path) was cut short while it was read"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("report.json").path))
    }
}
