/// A score of a reported pair, named as the JSON report names it, that a check compares.
///
/// Scores that name a side (`coverage_a`, `containment_a_in_b`, …) read it from the check's own
/// `a` and `b`, whichever order the report lists the pair in.
public enum ReportScore: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The share of the shorter document's prose aligned as copy (`coverage` of the document
    /// with fewer code points; ties take the larger share). The default.
    case coverage
    /// The share of `a`'s prose aligned as copy.
    case coverageA = "coverage_a"
    /// The share of `b`'s prose aligned as copy.
    case coverageB = "coverage_b"
    /// Exact Jaccard similarity of the word 5-shingle sets.
    case jaccard
    /// The share of `a`'s shingles found in `b`.
    case containmentAInB = "containment_a_in_b"
    /// The share of `b`'s shingles found in `a`.
    case containmentBInA = "containment_b_in_a"
    /// The MinHash estimate of Jaccard: a minimum is checked against its *lower* bound, a
    /// maximum against its *upper* bound.
    case minhash
    /// Hamming distance of the 64-bit SimHash fingerprints (0 to 64; lower is more similar).
    case simhashDistance = "simhash_distance"

    /// The name as the JSON report and expectation files spell it.
    public var description: String { rawValue }

    /// The score's value for `pair` read with `a` as the first side, as a range: the bounds
    /// for ``minhash``, one value otherwise. A pair the report does not list shares nothing:
    /// 0 (64 for ``simhashDistance``).
    ///
    /// - Parameter lengths: Document lengths in code points, for ``coverage``.
    public func range(of pair: PairFinding?, a: String, lengths: [String: Int]) -> ClosedRange<Double> {
        guard let pair else { return self == .simhashDistance ? 64...64 : 0...0 }
        let b = pair.a == a ? pair.b : pair.a
        let flipped = pair.a != a
        let value: Double
        switch self {
        case .coverage:
            let coverageA = pair.coverage[a] ?? 0, coverageB = pair.coverage[b] ?? 0
            let lengthA = lengths[a] ?? 0, lengthB = lengths[b] ?? 0
            value = lengthA < lengthB ? coverageA : lengthB < lengthA ? coverageB : max(coverageA, coverageB)
        case .coverageA: value = pair.coverage[a] ?? 0
        case .coverageB: value = pair.coverage[b] ?? 0
        case .jaccard: value = pair.scores.jaccard
        case .containmentAInB: value = flipped ? pair.scores.containmentBInA : pair.scores.containmentAInB
        case .containmentBInA: value = flipped ? pair.scores.containmentAInB : pair.scores.containmentBInA
        case .minhash: return pair.scores.minhash.lower...pair.scores.minhash.upper
        case .simhashDistance: value = Double(pair.scores.simhashDistance)
        }
        return value...value
    }

    /// `0.9315`, or for ``minhash`` `0.0391 [0.0168, 0.0882]`, or for ``simhashDistance`` `29`.
    public func formatted(_ pair: PairFinding?, a: String, lengths: [String: Int]) -> String {
        let range = self.range(of: pair, a: a, lengths: lengths)
        switch self {
        case .minhash:
            guard let pair else { return "0.0000" }
            let bounds = pair.scores.minhash
            return "\(CheckNumber.format(bounds.estimate)) [\(CheckNumber.format(bounds.lower)), \(CheckNumber.format(bounds.upper))]"
        case .simhashDistance:
            return String(Int(range.lowerBound))
        default:
            return CheckNumber.format(range.lowerBound)
        }
    }
}

/// Fixed four-decimal formatting, the same on every machine and locale.
enum CheckNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        let scaled = Int((abs(value) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return (value < 0 && scaled != 0 ? "-" : "") + "\(scaled / 10_000)."
            + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
