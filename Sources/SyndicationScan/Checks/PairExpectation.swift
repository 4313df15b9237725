/// What a check expects of one pair of documents: `{"a", "b", "relation", "score", "min", "max"}`
/// in an expectation file.
///
/// - `relation`: the pair's relation must be one of ``relations``. Left out, with neither
///   `min` nor `max`, the pair must be reuse (a known pair that must stay detected).
/// - `min` / `max`: ``score`` must be at least ``minimum`` / at most ``maximum`` (for
///   `minhash`, its lower / upper bound).
///
/// A pair the report does not list shares nothing: relation `none`, scores 0.
public struct PairExpectation: Hashable, Sendable {
    /// One document's id.
    public var a: String
    /// The other document's id.
    public var b: String
    /// Relations any of which satisfies the expectation; nil to leave the relation open.
    public var relations: [ExpectedRelation]?
    /// The score ``minimum`` and ``maximum`` apply to.
    public var score: ReportScore
    /// The least value of ``score``, if any.
    public var minimum: Double?
    /// The greatest value of ``score``, if any.
    public var maximum: Double?

    /// An expectation with the given parts.
    public init(
        a: String, b: String, relations: [ExpectedRelation]? = nil, score: ReportScore = .coverage,
        minimum: Double? = nil, maximum: Double? = nil
    ) {
        self.a = a
        self.b = b
        self.relations = relations
        self.score = score
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The relations the expectation checks: ``relations``, or `reuse` when it states
    /// neither a relation nor a limit.
    public var effectiveRelations: [ExpectedRelation]? {
        relations ?? (minimum == nil && maximum == nil ? [.reuse] : nil)
    }

    /// A name such as `001 ~ 003: relation rewritten, coverage ≥ 0.8000`.
    public var name: String {
        var parts: [String] = []
        if let relations = effectiveRelations {
            parts.append("relation " + relations.map(\.description).joined(separator: " or "))
        }
        if let minimum { parts.append("\(score) ≥ \(CheckNumber.format(minimum))") }
        if let maximum { parts.append("\(score) ≤ \(CheckNumber.format(maximum))") }
        return "\(a) ~ \(b): " + parts.joined(separator: ", ")
    }
}

/// A relation an expectation accepts: one of the report's relations, any reuse, or nothing
/// shared.
public enum ExpectedRelation: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this relation.
    case relation(Relation)
    /// Any reuse of copy: `verbatim`, `edited`, `rewritten` or `partial`.
    case reuse
    /// The report does not list the pair: the two share nothing worth reporting.
    case none

    /// Parses `verbatim`, `edited`, `rewritten`, `partial`, `quotes`, `boilerplate`, `reuse`
    /// or `none`.
    public init?(_ name: String) {
        switch name {
        case "reuse": self = .reuse
        case "none": self = .none
        default:
            guard let relation = Relation(rawValue: name) else { return nil }
            self = .relation(relation)
        }
    }

    /// Every name ``init(_:)`` accepts.
    public static let names = Relation.allCases.map(\.rawValue) + ["reuse", "none"]

    /// Whether a pair with `relation` (nil when the report does not list it) satisfies this.
    public func accepts(_ relation: Relation?) -> Bool {
        switch self {
        case .relation(let expected): return relation == expected
        case .reuse: return relation?.isReuse == true
        case .none: return relation == nil
        }
    }

    /// The name as an expectation file spells it.
    public var description: String {
        switch self {
        case .relation(let relation): return relation.rawValue
        case .reuse: return "reuse"
        case .none: return "none"
        }
    }
}

/// A limit on every reuse pair of a corpus (`syndetect check --max-reuse`): no pair whose
/// relation is reuse may have ``score`` above ``maximum`` (for `minhash`, its upper bound).
/// Pairs that share only quotations or boilerplate are not reuse and are not limited.
public struct ReuseLimit: Hashable, Sendable {
    /// The score limited.
    public var score: ReportScore
    /// The greatest value allowed.
    public var maximum: Double

    /// A limit of `maximum` on `score`.
    public init(score: ReportScore = .coverage, maximum: Double) {
        self.score = score
        self.maximum = maximum
    }

    /// `no reuse pair with coverage above 0.8000`.
    public var name: String {
        "no reuse pair with \(score) above \(CheckNumber.format(maximum))"
    }
}
