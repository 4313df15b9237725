import SyndicationEngine

/// What the census needs of a text's lines — each line's key and whether it is furniture —
/// and its length in code points, found from the text's UTF-8 bytes without an
/// ``AnalyzedText`` and without decoding the text to code points.
///
/// The lines are ``SentenceSplitter/lines(in:)``'s, as ``AnalyzedText/lines``, found by the
/// same rules over bytes (a line break, white space, a closer or a terminal is read as a code
/// point only where its lead byte says it may be one); each line's words are folded into a
/// scratch buffer with ``TokenNormalizer``, single-spaced, exactly as ``AnalyzedText`` folds
/// them into its stream, and hashed as ``BoilerplateDetector/lineKeys(of:)`` hashes that
/// stream's stretch for the line. Lines without words have no key, as there. What is skipped:
/// the code-point array, the token list, the document's folded stream and the sentences, which
/// the census never reads. A line with a word outside ASCII is decoded to code points and
/// folded by ``TokenNormalizer``; every other line is folded byte by byte.
///
/// The keys and flags equal those of the analysed text (`CensusLinesTests`).
struct CensusLines {
    /// The key of each line with words, in text order.
    var keys: [UInt64] = []
    /// Whether each of those lines is furniture (``BoilerplateDetector/isFurniture(_:in:wordLimit:)``).
    var isFurniture: [Bool] = []
    /// The text's length in code points.
    var length: Int

    /// The lines of `text`.
    ///
    /// - Complexity: O(*n*) in the text's UTF-8 length.
    init(_ text: String) {
        var text = text
        var keys: [UInt64] = []
        var isFurniture: [Bool] = []
        length = text.withUTF8 { bytes in
            UTF8Text.asciiFolds.withUnsafeBufferPointer { folds in
                Self.read(bytes, folds: folds.baseAddress!, keys: &keys, isFurniture: &isFurniture)
            }
        }
        self.keys = keys
        self.isFurniture = isFurniture
    }

