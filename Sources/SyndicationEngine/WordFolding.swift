/// Finds the words of a text decoded into code points and folds them into one stream: the
/// ``AnalyzedText/tokens`` and ``AnalyzedText/folded`` of ``AnalyzedText``.
///
/// A word is a maximal run of code points for which ``TokenNormalizer/isWordScalar(_:)``
/// holds; each is folded by ``TokenNormalizer/appendFolded(_:_:to:)``, the folded words are
/// joined by single spaces, and a word that folds to nothing (marks only) is dropped with its
/// separator. ``words(of:)`` computes exactly what ``wordsOneByOne(of:)``, the plain loop over
/// code points, computes; the tests compare the two on generated texts.
///
/// How ``words(of:)`` gets there: the code points are narrowed into a zero-padded scratch copy,
/// one byte each, eight at a time where all eight are ASCII (ASCII capitals lower-cased, as the
/// fold does). A code point outside ASCII becomes `0x80` when it belongs to a word and
/// ``nonASCIISeparator`` when it separates words, so byte offsets in the copy are code-point
/// offsets in the text (``SentenceSplitter`` searches the same copy sixteen bytes at a time).
/// Words are then found 64 bytes at a time with the sketcher's word masks
/// (`FoldedShingleScanner.wordMask`), and each is copied eight bytes at a time into the
/// folded stream; only words holding a `0x80` go through ``TokenNormalizer``. No allocation
/// per word, no Unicode property lookup for ASCII.
enum WordFolding {
    /// The tokens and folded stream of `scalars`.
    ///
    /// - Complexity: O(*n*) in the code-point count; a word with a code point outside ASCII
    ///   costs a call to ``TokenNormalizer/appendFolded(_:_:to:)``.
    static func words(of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> (tokens: [Token], folded: [UInt8]) {
        withNarrowed(scalars) { words(of: scalars, narrowed: $0, hasNonASCIIWords: $1) }
    }

    /// Zero bytes after the narrowed text: one 64-byte block, so that blocks never read past it.
    static let padding = FoldedShingleScanner.textPadding

    /// The byte that stands in the narrowed text for a code point outside ASCII that belongs
    /// to no word. It is below every ASCII letter, digit and white space, so it separates
    /// words, and the splitter's searches for line breaks and sentence ends stop at it to look
    /// at the code point itself (`U+2028`, `…`, curly quotes and dashes all become this byte).
    static let nonASCIISeparator: UInt8 = 0x01

    /// Calls `body` with `scalars` narrowed to one byte per code point (``narrow(_:count:into:)``),
    /// followed by ``padding`` zero bytes, and with whether a word code point outside ASCII was met.
    static func withNarrowed<Result>(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (UnsafeRawPointer, Bool) -> Result
    ) -> Result {
        let count = scalars.count
        return withUnsafeTemporaryAllocation(byteCount: count + padding, alignment: 16) { text in
            let text = text.baseAddress!
            let hasNonASCIIWords = scalars.baseAddress.map { narrow($0, count: count, into: text) } ?? false
            text.advanced(by: count).initializeMemory(as: UInt8.self, repeating: 0, count: padding)
            return body(UnsafeRawPointer(text), hasNonASCIIWords)
        }
    }

    /// The tokens and folded stream of `scalars`, whose narrowed copy (with its padding) is
    /// `text`; `hasNonASCIIWords` as ``narrow(_:count:into:)`` returned.
    static func words(
        of scalars: UnsafeBufferPointer<Unicode.Scalar>, narrowed text: UnsafeRawPointer, hasNonASCIIWords: Bool
    ) -> (tokens: [Token], folded: [UInt8]) {
        let count = scalars.count
        guard count > 0 else { return ([], []) }
        // Words are at least two code points apart (one separator between them).
        let tokenCapacity = count / 2 + 1
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: tokenCapacity) { tokens in
            var emitter = Emitter(scalars: scalars, text: text, tokens: tokens.baseAddress!, capacity: count + 16)
            if hasNonASCIIWords {
                visitWords(text, count: count, into: &emitter, checkingNonASCII: true)
            } else {
                visitWords(text, count: count, into: &emitter, checkingNonASCII: false)
            }
            return emitter.finish()
        }
    }

