/// A document's text taken apart once for everything that follows: the original code points,
/// the words with their offsets, the folded word bytes that shingles hash, and the sentences
/// and lines.
///
/// Offsets are Unicode code points into the original text, half-open.
public struct AnalyzedText: Sendable {
    /// The original text as code points; every ``TextSpan`` indexes this array.
    public let scalars: [Unicode.Scalar]
    /// The words in text order.
    public let tokens: [Token]
    /// The folded words' UTF-8 bytes, one space between consecutive words.
    public let folded: [UInt8]
    /// Sentences in text order, never crossing a line break.
    public let sentences: [TextSpan]
    /// Non-empty lines (paragraphs) in text order.
    public let lines: [TextSpan]

    /// Analyses `text`.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(_ text: String) {
        self.init(scalars: Self.scalars(of: text))
    }

    /// The code points of `text`, equal to `Array(text.unicodeScalars)`, decoded in one pass
    /// over its UTF-8 bytes (which a `String` holds well-formed) into an array of their count.
    ///
    /// - Complexity: O(*n*) in the byte count.
    public static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, initialized in
                var read = 0
                var write = 0
                let count = bytes.count
                let input = UnsafeRawPointer(bytes.baseAddress!)
                let output = UnsafeMutableRawPointer(scalars.baseAddress!)
                while read < count {
                    // Sixteen ASCII bytes at a time, the common case, each widened to its code
                    // point (vector instructions: SIMD8 widening is unpacking with zeros).
                    if read &+ 16 <= count {
                        let low = input.loadUnaligned(fromByteOffset: read, as: SIMD8<UInt8>.self)
                        let high = input.loadUnaligned(fromByteOffset: read &+ 8, as: SIMD8<UInt8>.self)
                        if unsafeBitCast(low | high, to: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                            output.storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: low), toByteOffset: write &* 4, as: SIMD8<UInt32>.self)
                            output.storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: high), toByteOffset: write &* 4 &+ 32, as: SIMD8<UInt32>.self)
                            read &+= 16
                            write &+= 16
                            continue
                        }
                    }
                    let lead = UInt32(bytes[read])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        read &+= 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[read &+ 1] & 0x3F)
                        read &+= 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[read &+ 1] & 0x3F) << 6 | UInt32(bytes[read &+ 2] & 0x3F)
                        read &+= 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[read &+ 1] & 0x3F) << 12
                            | UInt32(bytes[read &+ 2] & 0x3F) << 6 | UInt32(bytes[read &+ 3] & 0x3F)
                        read &+= 4
                    }
                    // Well-formed UTF-8 decodes to scalar values only.
                    scalars[write] = Unicode.Scalar(value).unsafelyUnwrapped
                    write &+= 1
                }
                initialized = write
            }
        }
    }

    /// Analyses text already decoded into code points.
    ///
    /// The code points are narrowed once to one byte each (``WordFolding``), and words, lines
    /// and sentence ends are all looked for in that copy, sixteen or sixty-four bytes at a time.
    ///
    /// - Complexity: O(*n*) in the code-point count.
    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        (tokens, folded, lines, sentences) = scalars.withUnsafeBufferPointer { buffer in
            WordFolding.withNarrowed(buffer) { narrowed, hasNonASCIIWords in
                let words = WordFolding.words(of: buffer, narrowed: narrowed, hasNonASCIIWords: hasNonASCIIWords)
                let lines = SentenceSplitter.lines(in: buffer, narrowed: narrowed)
                let sentences = SentenceSplitter.sentences(in: buffer, lines: lines, narrowed: narrowed)
                return (words.tokens, words.folded, lines, sentences)
            }
        }
    }

    /// The original text of a span.
    public func text(of span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    /// The indices of the tokens that lie inside `span`.
    ///
    /// - Complexity: O(log *n*) in the token count.
    public func tokenRange(in span: TextSpan) -> Range<Int> {
        let lower = firstToken(endingAfter: span.start)
        var upper = lower
        var low = lower
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].start) < span.end { low = middle + 1 } else { high = middle }
        }
        upper = low
        return lower..<Swift.max(lower, upper)
    }

    private func firstToken(endingAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].end) <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The folded form of a token, for display and tests.
    public func foldedWord(_ index: Int) -> String {
        let token = tokens[index]
        return String(decoding: folded[Int(token.foldedStart)..<Int(token.foldedEnd)], as: UTF8.self)
    }
}
