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
}
