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
    /// Its UTF-8 bytes are decoded into code points and narrowed into the one-byte copy that
    /// words, lines and sentences are looked for in (``WordFolding``) in the same pass
    /// (``scalars(of:narrowingInto:hasNonASCIIWords:)``), rather than narrowed from the code
    /// points afterwards: the same copy, so the same analysis as ``init(scalars:)``.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(_ text: String) {
        var text = text
        (scalars, tokens, folded, lines, sentences) = text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(byteCount: bytes.count + WordFolding.padding, alignment: 16) { scratch in
                let narrowed = scratch.baseAddress!
                var hasNonASCIIWords = false
                let scalars = Self.scalars(of: bytes, narrowingInto: narrowed, hasNonASCIIWords: &hasNonASCIIWords)
                narrowed.advanced(by: scalars.count).initializeMemory(as: UInt8.self, repeating: 0, count: WordFolding.padding)
                let parts = scalars.withUnsafeBufferPointer {
                    Self.parts(of: $0, narrowed: UnsafeRawPointer(narrowed), hasNonASCIIWords: hasNonASCIIWords)
                }
                return (scalars, parts.tokens, parts.folded, parts.lines, parts.sentences)
            }
        }
    }

    /// The code points of the well-formed UTF-8 `bytes`, as ``scalars(of:)`` decodes them,
    /// each also written to `narrowed` as ``WordFolding/narrow(_:count:into:)`` narrows it
    /// (ASCII lower-cased, a word code point outside ASCII as `0x80`, any other as
    /// ``WordFolding/nonASCIISeparator``); sets `hasNonASCIIWords` when a word code point
    /// outside ASCII was met. `narrowed` has room for one byte per input byte.
    ///
    /// - Complexity: O(*n*) in the byte count, sixteen ASCII bytes at a time.
    static func scalars(
        of bytes: UnsafeBufferPointer<UInt8>, narrowingInto narrowed: UnsafeMutableRawPointer,
        hasNonASCIIWords: inout Bool
    ) -> [Unicode.Scalar] {
        let count = bytes.count
        guard count > 0 else { return [] }
        var foundNonASCIIWord = false
        let result = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, initialized in
            var read = 0
            var write = 0
            let input = UnsafeRawPointer(bytes.baseAddress!)
            let output = UnsafeMutableRawPointer(scalars.baseAddress!)
            while read < count {
                if read &+ 16 <= count {
                    let block = input.loadUnaligned(fromByteOffset: read, as: SIMD16<UInt8>.self)
                    if !FoldedShingleScanner.hasNonASCII(block) {
                        output.storeBytes(
                            of: SIMD8<UInt32>(truncatingIfNeeded: block.lowHalf), toByteOffset: write &* 4, as: SIMD8<UInt32>.self)
                        output.storeBytes(
                            of: SIMD8<UInt32>(truncatingIfNeeded: block.highHalf), toByteOffset: write &* 4 &+ 32,
                            as: SIMD8<UInt32>.self)
                        narrowed.storeBytes(of: FoldedShingleScanner.lowercased(block), toByteOffset: write, as: SIMD16<UInt8>.self)
                        read &+= 16
                        write &+= 16
                        continue
                    }
                }
                let lead = UInt32(bytes[read])
                let value: UInt32
                let byte: UInt8
                if lead < 0x80 {
                    value = lead
                    read &+= 1
                    let ascii = UInt8(truncatingIfNeeded: lead)
                    byte = ascii &- 0x41 < 26 ? ascii | 0x20 : ascii
                } else {
                    value = Self.multiByteScalar(lead, bytes, &read)
                    if TokenNormalizer.isWordScalar(Unicode.Scalar(value).unsafelyUnwrapped) {
                        byte = 0x80
                        foundNonASCIIWord = true
                    } else {
                        byte = WordFolding.nonASCIISeparator
                    }
                }
                // Well-formed UTF-8 decodes to scalar values only.
                scalars[write] = Unicode.Scalar(value).unsafelyUnwrapped
                narrowed.storeBytes(of: byte, toByteOffset: write, as: UInt8.self)
                write &+= 1
            }
            initialized = write
        }
        hasNonASCIIWords = foundNonASCIIWord
        return result
    }

    /// The code point of the well-formed two- to four-byte UTF-8 sequence at `bytes[read]`,
    /// whose first byte is `lead` (0xC2 or more), with `read` moved past it.
    @inline(__always)
    static func multiByteScalar(_ lead: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ read: inout Int) -> UInt32 {
        if lead < 0xE0 {
            defer { read &+= 2 }
            return (lead & 0x1F) << 6 | UInt32(bytes[read &+ 1] & 0x3F)
        }
        if lead < 0xF0 {
            defer { read &+= 3 }
            return (lead & 0x0F) << 12 | UInt32(bytes[read &+ 1] & 0x3F) << 6 | UInt32(bytes[read &+ 2] & 0x3F)
        }
        defer { read &+= 4 }
        return (lead & 0x07) << 18 | UInt32(bytes[read &+ 1] & 0x3F) << 12
            | UInt32(bytes[read &+ 2] & 0x3F) << 6 | UInt32(bytes[read &+ 3] & 0x3F)
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
                    } else {
                        value = Self.multiByteScalar(lead, bytes, &read)
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
            WordFolding.withNarrowed(buffer) { Self.parts(of: buffer, narrowed: $0, hasNonASCIIWords: $1) }
        }
    }

    /// The words, folded stream, lines and sentences of `scalars`, looked for in `narrowed`,
    /// their narrowed copy with its padding (``WordFolding/withNarrowed(_:_:)``).
    @inline(__always)
    static func parts(
        of scalars: UnsafeBufferPointer<Unicode.Scalar>, narrowed: UnsafeRawPointer, hasNonASCIIWords: Bool
    ) -> (tokens: [Token], folded: [UInt8], lines: [TextSpan], sentences: [TextSpan]) {
        let words = WordFolding.words(of: scalars, narrowed: narrowed, hasNonASCIIWords: hasNonASCIIWords)
        let lines = SentenceSplitter.lines(in: scalars, narrowed: narrowed)
        let sentences = SentenceSplitter.sentences(in: scalars, lines: lines, narrowed: narrowed)
        return (words.tokens, words.folded, lines, sentences)
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
