import Testing
@testable import SyndicationEngine

/// MinHash estimates against exact Jaccard similarity on generated set pairs.
///
/// For classic MinHash the number of matches among *k* positions is Binomial(*k*, *J*), so the
/// estimate has standard error σ = √(*J*(1−*J*)/*k*) and the Wilson interval at z = 1.96 covers
/// *J* with the exact binomial coverage computed below. One-permutation estimates behave like
/// Binomial(*n*, *J*) on their effective sample size *n* ≤ *k* (*n* < *k* only when the union
/// leaves bins empty: the 40-element unions here).
@Suite struct MinHashAccuracyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var scheme: MinHashScheme
        var jaccard: Double
        /// 40 leaves bins empty in the union; 100 leaves most bins of each set empty but few of
        /// the union; 400 leaves a few bins of each set empty.
        var unionSize: Int
        var testDescription: String { "\(scheme.rawValue) J=\(jaccard) |A∪B|=\(unionSize)" }
    }

    static let cases: [Case] = MinHashScheme.allCases.flatMap { scheme in
        [40, 100, 400].flatMap { size in
            (1...9).map { Case(scheme: scheme, jaccard: Double($0) / 10, unionSize: size) }
        }
    }

    static let permutationCount = 128
    static let trials = 200

    /// The estimates of `trials` independent pairs (fresh sets and a fresh seed each).
    static func estimates(_ testCase: Case) throws -> [JaccardEstimate] {
        var random = SketchTestRandom(seed: UInt64(testCase.unionSize) << 8 | UInt64(testCase.jaccard * 10))
        return try (0..<trials).map { _ in
            let pair = SketchFixtures.setPair(jaccard: testCase.jaccard, unionSize: testCase.unionSize, using: &random)
            let hasher = MinHasher(parameters: MinHashParameters(
                permutationCount: permutationCount, seed: random.next(), scheme: testCase.scheme))
            return try hasher.signature(of: pair.a).jaccard(with: hasher.signature(of: pair.b))
        }
    }

    /// Each estimate lies within 4σ of the exact value (a 6·10⁻⁵ two-sided normal tail per
    /// trial), σ on the estimate's effective sample size, plus 1/*k* for the granularity of a
    /// count out of *k*; and the mean of the trials lies within 4σ/√trials, which a biased
    /// estimator would miss.
    @Test(arguments: cases)
    func estimatesWithinFourStandardErrors(_ testCase: Case) throws {
        let estimates = try Self.estimates(testCase)
        var sigmaSum = 0.0
        for estimate in estimates {
            let sigma = JaccardEstimate.standardError(
                jaccard: testCase.jaccard, effectiveSampleSize: estimate.effectiveSampleSize)
            sigmaSum += sigma
            #expect(estimate.sampleSize == Self.permutationCount)
            #expect(abs(estimate.estimate - testCase.jaccard) <= 4 * sigma + 1 / Double(Self.permutationCount))
        }
        let mean = estimates.reduce(0) { $0 + $1.estimate } / Double(estimates.count)
        let meanSigma = sigmaSum / Double(estimates.count)
        #expect(abs(mean - testCase.jaccard) <= 4 * meanSigma / Double(Self.trials).squareRoot())
    }

    /// Classic estimates are worth exactly *k* samples; one-permutation estimates *k* once the
    /// union fills (nearly) every bin, fewer for the 40-element unions (about 98 of 128 by the
    /// model in `MinHashEffectiveSampleSize.swift`: 1/[(128 − 34)/128² + 6/(34·39)] ≈ 97.6).
    @Test(arguments: cases)
    func effectiveSampleSizeFollowsTheUnion(_ testCase: Case) throws {
        let sizes = try Self.estimates(testCase).map(\.effectiveSampleSize)
        let mean = sizes.reduce(0, +) / Double(sizes.count)
        #expect(sizes.allSatisfy { $0 > 0 && $0 <= Double(Self.permutationCount) })
        switch (testCase.scheme, testCase.unionSize) {
        case (.classic, _): #expect(sizes.allSatisfy { $0 == Double(Self.permutationCount) })
        case (.onePermutation, 40): #expect(abs(mean - 97.6) < 5)
        case (.onePermutation, _): #expect(mean > 120)
        }
    }

    /// The exact coverage *c* of the Wilson interval at z for Binomial(*k*, *J*): the
    /// probability mass of the match counts whose interval contains *J*.
    static func wilsonCoverage(jaccard: Double, sampleSize: Int, z: Double) -> Double {
        let pmf = SketchFixtures.binomialDistribution(n: sampleSize, p: jaccard)
        return pmf.indices.reduce(0) { sum, matches in
            let interval = JaccardEstimate(matches: matches, sampleSize: sampleSize, confidenceZ: z)
            return interval.contains(jaccard) ? sum + pmf[matches] : sum
        }
    }

    /// Over 200 trials the number of intervals containing *J* is Binomial(200, *c*), *c* the
    /// exact Wilson coverage of Binomial(*n*, *J*) at the (median) effective sample size *n*;
    /// it must reach 200·*c* − 4·√(200·*c*(1−*c*)). The exact *c* itself is at least 0.9 here
    /// (Wilson stays near its nominal 95 % at these sizes), so the expected rate is about 0.9
    /// or better.
    @Test(arguments: cases)
    func wilsonBoundsCoverExactJaccard(_ testCase: Case) throws {
        let estimates = try Self.estimates(testCase)
        let sizes = estimates.map(\.effectiveSampleSize).sorted()
        let coverage = Self.wilsonCoverage(
            jaccard: testCase.jaccard, sampleSize: Int(sizes[sizes.count / 2].rounded()), z: 1.96)
        #expect(coverage >= 0.9)
        let covered = estimates.filter { $0.contains(testCase.jaccard) }.count
        let n = Double(Self.trials)
        #expect(Double(covered) >= n * coverage - 4 * (n * coverage * (1 - coverage)).squareRoot())
    }
}
