import Testing
@testable import SyndicationEngine

/// The banding optimum and the S-curve.
@Suite struct LSHParametersTests {
    static let tolerance = 2e-7

    /// The weighted error recomputed independently: midpoint rule on 10,000 points of [0, 1]
    /// and the S-curve written out. Its leading error term (Euler–Maclaurin) is
    /// (h²/24)·Σ|ΔP′| over the two pieces; with h = 10⁻⁴ and 0 ≤ P′ = b·r·sʳ⁻¹(1 − sʳ)ᵇ⁻¹ ≤
    /// b·r ≤ 128 that is at most (10⁻⁸/24)·2·128 ≈ 10⁻⁷, hence the tolerance below (the
    /// library's Simpson rule is far closer).
    static func objective(
        bands: Int, rows: Int, threshold: Double, falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> Double {
        let points = 10_000
        var falsePositive = 0.0
        var falseNegative = 0.0
        for index in 0..<points {
            let s = (Double(index) + 0.5) / Double(points)
            var rowPower = 1.0
            for _ in 0..<rows { rowPower *= s }
            var miss = 1.0
            for _ in 0..<bands { miss *= 1 - rowPower }
            if s < threshold { falsePositive += 1 - miss } else { falseNegative += miss }
        }
        return (falsePositiveWeight * falsePositive + falseNegativeWeight * falseNegative) / Double(points)
    }

    /// For threshold 0.5 and 128 permutations the optimum is 25 bands of 5 rows (125 values),
    /// and no (b, r) with b·r ≤ 128 does better under the independent objective. (The runner-up,
    /// 24 × 5, is 1.6·10⁻⁴ worse — far above the quadrature tolerance.)
    /// All band keys at once are each band's key, for bandings that use all or part of the
    /// signature; an empty signature has none.
    @Test(arguments: [(32, 4), (25, 5), (1, 1), (7, 3), (64, 4)])
    func bandKeysAreEachBandsKey(bandCount: Int, rowsPerBand: Int) {
        let banding = LSHParameters(bandCount: bandCount, rowsPerBand: rowsPerBand)
        let sketcher = DocumentSketcher(parameters: MinHashParameters(permutationCount: 256, seed: 7))
        for text in ["the wire service moved the story at noon on tuesday", "a b c d e f g h i j k", "x"] {
            let signature = sketcher.signature(of: text)
            #expect(banding.bandKeys(of: signature) == (0..<bandCount).map { banding.bandKey(of: signature, band: $0) })
        }
        #expect(banding.bandKeys(of: sketcher.signature(of: " ")).isEmpty)
    }

    @Test func thresholdHalfOf128PicksTwentyFiveBandsOfFive() {
        let chosen = LSHParameters.optimal(threshold: 0.5, permutationCount: 128)
        #expect(chosen == LSHParameters(bandCount: 25, rowsPerBand: 5))
        let chosenError = Self.objective(bands: chosen.bandCount, rows: chosen.rowsPerBand, threshold: 0.5)
        for bands in 1...128 {
            for rows in 1...(128 / bands) where (bands, rows) != (25, 5) {
                #expect(chosenError < Self.objective(bands: bands, rows: rows, threshold: 0.5) + Self.tolerance)
            }
        }
    }

    struct Setting: Sendable, CustomTestStringConvertible {
        var threshold: Double
        var permutationCount: Int
        var falsePositiveWeight = 0.5
        var falseNegativeWeight = 0.5
        var testDescription: String {
            "t=\(threshold) k=\(permutationCount) fp=\(falsePositiveWeight) fn=\(falseNegativeWeight)"
        }
    }

    static let settings = [
        Setting(threshold: 0.3, permutationCount: 64), Setting(threshold: 0.8, permutationCount: 128),
        Setting(threshold: 0.5, permutationCount: 200, falsePositiveWeight: 0.2, falseNegativeWeight: 0.8),
        Setting(threshold: 0.6, permutationCount: 32, falsePositiveWeight: 0.9, falseNegativeWeight: 0.1),
    ]

    /// The optimum fits the signature and beats its neighbours (b ± 1, r ± 1) that fit.
    @Test(arguments: settings)
    func optimumFitsAndBeatsNeighbours(_ setting: Setting) {
        let chosen = LSHParameters.optimal(
            threshold: setting.threshold, permutationCount: setting.permutationCount,
            falsePositiveWeight: setting.falsePositiveWeight, falseNegativeWeight: setting.falseNegativeWeight)
        #expect(chosen.usedPermutationCount <= setting.permutationCount)
        func error(_ bands: Int, _ rows: Int) -> Double {
            Self.objective(
                bands: bands, rows: rows, threshold: setting.threshold,
                falsePositiveWeight: setting.falsePositiveWeight, falseNegativeWeight: setting.falseNegativeWeight)
        }
        let chosenError = error(chosen.bandCount, chosen.rowsPerBand)
        var neighbours = 0
        for bandStep in -1...1 {
            for rowStep in -1...1 where (bandStep, rowStep) != (0, 0) {
                let bands = chosen.bandCount + bandStep
                let rows = chosen.rowsPerBand + rowStep
                guard bands >= 1, rows >= 1, bands * rows <= setting.permutationCount else { continue }
                neighbours += 1
                #expect(chosenError <= error(bands, rows) + Self.tolerance, "\(bands) × \(rows)")
            }
        }
        #expect(neighbours >= 3)
    }

    /// The similarity at which the chosen S-curve reaches ½, by bisection.
    static func midpoint(_ parameters: LSHParameters) -> Double {
        var low = 0.0
        var high = 1.0
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if parameters.collisionProbability(jaccard: middle) < 0.5 { low = middle } else { high = middle }
        }
        return low
    }

