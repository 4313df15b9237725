import Foundation
import Synchronization
import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// The overlapped paths (reading a source ahead, analysing the next verification batch
/// ahead) and the parallel helpers give exactly what the serial paths give.
@Suite struct OverlappedWorkTests {
    /// Documents handed out a few at a time, so that reading ahead has many batches to overlap.
    struct TrickleSource: DocumentSource {
        var documents: [Document]
        var batchSize: Int

        func readAll(threads: Int, _ body: ([SourceRecord]) -> Void) -> [Diagnostic] {
            var start = 0
            while start < documents.count {
                let end = min(documents.count, start + batchSize)
                body((start..<end).map {
                    SourceRecord(location: RecordLocation(offset: Int64($0)), document: documents[$0], file: "trickle", line: $0 + 1)
                })
                start = end
            }
            return [Diagnostic(file: "trickle", message: "\(documents.count) documents")]
        }

        func documents(at locations: [RecordLocation], threads: Int) -> [Document] {
            locations.map { documents[Int($0.offset)] }
        }
    }

    /// Stories with verbatim copies, edited copies and unrelated articles, in shuffled order.
    static func corpus() -> [Document] {
        var prose = ResourceBoundsTests.Prose(state: 7)
        var documents: [Document] = []
        for story in 0..<14 {
            let text = prose.article("Story \(story)")
            for copy in 0...(story % 4) {
                let variant = copy < 2 ? text : text + prose.sentence(10) + "\n"
                documents.append(Document(id: "s\(story)-c\(copy)", outlet: "outlet\(copy)", text: variant, origin: "t"))
            }
            documents.append(Document(id: "u\(story)", outlet: "other", text: prose.article("Unrelated \(story)"), origin: "t"))
        }
        var generator = SeededGenerator(seed: 11)
        return documents.shuffled(using: &generator)
    }

    /// The report's JSON with sorted keys, to compare two reports byte for byte.
    static func encoded(_ report: ScanReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    /// A scanner of `threads` threads looking for candidates in `scope`.
    static func scanner(threads: Int, scope: CandidateScope) -> CorpusScanner {
        var scanner = ResourceBoundsTests.scanner(threads: threads)
        scanner.candidateScope = scope
        return scanner
    }

    @Test(arguments: [CandidateScope.documents, .passages])
    func overlappedScansEqualTheSerialScan(scope: CandidateScope) throws {
        let documents = Self.corpus()
        var serial = Self.scanner(threads: 1, scope: scope)
        serial.worksAhead = false
        let expected = serial.scan(TrickleSource(documents: documents, batchSize: 1_000))
        #expect(expected.report.pairs.count >= 20, "the corpus has pairs to verify in several batches")
        #expect(expected.candidateCounts.copies > 0, "the corpus has identical texts")
        for (threads, batchSize) in [(2, 1), (2, 3), (1, 2)] {
            var overlapped = Self.scanner(threads: threads, scope: scope)
            overlapped.worksAhead = true
            overlapped.verificationBatchSize = 4  // many verification batches, each analysed ahead
            let outcome = overlapped.scan(TrickleSource(documents: documents, batchSize: batchSize))
            #expect(try Self.encoded(outcome.report) == Self.encoded(expected.report), "threads \(threads), batches of \(batchSize)")
            #expect(outcome.candidateCounts == expected.candidateCounts)
        }
    }

    /// Small components verified one per worker (analysed, verified and freed where they are
    /// used) give the report that analysing every component's documents together gives.
    @Test(arguments: [CandidateScope.documents, .passages])
    func componentWiseVerificationEqualsBatchVerification(scope: CandidateScope) throws {
        let documents = Self.corpus()
        var together = Self.scanner(threads: 1, scope: scope)
        together.smallComponentLimit = 0
        let expected = together.scan(TrickleSource(documents: documents, batchSize: 1_000))
        #expect(expected.report.pairs.count >= 20, "the corpus has pairs to verify")
        for (threads, limit, batch) in [(1, 16, 256), (2, 16, 256), (2, 2, 3), (2, 3, 1)] {
            var alone = Self.scanner(threads: threads, scope: scope)
            alone.smallComponentLimit = limit
            alone.componentBatchSize = batch
            let outcome = alone.scan(TrickleSource(documents: documents, batchSize: 1_000))
            #expect(
                try Self.encoded(outcome.report) == Self.encoded(expected.report),
                "threads \(threads), components of at most \(limit), texts of \(batch) at a time")
        }
    }

    @Test func readingAheadHandsOnEveryBatchInOrder() {
        let documents = Self.corpus()
        let source = TrickleSource(documents: documents, batchSize: 2)
        var batches: [[String]] = []
        let warnings = ReadAhead(depth: 1).readAll(source, threads: 2) { batches.append($0.map(\.document.id)) }
        #expect(batches.flatMap { $0 } == documents.map(\.id))
        #expect(batches.allSatisfy { $0.count <= 2 })
        #expect(warnings.map(\.message) == ["\(documents.count) documents"])
    }

