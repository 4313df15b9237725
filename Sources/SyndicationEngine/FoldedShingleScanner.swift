/// Receives the shingle hashes of a ``FoldedShingleScanner`` pass, in text order.
protocol ShingleHashSink {
    /// Takes one shingle hash.
    mutating func add(_ hash: UInt64)
}

/// Two passes over a document's UTF-8 bytes: the first folds its words into a scratch buffer
/// and notes where each starts, the second hashes every shingle straight from that buffer; no
/// allocation for ASCII words or words of ``SelfFoldingScalars``.
///
/// It reproduces ``AnalyzedText`` followed by ``Shingling/hashes(of:tokens:)`` exactly:
/// - a word is a maximal run of code points for which ``TokenNormalizer/isWordScalar(_:)``
///   holds (for ASCII: `0-9`, `A-Z`, `a-z`; every other ASCII byte separates words);
/// - a word of ASCII and ``SelfFoldingScalars`` folds to its bytes with ASCII capitals
///   lower-cased, which is what ``TokenNormalizer/appendFolded(_:_:to:)`` does for such words;
///   any other word is decoded and handed to that very function, so NFKC and case folding
///   are never reimplemented; a word that folds to nothing is dropped with its separator;
/// - folded words are joined by single spaces, and a word shingle is the bytes from the first
///   byte of its first word to the last byte of its last word, hashed with XXH3 under the
///   shingling's seed; a document shorter than one shingle gives one shingle of what is there;
///   character shingles are windows over the whole folded stream.
///
/// How: the text is copied, ASCII capitals lower-cased, into a zero-padded scratch buffer in
/// which every non-ASCII separator (curly quotes, dashes, no-break spaces) is overwritten with
/// spaces, so that any byte at or above 0x80 left there belongs to a word. Word bytes are then
/// found sixteen at a time (range tests by wrapping arithmetic on `SIMD16<UInt8>`, which the
/// compiler turns into vector instructions), gathered into one bit per byte for each 64-byte
/// block, and words are visited by scanning the bits where the mask changes. Each word is copied eight bytes at
/// a time into the folded stream, followed by one space, and its start is written down; as the
/// words are single-spaced there, shingle *i* of *k* words runs from the start of word *i* to
/// one byte before the start of word *i* + *k*, and the second pass is a plain loop of hashes.
///
/// Decoding is strict. Bytes that are not well-formed UTF-8 (which `String(decoding:as:)`
/// would repair to U+FFFD) make the scan give up, and the caller takes the general path.
struct FoldedShingleScanner {
    /// How shingles are cut and hashed.
    let shingling: Shingling

    /// Why a scan gave up.
    enum Refusal: Error {
        /// The bytes are not well-formed UTF-8.
        case malformedUTF8
        /// Folding expanded the text past the buffer (NFKC can lengthen a word).
        case foldedTextTooLong
        /// The document is too long for 32-bit word offsets (2 GB).
        case documentTooLong
    }

    /// Bytes the folded stream may run ahead of the input (NFKC expansion) before the scan refuses.
    static let foldedSlack = 64
    /// Zero bytes after the text in the scratch copy: one block, so blocks never read past it.
    static let textPadding = 64

    /// The scratch ``scan(_:text:folded:wordStarts:into:)`` needs for `count` input bytes:
    /// bytes of text and of folded stream, and word starts (words are at least two bytes apart,
    /// and one more entry marks the end).
    static func scratchSizes(forInputCount count: Int) -> (text: Int, folded: Int, wordStarts: Int) {
        (count + textPadding, count + foldedSlack + 8, count / 2 + 2)
    }

    /// Folds `input` and passes every shingle hash to `sink` in text order, repeats kept.
    ///
    /// - Parameters:
    ///   - text: scratch of at least `scratchSizes(forInputCount:).text` bytes.
    ///   - folded: scratch of at least `scratchSizes(forInputCount:).folded` bytes; receives
    ///     the folded stream.
    ///   - wordStarts: scratch of at least `scratchSizes(forInputCount:).wordStarts` entries.
    /// - Returns: the length of the folded stream.
    /// - Throws: a ``Refusal`` when the general path must decide instead; `sink` has then
    ///   received nothing.
    /// - Complexity: O(*n*) in the byte count; words with code points outside ASCII and
    ///   ``SelfFoldingScalars`` cost an NFKC fold each (about ten microseconds).
    ///   - inputStarts: optional scratch of `scratchSizes(forInputCount:).wordStarts` entries;
    ///     receives where each kept word starts in `input`.
    ///   - visit: called, when the scan completes and `inputStarts` is given, with the folded
    ///     words (``FoldedWords``), before the scratch is given back.
    func scan<Sink: ShingleHashSink>(
        _ input: UnsafeRawBufferPointer, text: UnsafeMutableRawBufferPointer,
        folded: UnsafeMutableRawBufferPointer, wordStarts: UnsafeMutableBufferPointer<Int32>,
        inputStarts: UnsafeMutableBufferPointer<Int32>? = nil,
        into sink: inout Sink, visit: (FoldedWords) -> Void = { _ in }
    ) throws(Refusal) -> Int {
        guard let (emitter, continuationBytes) = try foldWords(
            input, text: text, folded: folded, wordStarts: wordStarts, inputStarts: inputStarts)
        else { return 0 }
        var words = emitter
        let streamLength = words.hashShingles(shingling, into: &sink)
        if let inputStarts {
            visit(Self.foldedWords(words, folded: folded, wordStarts: wordStarts, inputStarts: inputStarts,
                                   scalarCount: input.count &- continuationBytes))
        }
        return streamLength
    }

