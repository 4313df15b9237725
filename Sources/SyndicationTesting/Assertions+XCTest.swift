#if canImport(XCTest)
import XCTest

// XCTest entry points: like `XCTAssert…`, each calls `XCTFail` at the caller's `file` and
// `line` when the expectation does not hold, and returns the verdict. Called from a Swift
// Testing test instead, they record an `Issue` at the same place.

/// Asserts that `a` and `b` are near-duplicates: `score` at least `threshold` (the MinHash
/// lower bound in ``SimilarityMode/estimate`` mode, the exact score in ``SimilarityMode/exact``
/// mode). The XCTest form of ``expectNearDuplicate(_:_:atLeast:score:mode:using:sourceLocation:)``.
///
/// ```swift
/// func testWireCopyIsNearDuplicate() {
///     XCTAssertNearDuplicate(wire, republished, atLeast: 0.8)
/// }
/// ```
///
/// A non-empty `message` is put before the verdict's message on failure. Returns the verdict,
/// whether or not it held.
@discardableResult
public func XCTAssertNearDuplicate(
    _ a: String, _ b: String, atLeast threshold: Double,
    score: SimilarityScore = .jaccard, mode: SimilarityMode = .estimate,
    using check: SimilarityCheck = SimilarityCheck(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> SimilarityVerdict {
    let verdict = check.nearDuplicate(a, b, atLeast: threshold, score: score, mode: mode)
    FailureReporting.record(verdict, message: message(), file: file, line: line)
    return verdict
}

/// Asserts that `a` and `b` do not reuse each other beyond `threshold`: `score` at most
/// `threshold` (the MinHash upper bound in ``SimilarityMode/estimate`` mode, the exact score in
/// ``SimilarityMode/exact`` mode). The XCTest form of
/// ``expectNotReused(_:_:atMost:score:mode:using:sourceLocation:)``.
///
/// A non-empty `message` is put before the verdict's message on failure. Returns the verdict,
/// whether or not it held.
@discardableResult
public func XCTAssertNotReused(
    _ a: String, _ b: String, atMost threshold: Double,
    score: SimilarityScore = .coverage, mode: SimilarityMode = .estimate,
    using check: SimilarityCheck = SimilarityCheck(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> SimilarityVerdict {
    let verdict = check.notReused(a, b, atMost: threshold, score: score, mode: mode)
    FailureReporting.record(verdict, message: message(), file: file, line: line)
    return verdict
}

/// Asserts that `passage`, which occurs in `a`, is reused in `b`: at least `fraction` of it
/// aligned as copy. The XCTest form of
/// ``expectPassageReused(_:from:in:atLeast:using:sourceLocation:)``.
///
/// A non-empty `message` is put before the verdict's message on failure. Returns the verdict,
/// whether or not it held.
@discardableResult
public func XCTAssertPassageReused(
    _ passage: String, from a: String, in b: String, atLeast fraction: Double = 0.8,
    using check: SimilarityCheck = SimilarityCheck(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> SimilarityVerdict {
    let verdict = check.passageReused(passage, from: a, in: b, atLeast: fraction)
    FailureReporting.record(verdict, message: message(), file: file, line: line)
    return verdict
}

/// Asserts that `a` and `b` share quotations and nothing else (relation `quotes`). The XCTest
/// form of ``expectOnlyQuotes(_:_:using:sourceLocation:)``.
///
/// A non-empty `message` is put before the verdict's message on failure. Returns the verdict,
/// whether or not it held.
@discardableResult
public func XCTAssertOnlyQuotes(
    _ a: String, _ b: String, using check: SimilarityCheck = SimilarityCheck(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> SimilarityVerdict {
    let verdict = check.onlyQuotes(a, b)
    FailureReporting.record(verdict, message: message(), file: file, line: line)
    return verdict
}

/// Asserts that `a` and `b` share page furniture and nothing else (relation `boilerplate`).
/// The XCTest form of ``expectOnlyBoilerplate(_:_:using:sourceLocation:)``.
///
/// A non-empty `message` is put before the verdict's message on failure. Returns the verdict,
/// whether or not it held.
@discardableResult
public func XCTAssertOnlyBoilerplate(
    _ a: String, _ b: String, using check: SimilarityCheck = SimilarityCheck(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> SimilarityVerdict {
    let verdict = check.onlyBoilerplate(a, b)
    FailureReporting.record(verdict, message: message(), file: file, line: line)
    return verdict
}
#endif
