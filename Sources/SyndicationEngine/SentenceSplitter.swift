/// Splits text into sentences and lines, keeping code-point offsets into the original.
///
/// A sentence ends at a line break, or at `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets after it) that is followed by white space and then by something that can start a
/// sentence: an upper-case letter, a digit or an opening quote or bracket. A full stop after a
/// known abbreviation (`Mr.`, `Feb.`, `U.S.`) or a single-letter initial (`J.`) ends nothing.
/// Spans never include the white space around a sentence.
public enum SentenceSplitter {
    /// Lower-cased abbreviations whose full stop does not end a sentence.
    public static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
        "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "dept", "est", "fig", "mt", "ft",
    ]

    /// Code-point spans of the non-empty lines of `scalars`, without their line breaks and
    /// surrounding white space.
    ///
    /// A line is a logical line (a paragraph): a line break inside a sentence — the line does
    /// not end like a sentence and the next one starts lower-case, as in hard-wrapped text —
    /// joins the two.
    ///
    /// - Complexity: O(*n*) in the code-point count; runs without a line break are passed
    ///   over eight code points at a time.
    public static func lines(in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [TextSpan] {
        guard let base = scalars.baseAddress else { return lines(in: scalars) { $0 } }
        let raw = UnsafeRawPointer(base)
        let count = scalars.count
        return lines(in: scalars) { start in
            var index = start
            while index &+ 8 <= count {
                let lanes = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)
                // Printable ASCII first, the common case: one range test.
                if isPrintableASCII(lanes) || !mayHoldLineBreak(lanes) {
                    index &+= 8
                    continue
                }
                // One of these eight is a line break.
                while !isLineBreak(base[index]) { index &+= 1 }
                break
            }
            return index
        }
    }

    /// ``lines(in:)`` for `scalars` narrowed by ``WordFolding/narrow(_:count:into:)`` into
    /// `narrowed` (one byte per code point, zero-padded): runs without a line break are passed
    /// over sixteen bytes at a time.
    static func lines(in scalars: UnsafeBufferPointer<Unicode.Scalar>, narrowed: UnsafeRawPointer) -> [TextSpan] {
        let count = scalars.count
        return lines(in: scalars) { start in
            firstCandidate(in: narrowed, from: start, before: count, lineBreaks: true)
        }
    }

    /// The lines of `scalars`, where `candidate(index)` is an offset from `index` up to the
    /// code-point count before which no code point is a line break.
    @inline(__always)
    static func lines(
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, candidate: (Int) -> Int
    ) -> [TextSpan] {
        var result: [TextSpan] = []
        var lineStart = 0
        var previous: TextSpan?
        let count = scalars.count
        var index = 0
        while index <= count {
            index = candidate(index)
            if index == count || isLineBreak(scalars[index]) {
                if let span = trimmed(scalars, lineStart, index) {
                    if let last = result.last, let previous, continues(scalars, previous, span) {
                        result[result.count - 1] = last.union(span)
                    } else {
                        result.append(span)
                    }
                    previous = span
                }
                lineStart = index + 1
            }
            index += 1
        }
        return result
    }

    /// Sixteen bytes of narrowed text, processed side by side (SSE2 on x86-64, NEON on ARM).
    typealias Bytes = SIMD16<UInt8>

    /// Whether eight code points all lie in U+000E–U+007F, printable ASCII, where no line
    /// break is: by the wrapping range test of ``mayHoldLineBreak(_:)``, for all lanes at once.
    @inline(__always)
    static func isPrintableASCII(_ lanes: SIMD8<UInt32>) -> Bool {
        let offset = lanes &- SIMD8(repeating: 0x0E)
        let outside = (offset | (offset &+ SIMD8(repeating: 0x8000_0000 &- 0x72))) & SIMD8(repeating: 0x8000_0000)
        let halves = unsafeBitCast(outside, to: SIMD4<UInt64>.self)
        return (halves[0] | halves[1] | halves[2] | halves[3]) == 0
    }

    /// The index of the first byte from `start` up to `end` of `narrowed` that may stand for a
    /// line break (``lineBreakCandidates(_:)``) when `lineBreaks`, else for a sentence's end
    /// (``terminalCandidates(_:)``), or `end` when none does, looking sixteen bytes at a time.
    /// The last block may run past `end`, into the rest of the text and the zero padding after
    /// it (at least fifteen bytes: ``WordFolding/withNarrowed(_:_:)``), whose marks do not
    /// count; so a line's last bytes are not looked at one call at a time. No byte from
    /// `start` to the result is a candidate. (The tests are written in, not passed as
    /// functions, so that they are inlined into the loop.)
    @inline(__always)
    static func firstCandidate(in narrowed: UnsafeRawPointer, from start: Int, before end: Int, lineBreaks: Bool) -> Int {
        var index = start
        while index < end {
            let bytes = narrowed.loadUnaligned(fromByteOffset: index, as: Bytes.self)
            let marks = lineBreaks ? lineBreakCandidates(bytes) : terminalCandidates(bytes)
            if let lane = ByteLanes.firstMarked(marks) { return Swift.min(end, index &+ lane) }
            index &+= 16
        }
        return end
    }

    /// The lanes of sixteen narrowed bytes whose top bit is set where the byte may stand for a
    /// line break (every other bit clear): U+000A–U+000D as themselves, U+0085, U+2028 and
    /// U+2029 as ``WordFolding/nonASCIISeparator`` (with every other separator outside ASCII);
    /// the test takes bytes 0x01–0x0D.
    @inline(__always)
    static func lineBreakCandidates(_ bytes: Bytes) -> Bytes {
        FoldedShingleScanner.inRange(bytes, from: 0x01, count: 0x0D)
    }

    /// The lanes of sixteen narrowed bytes whose top bit is set where the byte may stand for a
    /// code point that ends a sentence (every other bit clear): `.`, `!`, `?` as themselves,
    /// `…` as ``WordFolding/nonASCIISeparator``.
    @inline(__always)
    static func terminalCandidates(_ bytes: Bytes) -> Bytes {
        FoldedShingleScanner.inRange(bytes, from: 0x2E, count: 1) | FoldedShingleScanner.inRange(bytes, from: 0x21, count: 1)
            | FoldedShingleScanner.inRange(bytes, from: 0x3F, count: 1)
            | FoldedShingleScanner.inRange(bytes, from: WordFolding.nonASCIISeparator, count: 1)
    }

    /// Whether any of eight code points may be a line break (``isLineBreak(_:)``): U+000A–U+000D,
    /// U+0085, U+2028 or U+2029. Range tests by wrapping arithmetic on the top bit of each
    /// lane, which vectorise: `value − lower` is below `count` exactly when neither it nor
    /// it plus 2³¹ − `count` reaches bit 31.
    @inline(__always)
    static func mayHoldLineBreak(_ lanes: SIMD8<UInt32>) -> Bool {
        @inline(__always) func inRange(_ lower: UInt32, _ count: UInt32) -> SIMD8<UInt32> {
            let offset = lanes &- SIMD8(repeating: lower)
            return ~(offset | (offset &+ SIMD8(repeating: 0x8000_0000 &- count)))
        }
        let flags = (inRange(0x0A, 4) | inRange(0x85, 1) | inRange(0x2028, 2)) & SIMD8(repeating: 0x8000_0000)
        let halves = unsafeBitCast(flags, to: SIMD4<UInt64>.self)
        return (halves[0] | halves[1] | halves[2] | halves[3]) != 0
    }

    /// Whether `next` continues the sentence that the physical line `line` leaves open (a soft
    /// wrap). A line of three words or fewer ("Dpa", a byline) stands alone unless it is itself
    /// the middle of a wrapped sentence.
    static func continues(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ line: TextSpan, _ next: TextSpan) -> Bool {
        wraps(
            nextStartsLowercase: isLowercase(scalars[next.start]),
            words: {
                var words = 1
                for index in line.start..<line.end where scalars[index] == " " { words += 1 }
                return words
            }(),
            startsLowercase: isLowercase(scalars[line.start]),
            lastBeforeClosers: {
                var end = line.end - 1
                while end > line.start, isCloser(scalars[end]) { end -= 1 }
                return scalars[end]
            }())
    }

    /// The soft-wrap rule of ``continues(_:_:_:)``, for readers of a line in another form (the
    /// census reads UTF-8 bytes): the next line starts with a lowercase letter, this line has
    /// at least four words (`words`, one more than its spaces) or starts lowercase itself, and
    /// its last code point before closing quotation marks and brackets (``isCloser(_:)``) is no
    /// terminal, colon or semicolon. Each fact is computed only when the rule reaches it.
    @inline(__always)
    public static func wraps(
        nextStartsLowercase: Bool, words: @autoclosure () -> Int, startsLowercase: @autoclosure () -> Bool,
        lastBeforeClosers: @autoclosure () -> Unicode.Scalar
    ) -> Bool {
        guard nextStartsLowercase else { return false }
        guard words() >= 4 || startsLowercase() else { return false }
        switch lastBeforeClosers() {
        case ".", "!", "?", "\u{2026}", ":", ";": return false
        default: return true
        }
    }

    /// Code-point spans of the sentences of `scalars`.
    ///
    /// - Complexity: O(*n*) in the code-point count.
    public static func sentences(in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [TextSpan] {
        sentences(in: scalars, lines: lines(in: scalars))
    }

    /// Code-point spans of the sentences of `scalars`, given its ``lines(in:)``.
    ///
    /// - Complexity: O(*n*) in the code-point count; runs without `.`, `!`, `?` or `…` are
    ///   passed over eight code points at a time.
    public static func sentences(in scalars: UnsafeBufferPointer<Unicode.Scalar>, lines: [TextSpan]) -> [TextSpan] {
        guard let base = scalars.baseAddress else { return sentences(in: scalars, lines: lines) { index, _ in index } }
        let raw = UnsafeRawPointer(base)
        return sentences(in: scalars, lines: lines) { start, end in
            var index = start
            while index &+ 8 <= end {
                guard mayHoldTerminal(raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)) else {
                    index &+= 8
                    continue
                }
                // One of these eight ends a sentence or may.
                while !isTerminal(base[index]) { index &+= 1 }
                break
            }
            return index
        }
    }

    /// ``sentences(in:lines:)`` for `scalars` narrowed into `narrowed` as for
    /// ``lines(in:narrowed:)``: runs without a sentence end are passed over sixteen bytes at a time.
    static func sentences(
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, lines: [TextSpan], narrowed: UnsafeRawPointer
    ) -> [TextSpan] {
        sentences(in: scalars, lines: lines) { start, end in
            firstCandidate(in: narrowed, from: start, before: end, lineBreaks: false)
        }
    }

    /// The sentences of `scalars` in `lines`, where `candidate(index, end)` is an offset from
    /// `index` up to `end` before which no code point ends a sentence.
    @inline(__always)
    static func sentences(
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, lines: [TextSpan], candidate: (Int, Int) -> Int
    ) -> [TextSpan] {
        var result: [TextSpan] = []
        for line in lines {
            var sentenceStart = line.start
            var index = line.start
            while index < line.end {
                index = candidate(index, line.end)
                guard index < line.end else { break }
                let scalar = scalars[index]
                guard isTerminal(scalar) else { index += 1; continue }
                var after = index + 1
                while after < line.end, isTerminal(scalars[after]) || isCloser(scalars[after]) {
                    after += 1
                }
                guard after < line.end, isWhitespace(scalars[after]) else {
                    index = after
                    continue
                }
                var next = after
                while next < line.end, isWhitespace(scalars[next]) { next += 1 }
                if next < line.end, canStartSentence(scalars[next]),
                   !(scalar == "." && isAbbreviation(scalars, before: index, lineStart: sentenceStart))
                {
                    if let span = trimmed(scalars, sentenceStart, after) { result.append(span) }
                    sentenceStart = next
                }
                index = next
            }
            if let span = trimmed(scalars, sentenceStart, line.end) { result.append(span) }
        }
        return result
    }

    /// Whether any of eight code points may end a sentence (``isTerminal(_:)``: `.`, `!`, `?`,
    /// `…`): four lane-wise comparisons, which vectorise.
    @inline(__always)
    static func mayHoldTerminal(_ lanes: SIMD8<UInt32>) -> Bool {
        let stops: SIMDMask<SIMD8<Int32>> = (lanes .== SIMD8(repeating: 0x2E)) .| (lanes .== SIMD8(repeating: 0x21))
        let others: SIMDMask<SIMD8<Int32>> = (lanes .== SIMD8(repeating: 0x3F)) .| (lanes .== SIMD8(repeating: 0x2026))
        return Swift.any(stops .| others)
    }

    /// Whether `scalar` has the Unicode Lowercase property (answered without a property
    /// lookup for ASCII, where it is `a`–`z`).
    @inline(__always)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value &- 0x61 < 26 }
        return UnicodeProperties.isLowercase(scalar)
    }

    /// Whether `scalar` has the Unicode Uppercase property (answered without a property
    /// lookup for ASCII, where it is `A`–`Z`).
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value &- 0x41 < 26 }
        return UnicodeProperties.isUppercase(scalar)
    }

    /// Whether `scalar` has the Unicode White_Space property (answered without a property
    /// lookup for ASCII, where it is tab to carriage return and space).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return UnicodeProperties.isWhitespace(scalar)
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "\u{2026}"
    }

    /// Whether `scalar` closes a quotation or bracket after a sentence's terminal (`"`, `'`,
    /// `)`, `]`, `”`, `’`, `»`, `›`).
    public static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}": return true
        default: return false
        }
    }

    static func canStartSentence(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            // In ASCII only `A`–`Z` are upper-case and only `0`–`9` have a numeric type.
            if value &- 0x41 < 26 || value &- 0x30 < 10 { return true }
        } else if UnicodeProperties.isUppercase(scalar) || UnicodeProperties.isNumeric(scalar) {
            return true
        }
        switch scalar {
        case "\"", "'", "(", "[", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{201E}", "-", "\u{2014}":
            return true
        default: return false
        }
    }

    /// Whether the word ending just before `index` is an abbreviation or an initial.
    static func isAbbreviation(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, before index: Int, lineStart: Int
    ) -> Bool {
        var wordStart = index
        while wordStart > lineStart {
            let previous = scalars[wordStart - 1]
            guard TokenNormalizer.isWordScalar(previous) || previous == "." else { break }
            wordStart -= 1
        }
        let length = index - wordStart
        if length == 0 { return false }
        if length == 1 { return isUppercase(scalars[wordStart]) }
        guard length <= 6 else { return false }
        if let key = asciiKey(scalars, wordStart..<index) { return isAbbreviationKey(key) }
        var word = ""
        for position in wordStart..<index { word.unicodeScalars.append(scalars[position]) }
        return abbreviations.contains(word.lowercased())
    }

    /// ``abbreviations`` as ``asciiKey(_:_:)`` packs them, in ascending order.
    static let abbreviationKeys: [UInt64] = abbreviations.map { abbreviation in
        let scalars = Array(abbreviation.unicodeScalars)
        return scalars.withUnsafeBufferPointer { asciiKey($0, 0..<$0.count)! }
    }.sorted()

    /// Whether `key` is one of ``abbreviationKeys`` (binary search).
    static func isAbbreviationKey(_ key: UInt64) -> Bool {
        abbreviationKeys.withUnsafeBufferPointer { keys in
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low &+ high) >> 1
                if keys[middle] < key { low = middle &+ 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == key
        }
    }

    /// The lower-cased bytes of an ASCII word of at most eight code points packed into one
    /// integer (first byte lowest); nil when a code point is outside ASCII. Two words have the
    /// same key exactly when their lower-cased forms are equal.
    @inline(__always)
    static func asciiKey(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64? {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for index in range {
            let value = scalars[index].value
            guard value < 0x80 else { return nil }
            let byte = UInt64(value &- 0x41 < 26 ? value | 0x20 : value)
            key |= byte &<< shift
            shift &+= 8
        }
        return key
    }

    static func trimmed(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int
    ) -> TextSpan? {
        var start = start
        var end = end
        while start < end, isWhitespace(scalars[start]) { start += 1 }
        while end > start, isWhitespace(scalars[end - 1]) { end -= 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }
}