    /// Folds `input` as ``scan(_:text:folded:wordStarts:inputStarts:into:visit:)`` does, then
    /// asks `runs` which runs of words to shingle, given the folded words (``FoldedWords``),
    /// and passes the word shingles of each run to `sink`, as ``Shingling/hashes(of:tokens:)``
    /// gives them for that token range (a run shorter than one shingle gives one shingle of
    /// its words). Returns false, having passed nothing, when `runs` returns nil.
    ///
    /// - Precondition: the shingling's unit is words; `inputStarts` as in `scan`.
    /// - Throws: a ``Refusal`` when the general path must decide instead.
    func scanRuns<Sink: ShingleHashSink>(
        _ input: UnsafeRawBufferPointer, text: UnsafeMutableRawBufferPointer,
        folded: UnsafeMutableRawBufferPointer, wordStarts: UnsafeMutableBufferPointer<Int32>,
        inputStarts: UnsafeMutableBufferPointer<Int32>, into sink: inout Sink,
        runs: (FoldedWords) -> [Range<Int>]?
    ) throws(Refusal) -> Bool {
        precondition(shingling.unit == .words, "runs of words are shingled by words")
        guard let (words, continuationBytes) = try foldWords(
            input, text: text, folded: folded, wordStarts: wordStarts, inputStarts: inputStarts)
        else {
            let none = FoldedWords(
                folded: UnsafeRawBufferPointer(start: nil, count: 0), foldedStarts: UnsafeBufferPointer(start: nil, count: 0),
                inputStarts: UnsafeBufferPointer(start: nil, count: 0), scalarCount: 0)
            return runs(none) != nil
        }
        let lent = Self.foldedWords(words, folded: folded, wordStarts: wordStarts, inputStarts: inputStarts,
                                    scalarCount: input.count &- continuationBytes)
        guard let chosen = runs(lent) else { return false }
        for run in chosen { words.hashRun(run, shingling, into: &sink) }
        return true
    }

    /// The folded words of `words`, with the entry after the last word's start written.
    private static func foldedWords(
        _ words: WordEmitter, folded: UnsafeMutableRawBufferPointer, wordStarts: UnsafeMutableBufferPointer<Int32>,
        inputStarts: UnsafeMutableBufferPointer<Int32>, scalarCount: Int
    ) -> FoldedWords {
        // The entry after the last word's: one past the stream's final space.
        wordStarts[words.wordCount] = Int32(truncatingIfNeeded: words.length)
        return FoldedWords(
            folded: UnsafeRawBufferPointer(start: folded.baseAddress, count: words.length),
            foldedStarts: UnsafeBufferPointer(rebasing: wordStarts[0...words.wordCount]),
            inputStarts: UnsafeBufferPointer(rebasing: inputStarts[0..<words.wordCount]),
            scalarCount: scalarCount)
    }

