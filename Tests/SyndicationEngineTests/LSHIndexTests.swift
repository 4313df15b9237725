import Testing
@testable import SyndicationEngine

/// The banded index: recall and false candidates against the S-curve, brute-force banding,
/// the bucket cap and parameter checks.
@Suite struct LSHIndexTests {
    static let banding = LSHParameters.optimal(threshold: 0.5, permutationCount: 128)

    /// `familyCount` families of `memberCount` sets: a family's members share a core of 320
    /// hashes and add 40 private ones each, so every pair in a family has Jaccard
    /// 320 / 400 = 0.8 exactly and pairs across families 0. Member m of family f gets id
    /// f·memberCount + m.
    static func families(familyCount: Int, memberCount: Int, seed: UInt64) -> [[UInt64]] {
        var random = SketchTestRandom(seed: seed)
        var sets: [[UInt64]] = []
        for _ in 0..<familyCount {
            let core = SketchFixtures.distinctHashes(count: 320, using: &random)
            for _ in 0..<memberCount { sets.append(core + SketchFixtures.distinctHashes(count: 40, using: &random)) }
        }
        return sets
    }

    /// The most misses (or hits) of probability `p` among `n` independent pairs that stays
    /// within 4σ of the mean: n·p + 4√(n·p(1 − p)).
    static func upperBound(pairs n: Int, probability p: Double) -> Double {
        Double(n) * p + 4 * (Double(n) * p * (1 - p)).squareRoot()
    }

    @Test(arguments: MinHashScheme.allCases)
    func familiesAtPointEightAreAllCandidates(_ scheme: MinHashScheme) throws {
        let memberCount = 5
        let sets = Self.families(familyCount: 40, memberCount: memberCount, seed: 1)
        let minhash = MinHashParameters(seed: 0x5EED, scheme: scheme)
        let hasher = MinHasher(parameters: minhash)
        var index = LSHIndex(parameters: Self.banding, minhash: minhash)
        for (id, set) in sets.enumerated() { try index.insert(hasher.signature(of: set), id: id) }
        let candidates = Set(index.candidatePairs())
        var familyPairs = 0
        var missed = 0
        for first in sets.indices {
            for second in (first + 1)..<sets.count where first / memberCount == second / memberCount {
                familyPairs += 1
                if !candidates.contains(CandidatePair(first, second)) { missed += 1 }
            }
        }
        #expect(familyPairs == 400)
        // P(candidate | J = 0.8) = 1 − (1 − 0.8⁵)²⁵ ≈ 0.99995: the bound allows no miss.
        let miss = 1 - Self.banding.collisionProbability(jaccard: 0.8)
        #expect(Double(missed) <= Self.upperBound(pairs: familyPairs, probability: miss))
        // Different families share no hash, hence no signature value and no band.
        #expect(candidates.allSatisfy { $0.first / memberCount == $0.second / memberCount })
    }

    /// Pairs at Jaccard `jaccard` become candidates at the S-curve's rate, within 4σ either way.
    @Test(arguments: MinHashScheme.allCases, [0.1, 0.5, 0.6])
    func pairsCollideAtTheCurveRate(_ scheme: MinHashScheme, _ jaccard: Double) throws {
        let pairCount = 300
        var random = SketchTestRandom(seed: UInt64(jaccard * 100))
        let minhash = MinHashParameters(seed: 3, scheme: scheme)
        let hasher = MinHasher(parameters: minhash)
        var index = LSHIndex(parameters: Self.banding, minhash: minhash)
        for pair in 0..<pairCount {
            let sets = SketchFixtures.setPair(jaccard: jaccard, unionSize: 400, using: &random)
            try index.insert(hasher.signature(of: sets.a), id: 2 * pair)
            try index.insert(hasher.signature(of: sets.b), id: 2 * pair + 1)
        }
        let found = index.candidatePairs()
        let planted = found.filter { $0.first % 2 == 0 && $0.second == $0.first + 1 }.count
        let rate = Self.banding.collisionProbability(jaccard: jaccard)
        #expect(Double(planted) <= Self.upperBound(pairs: pairCount, probability: rate))
        #expect(Double(pairCount - planted) <= Self.upperBound(pairs: pairCount, probability: 1 - rate))
        // Sets of different pairs are disjoint.
        #expect(found.count == planted)
    }

    /// Overlapping families under a small banding, so buckets hold many documents.
    static func crowdedSignatures(_ minhash: MinHashParameters) -> [MinHashSignature] {
        var random = SketchTestRandom(seed: 9)
        let pool = SketchFixtures.distinctHashes(count: 60, using: &random)
        let hasher = MinHasher(parameters: minhash)
        return (0..<80).map { _ in
            hasher.signature(of: pool.filter { _ in random.next() % 4 != 0 })
        }
    }

