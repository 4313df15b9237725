import Testing
@testable import SyndicationEngine

/// ``SentenceSplitter/lines(in:)`` skips runs of code points that hold no line break eight at
/// a time; its lines equal those of the plain loop, one code point at a time, whatever the
/// offset of each break within a run of eight.
@Suite struct SentenceSplitterLinesTests {
    /// The lines as the splitter found them one code point at a time.
    static func reference(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [TextSpan] {
        var result: [TextSpan] = []
        var lineStart = 0
        var previous: TextSpan?
        for index in 0...scalars.count where index == scalars.count || SentenceSplitter.isLineBreak(scalars[index]) {
            if let span = SentenceSplitter.trimmed(scalars, lineStart, index) {
                if let last = result.last, let previous, SentenceSplitter.continues(scalars, previous, span) {
                    result[result.count - 1] = last.union(span)
                } else {
                    result.append(span)
                }
                previous = span
            }
            lineStart = index + 1
        }
        return result
    }

    @Test func skippingAgreesWithThePlainLoop() {
        let alphabet: [Unicode.Scalar] = [
            "a", "b", "T", "7", " ", " ", ".", "\u{00E9}", "\u{2014}", "\u{201D}",
            "\n", "\r", "\u{000B}", "\u{000C}", "\u{0085}", "\u{2028}", "\u{2029}", "\u{0009}", "\u{2027}", "\u{202A}", "\u{0084}",
        ]
        var state: UInt64 = 0x11AE5
        for length in 0..<300 {
            for density in [2, 30] {
                var scalars: [Unicode.Scalar] = []
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let pick = Int(state >> 33)
                    // Mostly letters and spaces, a break about every `density` code points.
                    scalars.append(pick % density == 0 ? alphabet[10 + pick / density % 11] : alphabet[pick / density % 10])
                }
                scalars.withUnsafeBufferPointer { buffer in
                    #expect(SentenceSplitter.lines(in: buffer) == Self.reference(buffer), "length \(length)")
                }
            }
        }
    }
}
