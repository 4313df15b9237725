/// An estimated Jaccard similarity with its confidence bounds: "must be flagged" checks
/// ``lower``, "must not be flagged" checks ``upper``.
///
/// The bounds are the Wilson score interval for a binomial proportion (Wilson, "Probable
/// Inference, the Law of Succession, and Statistical Inference", JASA 1927) on
/// ``effectiveSampleSize`` samples. For classic MinHash (Broder 1997) the number of agreeing
/// positions of two signatures is Binomial(*k*, *J*), since each independent permutation's
/// minimum falls in the intersection with probability *J*: the effective sample size is *k*.
/// One-permutation hashing samples bins without replacement, with variance below the
/// binomial when the union of the two sets fills every bin (Li, Owen & Zhang, NIPS 2012);
/// optimal densification keeps minwise hashing's collision probability (Shrivastava, ICML
/// 2017), but when the union has fewer shingles than bins the copied values repeat the few
/// filled bins and the variance rises above the binomial, so the effective sample size drops
/// below *k* (see ``MinHashSignature/jaccard(with:confidenceZ:)``). Wilson's interval keeps
/// near-nominal coverage at the 0 and 1 ends, where the normal (Wald) interval collapses
/// (Brown, Cai & DasGupta, "Interval Estimation for a Binomial Proportion", Statistical
/// Science 2001).
public struct JaccardEstimate: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The point estimate, matches / ``sampleSize``.
    public var estimate: Double
    /// The lower confidence bound, in [0, ``estimate``].
    public var lower: Double
    /// The upper confidence bound, in [``estimate``, 1].
    public var upper: Double
    /// The number of compared positions *k* (0 when either set is empty).
    public var sampleSize: Int
    /// The number of independent binomial samples the estimate is worth, at most
    /// ``sampleSize``; the bounds are computed on it.
    public var effectiveSampleSize: Double
    /// The standard-normal quantile *z* the bounds were computed at (1.96 for 95 %).
    public var confidenceZ: Double

    /// An estimate with the given values.
    public init(
        estimate: Double, lower: Double, upper: Double, sampleSize: Int,
        effectiveSampleSize: Double? = nil, confidenceZ: Double
    ) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.sampleSize = sampleSize
        self.effectiveSampleSize = effectiveSampleSize ?? Double(sampleSize)
        self.confidenceZ = confidenceZ
    }

    /// The estimate *p̂* = `matches / sampleSize` with the Wilson score interval at
    /// *z* = `confidenceZ` on *n* = `effectiveSampleSize` samples:
    ///
    ///     centre = (p̂ + z²/2n) / (1 + z²/n)
    ///     half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
    ///
    /// the two roots *p* of |p̂ − p| = z·√(p(1 − p)/n), clamped to [0, 1].
    ///
    /// - Parameter effectiveSampleSize: Defaults to `sampleSize` (binomial samples).
    /// - Precondition: `0 <= matches <= sampleSize`, `sampleSize >= 1`,
    ///   `0 < effectiveSampleSize`, `confidenceZ >= 0`.
    /// - Complexity: O(1).
    public init(matches: Int, sampleSize: Int, effectiveSampleSize: Double? = nil, confidenceZ: Double = 1.96) {
        precondition(sampleSize >= 1, "an estimate needs at least one sample")
        precondition((0...sampleSize).contains(matches), "\(matches) matches out of \(sampleSize)")
        precondition(confidenceZ >= 0, "confidence z must not be negative")
        let n = effectiveSampleSize ?? Double(sampleSize)
        precondition(n > 0, "an effective sample size is positive")
        let proportion = Double(matches) / Double(sampleSize)
        let zSquared = confidenceZ * confidenceZ
        let denominator = 1 + zSquared / n
        let centre = (proportion + zSquared / (2 * n)) / denominator
        let half = confidenceZ / denominator
            * (proportion * (1 - proportion) / n + zSquared / (4 * n * n)).squareRoot()
        self.init(
            estimate: proportion,
            lower: Swift.min(proportion, Swift.max(0, centre - half)),
            upper: Swift.max(proportion, Swift.min(1, centre + half)),
            sampleSize: sampleSize,
            effectiveSampleSize: n,
            confidenceZ: confidenceZ)
    }

    /// The estimate for a pair in which a set is empty: 0 with bounds [0, 0] (the Jaccard
    /// similarity of an empty set is 0 by convention) and no samples.
    public static func emptySet(confidenceZ: Double = 1.96) -> JaccardEstimate {
        JaccardEstimate(estimate: 0, lower: 0, upper: 0, sampleSize: 0, confidenceZ: confidenceZ)
    }

    /// The standard error √(*J*(1 − *J*)/*k*) of a *k*-sample MinHash estimate of `jaccard`,
    /// the standard deviation of Binomial(*k*, *J*)/*k*.
    ///
    /// - Precondition: `sampleSize >= 1`.
    public static func standardError(jaccard: Double, sampleSize: Int) -> Double {
        precondition(sampleSize >= 1, "a standard error needs at least one sample")
        return standardError(jaccard: jaccard, effectiveSampleSize: Double(sampleSize))
    }

    /// The standard error √(*J*(1 − *J*)/*n*) on `effectiveSampleSize` = *n* samples.
    ///
    /// - Precondition: `effectiveSampleSize > 0`.
    public static func standardError(jaccard: Double, effectiveSampleSize: Double) -> Double {
        precondition(effectiveSampleSize > 0, "a standard error needs a positive sample size")
        let clamped = Swift.min(1, Swift.max(0, jaccard))
        return (clamped * (1 - clamped) / effectiveSampleSize).squareRoot()
    }

    /// Whether `jaccard` lies within the bounds.
    public func contains(_ jaccard: Double) -> Bool { lower <= jaccard && jaccard <= upper }

    /// `estimate [lower, upper] k=sampleSize`, four decimals.
    public var description: String {
        "\(Self.format(estimate)) [\(Self.format(lower)), \(Self.format(upper))] k=\(sampleSize)"
    }

    /// Fixed four-decimal formatting without Foundation.
    private static func format(_ value: Double) -> String {
        let scaled = Int((Swift.min(1, Swift.max(0, value)) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