    /// A pair is a candidate exactly when all rows of some band agree.
    static func bruteForce(_ signatures: [MinHashSignature], _ banding: LSHParameters) -> [CandidatePair] {
        var pairs: [CandidatePair] = []
        for first in signatures.indices {
            for second in (first + 1)..<signatures.count {
                let sharesBand = (0..<banding.bandCount).contains { band in
                    let rows = (band * banding.rowsPerBand)..<((band + 1) * banding.rowsPerBand)
                    return signatures[first].values[rows] == signatures[second].values[rows]
                }
                if sharesBand { pairs.append(CandidatePair(first, second)) }
            }
        }
        return pairs
    }

    @Test(arguments: MinHashScheme.allCases)
    func candidatesEqualBruteForceBanding(_ scheme: MinHashScheme) throws {
        let minhash = MinHashParameters(permutationCount: 32, seed: 4, scheme: scheme)
        let banding = LSHParameters(bandCount: 10, rowsPerBand: 3)
        let signatures = Self.crowdedSignatures(minhash)
        var index = LSHIndex(parameters: banding, minhash: minhash)
        for (id, signature) in signatures.enumerated() { try index.insert(signature, id: id) }
        let expected = Self.bruteForce(signatures, banding)
        #expect(expected.count > 100 && expected.count < 80 * 79 / 2)
        #expect(index.candidatePairs() == expected)
        #expect(index.oversizedBucketCount == 0)
        for (id, signature) in signatures.enumerated() {
            let partners = expected.compactMap { $0.first == id ? $0.second : $0.second == id ? $0.first : nil }
            #expect(try index.candidates(for: signature) == (partners + [id]).sorted())
        }
    }

    @Test func oversizedBucketsAreSkippedAndCounted() throws {
        let minhash = MinHashParameters()
        let banding = LSHParameters(bandCount: 16, rowsPerBand: 8)
        let hasher = MinHasher(parameters: minhash)
        let common = hasher.signature(of: MinHashSignatureTests.fixtureHashes)
        let other = hasher.signature(of: [1, 2, 3])
        var capped = LSHIndex(parameters: banding, minhash: minhash, maximumBucketSize: 10)
        var roomy = LSHIndex(parameters: banding, minhash: minhash, maximumBucketSize: 40)
        for id in 0..<40 {
            try capped.insert(common, id: id)
            try roomy.insert(common, id: id)
        }
        try capped.insert(other, id: 40)
        // One bucket per band passed the cap, each counted once however far it grew.
        #expect(capped.oversizedBucketCount == 16)
        #expect(capped.candidatePairs().isEmpty)
        #expect(try capped.candidates(for: common).isEmpty)
        #expect(try capped.candidates(for: other) == [40])
        #expect(roomy.oversizedBucketCount == 0)
        #expect(roomy.candidatePairs().count == 40 * 39 / 2)
    }

    @Test func emptySignaturesAreCountedNotBanded() throws {
        let minhash = MinHashParameters()
        let hasher = MinHasher(parameters: minhash)
        var index = LSHIndex(parameters: Self.banding, minhash: minhash)
        try index.insert(hasher.signature(of: []), id: 0)
        try index.insert(hasher.signature(of: []), id: 1)
        try index.insert(hasher.signature(of: [7]), id: 2)
        #expect(index.count == 3)
        #expect(index.emptySignatureCount == 2)
        #expect(index.candidatePairs().isEmpty)
        #expect(try index.candidates(for: hasher.signature(of: [])).isEmpty)
    }

    @Test func repeatedIdIsNeverPairedWithItself() throws {
        let minhash = MinHashParameters()
        let signature = MinHasher(parameters: minhash).signature(of: [1, 2, 3])
        var index = LSHIndex(parameters: Self.banding, minhash: minhash)
        try index.insert(signature, id: 5)
        try index.insert(signature, id: 5)
        try index.insert(signature, id: 3)
        #expect(index.candidatePairs() == [CandidatePair(3, 5)])
    }

    @Test func incompatibleSignaturesThrow() throws {
        let minhash = MinHashParameters()
        let other = MinHashParameters(seed: 1)
        let signature = MinHasher(parameters: other).signature(of: [1, 2, 3])
        var index = LSHIndex(parameters: Self.banding, minhash: minhash)
        let error = #expect(throws: SketchError.self) { try index.insert(signature, id: 0) }
        #expect(error == .incompatibleParameters(minhash.description, other.description))
        #expect(throws: SketchError.self) { try index.candidates(for: signature) }
        #expect(index.count == 0)
    }

    @Test func candidatePairsOrderByFirstThenSecond() {
        #expect(CandidatePair(1, 9) < CandidatePair(2, 3))
        #expect(CandidatePair(2, 3) < CandidatePair(2, 4))
        #expect(CandidatePair(unordered: 8, 3) == CandidatePair(3, 8))
    }
}
