import SyndicationEngine
import SyndicationScan

/// Evaluates similarity expectations on two texts and returns a ``SimilarityVerdict``,
/// independent of any test framework.
///
/// The `expect…` functions (Swift Testing) and `XCTAssert…` functions (XCTest) wrap these
/// methods; call them directly to inspect a verdict or build your own assertion.
///
/// ```swift
/// let verdict = SimilarityCheck().nearDuplicate(original, copy, atLeast: 0.8)
/// if !verdict.isSatisfied { print(verdict.message) }
/// ```
public struct SimilarityCheck: Sendable {
    /// The settings texts are compared with: shingling, MinHash seed and permutation count,
    /// the bounds' confidence z, and the alignment's thresholds (such as
    /// `minimumCopyWords`, the least copied prose that counts as reuse).
    public var parameters: ScanParameters

    /// A check with the given settings (the defaults of `syndetect scan`).
    public init(parameters: ScanParameters = ScanParameters()) {
        self.parameters = parameters
    }

    /// Scores and aligns `first` against `second`.
    public func measure(_ first: String, _ second: String) -> SimilarityMeasurement {
        SimilarityMeasurement(first, second, parameters: parameters)
    }

    /// Expects `first` and `second` to be near-duplicates: `score` at least `threshold`.
    ///
    /// In ``SimilarityMode/estimate`` mode the MinHash estimate's *lower* bound must reach the
    /// threshold, so the verdict holds whatever the seed, at the bounds' confidence; in
    /// ``SimilarityMode/exact`` mode the exact score must.
    public func nearDuplicate(
        _ first: String, _ second: String, atLeast threshold: Double,
        score: SimilarityScore = .jaccard, mode: SimilarityMode = .estimate
    ) -> SimilarityVerdict {
        let measurement = measure(first, second)
        let measured = measurement.measurement(of: score)
        let value = measured.lowerValue(in: mode)
        let holds = value >= threshold
        let compared = "\(score) \(Self.valueName(measured, mode: mode, isMinimum: true)) \(Number.format(value))"
        let summary = holds
            ? "near-duplicates as expected: \(compared) ≥ \(Number.format(threshold))"
            : "expected near-duplicates with \(score) ≥ \(Number.format(threshold)), but the \(compared) is below it"
        return SimilarityVerdict(
            expectation: .nearDuplicate(atLeast: threshold, score: score, mode: mode), isSatisfied: holds,
            summary: summary, measurement: measurement)
    }

    /// Expects `second` not to reuse `first` (or the other way round) beyond `threshold`:
    /// `score` at most `threshold`.
    ///
    /// In ``SimilarityMode/estimate`` mode the MinHash estimate's *upper* bound must stay at or
    /// below the threshold; in ``SimilarityMode/exact`` mode the exact score must. The default
    /// score, ``SimilarityScore/coverage``, counts reworded copy that shingle scores miss.
    public func notReused(
        _ first: String, _ second: String, atMost threshold: Double,
        score: SimilarityScore = .coverage, mode: SimilarityMode = .estimate
    ) -> SimilarityVerdict {
        let measurement = measure(first, second)
        let measured = measurement.measurement(of: score)
        let value = measured.upperValue(in: mode)
        let holds = value <= threshold
        let compared = "\(score) \(Self.valueName(measured, mode: mode, isMinimum: false)) \(Number.format(value))"
        let summary = holds
            ? "no reuse beyond the limit, as expected: \(compared) ≤ \(Number.format(threshold))"
            : "expected \(score) ≤ \(Number.format(threshold)), but the \(compared) exceeds it"
        return SimilarityVerdict(
            expectation: .notReused(atMost: threshold, score: score, mode: mode), isSatisfied: holds,
            summary: summary, measurement: measurement)
    }