    /// Writes one byte per code point of `base[0..<count]` to `text`: ASCII lower-cased, a
    /// word code point outside ASCII as `0x80`, any other as ``nonASCIISeparator``. Returns
    /// whether a word code point outside ASCII was met.
    @inline(__always)
    static func narrow(
        _ base: UnsafePointer<Unicode.Scalar>, count: Int, into text: UnsafeMutableRawPointer
    ) -> Bool {
        let raw = UnsafeRawPointer(base)
        var index = 0
        var hasNonASCIIWords = false
        while index < count {
            if index &+ 8 <= count {
                let lanes = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)
                let high = unsafeBitCast(lanes & SIMD8(repeating: 0xFFFF_FF80), to: SIMD4<UInt64>.self)
                if (high[0] | high[1] | high[2] | high[3]) == 0 {
                    let bytes = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: lanes), to: UInt64.self)
                    text.storeBytes(
                        of: FoldedShingleScanner.lowercased(UInt64(littleEndian: bytes)).littleEndian,
                        toByteOffset: index, as: UInt64.self)
                    index &+= 8
                    continue
                }
            }
            let value = base[index].value
            let byte: UInt8
            if value < 0x80 {
                let ascii = UInt8(truncatingIfNeeded: value)
                byte = ascii &- 0x41 < 26 ? ascii | 0x20 : ascii
            } else if TokenNormalizer.isWordScalar(base[index]) {
                byte = 0x80
                hasNonASCIIWords = true
            } else {
                byte = nonASCIISeparator
            }
            text.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
            index &+= 1
        }
        return hasNonASCIIWords
    }

    /// Hands every word of the narrowed text to `emitter`, in text order.
    @inline(__always)
    private static func visitWords(
        _ text: UnsafeRawPointer, count: Int, into emitter: inout Emitter, checkingNonASCII: Bool
    ) {
        FoldedShingleScanner.forEachWord(in: text, count: count) { start, end in
            emitter.emit(start, end, checkingNonASCII: checkingNonASCII)
        }
    }

    /// Builds the folded stream (each word followed by one space) and the token list.
    private struct Emitter {
        let scalars: UnsafeBufferPointer<Unicode.Scalar>
        /// The narrowed text.
        let text: UnsafeRawPointer
        /// Room for every token.
        let tokens: UnsafeMutablePointer<Token>
        var tokenCount = 0
        /// The folded stream, grown when a fold outside ASCII lengthens it.
        var output: UnsafeMutableRawPointer
        var capacity: Int
        var length = 0
        /// A word folded by ``TokenNormalizer``, reused across words.
        var scratch: [UInt8] = []

        init(scalars: UnsafeBufferPointer<Unicode.Scalar>, text: UnsafeRawPointer, tokens: UnsafeMutablePointer<Token>, capacity: Int) {
            self.scalars = scalars
            self.text = text
            self.tokens = tokens
            self.capacity = capacity
            output = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        }

        /// Makes room for `bytes` more bytes of stream and eight of overrun.
        @inline(__always)
        mutating func reserve(_ bytes: Int) {
            let needed = length &+ bytes &+ 8
            guard needed > capacity else { return }
            grow(to: needed)
        }

        @inline(never)
        mutating func grow(to needed: Int) {
            let larger = Swift.max(needed, capacity * 2)
            let copy = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 8)
            copy.copyMemory(from: output, byteCount: length)
            output.deallocate()
            output = copy
            capacity = larger
        }

        /// Appends the word at code points `start..<end`.
        @inline(__always)
        mutating func emit(_ start: Int, _ end: Int, checkingNonASCII: Bool) {
            let wordLength = end &- start
            reserve(wordLength &+ 1)
            let foldedStart = length
            // The copy may run up to seven bytes past the word, into room that `reserve` kept.
            var foldedEnd = foldedStart &+ wordLength
            if FoldedShingleScanner.copyWord(
                text, start, end, to: output, at: foldedStart, checkingNonASCII: checkingNonASCII) {
                // A word of marks only folds to nothing: dropped, with its separator.
                guard let end = foldGenerally(start, end) else { return }
                foldedEnd = end
            }
            tokens[tokenCount] = Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                foldedStart: Int32(truncatingIfNeeded: foldedStart), foldedEnd: Int32(truncatingIfNeeded: foldedEnd))
            tokenCount &+= 1
            output.storeBytes(of: 0x20, toByteOffset: foldedEnd, as: UInt8.self)
            length = foldedEnd &+ 1
        }

        /// Folds the word at `start..<end` with ``TokenNormalizer`` into the stream at `length`;
        /// returns the end of the folded word, or nil when it folds to nothing. Out of line, so
        /// that the ASCII path stays small.
        @inline(never)
        mutating func foldGenerally(_ start: Int, _ end: Int) -> Int? {
            scratch.removeAll(keepingCapacity: true)
            TokenNormalizer.appendFolded(scalars, start..<end, to: &scratch)
            if scratch.isEmpty { return nil }
            reserve(scratch.count &+ 1)
            scratch.withUnsafeBytes { (output + length).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return length &+ scratch.count
        }

        /// The tokens and the stream without its final space; releases the stream's buffer.
        mutating func finish() -> (tokens: [Token], folded: [UInt8]) {
            defer { output.deallocate() }
            let tokens = Array(UnsafeBufferPointer(start: self.tokens, count: tokenCount))
            let streamLength = Swift.max(0, length &- 1)
            let folded = [UInt8](unsafeUninitializedCapacity: streamLength) { bytes, initialized in
                if streamLength > 0 { UnsafeMutableRawPointer(bytes.baseAddress!).copyMemory(from: output, byteCount: streamLength) }
                initialized = streamLength
            }
            return (tokens, folded)
        }
    }

    /// The tokens and folded stream of `scalars`, one code point at a time: the general path
    /// that ``words(of:)`` reproduces.
    static func wordsOneByOne(of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> (tokens: [Token], folded: [UInt8]) {
        var tokens: [Token] = []
        var folded: [UInt8] = []
        var index = 0
        while index < scalars.count {
            guard TokenNormalizer.isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            while index < scalars.count, TokenNormalizer.isWordScalar(scalars[index]) { index += 1 }
            if !folded.isEmpty { folded.append(0x20) }
            let foldedStart = folded.count
            TokenNormalizer.appendFolded(scalars, start..<index, to: &folded)
            if folded.count == foldedStart {
                // A word of marks only folds to nothing; drop it and its separator.
                if !folded.isEmpty { folded.removeLast() }
                continue
            }
            tokens.append(Token(
                start: Int32(start), end: Int32(index),
                foldedStart: Int32(foldedStart), foldedEnd: Int32(folded.count)))
        }
        return (tokens, folded)
    }
}
