import Foundation
import Testing
import SyndicationEngine
@testable import SyndicationScan

/// Pathological corpora stay bounded, and what the scan leaves out is reported (issue 7,
/// item 5); the streamed scan equals the in-memory one.
@Suite struct ResourceBoundsTests {
    /// Deterministic pseudo-prose: unrelated articles share no sentences.
    struct Prose {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }

        mutating func word() -> String {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            return String((0..<(3 + Int(next() % 7))).map { _ in letters[Int(next() % 26)] })
        }

        mutating func sentence(_ words: Int) -> String {
            let text = (0..<words).map { _ in word() }.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }

        mutating func article(_ title: String, paragraphs: Int = 5) -> String {
            title + "\n" + (0..<paragraphs).map { _ in (0..<4).map { _ in sentence(12) }.joined(separator: " ") }
                .joined(separator: "\n") + "\n"
        }
    }

    static func scanner(threads: Int = 2) -> CorpusScanner {
        var parameters = ScanParameters()
        parameters.threads = threads
        return CorpusScanner(parameters: parameters)
    }

    @Test func identicalTextsAreAnalysedOnceAndReportedLinearly() {
        var prose = Prose(state: 1)
        let text = prose.article("One story")
        var documents = (0..<40).map { Document(id: String(format: "copy%02d", $0), outlet: "site\($0)", text: text, origin: "t") }
        documents.append(Document(id: "other", text: prose.article("Another story"), origin: "t"))
        let outcome = Self.scanner().scan(documents)
        let report = outcome.report
        // 39 pairs with the first copy, not 780 pairs among all copies.
        #expect(report.pairs.count == 39)
        #expect(report.pairs.allSatisfy { $0.a == "copy00" && $0.relation == .verbatim })
        #expect(report.clusters.count == 1)
        #expect(report.clusters.first?.members.count == 40)
        #expect(outcome.candidateCounts.copies == 39)
        #expect(report.warnings.contains { $0.message.contains("40 copies of 'copy00'") })
        #expect(report.documents.count == 41)
    }

    @Test func smallCopyGroupsGetEveryPair() {
        var prose = Prose(state: 2)
        let story = prose.article("Shared story")
        let edited = story.replacingOccurrences(of: "Shared story", with: "Shared story, updated")
        let documents = [
            Document(id: "a", text: story, origin: "t"), Document(id: "b", text: story, origin: "t"),
            Document(id: "c", text: story, origin: "t"), Document(id: "d", text: edited, origin: "t"),
        ]
        let report = Self.scanner().scan(documents).report
        let pairs = Set(report.pairs.filter(\.relation.isReuse).map { "\($0.a)-\($0.b)" })
        #expect(pairs == ["a-b", "a-c", "b-c", "a-d", "b-d", "c-d"])
        #expect(report.warnings.isEmpty)
    }

    @Test func aSharedTemplateDoesNotMakeEveryPageACandidate() {
        var prose = Prose(state: 3)
        let template = (0..<30).map { _ in prose.sentence(12) }.joined(separator: "\n") + "\n"
        let documents = (0..<60).map {
            Document(id: String(format: "page%02d", $0), outlet: "site\($0 % 6)",
                     text: prose.article("Story \($0)", paragraphs: 3) + template, origin: "t")
        }
        let outcome = Self.scanner().scan(documents)
        #expect(outcome.candidateCounts.lsh == 0)
        #expect(outcome.report.pairs.filter(\.relation.isReuse).isEmpty)
    }

    @Test func skippedBucketsAreReported() {
        var prose = Prose(state: 4)
        let story = prose.article("Story")
        // Near-identical (not identical) pages: one LSH bucket of 12.
        let documents = (0..<12).map { Document(id: "n\($0)", text: story + "Note \($0).\n", origin: "t") }
        var scanner = Self.scanner()
        scanner.lshBucketLimit = 5
        let outcome = scanner.scan(documents)
        #expect(outcome.candidateCounts.skippedBuckets > 0)
        let warning = outcome.report.warnings.first { $0.message.contains("LSH bucket") }
        #expect(warning?.message.contains("12 documents") == true)
        #expect(outcome.scanWarningCount == outcome.report.warnings.count)
    }

    @Test func streamedJSONLinesEqualTheReadCorpus() throws {
        var prose = Prose(state: 5)
        let story = prose.article("Wire story", paragraphs: 6)
        var lines: [String] = []
        for index in 0..<30 {
            let text = index % 5 == 0 ? story : index % 5 == 1 ? story + "Added line \(index).\n" : prose.article("S\(index)")
            let object = ["id": String(format: "d%02d", 29 - index), "outlet": "o\(index % 4)", "text": text]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        lines.insert("not json", at: 7)
        lines.append(lines[3])  // a duplicate id
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("syndetect-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.jsonl").path
        try ("\u{FEFF}" + lines.joined(separator: "\r\n")).write(toFile: path, atomically: true, encoding: .utf8)

        let read = CorpusReader().read([path])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let inMemory = Self.scanner(threads: 1).scan(read.documents, warnings: read.warnings)
        var small = Self.scanner(threads: 2)
        small.verificationBatchSize = 3
        // A chunk smaller than a line exercises the carried-over partial line.
        let streamed = small.scan(JSONLinesCorpus(paths: [path], chunkSize: 1))
        #expect(try encoder.encode(streamed.report) == encoder.encode(inMemory.report))
        #expect(streamed.texts == inMemory.texts)
        #expect(inMemory.report.warnings.count == 2)
        #expect(!inMemory.report.pairs.isEmpty)
    }
}
