/// Two document ids that an index found worth comparing, smaller id first.
///
/// Pairs order by ``first``, then ``second``, so a sorted list of pairs is deterministic.
public struct CandidatePair: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The smaller id.
    public let first: Int
    /// The larger id.
    public let second: Int

    /// The pair of `first` and `second`.
    ///
    /// - Precondition: `first < second`.
    public init(_ first: Int, _ second: Int) {
        precondition(first < second, "a candidate pair is ordered: \(first) < \(second) fails")
        self.first = first
        self.second = second
    }

    /// The pair of two distinct ids in either order.
    ///
    /// - Precondition: `id != otherID`.
    public init(unordered id: Int, _ otherID: Int) {
        self.init(Swift.min(id, otherID), Swift.max(id, otherID))
    }

    /// Orders by ``first``, then ``second``.
    public static func < (lhs: CandidatePair, rhs: CandidatePair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }

    /// `(first, second)`.
    public var description: String { "(\(first), \(second))" }
}
