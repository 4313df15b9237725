import Foundation
import SyndicationEngine
import SyndicationScan
import Testing
import TestSupport
@testable import SyndicationReport

@Suite struct JSONReportWriterTests {
    @Test func roundTripsThroughJSONDecoder() throws {
        let report = ReportFixture.report
        let json = try JSONReportWriter.render(report)
        let decoded = try JSONDecoder().decode(ScanReport.self, from: Data(json.utf8))
        #expect(decoded == report)
    }

    @Test func isTaggedPrettySortedAndSnakeCased() throws {
        let json = try JSONReportWriter.render(ReportFixture.report)
        #expect(json.contains("\"format\" : \"syndetect-report/1\""))
        for key in ["containment_a_in_b", "containment_b_in_a", "simhash_distance", "external_source",
                    "xxhash_version", "in_boilerplate", "permutation_count"] {
            #expect(json.contains("\"\(key)\" : "), "missing key \(key)")
        }
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"url\" : \"https://spin.example/world/ukraine?id=1&ref=feed\""))
        #expect(!json.contains("\\/"))
        let clusters = try #require(json.range(of: "\"clusters\""))
        let documents = try #require(json.range(of: "\"documents\""))
        #expect(clusters.lowerBound < documents.lowerBound, "keys are sorted")
    }

    @Test func writesDoublesWithAtMostFourDecimals() throws {
        var report = ReportFixture.report
        report.pairs[0].scores.jaccard = 0.1 + 0.2
        report.pairs[0].scores.containmentAInB = 2.0 / 3.0
        report.pairs[0].passages[0].similarity = -0.000001
        report.pairs[0].coverage = ["001_spun": 0.87349999]
        let json = try JSONReportWriter.render(report)
        #expect(json.contains("\"jaccard\" : 0.3,"))
        #expect(json.contains("\"containment_a_in_b\" : 0.6667,"))
        #expect(json.contains("\"001_spun\" : 0.8735"))
        #expect(!json.contains("0.30000000000000004"))
        #expect(!json.contains(" : -0"))
    }

    @Test(arguments: [0.0, 1.0, 0.5, 0.12345, 0.87355, 1e-9, 123.45678])
    func roundingKeepsTheShortestForm(_ value: Double) {
        let rounded = value.roundedForOutput(decimals: 4)
        let fraction = "\(rounded)".split(separator: ".").last.map(String.init) ?? ""
        #expect(fraction.count <= 4, "\(value) → \(rounded)")
        #expect(abs(rounded - value) <= 0.00005 + 1e-12)
    }

    @Test func writesEmptyContainersOnOneLine() throws {
        let json = try JSONReportWriter.render(ReportFixture.report)
        #expect(json.contains("\"coverage\" : {},"))
        #expect(JSONReportWriter.compactingEmptyContainers("{\"a\" : [\n\n  ], \"b\" : \"{ }\"}")
            == "{\"a\" : [], \"b\" : \"{ }\"}")
    }

    @Test func rendersTheSameBytesTwice() throws {
        #expect(try JSONReportWriter.render(ReportFixture.report) == JSONReportWriter.render(ReportFixture.report))
    }

    /// The report encoded in one piece, as the writer did before it streamed: the reference
    /// the streamed output must equal byte for byte.
    static func wholeDocument(_ report: ScanReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report.roundedForOutput(decimals: JSONReportWriter.decimals))
        return JSONReportWriter.compactingEmptyContainers(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// The fixture with some of its arrays emptied and the document count set or not.
    static var variants: [ScanReport] {
        var variants: [ScanReport] = []
        for mask in 0..<16 {
            var report = ReportFixture.report
            if mask & 1 != 0 { report.documents = [] }
            if mask & 2 != 0 { report.pairs = [] }
            if mask & 4 != 0 { report.clusters = [] }
            if mask & 8 != 0 { report.documentCount = 1_000_000; report.warnings = [] }
            variants.append(report)
        }
        var single = ReportFixture.report
        single.documents = Array(single.documents.prefix(1))
        single.pairs = Array(single.pairs.prefix(1))
        single.clusters = Array(single.clusters.prefix(1))
        variants.append(single)
        return variants
    }

    @Test(arguments: 0..<17)
    func streamedOutputEqualsTheWholeDocumentEncoding(_ variant: Int) throws {
        let report = Self.variants[variant]
        let streamed = try JSONReportWriter.render(report)
        #expect(streamed == (try Self.wholeDocument(report)))
        #expect(try JSONDecoder().decode(ScanReport.self, from: Data(streamed.utf8)) == report.roundedForOutput(decimals: 4))
    }

    /// A report of `size` documents, pairs and clusters whose strings hold every kind of
    /// byte the encoder treats apart (quotes, backslashes, slashes, control bytes, DEL, line
    /// and paragraph separators, accents, emoji), ids that sort differently by code point
    /// and by UTF-8 and as numbers, and doubles of every magnitude a score can take.
    static func generated(seed: UInt64, size: Int) -> ScanReport {
        var generator = SeededGenerator(state: seed)
        let pieces = ["a", "Z", "9", "10", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}",
                      "\u{1F}", "\u{7F}", "\u{2028}", "é", "ß", "\u{FF5E}", "😀", "\u{10FFFF}", " ", "<", "&", "id"]
        func text(_ maximum: Int = 16) -> String {
            (0..<Int(generator.next() % UInt64(maximum + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        func optionalText() -> String? { generator.next() % 3 == 0 ? nil : text() }
        func double() -> Double {
            switch generator.next() % 6 {
            case 0: return 0
            case 1: return 1
            case 2: return Double(generator.next() % 10_001) / 10_000
            case 3: return Double(generator.next() >> 11) / Double(1 << 53)
            case 4: return Double(generator.next() % 1_000) * 1e-7
            default: return Double(generator.next() % 100_000) / 7
            }
        }
        func span() -> TextSpan {
            let start = Int(generator.next() % 5_000)
            return TextSpan(start: start, end: start + Int(generator.next() % 5_000))
        }
        var report = ReportFixture.report
        report.documents = (0..<size).map { _ in
            DocumentSummary(
                id: text(), title: optionalText(), outlet: optionalText(), url: optionalText(), published: optionalText(),
                sha256: text(), length: Int(generator.next() % 100_000),
                credits: (0..<Int(generator.next() % 3)).map { _ in
                    Credit(name: text(), span: span(), form: Credit.Form.allCases[Int(generator.next() % 9)],
                           inBoilerplate: generator.next() % 2 == 0)
                },
                origin: text())
        }
        report.pairs = (0..<size).map { _ in
            let a = text(), b = text()
            var coverage: [String: Double] = [:]
            for key in [a, b, text()].prefix(Int(generator.next() % 4)) { coverage[key] = double() }
            return PairFinding(
                a: a, b: b, relation: Relation.allCases[Int(generator.next() % UInt64(Relation.allCases.count))],
                source: optionalText(), derived: optionalText(),
                credited: [nil, true, false][Int(generator.next() % 3)],
                scores: PairScores(
                    jaccard: double(), containmentAInB: double(), containmentBInA: double(),
                    minhash: JaccardBounds(estimate: double(), lower: double(), upper: double()),
                    simhashDistance: Int(generator.next() % 65)),
                coverage: coverage,
                passages: (0..<Int(generator.next() % 3)).map { _ in
                    AlignedPassage(a: span(), b: span(), kind: AlignedPassage.Kind.allCases[Int(generator.next() % 5)],
                                   similarity: double())
                })
        }
        report.clusters = (0..<size).map { _ in
            Cluster(id: text(), origin: optionalText(), externalSource: optionalText(),
                    members: (0..<Int(generator.next() % 4)).map { _ in text() })
        }
        return report
    }

    @Test(arguments: 0..<8)
    func handWrittenElementsEqualJSONEncoderOnGeneratedReports(_ seed: Int) throws {
        let report = Self.generated(seed: UInt64(seed), size: 60)
        #expect(try JSONReportWriter.render(report) == (try Self.wholeDocument(report)))
    }

    @Test func aNonFiniteScoreThrowsAndKeepsTheEarlierPairs() throws {
        var report = ReportFixture.report
        report.pairs[1].scores.jaccard = .nan
        var json = ""
        #expect(throws: EncodingError.self) { try JSONReportWriter.write(report, to: &json) }
        // The first pair is written whole, the second not at all.
        #expect(json.components(separatedBy: "\"relation\" : ").count == 2)
        #expect(json.contains("\"relation\" : \"\(report.pairs[0].relation.rawValue)\""))
    }

    @Test(arguments: [2, 3])
    func elementsEncodedOnSeveralThreadsAreTheSameBytes(threads: Int) throws {
        var report = Self.generated(seed: 5, size: 3 * JSONReportWriter.blockSize + 17)
        #expect(report.pairs.count > JSONReportWriter.blockSize, "the pairs span several blocks")
        var serial = "", parallel = ""
        try JSONReportWriter.write(report, to: &serial)
        try JSONReportWriter.write(report, to: &parallel, threads: threads)
        #expect(parallel == serial)
        // A bad score in a later block: the pairs before it are written, none after.
        let bad = JSONReportWriter.blockSize + 5
        report.pairs[bad].scores.jaccard = .nan
        var partial = ""
        #expect(throws: EncodingError.self) { try JSONReportWriter.write(report, to: &partial, threads: threads) }
        #expect(partial.components(separatedBy: "\n    {\n      \"a\" : ").count - 1 == bad)
    }

    @Test func onlyTopLevelEmptyArraysAreSlots() {
        #expect(JSONReportWriter.emptyArrayKey("  \"pairs\" : [],") == ("pairs", true))
        #expect(JSONReportWriter.emptyArrayKey("  \"clusters\" : []") == ("clusters", false))
        #expect(JSONReportWriter.emptyArrayKey("    \"pairs\" : [],").key == nil)
        #expect(JSONReportWriter.emptyArrayKey("  \"pairs\" : [1],").key == nil)
        #expect(JSONReportWriter.emptyArrayKey("  \"format\" : \"syndetect-report/1\",").key == nil)
    }

    @Test func fileStreamWritesInSmallBuffersTheSameBytes() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("syndetect-json-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = ReportDirectoryWriter(directory: directory.path, inputs: [])
        let url = try writer.write(as: "report.json") { stream in
            var small = FileOutputStream(descriptor: stream.descriptor, capacity: 7)
            try JSONReportWriter.write(ReportFixture.report, to: &small)
            try small.flush()
        }
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == (try JSONReportWriter.render(ReportFixture.report)))
    }

    @Test func aFailedStreamLeavesNoFile() throws {
        struct Stop: Error {}
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("syndetect-json-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = ReportDirectoryWriter(directory: directory.path, inputs: [])
        #expect(throws: Stop.self) {
            try writer.write(as: "report.json") { stream in
                stream.write("{ half a report")
                throw Stop()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aClosedDescriptorIsAWriteError() {
        var stream = FileOutputStream(descriptor: -1, capacity: 4)
        stream.write("more than four bytes")
        #expect(stream.failure == EBADF)
        #expect(throws: FileOutputStream.WriteError.self) { try stream.flush() }
    }
}
