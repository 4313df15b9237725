import Foundation
import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// The candidate stage at scale: sentence keys spilled to temporary files, the passage rule
/// for sentence collisions, and the near-duplicates-only scope.
@Suite struct CandidateStageTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func read(_ name: String) -> CorpusReadResult {
        CorpusReader().read([fixtures.appendingPathComponent(name).path])
    }

    static func encoded(_ report: ScanReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    @Test(arguments: ["wirebench-slice", "seeds", "behaviours"])
    func spilledSentenceKeysGiveTheSameReport(fixture: String) throws {
        let read = Self.read(fixture)
        var parameters = ScanParameters()
        parameters.threads = 1
        let inMemory = CorpusScanner(parameters: parameters).scan(read.documents, warnings: read.warnings)
        parameters.threads = 2
        var spilling = CorpusScanner(parameters: parameters)
        spilling.fingerprintMemoryLimit = 0  // every batch goes to disk
        let spilled = spilling.scan(read.documents, warnings: read.warnings)
        #expect(try Self.encoded(spilled.report) == Self.encoded(inMemory.report))
        #expect(spilled.candidateCounts == inMemory.candidateCounts)
        // Read a few documents at a time: each batch's keys are filed, and spilled, while the
        // next batch is sketched, under a budget small enough that spills write some
        // partitions and keep others; the same as one batch in memory on one thread.
        let source = OverlappedWorkTests.TrickleSource(documents: read.documents, batchSize: 3)
        var serial = CorpusScanner(parameters: parameters)
        serial.parameters.threads = 1
        let whole = serial.scan(OverlappedWorkTests.TrickleSource(documents: read.documents, batchSize: read.documents.count))
        spilling.worksAhead = true
        spilling.fingerprintMemoryLimit = 4_096
        let trickled = spilling.scan(source)
        #expect(try Self.encoded(trickled.report) == Self.encoded(whole.report))
        #expect(trickled.candidateCounts == whole.candidateCounts)
        #expect(inMemory.candidateCounts.passages > 0)
    }

    @Test func storeSpillsReadsBackAndCleansUp() throws {
        let store = SentenceKeyStore(partitionCount: 4, memoryLimit: 0)
        var added: [SentenceKeyStore.Record] = []
        for document in 0..<50 {
            var keys: [(key: UInt64, sentence: Int32)] = []
            for sentence in 0..<3 {
                let first = UInt64(document % 7) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(sentence)
                for band in 0..<2 {
                    let key = PassageFingerprints.mix(first &+ UInt64(band))
                    keys.append((key, Int32(sentence)))
                }
            }
            store.append(document: Int32(document), keys: keys, bandCount: 2)
            for index in Swift.stride(from: 0, to: keys.count, by: 2) {
                for band in 0..<2 {
                    added.append(.init(key: keys[index + band].key, firstBandKey: keys[index].key, document: Int32(document), sentence: keys[index].sentence))
                }
            }
        }
        #expect(store.hasSpilled)
        let directory = try #require(store.directory)
        #expect(FileManager.default.fileExists(atPath: directory))
        // Nothing is left by name in the directory: files are unlinked once open.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        func order(_ records: [SentenceKeyStore.Record]) -> [String] {
            records.map { "\($0.key) \($0.firstBandKey) \($0.document) \($0.sentence)" }.sorted()
        }
        var read: [SentenceKeyStore.Record] = []
        for partition in 0..<store.partitionCount {
            let records = store.records(of: partition)
            #expect(records.allSatisfy { store.partition(of: $0.key) == partition })
            read += records
        }
        #expect(order(read) == order(added))
        store.removeFiles()
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    /// Colliding sentence pairs decided partition by partition (as the join spills them, by a
    /// hash of their documents) give the candidates and counts of deciding them all at once,
    /// in whatever order they arrive; the candidates come out once each.
    @Test func collisionsDecidedByPartitionEqualAllAtOnce() {
        let rule = PassageFingerprints()
        var generator = SeededGenerator(state: 2_026_112_3)
        var collisions: [PassageFingerprints.SentenceCollision] = []
        for _ in 0..<4_000 {
            let first = generator.next() % 60, second = first + 1 + generator.next() % 5
            let one = generator.next() % 12, other = one + generator.next() % 3
            let rare = generator.next() % 4 == 0 ? UInt64(1) : 0
            collisions.append(.init(documents: first << 32 | second, sentences: one << 33 | other << 1 | rare))
        }
        let whole = rule.candidates(among: collisions)
        #expect(whole.pairs.count > 10 && whole.sentencePairs > whole.pairs.count)
        #expect(Set(whole.pairs).count == whole.pairs.count)
        var shuffled = collisions
        shuffled.shuffle(using: &generator)
        let reordered = rule.candidates(among: shuffled)
        #expect(reordered.pairs == whole.pairs && reordered.sentencePairs == whole.sentencePairs)
        var pairs: [CandidatePair] = []
        var counted = 0
        let byPartition = Dictionary(grouping: shuffled) { PassageFingerprints.collisionPartition(of: $0.documents) }
        #expect(byPartition.count > 1)
        for partition in byPartition.keys.sorted() {
            let found = rule.candidates(among: byPartition[partition]!)
            pairs += found.pairs
            counted += found.sentencePairs
        }
        #expect(pairs.sorted() == whole.pairs.sorted() && counted == whole.sentencePairs)
    }

    @Test func collisionsCountOnlyInPassageOrder() {
        let rule = PassageFingerprints()
        #expect(rule.minimumCollisions == 2 && rule.maximumSentenceGap == 4)
        // Two sentences in a row in both documents: a passage.
        #expect(rule.isPassage([(3, 10), (4, 11)]))
        // Near in both, with sentences left out or inserted between.
        #expect(rule.isPassage([(3, 10), (7, 12)]))
        // Far apart in one document: stock sentences, not a passage.
        #expect(!rule.isPassage([(3, 10), (4, 30)]))
        #expect(!rule.isPassage([(3, 10), (20, 11)]))
        // Reversed order in one document.
        #expect(!rule.isPassage([(3, 11), (4, 10)]))
        // One sentence matching two: not two sentences of each.
        #expect(!rule.isPassage([(3, 10), (3, 11)]))
        #expect(!rule.isPassage([(3, 10)]))
        // A chain found among scattered pairs.
        #expect(rule.isPassage([(0, 50), (1, 3), (9, 9), (12, 11), (40, 0)]))
        // Sentences only the two documents share count wherever they stand (shared quotes).
        #expect(rule.pointsAtCopy([(3, 10), (20, 11)], rareCollisions: 2))
        #expect(!rule.pointsAtCopy([(3, 10), (20, 11)], rareCollisions: 1))
        #expect(rule.pointsAtCopy([(3, 10), (4, 11)], rareCollisions: 0))
        var anywhere = rule
        anywhere.maximumSentenceGap = nil
        #expect(anywhere.isPassage([(3, 10), (20, 11)]))
        #expect(anywhere.isPassage([(3, 10), (3, 11)]))
        var three = rule
        three.minimumCollisions = 3
        #expect(!three.isPassage([(3, 10), (4, 11)]))
        #expect(three.isPassage([(3, 10), (4, 11), (6, 12)]))
        #expect(!three.isPassage([(3, 10), (4, 11), (6, 30)]))
    }

    @Test func documentScopeLooksForNearDuplicatesOnlyAndSaysSo() throws {
        let read = Self.read("wirebench-slice")
        var parameters = ScanParameters()
        parameters.threads = 2
        let full = CorpusScanner(parameters: parameters).scan(read.documents, warnings: read.warnings)
        var scanner = CorpusScanner(parameters: parameters)
        scanner.candidateScope = .documents
        let near = scanner.scan(read.documents, warnings: read.warnings)
        #expect(near.candidateCounts.passages == 0 && near.candidateCounts.sharedLines == 0)
        // Its own banding, tuned for recall (32 × 4 at 0.5), and what it proposes is screened.
        #expect(scanner.bandIndex.parameters == LSHParameters(bandCount: 32, rowsPerBand: 4))
        #expect(CorpusScanner(parameters: parameters).bandIndex.parameters == LSHParameters(bandCount: 25, rowsPerBand: 5))
        #expect(near.candidateCounts.total == near.candidateCounts.lsh - near.candidateCounts.belowThreshold)
        #expect(near.report.warnings.contains { $0.message.contains("document-level MinHash LSH only") })
        #expect(!full.report.warnings.contains { $0.message.contains("document-level MinHash LSH only") })
        let fullPairs = Set(full.report.pairs.map { [$0.a, $0.b] })
        #expect(!near.report.pairs.isEmpty)
        #expect(near.report.pairs.count < full.report.pairs.count)
        #expect(near.report.pairs.allSatisfy { fullPairs.contains([$0.a, $0.b]) })
        parameters.threads = 1
        var serial = CorpusScanner(parameters: parameters)
        serial.candidateScope = .documents
        #expect(try Self.encoded(serial.scan(read.documents, warnings: read.warnings).report) == Self.encoded(near.report))
    }

    /// A near-duplicate scan of a corpus too large to list every document signs the documents
    /// with template lines from their bytes (``DocumentSketcher/signature(of:wordRuns:)``);
    /// a smaller one analyses them, as it needs their credits too. Both give the same band keys
    /// and signatures.
    @Test(arguments: ["wirebench-slice", "behaviours", "seeds"])
    func documentScopeSignsTemplatedDocumentsFromTheirBytes(fixture: String) {
        let read = Self.read(fixture)
        var scanner = CorpusScanner(parameters: ScanParameters())
        scanner.parameters.threads = 1
        scanner.candidateScope = .documents
        let source = DocumentList(read.documents, warnings: read.warnings)
        let sketcher = DocumentSketcher(parameters: scanner.minhashParameters)
        let banding = scanner.bandIndex.parameters
        let census = CorpusCensus.take(
            of: source, threads: 1,
            wholeText: CorpusCensus.WholeTextSketcher(sketcher: sketcher, bandKeys: { banding.bandKeys(of: $0) })
        ) { _ in }
        let count = scanner.parameters.boilerplateDocumentCount
        let lines = LineCensus(census, detector: BoilerplateDetector(minimumDocuments: count), sharedLineLimit: count)
        let templated = census.representatives.filter { lines.hasTemplateLine(in: census.lines(of: $0)) }
        var fromBytes = scanner
        fromBytes.documentListLimit = 0
        var analysed = scanner
        analysed.documentListLimit = Int.max
        let fast = fromBytes.sketch(census, lines, source, fingerprints: PassageFingerprints(), sample: CorpusScanner.AnalysedSample(common: []))
        let general = analysed.sketch(census, lines, source, fingerprints: PassageFingerprints(), sample: CorpusScanner.AnalysedSample(common: []))
        #expect(fast.bandKeys == general.bandKeys)
        guard let fastSignatures = fast.signatures, let generalSignatures = general.signatures else {
            Issue.record("a near-duplicate scan keeps its signatures")
            return
        }
        for position in templated {
            var both = BBitSignatures(parameters: scanner.minhashParameters)
            both.append(position, of: fastSignatures)
            both.append(position, of: generalSignatures)
            #expect(both.jaccard(0, 1, confidenceZ: 1).estimate == 1, "\(census.documents[position].id)")
        }
        if fixture == "wirebench-slice" { #expect(!templated.isEmpty, "the fixture exercises the path") }
    }

    /// A near-duplicate scan keeps the LSH candidates that may reach the threshold and drops
    /// those whose estimate is confidently below it.
    @Test func screeningDropsPairsConfidentlyBelowTheThreshold() {
        let words = (0..<400).map { "w\($0)" }
        func text(_ range: Range<Int>) -> String { words[range].joined(separator: " ") }
        // Shares of 5-word shingles: 0 and 1 near-duplicates, 0 and 2 about a fifth, 0 and 3 nothing.
        let texts = [text(0..<300), text(10..<310), text(200..<400), text(300..<400)]
        let scanner = CorpusScanner(parameters: ScanParameters())
        let sketcher = DocumentSketcher(parameters: scanner.minhashParameters)
        var signatures = BBitSignatures(parameters: scanner.minhashParameters)
        for text in texts { signatures.append(sketcher.signature(of: text)) }
        let pairs = [CandidatePair(0, 1), CandidatePair(0, 2), CandidatePair(0, 3), CandidatePair(1, 2)]
        #expect(scanner.screened(pairs, by: signatures) == [CandidatePair(0, 1)])
        var lenient = scanner
        lenient.parameters.lshThreshold = 0.1
        #expect(lenient.screened(pairs, by: signatures) == [CandidatePair(0, 1), CandidatePair(0, 2), CandidatePair(1, 2)])
    }

    /// Components are verified whole: small ones packed up to the batch limit, one larger than
    /// that alone, and those over the component limit left for the tiles.
    @Test func componentsArePackedWholeUpToTheBatchLimit() {
        // Components: {0,1}, {2,3}, {4,5,6} (a chain), {7..11} (a star of five), {12..21} (a star of ten).
        var pairs = [CandidatePair(0, 1), CandidatePair(2, 3), CandidatePair(4, 5), CandidatePair(5, 6)]
        pairs += (8...11).map { CandidatePair(7, $0) }
        pairs += (13...21).map { CandidatePair(12, $0) }
        let (batches, rest) = CorpusScanner.packComponents(pairs, documentCount: 22, limit: 8, batchLimit: 4)
        func documents(_ batch: [CandidatePair]) -> Set<Int> { Set(batch.flatMap { [$0.first, $0.second] }) }
        #expect(batches.map(documents) == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10, 11]])
        #expect(Set(rest) == Set((13...21).map { CandidatePair(12, $0) }))
        #expect(Set(batches.flatMap { $0 } + rest) == Set(pairs))
        // Without a batch limit, batches fill up to the component limit.
        let (whole, _) = CorpusScanner.packComponents(pairs, documentCount: 22, limit: 8)
        #expect(whole.map(documents) == [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11]])
    }
}
