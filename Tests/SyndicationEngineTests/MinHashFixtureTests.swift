import Testing
import TestSupport
@testable import SyndicationEngine

/// The seeded generator of the sketch tests, so every generated set and every seed is the
/// same on every run.
typealias SketchTestRandom = SeededGenerator

/// Generated sets with known exact Jaccard similarity.
enum SketchFixtures {
    /// Two sets of distinct random hashes whose union has `unionSize` elements, of which
    /// round(`jaccard`·`unionSize`) are shared and the rest split evenly between the two sides.
    static func setPair(
        jaccard: Double, unionSize: Int, using random: inout SketchTestRandom
    ) -> (a: [UInt64], b: [UInt64], exact: Double) {
        let shared = Int((jaccard * Double(unionSize)).rounded())
        let onlyA = (unionSize - shared) / 2
        let union = distinctHashes(count: unionSize, using: &random)
        let a = Array(union[0..<(shared + onlyA)])
        let b = Array(union[0..<shared]) + Array(union[(shared + onlyA)...])
        return (a, b, Double(shared) / Double(unionSize))
    }

    /// `count` distinct random hashes.
    static func distinctHashes(count: Int, using random: inout SketchTestRandom) -> [UInt64] {
        var seen = Set<UInt64>()
        var result: [UInt64] = []
        while result.count < count {
            let value = random.next()
            if seen.insert(value).inserted { result.append(value) }
        }
        return result
    }

    /// |A ∩ B| / |A ∪ B| of the two sets (0 when both are empty).
    static func exactJaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let setA = Set(a)
        let setB = Set(b)
        let union = setA.union(setB).count
        return union == 0 ? 0 : Double(setA.intersection(setB).count) / Double(union)
    }

    /// P(M = m) for M ~ Binomial(n, p), m = 0...n, by the ratio recurrence.
    static func binomialDistribution(n: Int, p: Double) -> [Double] {
        var pmf = [Double](repeating: 0, count: n + 1)
        var power = 1.0
        for _ in 0..<n { power *= 1 - p }
        pmf[0] = power
        for m in 0..<n { pmf[m + 1] = pmf[m] * Double(n - m) / Double(m + 1) * p / (1 - p) }
        return pmf
    }
}

@Suite struct MinHashFixtureTests {
    /// SplitMix64's first output from state 0, as published with the algorithm.
    @Test func generatorMatchesSplitMix64() {
        var random = SketchTestRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test(arguments: [0.0, 0.1, 0.35, 0.5, 0.9, 1.0], [10, 100, 400])
    func setPairHasRequestedJaccard(_ jaccard: Double, _ unionSize: Int) {
        var random = SketchTestRandom(seed: UInt64(unionSize))
        let pair = SketchFixtures.setPair(jaccard: jaccard, unionSize: unionSize, using: &random)
        #expect(SketchFixtures.exactJaccard(pair.a, pair.b) == pair.exact)
        #expect(abs(pair.exact - jaccard) <= 0.5 / Double(unionSize) + 1e-12)
        #expect(Set(pair.a).union(pair.b).count == unionSize)
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func binomialDistributionSumsToOneWithMeanNP(_ p: Double) {
        let pmf = SketchFixtures.binomialDistribution(n: 128, p: p)
        #expect(abs(pmf.reduce(0, +) - 1) < 1e-12)
        let mean = pmf.indices.reduce(0.0) { $0 + Double($1) * pmf[$1] }
        #expect(abs(mean - 128 * p) < 1e-9)
    }
}
