import Foundation
import SyndicationEngine
import SyndicationScan
import Testing
@testable import SyndicationIndex

/// An index holding a whole corpus finds what a scan of that corpus finds.
struct IndexEquivalenceTests {
    @Test(arguments: ["wirebench-slice", "seeds", "behaviours", "injection"])
    func indexScanEqualsCorpusScan(fixture: String) throws {
        let documents = IndexTestSupport.corpus(fixture)
        let expected = CorpusScanner().scan(documents).report
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        let added = try index.add(documents, batchSize: 7)
        #expect(added.added == documents.count)
        #expect(added.batches == (documents.count + 6) / 7)
        let run = try index.scan(chunkSize: 5)
        #expect(run.documents == documents.count)
        #expect(run.pairs == expected.pairs.count)
        let found = try index.findings(.lastScan).report
        #expect(found.pairs == expected.pairs)
        #expect(found.clusters == expected.clusters)
        // The report lists the documents its pairs and clusters name, as the scan summarised them.
        let named = Set(found.pairs.flatMap { [$0.a, $0.b] } + found.clusters.flatMap(\.members))
        #expect(found.documents == expected.documents.filter { named.contains($0.id) })
        #expect(try index.integrityProblems().isEmpty)
    }

    /// The band keys the index stores pair exactly the documents ``LSHIndex`` pairs.
    @Test func bandKeysPairWhatLSHIndexPairs() throws {
        let documents = IndexTestSupport.corpus("wirebench-slice").sorted { $0.id < $1.id }
        let stages = IncrementalScan()
        let signatures = documents.map { stages.analyse($0).minhash }
        var lsh = LSHIndex(parameters: stages.lshParameters, minhash: stages.minhashParameters)
        for (position, signature) in signatures.enumerated() { try lsh.insert(signature, id: position) }
        var buckets: [UInt64: [Int]] = [:]
        for (position, signature) in signatures.enumerated() {
            for key in stages.lshParameters.bandKeys(of: signature) { buckets[key, default: []].append(position) }
        }
        var pairs = Set<CandidatePair>()
        for holders in buckets.values where holders.count > 1 {
            for i in holders.indices { for j in holders.indices where i < j { pairs.insert(CandidatePair(unordered: holders[i], holders[j])) } }
        }
        let expected = lsh.candidatePairs()
        #expect(!expected.isEmpty)
        #expect(pairs.sorted() == expected)
    }

    /// A query for an article left out of the index finds every pair a scan of the whole
    /// corpus finds for it, with the same scores and passages. (It may find more: the index's
    /// common shingles were sampled without the article, so its sentence fingerprints differ a
    /// little from the scan's and can make other candidates.)
    @Test func queryFindsWhatAScanFindsForTheArticle() throws {
        let documents = IndexTestSupport.corpus("wirebench-slice")
        let expected = CorpusScanner().scan(documents).report
        // The article with the most pairs.
        let counts = Dictionary(grouping: expected.pairs.flatMap { [$0.a, $0.b] }, by: { $0 }).mapValues(\.count)
        let article = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try index.add(documents.filter { $0.id != article })
        let queried = try #require(documents.first { $0.id == article })
        let found = try index.query([queried]).report
        let wanted = expected.pairs.filter { $0.a == article || $0.b == article }
        #expect(wanted.count >= 10)
        #expect(found.pairs.allSatisfy { $0.a == article || $0.b == article })
        for pair in wanted {
            let match = found.pairs.first { $0.a == pair.a && $0.b == pair.b }
            #expect(match?.scores == pair.scores, "\(pair.a) \(pair.b)")
            #expect(match?.passages == pair.passages, "\(pair.a) \(pair.b)")
        }
        #expect(found.documents.contains { $0.id == article })
        // Nothing was written.
        #expect(try index.statistics(tableSizes: false).scans == 0)
    }
}
