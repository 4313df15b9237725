/// One score of a pair of texts: the exact value and, where the score is estimated from
/// MinHash signatures, the estimate with its confidence bounds.
public struct ScoreMeasurement: Hashable, Sendable {
    /// Which score this is.
    public var score: SimilarityScore
    /// The exact value, from the full shingle sets (or the alignment, for coverage).
    public var exact: Double
    /// The MinHash point estimate; equal to ``exact`` when ``isEstimated`` is false.
    public var estimate: Double
    /// The lower confidence bound of the estimate; ``exact`` when not estimated.
    public var lower: Double
    /// The upper confidence bound of the estimate; ``exact`` when not estimated.
    public var upper: Double
    /// Whether the score has a MinHash estimate (Jaccard and containment do, coverage does not).
    public var isEstimated: Bool

    /// A measurement with an estimate and bounds.
    public init(score: SimilarityScore, exact: Double, estimate: Double, lower: Double, upper: Double) {
        self.score = score
        self.exact = exact
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.isEstimated = true
    }

    /// A measurement with no estimate: its bounds are the exact value.
    public init(score: SimilarityScore, exact: Double) {
        self.score = score
        self.exact = exact
        self.estimate = exact
        self.lower = exact
        self.upper = exact
        self.isEstimated = false
    }

    /// The value a "must be at least" expectation compares: the lower bound in
    /// ``SimilarityMode/estimate`` mode, the exact value in ``SimilarityMode/exact`` mode.
    public func lowerValue(in mode: SimilarityMode) -> Double {
        mode == .exact ? exact : lower
    }

    /// The value a "must be at most" expectation compares: the upper bound in
    /// ``SimilarityMode/estimate`` mode, the exact value in ``SimilarityMode/exact`` mode.
    public func upperValue(in mode: SimilarityMode) -> Double {
        mode == .exact ? exact : upper
    }
}