    /// Expects `passage`, which occurs in `first`, to be reused in `second`: at least
    /// `fraction` of its code points lie in passages aligned as copy (`verbatim`, `edited` or
    /// `rewritten`), which needs the texts to share enough to count as reuse at all.
    ///
    /// `passage` is matched exactly after trimming white space at its ends; the first
    /// occurrence counts.
    public func passageReused(
        _ passage: String, from first: String, in second: String, atLeast fraction: Double = 0.8
    ) -> SimilarityVerdict {
        let measurement = measure(first, second)
        let expectation = SimilarityExpectation.passageReused(passage: passage, fraction: fraction)
        let needle = Array(TextExcerpt.trimmed(passage).unicodeScalars)
        let quoted = "\"" + TextExcerpt.shortened(TextExcerpt.trimmed(passage), to: 60) + "\""
        guard let span = TextExcerpt.firstRange(of: needle, in: Array(first.unicodeScalars)) else {
            return SimilarityVerdict(
                expectation: expectation, isSatisfied: false,
                summary: "expected the passage \(quoted) of the first text to be reused in the second, but the first text does not contain it",
                measurement: measurement)
        }
        let copied = TextSpan.merged(measurement.passages.filter(\.kind.isCopy).map(\.a))
        let covered = copied.reduce(0) { $0 + $1.overlap(with: span) }
        let share = span.isEmpty ? 0 : Double(covered) / Double(span.length)
        let holds = share >= fraction && !span.isEmpty
        let found = "\(Number.percent(share)) of it \(span) is aligned as copy"
        let summary = holds
            ? "the passage \(quoted) is reused as expected: \(found)"
            : "expected the passage \(quoted) to be reused in the second text (≥ \(Number.percent(fraction)) aligned as copy), but \(found)"
                + (measurement.relation?.isReuse == true ? "" : "; the texts do not share enough to count as reuse")
        return SimilarityVerdict(expectation: expectation, isSatisfied: holds, summary: summary, measurement: measurement)
    }

    /// Expects the two texts to share quotations and nothing else: relation `quotes`. Fails
    /// when they share copy, boilerplate only, or nothing at all.
    public func onlyQuotes(_ first: String, _ second: String) -> SimilarityVerdict {
        relation(.quotes, expectation: .onlyQuotes, what: "only quotations", first, second)
    }

    /// Expects the two texts to share page furniture (templates, teasers, notices) and nothing
    /// else: relation `boilerplate`. Fails when they share copy, quotations, or nothing at all.
    public func onlyBoilerplate(_ first: String, _ second: String) -> SimilarityVerdict {
        relation(.boilerplate, expectation: .onlyBoilerplate, what: "only boilerplate", first, second)
    }

    func relation(
        _ expected: Relation, expectation: SimilarityExpectation, what: String, _ first: String, _ second: String
    ) -> SimilarityVerdict {
        let measurement = measure(first, second)
        // Unwrapped with `if let` rather than `Optional.map` and `==` on optionals: the latter
        // crashed the Swift 6.3.1 optimiser (CopyPropagation ownership check) in release builds.
        let holds: Bool
        let found: String
        if let relation = measurement.relation {
            holds = relation == expected
            found = "the relation is \(relation.rawValue)"
        } else {
            holds = false
            found = "they share nothing"
        }
        let summary = holds
            ? "the texts share \(what), as expected (relation \(expected.rawValue))"
            : "expected the texts to share \(what) (relation \(expected.rawValue)), but \(found)"
        return SimilarityVerdict(expectation: expectation, isSatisfied: holds, summary: summary, measurement: measurement)
    }

    /// "lower bound", "upper bound", "exact value" or (for a score with no estimate)
    /// "value": what a comparison looked at.
    static func valueName(_ measured: ScoreMeasurement, mode: SimilarityMode, isMinimum: Bool) -> String {
        guard measured.isEstimated else { return "value" }
        guard mode == .estimate else { return "exact value" }
        return isMinimum ? "lower bound" : "upper bound"
    }
}
