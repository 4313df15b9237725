import Testing
import SyndicationEngine
@testable import SyndicationScan

/// The scan's band-by-band LSH gives the pairs ``LSHIndex`` gives for the same signatures,
/// banding and bucket cap.
@Suite struct BandIndexTests {
    /// Families of near-duplicate texts (one word in fifty changed), unrelated texts, and a
    /// dozen identical texts whose buckets pass a cap of ten.
    static func signatures(parameters: MinHashParameters) -> [MinHashSignature] {
        var state: UInt64 = 0x9E37_79B9
        func word() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return "w\(state >> 52)"
        }
        var texts: [String] = []
        for _ in 0..<20 {
            let base = (0..<200).map { _ in word() }
            for member in 0..<3 {
                texts.append(base.enumerated().map { $0 % 50 == member ? word() : $1 }.joined(separator: " "))
            }
        }
        for _ in 0..<20 { texts.append((0..<200).map { _ in word() }.joined(separator: " ")) }
        let crowded = (0..<200).map { _ in word() }.joined(separator: " ")
        texts += Array(repeating: crowded, count: 12)
        let sketcher = DocumentSketcher(parameters: parameters)
        return texts.map { sketcher.signature(of: $0) }
    }

    @Test(arguments: [LSHParameters(bandCount: 25, rowsPerBand: 5), LSHParameters(bandCount: 32, rowsPerBand: 4)])
    func pairsAreTheLSHIndexPairs(banding: LSHParameters) throws {
        let minhash = MinHashParameters(seed: 0x5EED)
        let signatures = Self.signatures(parameters: minhash)
        var index = LSHIndex(parameters: banding, minhash: minhash, maximumBucketSize: 10)
        for (id, signature) in signatures.enumerated() { try index.insert(signature, id: id) }
        let expected = index.candidatePairs().sorted()
        #expect(expected.count > 50, "most family pairs are candidates")
        let keys = signatures.map { banding.bandKeys(of: $0) }
        for threads in [1, 2] {
            let found = BandIndex(parameters: banding, maximumBucketSize: 10).candidatePairs(keys: keys, threads: threads)
            #expect(found.pairs == expected)
            #expect(found.skippedBuckets == banding.bandCount, "the identical dozen fill one bucket in every band")
            #expect(found.skippedDocuments == Array((signatures.count - 12)..<signatures.count))
        }
    }

    /// Keys that share the bits ``BandIndex/group(_:)`` sorts by, and differ above them,
    /// still make buckets of their own, in document order: the pairs, skipped buckets and
    /// documents of a plain grouping by the whole key.
    @Test(arguments: [BandIndex.shortSortedKeyBits + 3, BandIndex.sortedKeyBits + 3])
    func keysSharingTheSortedBitsStayApart(shift: Int) {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 20
        }
        let bandCount = 4
        let cap = 20
        let keys: [[UInt64]] = (0..<600).map { _ in
            (0..<bandCount).map { _ in (next() % 5) << UInt64(shift) | next() % 7 }
        }
        var expected = Set<CandidatePair>()
        var skippedBuckets = 0
        var skippedDocuments = Set<Int>()
        for band in 0..<bandCount {
            var buckets: [UInt64: [Int]] = [:]
            for (document, list) in keys.enumerated() { buckets[list[band], default: []].append(document) }
            for documents in buckets.values {
                guard documents.count <= cap else {
                    skippedBuckets += 1
                    skippedDocuments.formUnion(documents)
                    continue
                }
                for i in documents.indices {
                    for j in (i + 1)..<documents.count { expected.insert(CandidatePair(documents[i], documents[j])) }
                }
            }
            // Grouped: each key's entries side by side, in their first order.
            var entries = keys.enumerated().map { BandIndex.Entry(key: $1[band], document: Int32($0)) }
            BandIndex.group(&entries)
            var seen = Set<UInt64>()
            var index = 0
            while index < entries.count {
                let key = entries[index].key
                #expect(seen.insert(key).inserted)
                var end = index + 1
                while end < entries.count, entries[end].key == key { end += 1 }
                #expect(entries[index..<end].map { Int($0.document) } == buckets[key])
                index = end
            }
        }
        let found = BandIndex(parameters: LSHParameters(bandCount: bandCount, rowsPerBand: 1), maximumBucketSize: cap)
            .candidatePairs(keys: keys)
        #expect(found.pairs == expected.sorted())
        #expect(found.skippedBuckets == skippedBuckets)
        #expect(found.skippedDocuments == skippedDocuments.sorted())
        #expect(skippedBuckets > 0 && skippedBuckets < 4 * 35 && expected.count > 1000)
    }
}
