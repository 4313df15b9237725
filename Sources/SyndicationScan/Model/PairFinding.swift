import SyndicationEngine

/// What two documents share, in the JSON report's `pairs[]` shape.
public struct PairFinding: Codable, Hashable, Sendable {
    /// The lesser id of the pair (in `compare --pairs`, the first path as given).
    public var a: String
    /// The greater id of the pair (in `compare --pairs`, the second path as given).
    public var b: String
    /// What kind of sharing this is.
    public var relation: Relation
    /// Which of the two is the source of the copy, when that can be told.
    public var source: String?
    /// Which of the two is the copy, when that can be told.
    public var derived: String?
    /// Whether the copy credits where it came from (the source's outlet or the common
    /// credited source); nil where the pair is not copy.
    public var credited: Bool?
    /// Similarity scores with their bounds.
    public var scores: PairScores
    /// Per document id, the share of its prose that is aligned to the other as copy.
    public var coverage: [String: Double]
    /// Aligned passages, copy first in order of `a`, then quotes and boilerplate.
    public var passages: [AlignedPassage]

    /// A finding with the given fields.
    public init(
        a: String, b: String, relation: Relation, source: String?, derived: String?,
        credited: Bool?, scores: PairScores, coverage: [String: Double], passages: [AlignedPassage]
    ) {
        self.a = a
        self.b = b
        self.relation = relation
        self.source = source
        self.derived = derived
        self.credited = credited
        self.scores = scores
        self.coverage = coverage
        self.passages = passages
    }

    enum CodingKeys: String, CodingKey {
        case a, b, relation, source, derived, credited, scores, coverage, passages
    }

    // Absent values are written as `null`, so every pair has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(a, forKey: .a)
        try container.encode(b, forKey: .b)
        try container.encode(relation, forKey: .relation)
        try container.encode(source, forKey: .source)
        try container.encode(derived, forKey: .derived)
        try container.encode(credited, forKey: .credited)
        try container.encode(scores, forKey: .scores)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(passages, forKey: .passages)
    }
}

/// What two documents share.
public enum Relation: String, Codable, Hashable, Sendable, CaseIterable {
    /// The same copy, word for word (after normalisation), over most of both.
    case verbatim
    /// The same copy with light edits: house style, dropped or merged sentences.
    case edited
    /// The same copy reworded sentence by sentence (spun, paraphrased, translated back).
    case rewritten
    /// Part of one reuses part of the other; most of each is its own.
    case partial
    /// Only direct quotations are shared; the prose around them is independent.
    case quotes
    /// Only page furniture (templates, teasers, notices) is shared.
    case boilerplate

    /// Whether the relation is reuse of copy (not quotes or boilerplate).
    public var isReuse: Bool {
        switch self {
        case .verbatim, .edited, .rewritten, .partial: return true
        case .quotes, .boilerplate: return false
        }
    }
}

/// The scores of a pair.
public struct PairScores: Codable, Hashable, Sendable {
    /// Exact Jaccard similarity of the two documents' word-shingle sets.
    public var jaccard: Double
    /// Share of `a`'s shingles found in `b`.
    public var containmentAInB: Double
    /// Share of `b`'s shingles found in `a`.
    public var containmentBInA: Double
    /// The MinHash estimate of ``jaccard`` with its confidence bounds.
    public var minhash: JaccardBounds
    /// Hamming distance of the two 64-bit SimHash fingerprints.
    public var simhashDistance: Int

    /// Scores with the given values.
    public init(
        jaccard: Double, containmentAInB: Double, containmentBInA: Double, minhash: JaccardBounds,
        simhashDistance: Int
    ) {
        self.jaccard = jaccard
        self.containmentAInB = containmentAInB
        self.containmentBInA = containmentBInA
        self.minhash = minhash
        self.simhashDistance = simhashDistance
    }

    enum CodingKeys: String, CodingKey {
        case jaccard, minhash
        case containmentAInB = "containment_a_in_b"
        case containmentBInA = "containment_b_in_a"
        case simhashDistance = "simhash_distance"
    }
}

/// An estimate with its lower and upper confidence bounds, as the report prints it.
public struct JaccardBounds: Codable, Hashable, Sendable {
    /// The point estimate.
    public var estimate: Double
    /// The lower confidence bound.
    public var lower: Double
    /// The upper confidence bound.
    public var upper: Double

    /// Bounds with the given values.
    public init(estimate: Double, lower: Double, upper: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

/// A passage of `a` aligned to a passage of `b`.
public struct AlignedPassage: Codable, Hashable, Sendable {
    /// What the passage is.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// The same words in the same order (after normalisation).
        case verbatim
        /// Mostly the same words, lightly changed.
        case edited
        /// The same content reworded.
        case rewritten
        /// A direct quotation both carry; not copy.
        case quote
        /// Page furniture both carry; not copy.
        case boilerplate

        /// Whether the passage counts as copied prose.
        public var isCopy: Bool { self == .verbatim || self == .edited || self == .rewritten }
    }

    /// Code-point span in `a`.
    public var a: TextSpan
    /// Code-point span in `b`.
    public var b: TextSpan
    /// What the passage is.
    public var kind: Kind
    /// Character 5-gram similarity of the two spans, in [0, 1].
    public var similarity: Double

    /// A passage with the given fields.
    public init(a: TextSpan, b: TextSpan, kind: Kind, similarity: Double) {
        self.a = a
        self.b = b
        self.kind = kind
        self.similarity = similarity
    }
}