    @Test(arguments: [2, 3, 4])
    func parallelSortEqualsTheSerialStableSort(threads: Int) {
        var generator = SeededGenerator(seed: UInt64(threads))
        // Few distinct keys: many ties, which a stable sort keeps in input order.
        let values = (0..<50_000).map { (key: UInt8.random(in: 0..<40, using: &generator), index: $0) }
        var parallel = values
        ParallelWork.sort(&parallel, threads: threads) { $0.key < $1.key }
        #expect(parallel.map(\.index) == values.sorted { $0.key < $1.key }.map(\.index))
        var numbers = values.map { Int($0.key) * 100_000 + $0.index }.shuffled(using: &generator)
        ParallelWork.sort(&numbers, threads: threads, by: <)
        #expect(numbers == numbers.sorted())
    }

    @Test func chunksCoverEveryIndexOnceAndShrink() {
        for (count, workers) in [(1, 2), (7, 2), (1_000, 2), (100_000, 3)] {
            let bounds = ParallelWork.chunkBounds(count: count, workers: workers)
            #expect(bounds.first == 0 && bounds.last == count)
            let sizes = zip(bounds, bounds.dropFirst()).map { $1 - $0 }
            #expect(sizes.allSatisfy { $0 >= 1 && $0 <= 256 })
            #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 }, "chunks never grow")
        }
        #expect(ParallelWork.map(count: 10_000, threads: 3) { $0 * 2 } == (0..<10_000).map { $0 * 2 })
    }

    /// Work beside a map (filing the previous batch's results) runs once, whatever the
    /// thread count, and the map's results are those of the plain map.
    @Test func sideWorkRunsOnceBesideTheMap() {
        for threads in [1, 2, 3] {
            for count in [0, 1, 5, 10_000] {
                let runs = Atomic<Int>(0)
                let mapped = ParallelWork.map(count: count, threads: threads, alongside: { runs.add(1, ordering: .relaxed) }) {
                    $0 * 3
                }
                #expect(mapped == (0..<count).map { $0 * 3 }, "\(count) indices on \(threads) threads")
                #expect(runs.load(ordering: .relaxed) == 1, "\(count) indices on \(threads) threads")
            }
        }
    }

    /// Counts its own deinitialisations.
    final class Tracked: Sendable {
        static let released = Atomic<Int>(0)
        deinit { Self.released.add(1, ordering: .relaxed) }
    }

    @Test func releasingFreesEveryElement() {
        let before = Tracked.released.load(ordering: .relaxed)
        var values: [Tracked?] = (0..<1_000).map { _ in Tracked() }
        ParallelWork.release(&values, threads: 2)
        #expect(values.isEmpty)
        #expect(Tracked.released.load(ordering: .relaxed) - before == 1_000)
    }
}

/// A copy group's verbatim pair is the same whichever stage verifies it: verification, when
/// its representative is in a candidate pair, or the copy stage, when it is in none.
@Suite struct CopyFindingTests {
    @Test(arguments: [CandidateScope.documents, .passages])
    func copyPairsAreTheSameFromEitherStage(scope: CandidateScope) throws {
        var prose = ResourceBoundsTests.Prose(state: 3)
        let text = prose.article("A story")
        // The neighbour shares the prose but not the title line, so that both corpora hold the
        // same line census for the copies (a line in three documents is read otherwise).
        let body = text.drop { $0 != "\n" }
        let edited = "A second look" + body + prose.sentence(12) + "\n"
        let copies = [
            Document(id: "a1", outlet: "one", text: text, origin: "t"),
            Document(id: "a2", outlet: "two", text: text, origin: "t"),
        ]
        let unrelated = Document(id: "u", outlet: "other", text: prose.article("Something else"), origin: "t")
        let neighbour = Document(id: "b", outlet: "three", text: edited, origin: "t")
        for threads in [1, 2] {
            var scanner = ResourceBoundsTests.scanner(threads: threads)
            scanner.candidateScope = scope
            let alone = scanner.scan(copies + [unrelated], warnings: [])
            let withNeighbour = scanner.scan(copies + [unrelated, neighbour], warnings: [])
            let pair = { (report: ScanReport) in report.pairs.first { $0.a == "a1" && $0.b == "a2" } }
            let fromCopyStage = try #require(pair(alone.report))
            let fromVerification = try #require(pair(withNeighbour.report))
            #expect(withNeighbour.report.pairs.contains { $0.a == "a1" && $0.b == "b" }, "the representative is in a candidate pair")
            #expect(fromCopyStage.relation == .verbatim)
            #expect(fromVerification.passages == fromCopyStage.passages)
            #expect(fromVerification.scores == fromCopyStage.scores)
            #expect(fromVerification.coverage == fromCopyStage.coverage)
        }
    }
}
