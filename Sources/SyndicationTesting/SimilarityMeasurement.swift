import SyndicationEngine
import SyndicationScan

/// Everything an expectation may look at for two texts: exact and estimated shingle scores,
/// the aligned passages and what kind of sharing they amount to.
///
/// The texts are called *first* and *second*: the ids `"first"` and `"second"` in ``finding``,
/// and in that order in failure messages.
public struct SimilarityMeasurement: Sendable {
    /// The first text, as given.
    public var first: String
    /// The second text, as given.
    public var second: String
    /// The settings the texts were compared with.
    public var parameters: ScanParameters
    /// Distinct word shingles of the first text.
    public var firstShingleCount: Int
    /// Distinct word shingles of the second text.
    public var secondShingleCount: Int
    /// Shingles the two texts share.
    public var sharedShingleCount: Int
    /// Jaccard similarity: exact, and the MinHash estimate with its bounds.
    public var jaccard: ScoreMeasurement
    /// Containment of the smaller shingle set in the other: exact, and the estimate derived
    /// from the Jaccard estimate with its bounds.
    public var containment: ScoreMeasurement
    /// Share of the shorter text's prose aligned as copy (exact only).
    public var coverage: ScoreMeasurement
    /// What ``CorpusScanner/compare(_:_:)`` found, or nil when the texts share nothing worth
    /// reporting.
    public var finding: PairFinding?

    /// Id of the first text in ``finding``.
    public static let firstID = "first"
    /// Id of the second text in ``finding``.
    public static let secondID = "second"

    /// Measures `first` against `second` with `parameters` (seed, permutation count,
    /// confidence z, alignment settings).
    ///
    /// - Complexity: O(*n* log *n*) in the texts' length, plus the alignment.
    public init(_ first: String, _ second: String, parameters: ScanParameters = ScanParameters()) {
        self.first = first
        self.second = second
        self.parameters = parameters
        let shingling = parameters.documentShingling
        let firstSet = SortedHashSet.make(shingling.hashes(of: AnalyzedText(first)))
        let secondSet = SortedHashSet.make(shingling.hashes(of: AnalyzedText(second)))
        firstShingleCount = firstSet.count
        secondShingleCount = secondSet.count
        sharedShingleCount = SortedHashSet.intersectionCount(firstSet, secondSet)

        let hasher = MinHasher(parameters: MinHashParameters(
            permutationCount: parameters.permutationCount, seed: parameters.seed,
            scheme: parameters.minhashScheme, shingling: shingling))
        let estimate = (try? hasher.signature(of: firstSet).jaccard(
            with: hasher.signature(of: secondSet), confidenceZ: parameters.confidenceZ))
            ?? .emptySet(confidenceZ: parameters.confidenceZ)
        let union = firstSet.count + secondSet.count - sharedShingleCount
        jaccard = ScoreMeasurement(
            score: .jaccard, exact: union == 0 ? 0 : Double(sharedShingleCount) / Double(union),
            estimate: estimate.estimate, lower: estimate.lower, upper: estimate.upper)
        let sizes = (firstSet.count, secondSet.count)
        let smaller = min(sizes.0, sizes.1)
        containment = ScoreMeasurement(
            score: .containment,
            exact: smaller == 0 ? 0 : Double(sharedShingleCount) / Double(smaller),
            estimate: Self.containment(jaccard: estimate.estimate, sizes: sizes),
            lower: Self.containment(jaccard: estimate.lower, sizes: sizes),
            upper: Self.containment(jaccard: estimate.upper, sizes: sizes))

        let finding = CorpusScanner(parameters: parameters).compare(
            Document(id: Self.firstID, text: first, origin: Self.firstID),
            Document(id: Self.secondID, text: second, origin: Self.secondID))
        self.finding = finding
        let firstLength = first.unicodeScalars.count, secondLength = second.unicodeScalars.count
        let firstCoverage = finding?.coverage[Self.firstID] ?? 0
        let secondCoverage = finding?.coverage[Self.secondID] ?? 0
        let shorterCoverage = firstLength < secondLength ? firstCoverage
            : secondLength < firstLength ? secondCoverage : max(firstCoverage, secondCoverage)
        coverage = ScoreMeasurement(score: .coverage, exact: shorterCoverage)
    }

    /// The measurement of `score`.
    public func measurement(of score: SimilarityScore) -> ScoreMeasurement {
        switch score {
        case .jaccard: return jaccard
        case .containment: return containment
        case .coverage: return coverage
        }
    }

    /// What kind of sharing the alignment found, or nil when the texts share nothing.
    public var relation: Relation? { finding?.relation }

    /// The aligned passages, copy first; spans are code-point offsets into ``first`` (`a`) and
    /// ``second`` (`b`).
    public var passages: [AlignedPassage] { finding?.passages ?? [] }

    /// The share of the first text's prose aligned as copy.
    public var firstCoverage: Double { finding?.coverage[Self.firstID] ?? 0 }

    /// The share of the second text's prose aligned as copy.
    public var secondCoverage: Double { finding?.coverage[Self.secondID] ?? 0 }

    /// Containment of the smaller set implied by a Jaccard value when the set sizes are known
    /// exactly: |*A* ∩ *B*| = *J*(|*A*| + |*B*|)/(1 + *J*). The map is increasing in *J*, so
    /// it carries the Jaccard bounds to containment bounds.
    static func containment(jaccard: Double, sizes: (Int, Int)) -> Double {
        let smaller = min(sizes.0, sizes.1)
        guard smaller > 0 else { return 0 }
        let intersection = jaccard * Double(sizes.0 + sizes.1) / (1 + jaccard)
        return min(1, max(0, intersection / Double(smaller)))
    }
}