    /// A higher threshold never moves the S-curve left, and the curve's midpoint stays within
    /// 0.15 of the threshold it was tuned for.
    @Test func curveFollowsThreshold() {
        var previous = 0.0
        for step in 1...9 {
            let threshold = Double(step) / 10
            let midpoint = Self.midpoint(.optimal(threshold: threshold, permutationCount: 128))
            #expect(midpoint >= previous)
            #expect(abs(midpoint - threshold) <= 0.15, "t=\(threshold) midpoint \(midpoint)")
            previous = midpoint
        }
    }

    /// Weighting false negatives makes pairs at the threshold likelier candidates; weighting
    /// false positives, less likely.
    @Test(arguments: [0.3, 0.5, 0.8])
    func weightsMoveTheCurve(_ threshold: Double) {
        let balanced = LSHParameters.optimal(threshold: threshold, permutationCount: 128)
        let lenient = LSHParameters.optimal(
            threshold: threshold, permutationCount: 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9)
        let strict = LSHParameters.optimal(
            threshold: threshold, permutationCount: 128, falsePositiveWeight: 0.9, falseNegativeWeight: 0.1)
        #expect(lenient.collisionProbability(jaccard: threshold) > balanced.collisionProbability(jaccard: threshold))
        #expect(strict.collisionProbability(jaccard: threshold) < balanced.collisionProbability(jaccard: threshold))
    }

    @Test func collisionProbabilityFormula() {
        let parameters = LSHParameters(bandCount: 20, rowsPerBand: 5)
        #expect(parameters.collisionProbability(jaccard: 0) == 0)
        #expect(parameters.collisionProbability(jaccard: 1) == 1)
        // 1 − (1 − ½⁵)²⁰ = 1 − (31/32)²⁰.
        var miss = 1.0
        for _ in 0..<20 { miss *= 31.0 / 32 }
        #expect(abs(parameters.collisionProbability(jaccard: 0.5) - (1 - miss)) < 1e-15)
        #expect(LSHParameters(bandCount: 1, rowsPerBand: 1).collisionProbability(jaccard: 0.37) == 0.37)
    }

    @Test func weightedErrorAgreesWithIndependentQuadrature() {
        for (bands, rows) in [(1, 1), (25, 5), (5, 25), (128, 1), (9, 13)] {
            let parameters = LSHParameters(bandCount: bands, rowsPerBand: rows)
            let difference = parameters.weightedError(threshold: 0.5) - Self.objective(bands: bands, rows: rows, threshold: 0.5)
            #expect(abs(difference) < Self.tolerance)
        }
    }
}