    /// The lines of `text`, whose words ``DocumentSketcher`` has folded into `words`: each
    /// line's key is cut from that stream (a line's words lie side by side there, single-spaced,
    /// as its own fold would put them), so no byte is folded again, and the length is the
    /// sketcher's code-point count. Equal to ``init(_:)`` (`CensusLinesTests`).
    ///
    /// - Complexity: O(*n*) in the text's UTF-8 length, plus O(*w*) in its words.
    init(_ text: String, words: FoldedWords) {
        var text = text
        var keys: [UInt64] = []
        var isFurniture: [Bool] = []
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            UTF8Text.asciiFolds.withUnsafeBufferPointer { folds in
                Self.read(UTF8Text(base: base, count: bytes.count, folds: folds.baseAddress!), words: words,
                          keys: &keys, isFurniture: &isFurniture)
            }
        }
        self.keys = keys
        self.isFurniture = isFurniture
        length = words.scalarCount
    }

    /// Appends the key and furniture flag of each line of `text` with words, taking the words
    /// of each line from `words` by their input offsets: lines are in text order and every
    /// word lies inside one line (a word holds no white space, which alone separates lines
    /// and is trimmed from their ends), so one walk over the words serves every line.
    private static func read(_ text: UTF8Text, words: FoldedWords, keys: inout [UInt64], isFurniture: inout [Bool]) {
        let lines = text.lines()
        keys.reserveCapacity(lines.count)
        isFurniture.reserveCapacity(lines.count)
        forEachLineWithWords(lines, words) { line, range in
            keys.append(XXHash.hash64(words.bytes(of: range), seed: BoilerplateDetector.lineKeySeed))
            isFurniture.append(range.count <= furnitureWordLimit && text.isFurniture(line, words: range.count))
        }
    }

    /// The words of each line of `text` that has words, as ranges of the word numbers of
    /// `words` (the folded words of `text`), in text order: the census's lines, one range
    /// for each key of ``init(_:words:)``, and each range the tokens ``AnalyzedText``
    /// finds in that line's span.
    static func lineWords(_ text: String, words: FoldedWords) -> [Range<Int>] {
        var text = text
        var ranges: [Range<Int>] = []
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            UTF8Text.asciiFolds.withUnsafeBufferPointer { folds in
                let lines = UTF8Text(base: base, count: bytes.count, folds: folds.baseAddress!).lines()
                ranges.reserveCapacity(lines.count)
                forEachLineWithWords(lines, words) { _, range in ranges.append(range) }
            }
        }
        return ranges
    }

    /// Calls `body` with each of `lines` that has words and the range of its words, taking
    /// the words of each line from `words` by their input offsets: lines are in text order
    /// and every word lies inside one line, so one walk over the words serves every line.
    @inline(__always)
    private static func forEachLineWithWords(
        _ lines: [TextSpan], _ words: FoldedWords, _ body: (TextSpan, Range<Int>) -> Void
    ) {
        let starts = words.inputStarts
        let count = starts.count
        var word = 0
        for line in lines {
            while word < count, Int(starts[word]) < line.start { word &+= 1 }
            let first = word
            // Eight words at a time while the eighth still starts inside the line (offsets ascend).
            while word &+ 8 < count, Int(starts[word &+ 8]) < line.end { word &+= 8 }
            while word < count, Int(starts[word]) < line.end { word &+= 1 }
            guard word > first else { continue }
            body(line, first..<word)
        }
    }

    /// Appends the key and furniture flag of each line of `bytes` with words; returns the
    /// code-point count.
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, folds: UnsafePointer<UInt8>, keys: inout [UInt64], isFurniture: inout [Bool]
    ) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let text = UTF8Text(base: base, count: bytes.count, folds: folds)
        var folded: [UInt8] = []
        var scalars: [Unicode.Scalar] = []
        // A line's words and the single spaces between them never outnumber its bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { scratch in
            let lines = text.lines()
            keys.reserveCapacity(lines.count)
            isFurniture.reserveCapacity(lines.count)
            for line in lines {
                let words: Int
                let key: UInt64
                if let ascii = text.foldASCII(line, into: scratch) {
                    let folded = UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: scratch[0..<ascii.count]))
                    (words, key) = (ascii.words, XXHash.hash64(folded, seed: BoilerplateDetector.lineKeySeed))
                } else {
                    text.decode(line, into: &scalars)
                    (words, key) = scalars.withUnsafeBufferPointer { fold($0, into: &folded) }
                }
                guard words > 0 else { continue }
                keys.append(key)
                isFurniture.append(words <= furnitureWordLimit && text.isFurniture(line, words: words))
            }
        }
        return text.scalarCount()
    }

    /// The word limit of furniture, as the census's ``BoilerplateDetector`` has it by default.
    fileprivate static let furnitureWordLimit = BoilerplateDetector().furnitureWordLimit

    /// Folds the words of a line's code points into `folded`, single-spaced, with
    /// ``TokenNormalizer``, and returns the word count and the line key.
    private static func fold(
        _ line: UnsafeBufferPointer<Unicode.Scalar>, into folded: inout [UInt8]
    ) -> (words: Int, key: UInt64) {
        folded.removeAll(keepingCapacity: true)
        var words = 0
        var index = 0
        while index < line.count {
            guard TokenNormalizer.isWordScalar(line[index]) else { index += 1; continue }
            let start = index
            while index < line.count, TokenNormalizer.isWordScalar(line[index]) { index += 1 }
            let separator = folded.count
            if !folded.isEmpty { folded.append(0x20) }
            let wordStart = folded.count
            TokenNormalizer.appendFolded(line, start..<index, to: &folded)
            // A word of marks only folds to nothing; it and its separator go.
            if folded.count == wordStart { folded.removeSubrange(separator...) } else { words += 1 }
        }
        return (words, folded.withUnsafeBytes { XXHash.hash64($0, seed: BoilerplateDetector.lineKeySeed) })
    }
}

/// A text's valid UTF-8 bytes, read as ``SentenceSplitter`` and ``BoilerplateDetector`` read
/// its code points. Spans are byte offsets.
private struct UTF8Text {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// ``asciiFolds``.
    let folds: UnsafePointer<UInt8>

