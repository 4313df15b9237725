/// The score an expectation compares with its threshold.
///
/// `jaccard` and `containment` are computed over the word 5-shingle sets of the whole texts (the
/// same shingles as the JSON report's `jaccard` and `containment_*`); `coverage` comes from
/// passage alignment, so reworded copy counts and shared quotations and boilerplate do not.
public enum SimilarityScore: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// |*A* ∩ *B*| / |*A* ∪ *B*| of the two shingle sets: near 1 only when both texts are
    /// mostly the same words in the same order.
    case jaccard
    /// |*A* ∩ *B*| / min(|*A*|, |*B*|): the share of the smaller shingle set found in the other
    /// (the larger of the two containments), so a short text copied whole into a long one
    /// scores 1.
    case containment
    /// The share of the shorter text's prose (by code points) that is aligned to the other as
    /// copied prose (`verbatim`, `edited` or `rewritten` passages); 0 when the two share too
    /// little to count as reuse. Ties in length take the larger share.
    case coverage

    /// The score's name, as the JSON report spells it.
    public var description: String { rawValue }
}

/// Which value of a score an expectation compares.
///
/// In ``estimate`` mode a "must be similar" expectation (``SimilarityCheck/nearDuplicate(_:_:atLeast:score:mode:)``)
/// compares the *lower* confidence bound of the MinHash estimate and a "must not" expectation
/// (``SimilarityCheck/notReused(_:_:atMost:score:mode:)``) the *upper* bound, so a passing
/// expectation holds whatever the seed, at the bounds' confidence. In ``exact`` mode both
/// compare the exact score. ``SimilarityScore/coverage`` is not estimated: both modes compare
/// the aligned share itself.
public enum SimilarityMode: String, Hashable, Sendable, CaseIterable {
    /// The MinHash estimate's bounds (Wilson interval at the parameters' `confidenceZ`).
    case estimate
    /// The exact score from the full shingle sets.
    case exact
}
