#if canImport(Testing)
import Testing

// Swift Testing entry points: like `#expect`, each records an `Issue` at the caller's source
// location when the expectation does not hold, and returns the verdict. Called from an XCTest
// test instead, they record an XCTest failure whose message starts with that location.

/// Expects `a` and `b` to be near-duplicates: `score` at least `threshold`.
///
/// In ``SimilarityMode/estimate`` mode the *lower* bound of the MinHash estimate must reach
/// `threshold`, so a passing expectation holds whatever the seed; in ``SimilarityMode/exact``
/// mode the exact score must. On failure the issue shows every score with its bounds and the
/// aligned passages side by side.
///
/// ```swift
/// @Test func wireCopyIsNearDuplicate() {
///     expectNearDuplicate(wire, republished, atLeast: 0.8)
/// }
/// ```
///
/// `score` is ``SimilarityScore/jaccard`` by default; `check` carries the settings to compare
/// with. Returns the verdict, whether or not it held.
@discardableResult
public func expectNearDuplicate(
    _ a: String, _ b: String, atLeast threshold: Double,
    score: SimilarityScore = .jaccard, mode: SimilarityMode = .estimate,
    using check: SimilarityCheck = SimilarityCheck(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SimilarityVerdict {
    let verdict = check.nearDuplicate(a, b, atLeast: threshold, score: score, mode: mode)
    FailureReporting.record(verdict, sourceLocation: sourceLocation)
    return verdict
}

/// Expects `a` and `b` not to reuse each other beyond `threshold`: `score` at most `threshold`.
///
/// In ``SimilarityMode/estimate`` mode the *upper* bound of the MinHash estimate must stay at
/// or below `threshold`; in ``SimilarityMode/exact`` mode the exact score must.
///
/// ```swift
/// @Test func summaryDoesNotCopyTheSource() {
///     expectNotReused(generatedSummary, sourceArticle, atMost: 0.2)
/// }
/// ```
///
/// `score` is ``SimilarityScore/coverage`` by default (aligned copy of the shorter text, so
/// reworded copy counts); `check` carries the settings to compare with. Returns the verdict,
/// whether or not it held.
@discardableResult
public func expectNotReused(
    _ a: String, _ b: String, atMost threshold: Double,
    score: SimilarityScore = .coverage, mode: SimilarityMode = .estimate,
    using check: SimilarityCheck = SimilarityCheck(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SimilarityVerdict {
    let verdict = check.notReused(a, b, atMost: threshold, score: score, mode: mode)
    FailureReporting.record(verdict, sourceLocation: sourceLocation)
    return verdict
}

/// Expects `passage`, which occurs in `a`, to be reused in `b`: at least `fraction` of it
/// aligned as copy.
///
/// Returns the verdict, whether or not it held.
@discardableResult
public func expectPassageReused(
    _ passage: String, from a: String, in b: String, atLeast fraction: Double = 0.8,
    using check: SimilarityCheck = SimilarityCheck(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SimilarityVerdict {
    let verdict = check.passageReused(passage, from: a, in: b, atLeast: fraction)
    FailureReporting.record(verdict, sourceLocation: sourceLocation)
    return verdict
}

/// Expects `a` and `b` to share quotations and nothing else (relation `quotes`).
///
/// Returns the verdict, whether or not it held.
@discardableResult
public func expectOnlyQuotes(
    _ a: String, _ b: String, using check: SimilarityCheck = SimilarityCheck(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SimilarityVerdict {
    let verdict = check.onlyQuotes(a, b)
    FailureReporting.record(verdict, sourceLocation: sourceLocation)
    return verdict
}

/// Expects `a` and `b` to share page furniture and nothing else (relation `boilerplate`).
///
/// Returns the verdict, whether or not it held.
@discardableResult
public func expectOnlyBoilerplate(
    _ a: String, _ b: String, using check: SimilarityCheck = SimilarityCheck(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SimilarityVerdict {
    let verdict = check.onlyBoilerplate(a, b)
    FailureReporting.record(verdict, sourceLocation: sourceLocation)
    return verdict
}
#endif
