/// A half-open range of Unicode code points `[start, end)` in a document's original text.
///
/// Every offset syndetect reports is a code-point offset into the text as decoded, so that
/// `Array(text.unicodeScalars)[start..<end]` (or Python's `text[start:end]`) is the passage.
public struct TextSpan: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The first code point of the span.
    public var start: Int
    /// One past the last code point of the span.
    public var end: Int

    /// A span from `start` up to, not including, `end`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) is after its end \(end)")
        self.start = start
        self.end = end
    }

    /// The number of code points covered.
    public var length: Int { end - start }

    /// Whether the span covers no code point.
    public var isEmpty: Bool { start == end }

    /// The smallest span covering both.
    public func union(_ other: TextSpan) -> TextSpan {
        TextSpan(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// How many code points the two spans share.
    public func overlap(with other: TextSpan) -> Int {
        Swift.max(0, Swift.min(end, other.end) - Swift.max(start, other.start))
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "[\(start), \(end))" }

    // Encoded as a two-element array `[start, end]`, the shape of the JSON report.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let start = try container.decode(Int.self)
        let end = try container.decode(Int.self)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "span start \(start) is after its end \(end)")
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(start)
        try container.encode(end)
    }
}
