/// An estimated Jaccard similarity with its confidence bounds: "must be flagged" checks
/// ``lower``, "must not be flagged" checks ``upper``.
///
/// The bounds are the Wilson score interval for a binomial proportion (Wilson, "Probable
/// Inference, the Law of Succession, and Statistical Inference", JASA 1927). For classic
/// MinHash (Broder 1997) the number of agreeing positions of two signatures is
/// Binomial(*k*, *J*), since each independent permutation's minimum falls in the intersection
/// with probability *J*. One-permutation hashing has variance below that when no bin is empty
/// (Li, Owen & Zhang, NIPS 2012), and optimal densification keeps the collision probability
/// and variance of *k*-permutation MinHash (Shrivastava, ICML 2017), so the binomial interval
/// applies to both schemes. Wilson's interval keeps near-nominal coverage at the 0 and 1
/// ends, where the normal (Wald) interval collapses (Brown, Cai & DasGupta, "Interval
/// Estimation for a Binomial Proportion", Statistical Science 2001).
public struct JaccardEstimate: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The point estimate, matches / ``sampleSize``.
    public var estimate: Double
    /// The lower confidence bound, in [0, ``estimate``].
    public var lower: Double
    /// The upper confidence bound, in [``estimate``, 1].
    public var upper: Double
    /// The number of compared positions *k* (0 when either set is empty).
    public var sampleSize: Int
    /// The standard-normal quantile *z* the bounds were computed at (1.96 for 95 %).
    public var confidenceZ: Double

    /// An estimate with the given values.
    public init(estimate: Double, lower: Double, upper: Double, sampleSize: Int, confidenceZ: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.sampleSize = sampleSize
        self.confidenceZ = confidenceZ
    }

    /// The estimate `matches / sampleSize` with the Wilson score interval at `confidenceZ`:
    ///
    ///     centre = (p̂ + z²/2k) / (1 + z²/k)
    ///     half   = z / (1 + z²/k) · √(p̂(1 − p̂)/k + z²/4k²)
    ///
    /// the two roots *p* of |p̂ − p| = z·√(p(1 − p)/k), clamped to [0, 1].
    ///
    /// - Precondition: `0 <= matches <= sampleSize`, `sampleSize >= 1`, `confidenceZ >= 0`.
    /// - Complexity: O(1).
    public init(matches: Int, sampleSize: Int, confidenceZ: Double = 1.96) {
        precondition(sampleSize >= 1, "an estimate needs at least one sample")
        precondition((0...sampleSize).contains(matches), "\(matches) matches out of \(sampleSize)")
        precondition(confidenceZ >= 0, "confidence z must not be negative")
        let k = Double(sampleSize)
        let proportion = Double(matches) / k
        let zSquared = confidenceZ * confidenceZ
        let denominator = 1 + zSquared / k
        let centre = (proportion + zSquared / (2 * k)) / denominator
        let half = confidenceZ / denominator
            * (proportion * (1 - proportion) / k + zSquared / (4 * k * k)).squareRoot()
        self.init(
            estimate: proportion,
            lower: Swift.min(proportion, Swift.max(0, centre - half)),
            upper: Swift.max(proportion, Swift.min(1, centre + half)),
            sampleSize: sampleSize,
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
        let clamped = Swift.min(1, Swift.max(0, jaccard))
        return (clamped * (1 - clamped) / Double(sampleSize)).squareRoot()
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
