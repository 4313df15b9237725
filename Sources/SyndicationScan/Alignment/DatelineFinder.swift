import SyndicationEngine

/// Finds a wire dateline opening a paragraph: `LONDON (Reuters) - `, `BRUSSELS, Mar. 8 (AP) — `,
/// `(AFP) – `. A dateline is a credit, not copy: a verbatim copy that adds one is still verbatim.
public enum DatelineFinder {
    /// The offset where the paragraph's text starts after a dateline at `line.start`, or nil
    /// when the line does not open with one.
    ///
    /// The dateline is: words that do not start lower-case (a place, a date) within 40 code
    /// points, a parenthesised name within 50, then a dash (`-`, `–`, `—`) between spaces.
    public static func textStart(in scalars: [Unicode.Scalar], line: TextSpan) -> Int? {
        let limit = min(line.end, line.start + 40)
        // The bracket first: most lines have none near their start, and without one no words
        // before it make a dateline, so the words are read only when there is one.
        guard let index = firstBracket(in: scalars, from: line.start, before: limit) else { return nil }
        var wordStart = true
        for scalar in scalars[line.start..<index] {
            if wordStart && isLowercase(scalar) { return nil }
            wordStart = isWhitespace(scalar)
        }
        return textStart(afterBracketAt: index, in: scalars, line: line)
    }

    /// The offset of the first `(` from `start` and before `limit`, or nil. Eight code points
    /// at a time are passed while none has the low byte of `(` (a zero byte of their low bytes
    /// xor 0x28, found as (x − 0x01…01) & ~x & 0x80…80 finds one); the eight that may hold one
    /// and the last ones are read one by one.
    static func firstBracket(in scalars: [Unicode.Scalar], from start: Int, before limit: Int) -> Int? {
        scalars.withUnsafeBufferPointer { buffer in
            var index = start
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index &+ 8 <= limit {
                let lanes = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: SIMD8<UInt32>.self)
                let bytes = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: lanes), to: UInt64.self) ^ (ones &* 0x28)
                if (bytes &- ones) & ~bytes & (ones &* 0x80) != 0 { break }
                index &+= 8
            }
            while index < limit, buffer[index] != "(" { index &+= 1 }
            return index < limit ? index : nil
        }
    }

    /// The rest of ``textStart(in:line:)`` once the words before the bracket at `index` have
    /// passed: a closing bracket within 50 code points, then a dash between spaces.
    static func textStart(afterBracketAt index: Int, in scalars: [Unicode.Scalar], line: TextSpan) -> Int? {
        let close = min(line.end, index + 50)
        var end = index + 1
        while end < close, scalars[end] != ")" { end += 1 }
        guard end < close, end > index + 1 else { return nil }
        var next = end + 1
        while next < line.end, scalars[next] == " " { next += 1 }
        guard next < line.end, ["-", "\u{2013}", "\u{2014}"].contains(scalars[next]) else { return nil }
        next += 1
        guard next < line.end, isWhitespace(scalars[next]) else { return nil }
        while next < line.end, isWhitespace(scalars[next]) { next += 1 }
        return next < line.end ? next : nil
    }

    /// Whether `scalar` is lower-case (the Unicode Lowercase property), read without the
    /// property tables for ASCII, where only `a` to `z` are.
    @inline(__always)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value &- 0x61 < 26 : scalar.properties.isLowercase
    }

    /// Whether `scalar` is white space (the Unicode White_Space property), read without the
    /// property tables for ASCII, where only tab to carriage return and space are.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || scalar.value &- 0x09 < 5 : scalar.properties.isWhitespace
    }
}