    /// The first pass: folds the words of `input` into `folded`, noting their starts; nil for
    /// empty input. Also returns the continuation bytes of the input's code points.
    @inline(__always)
    private func foldWords(
        _ input: UnsafeRawBufferPointer, text: UnsafeMutableRawBufferPointer,
        folded: UnsafeMutableRawBufferPointer, wordStarts: UnsafeMutableBufferPointer<Int32>,
        inputStarts: UnsafeMutableBufferPointer<Int32>?
    ) throws(Refusal) -> (WordEmitter, Int)? {
        let count = input.count
        guard count > 0 else { return nil }
        guard count < Int(Int32.max) - Self.foldedSlack - 16 else { throw .documentTooLong }
        let sizes = Self.scratchSizes(forInputCount: count)
        precondition(
            text.count >= sizes.text && folded.count >= sizes.folded && wordStarts.count >= sizes.wordStarts
                && (inputStarts?.count ?? sizes.wordStarts) >= sizes.wordStarts,
            "scratch too small")
        var continuationBytes = 0
        let needsFolding = try Self.prepare(
            input.baseAddress!, count: count, into: text.baseAddress!, continuationBytes: &continuationBytes)
        var words = WordEmitter(
            input: input.baseAddress!, text: text.baseAddress!, output: folded.baseAddress!,
            slackLimit: folded.count &- 8 &- count, starts: wordStarts.baseAddress!,
            inputStarts: inputStarts?.baseAddress ?? wordStarts.baseAddress!)
        // Two copies of the loop: documents whose words all fold byte by byte skip the per-word check.
        if needsFolding {
            var folder = NonASCIIWordFolder()
            words = try visitWords(text.baseAddress!, count: count, checkingNonASCII: true, words: words, folder: &folder)
        } else {
            var unused = NonASCIIWordFolder()
            words = try visitWords(text.baseAddress!, count: count, checkingNonASCII: false, words: words, folder: &unused)
        }
        return (words, continuationBytes)
    }

    /// Finds the words of the prepared text block by block and hands each to `words`.
    @inline(__always)
    private func visitWords(
        _ text: UnsafeMutableRawPointer, count: Int, checkingNonASCII: Bool, words initial: WordEmitter,
        folder: inout NonASCIIWordFolder
    ) throws(Refusal) -> WordEmitter {
        // A local copy, whose fields the compiler keeps in registers.
        var words = initial
        try Self.forEachWord(in: text, count: count) { (start, end) throws(Refusal) in
            try words.emit(start, end, checkingNonASCII: checkingNonASCII, folder: &folder)
        }
        return words
    }

    /// Sixteen bytes, processed side by side (SSE2 on x86-64, NEON on ARM).
    typealias Lanes = SIMD16<UInt8>

    /// One bit per byte of the 64 bytes at `block`: set for word bytes (ASCII letters and
    /// digits, and bytes at or above 0x80, which after blanking belong to word code points).
    @inline(__always)
    static func wordMask(_ block: UnsafeRawPointer) -> UInt64 {
        var mask: UInt64 = 0
        for chunk in 0..<4 {
            mask |= wordMask(block.loadUnaligned(fromByteOffset: chunk * 16, as: Lanes.self)) << (chunk * 16)
        }
        return mask
    }

    /// One bit per lane of `lanes` (lane *j* → bit *j*), set for word bytes.
    @inline(__always)
    static func wordMask(_ lanes: Lanes) -> UInt64 {
        let caseless = lanes | Lanes(repeating: 0x20)
        let word = inRange(lanes, from: 0x30, count: 10) | inRange(caseless, from: 0x61, count: 26) | lanes
        let halves = unsafeBitCast(word & Lanes(repeating: 0x80), to: SIMD2<UInt64>.self)
        return byteMask(UInt64(littleEndian: halves[0])) | byteMask(UInt64(littleEndian: halves[1])) << 8
    }

    /// Gathers the high bit of each byte into the low eight bits (byte *j* → bit *j*): a
    /// multiply moves the eight flags into the top byte.
    @inline(__always)
    static func byteMask(_ highBitsOnly: UInt64) -> UInt64 {
        ByteLanes.byteMask(highBitsOnly)
    }

    /// Bit 7 of each lane set when the lane's value lies in `lower ..< lower + count`
    /// (`count` ≤ 128): the lane minus `lower` is then below `count`, so neither it nor it
    /// plus 128 − `count` reaches bit 7. Only wrapping arithmetic, which vectorises everywhere.
    @inline(__always)
    static func inRange(_ lanes: Lanes, from lower: UInt8, count: UInt8) -> Lanes {
        ByteLanes.inRange(lanes, from: lower, count: count)
    }

    /// `lanes` with their ASCII capitals lower-cased.
    @inline(__always)
    static func lowercased(_ lanes: Lanes) -> Lanes {
        lanes | inRange(lanes, from: 0x41, count: 26) &>> 2
    }

    /// Whether any lane is at or above 0x80.
    @inline(__always)
    static func hasNonASCII(_ lanes: Lanes) -> Bool {
        let high = unsafeBitCast(lanes & Lanes(repeating: 0x80), to: SIMD2<UInt64>.self)
        return high[0] | high[1] != 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `word` with its ASCII capitals lower-cased, for the last bytes of a text.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        // Range test on 7-bit lanes: x + (0x80 − low) reaches bit 7 exactly when x ≥ low, and
        // no lane carries into the next because x ≤ 0x7F (after Lamport, "Multiple byte
        // processing with full-word instructions", CACM 1975).
        let low = word & ~highBits
        let capital = (low &+ 0x3F &* ones) & ~(low &+ 0x25 &* ones) & ~word & highBits
        return word | capital >> 2
    }

