/// The banding of MinHash signatures for locality-sensitive hashing (Indyk & Motwani,
/// "Approximate Nearest Neighbors", STOC 1998; the banding technique as in Leskovec,
/// Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3).
///
/// A signature is cut into ``bandCount`` bands of ``rowsPerBand`` consecutive values; two
/// documents become candidates when all rows of at least one band agree. With each row
/// agreeing with probability *J*, that happens with probability 1 − (1 − *J*ʳ)ᵇ, an S-curve
/// rising near *J* ≈ (1/*b*)^(1/*r*).
public struct LSHParameters: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The number of bands *b*.
    public var bandCount: Int
    /// The number of signature values *r* per band.
    public var rowsPerBand: Int

    /// Bands of `rowsPerBand` values, `bandCount` of them.
    ///
    /// - Precondition: both are at least 1.
    public init(bandCount: Int, rowsPerBand: Int) {
        precondition(bandCount >= 1 && rowsPerBand >= 1, "bands and rows must be at least 1")
        self.bandCount = bandCount
        self.rowsPerBand = rowsPerBand
    }

    /// The signature values the bands use, *b*·*r*; must not exceed the permutation count.
    public var usedPermutationCount: Int { bandCount * rowsPerBand }

    /// The probability 1 − (1 − *J*ʳ)ᵇ that two documents of Jaccard similarity `jaccard`
    /// share at least one band, assuming independent rows (exact for classic MinHash).
    ///
    /// - Complexity: O(log *r* + log *b*).
    public func collisionProbability(jaccard: Double) -> Double {
        let clamped = Swift.min(1, Swift.max(0, jaccard))
        return 1 - (1 - clamped.raised(to: rowsPerBand)).raised(to: bandCount)
    }

    /// The weighted error of these parameters for `threshold`:
    /// `falsePositiveWeight`·∫₀ᵗ P(*s*) d*s* + `falseNegativeWeight`·∫ₜ¹ (1 − P(*s*)) d*s*,
    /// with P the ``collisionProbability(jaccard:)`` and *s* uniform on [0, 1].
    ///
    /// The integrals use composite Simpson's rule on ``integrationIntervals`` subintervals.
    public func weightedError(
        threshold: Double, falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> Double {
        let falsePositive = Self.simpson(from: 0, to: threshold) { collisionProbability(jaccard: $0) }
        let falseNegative = Self.simpson(from: threshold, to: 1) { 1 - collisionProbability(jaccard: $0) }
        return falsePositiveWeight * falsePositive + falseNegativeWeight * falseNegative
    }

    /// The (*b*, *r*) with *b*·*r* ≤ `permutationCount` minimising ``weightedError(threshold:falsePositiveWeight:falseNegativeWeight:)``:
    /// the area under the S-curve left of `threshold` (false positives) and above it right of
    /// `threshold` (false negatives), weighted. This is the usual criterion of MinHash LSH
    /// libraries; ties go to the fewest bands, then the fewest rows.
    ///
    /// - Precondition: `0 < threshold < 1`, `permutationCount >= 1`, weights not negative and
    ///   not both 0.
    /// - Complexity: O(*k* log *k* · ``integrationIntervals``) multiplications for *k* =
    ///   `permutationCount` the first time a setting is asked for: for each *r* one sweep over
    ///   the Simpson nodes yields every *b* ≤ *k*/*r* at once, (1 − *s*ʳ)ᵇ by repeated
    ///   multiplication (about 10 ms for *k* = 128). Answers are remembered for the process
    ///   (``OptimalBandings``), since a scan asks for its banding at every stage.
    public static func optimal(
        threshold: Double, permutationCount: Int,
        falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> LSHParameters {
        precondition(threshold > 0 && threshold < 1, "threshold \(threshold) is not in (0, 1)")
        precondition(permutationCount >= 1, "needs at least one permutation")
        precondition(falsePositiveWeight >= 0 && falseNegativeWeight >= 0
                     && falsePositiveWeight + falseNegativeWeight > 0, "weights must be non-negative, not both 0")
        let setting = OptimalBandings.Setting(
            threshold: threshold, permutationCount: permutationCount,
            falsePositiveWeight: falsePositiveWeight, falseNegativeWeight: falseNegativeWeight)
        return OptimalBandings.shared.banding(for: setting) { computedOptimal(for: $0) }
    }

    /// ``optimal(threshold:permutationCount:falsePositiveWeight:falseNegativeWeight:)`` computed
    /// afresh, never remembered.
    static func computedOptimal(for setting: OptimalBandings.Setting) -> LSHParameters {
        let (threshold, permutationCount) = (setting.threshold, setting.permutationCount)
        let (falsePositiveWeight, falseNegativeWeight) = (setting.falsePositiveWeight, setting.falseNegativeWeight)
        // errors[r - 1][b - 1] is the weighted error of b bands of r rows:
        // ∫₀ᵗ P = t − ∫₀ᵗ (1 − sʳ)ᵇ and ∫ₜ¹ (1 − P) = ∫ₜ¹ (1 − sʳ)ᵇ.
        let errors = (1...permutationCount).map { rowsPerBand in
            let miss = { (s: Double) in 1 - s.raised(to: rowsPerBand) }
            let bandLimit = permutationCount / rowsPerBand
            let below = simpsonOfPowers(of: miss, upTo: bandLimit, from: 0, to: threshold)
            let above = simpsonOfPowers(of: miss, upTo: bandLimit, from: threshold, to: 1)
            return zip(below, above).map { below, above in
                falsePositiveWeight * (threshold - below) + falseNegativeWeight * above
            }
        }
        var best = LSHParameters(bandCount: 1, rowsPerBand: 1)
        var bestError = Double.infinity
        for bandCount in 1...permutationCount {
            for rowsPerBand in 1...(permutationCount / bandCount) {
                let error = errors[rowsPerBand - 1][bandCount - 1]
                if error < bestError {
                    best = LSHParameters(bandCount: bandCount, rowsPerBand: rowsPerBand)
                    bestError = error
                }
            }
        }
        return best
    }

    /// Subintervals of the Simpson rule in ``weightedError(threshold:falsePositiveWeight:falseNegativeWeight:)``.
    /// The integrands are polynomials of degree *b*·*r* ≤ *k*; over every *b*·*r* ≤ 128 at
    /// threshold 0.5, 1,024 subintervals per piece agree with a 200,000-point midpoint rule to
    /// 4·10⁻¹⁰, far below the 1.6·10⁻⁴ between the best and second-best banding.
    public static let integrationIntervals = 1_024

    /// The banding in words, such as `20 bands × 6 rows`.
    public var description: String { "\(bandCount) bands × \(rowsPerBand) rows" }

    /// Composite Simpson's rule with ``integrationIntervals`` (even) subintervals.
    private static func simpson(from lower: Double, to upper: Double, _ f: (Double) -> Double) -> Double {
        simpsonOfPowers(of: f, upTo: 1, from: lower, to: upper)[0]
    }

    /// Composite Simpson's rule, as ``simpson(from:to:_:)``, of f¹, f², …, fⁿ at once (n =
    /// `exponent`): element *e* − 1 approximates ∫ f(*s*)ᵉ d*s* over [`lower`, `upper`].
    private static func simpsonOfPowers(
        of f: (Double) -> Double, upTo exponent: Int, from lower: Double, to upper: Double
    ) -> [Double] {
        let intervals = integrationIntervals
        let step = (upper - lower) / Double(intervals)
        var sums = [Double](repeating: 0, count: exponent)
        for index in 0...intervals {
            let weight: Double = index == 0 || index == intervals ? 1 : (index % 2 == 1 ? 4 : 2)
            let value = f(index == intervals ? upper : lower + Double(index) * step)
            var power = 1.0
            for position in 0..<exponent {
                power *= value
                sums[position] += weight * power
            }
        }
        return sums.map { $0 * step / 3 }
    }
}