    /// For each byte, its folded form when it is an ASCII word character (`0-9`, `a-z`, and
    /// `A-Z` lower-cased, as ``TokenNormalizer/appendFolded(_:_:to:)`` folds them), else 0.
    static let asciiFolds: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte | 0x20)
        default: 0
        }
    }

    /// How many code points the bytes hold: the bytes that are not continuation bytes.
    func scalarCount() -> Int {
        var continuations = 0
        var index = 0
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
            continuations &+= ((word & ~(word << 1)) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < count {
            if base[index] & 0xC0 == 0x80 { continuations &+= 1 }
            index &+= 1
        }
        return count - continuations
    }

    /// The code point whose lead byte is at `index`, and its byte length.
    @inline(__always)
    func scalar(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(base[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        @inline(__always) func low(_ offset: Int) -> UInt32 { UInt32(base[index &+ offset] & 0x3F) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            (value, length) = ((lead & 0x1F) << 6 | low(1), 2)
        } else if lead < 0xF0 {
            (value, length) = ((lead & 0x0F) << 12 | low(1) << 6 | low(2), 3)
        } else {
            (value, length) = ((lead & 0x07) << 18 | low(1) << 12 | low(2) << 6 | low(3), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The start of the code point that ends just before `index`.
    @inline(__always)
    func scalarStart(before index: Int) -> Int {
        var start = index &- 1
        while base[start] & 0xC0 == 0x80 { start &-= 1 }
        return start
    }

    /// The byte length of the line break at `index` (U+000A–U+000D, U+0085, U+2028, U+2029),
    /// or 0.
    @inline(__always)
    func lineBreakLength(at index: Int) -> Int {
        let byte = base[index]
        if byte &- 0x0A < 4 { return 1 }
        if byte == 0xC2 { return index &+ 1 < count && base[index &+ 1] == 0x85 ? 2 : 0 }
        if byte == 0xE2 {
            return index &+ 2 < count && base[index &+ 1] == 0x80 && base[index &+ 2] & 0xFE == 0xA8 ? 3 : 0
        }
        return 0
    }

    /// Moves `index` to the first byte at or after it that may start a line break
    /// (U+000A–U+000D, or the lead byte 0xC2 or 0xE2), testing sixteen bytes at a time; or to
    /// the last 15 bytes of the text when none comes before them. The two lead bytes differ
    /// in bit 5 alone, so one test of the bytes with that bit set finds both.
    @inline(__always)
    func skipToLineBreakCandidate(_ index: inout Int) {
        var at = index
        while at &+ 16 <= count {
            let lanes = UnsafeRawPointer(base + at).loadUnaligned(as: ByteLanes.Lanes.self)
            // Lane comparisons (SSE2's `pcmpeqb`; the unsigned one by `pminub`), each lane of
            // the mask all ones or all zeros.
            let candidates = (lanes &- ByteLanes.Lanes(repeating: 0x0A) .< ByteLanes.Lanes(repeating: 4))
                .| (lanes | ByteLanes.Lanes(repeating: 0x20) .== ByteLanes.Lanes(repeating: 0xE2))
            let halves = unsafeBitCast(candidates, to: SIMD2<UInt64>.self)
            let low = halves[0], high = halves[1]
            if low | high != 0 {
                index = at &+ (low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ high.trailingZeroBitCount >> 3)
                return
            }
            at &+= 16
        }
        index = at
    }

    /// Whether the code point at `index` has the Unicode White_Space property, and its length.
    @inline(__always)
    func whitespace(at index: Int) -> (Bool, Int) {
        let byte = base[index]
        if byte < 0x80 { return (byte == 0x20 || byte &- 0x09 < 5, 1) }
        let (scalar, length) = scalar(at: index)
        return (scalar.properties.isWhitespace, length)
    }

    /// `start..<end` without the white space at either end; nil when nothing is left
    /// (``SentenceSplitter``'s `trimmed`).
    func trimmed(_ start: Int, _ end: Int) -> TextSpan? {
        var start = start
        var end = end
        while start < end {
            let (isWhitespace, length) = whitespace(at: start)
            guard isWhitespace else { break }
            start &+= length
        }
        while end > start {
            let last = scalarStart(before: end)
            guard whitespace(at: last).0 else { break }
            end = last
        }
        return start < end ? TextSpan(start: start, end: end) : nil
    }

    /// Byte spans of the logical lines, as ``SentenceSplitter/lines(in:)`` finds them.
    func lines() -> [TextSpan] {
        var result: [TextSpan] = []
        // Room for the lines of most texts at once (news paragraphs run to hundreds of bytes).
        result.reserveCapacity(count / 128 &+ 8)
        var lineStart = 0
        var previous: TextSpan?
        var index = 0
        while index <= count {
            skipToLineBreakCandidate(&index)
            let breakLength = index == count ? 1 : lineBreakLength(at: index)
            guard breakLength > 0 else { index &+= 1; continue }
            if let span = trimmed(lineStart, index) {
                if let last = result.last, let previous, continues(previous, span) {
                    result[result.count - 1] = last.union(span)
                } else {
                    result.append(span)
                }
                previous = span
            }
            index &+= breakLength
            lineStart = index
        }
        return result
    }

    /// Whether the code point at `index` has the Unicode Lowercase property.
    @inline(__always)
    func isLowercase(at index: Int) -> Bool {
        let byte = base[index]
        if byte < 0x80 { return byte &- 0x61 < 26 }
        return scalar(at: index).0.properties.isLowercase
    }

    /// ``SentenceSplitter``'s `continues`: whether `next` continues the sentence that the
    /// physical line `line` leaves open (a soft wrap).
    func continues(_ line: TextSpan, _ next: TextSpan) -> Bool {
        SentenceSplitter.wraps(
            nextStartsLowercase: isLowercase(at: next.start),
            words: {
                var words = 1
                for index in line.start..<line.end where base[index] == 0x20 { words += 1 }
                return words
            }(),
            startsLowercase: isLowercase(at: line.start),
            lastBeforeClosers: {
                var end = scalarStart(before: line.end)
                while end > line.start, SentenceSplitter.isCloser(scalar(at: end).0) { end = scalarStart(before: end) }
                return scalar(at: end).0
            }())
    }

    /// ``BoilerplateDetector/isFurniture(_:in:wordLimit:)`` for a line of at most the word
    /// limit: it does not end like a sentence, or it has at most three words.
    func isFurniture(_ line: TextSpan, words: Int) -> Bool {
        var end = scalarStart(before: line.end)
        while end > line.start, SentenceSplitterCloser.isCloser(scalar(at: end).0) { end = scalarStart(before: end) }
        let last = base[end]
        // "." is one byte, so the two code points before a final "." are ".." exactly when
        // the two bytes before it are.
        let endsSentence = (last == 0x2E || last == 0x21 || last == 0x3F)
            && !(end >= line.start + 2 && base[end - 1] == 0x2E && base[end - 2] == 0x2E)
        return !endsSentence || words <= 3
    }

    /// Folds the words of a line whose words are all ASCII into `scratch`, single-spaced, and
    /// returns the byte count and the word count (exact up to ``CensusLines``'
    /// `furnitureWordLimit`, above it when there are more words); nil when a word has a code
    /// point outside ASCII (the caller folds the line's code points then).
    ///
    /// Each byte is written as itself lower-cased when it is a word byte and as a space when
    /// it is not; the write position moves on after a word byte and after the first non-word
    /// byte that follows one, so runs of separators leave one space, and a space left at the
    /// end is dropped. Sixteen bytes are handled at once (``ByteLanes``) up to the first that
    /// breaks this (a second separator in a row, or a byte outside ASCII), which is then
    /// handled on its own.
    @inline(__always)
    func foldASCII(_ line: TextSpan, into scratch: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, words: Int)? {
        let out = scratch.baseAddress!
        let wordLimit = CensusLines.furnitureWordLimit
        var count = 0
        var words = 0
        var index = line.start
        // Whether the byte before `index` is a word byte (nothing is before the line).
        var afterWord = false
        while index < line.end {
            if line.end &- index >= 16 {
                // The write stays within the line's length from its start, so within `scratch`.
                let lanes = UnsafeRawPointer(base + index).loadUnaligned(as: ByteLanes.Lanes.self)
                let caseless = lanes | ByteLanes.Lanes(repeating: 0x20)
                let wordLanes = ByteLanes.inRange(lanes, from: 0x30, count: 10) | ByteLanes.inRange(caseless, from: 0x61, count: 26)
                // Word bytes lower-cased (digits already have bit 5), all others spaces.
                let folded = (caseless & (ByteLanes.Lanes(repeating: 0) &- (wordLanes &>> 7))) | ByteLanes.Lanes(repeating: 0x20)
                UnsafeMutableRawPointer(out + count).storeBytes(of: folded, as: ByteLanes.Lanes.self)
                let word = ByteLanes.bitMask(wordLanes)
                let previous = word << 1 | (afterWord ? 1 : 0)
                // The first byte that is neither a word byte nor right after one, or outside ASCII.
                let stops = (~(word | previous) & 0xFFFF) | ByteLanes.bitMask(lanes)
                let taken = stops == 0 ? 16 : stops.trailingZeroBitCount
                let takenBits: UInt64 = (1 << taken) &- 1
                // Word starts are counted only while the count may still matter (a bit count
                // is a dozen instructions without POPCNT, which the x86-64 baseline lacks).
                if words <= wordLimit { words &+= (word & ~previous & takenBits).nonzeroBitCount }
                count &+= taken
                index &+= taken
                if taken == 16 {
                    afterWord = word & 0x8000 != 0
                    continue
                }
                if taken > 0 { afterWord = word & (1 << (taken &- 1)) != 0 }
            }
            let byte = base[index]
            if byte >= 0x80 {
                let (scalar, length) = scalar(at: index)
                if TokenNormalizer.isWordScalar(scalar) { return nil }
                if afterWord {
                    out[count] = 0x20
                    count &+= 1
                }
                afterWord = false
                index &+= length
                continue
            }
            let folded = folds[Int(byte)]
            let isWord = folded != 0
            out[count] = isWord ? folded : 0x20
            if isWord || afterWord { count &+= 1 }
            if isWord && !afterWord { words &+= 1 }
            afterWord = isWord
            index &+= 1
        }
        // A separator after the last word left a space.
        if count > 0, !afterWord { count &-= 1 }
        return (count, words)
    }

    /// The code points of `line`, into `scalars`.
    func decode(_ line: TextSpan, into scalars: inout [Unicode.Scalar]) {
        scalars.removeAll(keepingCapacity: true)
        var index = line.start
        while index < line.end {
            let (scalar, length) = scalar(at: index)
            scalars.append(scalar)
            index &+= length
        }
    }
}
