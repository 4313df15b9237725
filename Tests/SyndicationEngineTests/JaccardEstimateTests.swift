import Testing
@testable import SyndicationEngine

/// The Wilson interval, the standard error and the one-permutation effective sample size.
@Suite struct JaccardEstimateTests {
    /// An unclamped Wilson endpoint *p* solves |p̂ − p| = z·√(p(1 − p)/n).
    @Test(arguments: [1, 10, 37, 64, 100, 127], [0.0, 1.0, 1.96, 3.0])
    func boundsSolveTheScoreEquation(_ matches: Int, _ z: Double) {
        let n = 128
        let estimate = JaccardEstimate(matches: matches, sampleSize: n, confidenceZ: z)
        let proportion = Double(matches) / Double(n)
        #expect(estimate.estimate == proportion)
        #expect(estimate.lower <= proportion && proportion <= estimate.upper)
        for bound in [estimate.lower, estimate.upper] {
            let residual = abs(proportion - bound) - z * (bound * (1 - bound) / Double(n)).squareRoot()
            #expect(abs(residual) < 1e-12)
        }
    }

    /// At p̂ = 0 the interval is [0, z²/(n + z²)]; at p̂ = 1 it is [n/(n + z²), 1].
    @Test(arguments: [1, 16, 128, 1024])
    func boundsAtTheEnds(_ n: Int) {
        let z = 1.96
        let zero = JaccardEstimate(matches: 0, sampleSize: n, confidenceZ: z)
        let one = JaccardEstimate(matches: n, sampleSize: n, confidenceZ: z)
        #expect(abs(zero.lower) < 1e-15)
        #expect(abs(zero.upper - z * z / (Double(n) + z * z)) < 1e-12)
        #expect(abs(one.lower - Double(n) / (Double(n) + z * z)) < 1e-12)
        #expect(abs(one.upper - 1) < 1e-15)
    }

    /// Fewer effective samples widen the interval around the same estimate.
    @Test func effectiveSampleSizeWidensBounds() {
        let full = JaccardEstimate(matches: 64, sampleSize: 128)
        let fewer = JaccardEstimate(matches: 64, sampleSize: 128, effectiveSampleSize: 64)
        #expect(full.effectiveSampleSize == 128)
        #expect(fewer.estimate == full.estimate)
        #expect(fewer.lower < full.lower && fewer.upper > full.upper)
        #expect(fewer == JaccardEstimate(matches: 32, sampleSize: 64).withSampleSize(128))
    }

    @Test(arguments: [(0.5, 128, 0.044_194_173_824_159_22), (0.1, 100, 0.03), (0.0, 64, 0.0), (1.0, 64, 0.0)])
    func standardError(_ jaccard: Double, _ sampleSize: Int, _ expected: Double) {
        #expect(abs(JaccardEstimate.standardError(jaccard: jaccard, sampleSize: sampleSize) - expected) < 1e-15)
    }

    @Test func descriptionUsesFixedDecimals() {
        #expect(JaccardEstimate(matches: 64, sampleSize: 128).description == "0.5000 [0.4147, 0.5853] k=128")  // half-width 0.08535
        #expect(JaccardEstimate.emptySet().description == "0.0000 [0.0000, 0.0000] k=0")
    }

    // MARK: One-permutation effective sample size

    /// The estimated union size is the least *U* ≥ *F* whose expected filled-bin count
    /// *k*(1 − (1 − 1/*k*)ᵁ) reaches *F*.
    @Test(arguments: [1, 2, 34, 64, 100, 127])
    func estimatedUnionSizeIsLeastSolution(_ filled: Int) {
        let k = 128
        let union = MinHashSignature.estimatedUnionSize(filledBins: filled, binCount: k)
        func expectedFilled(_ u: Int) -> Double {
            var stay = 1.0
            for _ in 0..<u { stay *= 1 - 1 / Double(k) }
            return Double(k) * (1 - stay)
        }
        #expect(union >= filled)
        #expect(expectedFilled(union) >= Double(filled) - 1e-9)
        if union > filled { #expect(expectedFilled(union - 1) < Double(filled)) }
    }

    @Test func effectiveSampleSizeModel() {
        let k = 128
        // Every bin filled, or none: no densification, k samples.
        #expect(MinHashSignature.onePermutationEffectiveSampleSize(filledBins: k, binCount: k) == 128)
        #expect(MinHashSignature.onePermutationEffectiveSampleSize(filledBins: 0, binCount: k) == 128)
        // 34 bins ⇒ U = 40: 1/[(128 − 34)/128² + (40 − 34)/(34·39)].
        let expected = 1 / (94.0 / 16_384 + 6.0 / (34 * 39))
        #expect(MinHashSignature.estimatedUnionSize(filledBins: 34, binCount: k) == 40)
        #expect(abs(MinHashSignature.onePermutationEffectiveSampleSize(filledBins: 34, binCount: k) - expected) < 1e-9)
        // Never above k.
        for filled in 1...k {
            #expect(MinHashSignature.onePermutationEffectiveSampleSize(filledBins: filled, binCount: k) <= 128)
        }
    }

    /// The filled bins read off two signatures are the bins the union's permuted hashes fall in.
    @Test(arguments: [1, 10, 40, 100, 1_000])
    func unionFilledBinsMatchThePermutedUnion(_ unionSize: Int) {
        var random = SketchTestRandom(seed: UInt64(unionSize))
        let pair = SketchFixtures.setPair(jaccard: 0.3, unionSize: unionSize, using: &random)
        let parameters = MinHashParameters(seed: 77)
        let hasher = MinHasher(parameters: parameters)
        let key = MinHashMixing.key(seed: parameters.seed, stream: .max)
        let bins = Set((pair.a + pair.b).map { MinHashMixing.reduce(MinHashMixing.mix($0 ^ key), into: 128) })
        #expect(hasher.signature(of: pair.a).unionFilledBinCount(with: hasher.signature(of: pair.b)) == bins.count)
    }
}

extension JaccardEstimate {
    /// The same estimate reported against `sampleSize` positions.
    fileprivate func withSampleSize(_ sampleSize: Int) -> JaccardEstimate {
        var copy = self
        copy.sampleSize = sampleSize
        return copy
    }
}
