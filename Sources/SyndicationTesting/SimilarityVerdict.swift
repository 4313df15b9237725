/// What an expectation asked for.
public enum SimilarityExpectation: Hashable, Sendable {
    /// `score` at least `threshold`: the lower bound in estimate mode, the exact score in exact mode.
    case nearDuplicate(atLeast: Double, score: SimilarityScore, mode: SimilarityMode)
    /// `score` at most `threshold`: the upper bound in estimate mode, the exact score in exact mode.
    case notReused(atMost: Double, score: SimilarityScore, mode: SimilarityMode)
    /// `passage` occurs in the first text and at least `fraction` of it is aligned as copy
    /// to the second.
    case passageReused(passage: String, fraction: Double)
    /// The texts share quotations and nothing else (relation `quotes`).
    case onlyQuotes
    /// The texts share page furniture and nothing else (relation `boilerplate`).
    case onlyBoilerplate
}

/// The outcome of one expectation: whether it holds, a one-line summary, and a readable
/// message with every score and its bounds and the aligned passages side by side.
///
/// ``SimilarityCheck`` makes verdicts; the `expect…` functions (Swift Testing) and the
/// `XCTAssert…` functions (XCTest) record the ``message`` of a verdict that does not hold at
/// the caller's source location.
public struct SimilarityVerdict: Sendable, CustomStringConvertible {
    /// What was expected.
    public var expectation: SimilarityExpectation
    /// Whether the expectation holds.
    public var isSatisfied: Bool
    /// One line: what was expected and what was found.
    public var summary: String
    /// The scores and passages the verdict rests on.
    public var measurement: SimilarityMeasurement

    /// A verdict with the given parts.
    public init(
        expectation: SimilarityExpectation, isSatisfied: Bool, summary: String, measurement: SimilarityMeasurement
    ) {
        self.expectation = expectation
        self.isSatisfied = isSatisfied
        self.summary = summary
        self.measurement = measurement
    }

    /// The full message: ``summary``, the relation and shingle counts, a table of the scores
    /// with their estimates and bounds (the compared one marked), and the aligned passages,
    /// first text beside second.
    public var message: String {
        VerdictMessage(verdict: self).render()
    }

    /// The same as ``message``.
    public var description: String { message }

    /// The score an expectation compared and the bound it compared, if it compared a score.
    var comparison: (score: SimilarityScore, mode: SimilarityMode, isMinimum: Bool, threshold: Double)? {
        switch expectation {
        case .nearDuplicate(let threshold, let score, let mode): return (score, mode, true, threshold)
        case .notReused(let threshold, let score, let mode): return (score, mode, false, threshold)
        case .passageReused, .onlyQuotes, .onlyBoilerplate: return nil
        }
    }
}