    /// Copies `count` input bytes into `text` with ASCII capitals lower-cased and every
    /// non-ASCII code point that is not a word code point overwritten with spaces, then zeroes
    /// ``textPadding`` bytes after them. Returns whether a word code point outside ASCII and
    /// ``SelfFoldingScalars`` remains, that is, whether some word needs an NFKC fold.
    ///
    /// - Throws: ``Refusal/malformedUTF8`` for bytes that are not well-formed UTF-8.
    /// Adds to `continuationBytes` the bytes after the first of each code point outside ASCII,
    /// so that the text holds `count` − `continuationBytes` code points.
    static func prepare(
        _ input: UnsafeRawPointer, count: Int, into text: UnsafeMutableRawPointer, continuationBytes: inout Int
    ) throws(Refusal) -> Bool {
        text.advanced(by: count).initializeMemory(as: UInt8.self, repeating: 0, count: textPadding)
        var index = 0
        var needsFolding = false
        while index < count {
            if index &+ 16 <= count {
                // Sixteen ASCII bytes at a time, the common case.
                let lanes = input.loadUnaligned(fromByteOffset: index, as: Lanes.self)
                if !hasNonASCII(lanes) {
                    text.storeBytes(of: lowercased(lanes), toByteOffset: index, as: Lanes.self)
                    index &+= 16
                    continue
                }
            }
            var chunk: UInt64 = 0
            if index &+ 8 <= count {
                chunk = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            } else {
                withUnsafeMutableBytes(of: &chunk) { $0.copyMemory(from: UnsafeRawBufferPointer(start: input + index, count: count &- index)) }
                chunk = UInt64(littleEndian: chunk)
            }
            // The store may run past `count`, into the padding, with the zeros read there.
            text.storeBytes(of: lowercased(chunk).littleEndian, toByteOffset: index, as: UInt64.self)
            let high = chunk & highBits
            if high == 0 { index &+= 8; continue }
            index &+= high.trailingZeroBitCount / 8
            // That first non-ASCII byte: decode its code point from the input, blank it if it
            // separates words, and go on right after it.
            let (scalar, width) = try decode(input.assumingMemoryBound(to: UInt8.self), at: index, count: count)
            if SelfFoldingScalars.contains(scalar.value) {
                (text + index).copyMemory(from: input + index, byteCount: width)
            } else if isWordScalar(scalar) {
                needsFolding = true
                // The chunk stored above may have stopped inside the code point.
                (text + index).copyMemory(from: input + index, byteCount: width)
            } else {
                (text + index).initializeMemory(as: UInt8.self, repeating: 0x20, count: width)
            }
            index &+= width
            continuationBytes &+= width &- 1
        }
        return needsFolding
    }

    /// ``TokenNormalizer/isWordScalar(_:)``, answered at once for the General Punctuation
    /// block (U+2000–U+206F: spaces, dashes, quotation marks, bullets), which holds no letter,
    /// digit or mark, and is by far the commonest non-ASCII block in news text.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value &- 0x2000 < 0x70 { return false }
        return TokenNormalizer.isWordScalar(scalar)
    }

    /// Decodes the well-formed UTF-8 sequence starting at `index`: one ASCII byte, or two to
    /// four bytes as Unicode's table 3-7 allows (no overlong forms, no surrogates, nothing past
    /// U+10FFFF).
    @inline(__always)
    static func decode(
        _ bytes: UnsafePointer<UInt8>, at index: Int, count: Int
    ) throws(Refusal) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) throws(Refusal) -> UInt32 {
            guard index + offset < count else { throw .malformedUTF8 }
            let byte = bytes[index + offset]
            guard byte >= low && byte <= high else { throw .malformedUTF8 }
            return UInt32(byte & 0x3F)
        }
        let value: UInt32
        let width: Int
        switch lead {
        case 0xC2...0xDF:
            value = (lead & 0x1F) << 6 | (try continuation(1))
            width = 2
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            value = (lead & 0x0F) << 12 | (try continuation(1, low, high)) << 6 | (try continuation(2))
            width = 3
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            value = (lead & 0x07) << 18 | (try continuation(1, low, high)) << 12
                | (try continuation(2)) << 6 | (try continuation(3))
            width = 4
        default:
            throw .malformedUTF8
        }
        // The ranges above admit only scalar values.
        return (Unicode.Scalar(value).unsafelyUnwrapped, width)
    }
}
