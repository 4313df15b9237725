import Testing
@testable import SyndicationEngine

/// b-bit signatures against the full signatures they are made from.
@Suite struct BBitSignaturesTests {
    static func signatures(
        _ scheme: MinHashScheme, jaccard: Double, unionSize: Int, seed: UInt64
    ) -> (MinHashSignature, MinHashSignature) {
        var random = SketchTestRandom(seed: seed)
        let pair = SketchFixtures.setPair(jaccard: jaccard, unionSize: unionSize, using: &random)
        let hasher = MinHasher(parameters: MinHashParameters(seed: 77, scheme: scheme))
        return (hasher.signature(of: pair.a), hasher.signature(of: pair.b))
    }

    /// The kept bits agree wherever the minima do, and elsewhere only by a 2⁻¹⁵ chance; the
    /// filled-bin flags give the full signatures' effective sample size exactly.
    @Test(arguments: [MinHashScheme.onePermutation, .classic], [40, 400, 4_000])
    func estimatesFollowTheFullSignatures(_ scheme: MinHashScheme, unionSize: Int) throws {
        for (step, jaccard) in [0.0, 0.2, 0.5, 0.8, 1.0].enumerated() {
            let (a, b) = Self.signatures(scheme, jaccard: jaccard, unionSize: unionSize, seed: UInt64(unionSize + step))
            var store = BBitSignatures(parameters: a.parameters)
            store.append(a)
            store.append(b)
            let full = try a.jaccard(with: b)
            let compact = store.jaccard(0, 1)
            let agreeing = zip(BBitSignatures.compact(a), BBitSignatures.compact(b)).count { $0 == $1 }
            let fullMatches = try a.matchCount(with: b)
            #expect(agreeing >= fullMatches)
            #expect(agreeing <= fullMatches + 1)  // a chance agreement is rare
            #expect(compact.effectiveSampleSize == full.effectiveSampleSize)
            #expect(abs(compact.estimate - full.estimate) <= 1.0 / 128 + 1e-9)
            #expect(compact.lower <= compact.estimate && compact.estimate <= compact.upper)
            #expect(compact.upper <= 1 && compact.lower >= 0)
            if agreeing == fullMatches {
                // No chance agreement: the same interval, pulled down by the 2⁻¹⁵ correction only.
                #expect(compact.estimate <= full.estimate && full.estimate - compact.estimate < 1e-4)
                #expect(compact.upper <= full.upper && full.upper - compact.upper < 1e-4)
            }
        }
    }

    /// Signatures with nothing in common estimate about 0, within their bounds.
    @Test func disjointSetsEstimateNothing() {
        let (a, b) = Self.signatures(.onePermutation, jaccard: 0, unionSize: 2_000, seed: 5)
        var store = BBitSignatures(parameters: a.parameters)
        store.append(a)
        store.append(b)
        let estimate = store.jaccard(0, 1)
        #expect(estimate.estimate < 0.02)
        #expect(estimate.lower == 0)
        #expect(estimate.upper < 0.05)
    }

    @Test func anEmptySignatureEstimatesZero() {
        let parameters = MinHashParameters(seed: 77)
        let (a, _) = Self.signatures(.onePermutation, jaccard: 0.5, unionSize: 200, seed: 9)
        var store = BBitSignatures(parameters: parameters)
        store.append(.empty(parameters: parameters))
        store.append(.empty(parameters: parameters))
        store.append(a)
        #expect(store.jaccard(0, 1) == .emptySet())
        #expect(store.jaccard(0, 2) == .emptySet())
        #expect(store.jaccard(2, 2).estimate == 1)
    }

    /// The compacted positions equal the plain rule written out per bin (the low bits, and the
    /// filled flag where the bin's own hash reduces to it), and a store made of them with the
    /// signatures' emptiness is the store appending the signatures gives.
    @Test(arguments: [MinHashScheme.onePermutation, .classic], [128, 1, 2, 37, 64, 200])
    func compactedValuesEqualSignatureAppend(scheme: MinHashScheme, bins: Int) {
        var random = SketchTestRandom(seed: UInt64(bins))
        let pair = SketchFixtures.setPair(jaccard: 0.4, unionSize: 60, using: &random)
        let parameters = MinHashParameters(permutationCount: bins, seed: 77, scheme: scheme)
        let hasher = MinHasher(parameters: parameters)
        let (a, b) = (hasher.signature(of: pair.a), hasher.signature(of: pair.b))
        var direct = BBitSignatures(parameters: parameters)
        var values: [UInt16] = [], empty: [Bool] = []
        for signature in [a, b, .empty(parameters: parameters), a] {
            let k = signature.values.count
            let expected = signature.values.enumerated().map { bin, value -> UInt16 in
                let filled = scheme == .classic || (value != .max && MinHashMixing.reduce(value, into: k) == bin)
                return UInt16(value & 0x7FFF) | (filled ? 0x8000 : 0)
            }
            #expect(BBitSignatures.compact(signature) == expected)
            direct.append(signature)
            values += BBitSignatures.compact(signature)
            empty.append(signature.isEmpty)
        }
        let compacted = BBitSignatures(parameters: parameters, values: values, empty: empty)
        #expect(compacted.count == direct.count)
        for i in 0..<direct.count {
            for j in 0..<direct.count { #expect(compacted.jaccard(i, j) == direct.jaccard(i, j)) }
        }
    }

    /// Copying a document from another store and replacing one in place give the estimates
    /// the signatures give when appended.
    @Test func copyingAndReplacingKeepEstimates() {
        let (a, b) = Self.signatures(.onePermutation, jaccard: 0.6, unionSize: 500, seed: 11)
        let (c, _) = Self.signatures(.onePermutation, jaccard: 0.3, unionSize: 500, seed: 12)
        var direct = BBitSignatures(parameters: a.parameters)
        for signature in [a, b, c] { direct.append(signature) }
        var copied = BBitSignatures(parameters: a.parameters)
        for index in [2, 0, 1] { copied.append(index, of: direct) }
        #expect(copied.count == 3)
        #expect(copied.jaccard(1, 2) == direct.jaccard(0, 1))
        #expect(copied.jaccard(0, 1) == direct.jaccard(2, 0))
        var replaced = direct
        replaced.replace(2, with: a)
        #expect(replaced.jaccard(2, 1) == direct.jaccard(0, 1))
        #expect(replaced.jaccard(2, 0).estimate == 1)
        replaced.replace(2, with: .empty(parameters: a.parameters))
        #expect(replaced.jaccard(2, 0) == .emptySet())
    }
}
