import SyndicationEngine

/// A word or punctuation mark of one line, as the credit scanner sees it.
///
/// A word is a run of letters, digits and marks, with single inner hyphens, apostrophes,
/// full stops and ampersands kept inside it ("France-Presse", "L'Orient-Le", "U.S", "AT&T").
/// Every other visible scalar is a token of its own; white space separates tokens. Tokens hold
/// offsets and flags only; their text is read from the scalars when a pattern needs it.
struct CreditToken {
    /// First code point, in the document.
    var start: Int
    /// One past the last code point, in the document.
    var end: Int
    /// The scalar of a punctuation token; a space for a word.
    var mark: Unicode.Scalar
    /// Whether the token is a word.
    var isWord: Bool
    /// Whether the word starts with an upper-case (or title-case) letter.
    var isCapitalised = false
    /// Whether the word starts with a digit ("2005", "10th").
    var isNumber = false
    /// Whether the word ends in "'s" or "’s".
    var isPossessive = false

    /// One past the last code point of the word without its possessive ending.
    var nameEnd: Int { isPossessive ? end - 2 : end }

    /// The tokens of `scalars[span]`.
    ///
    /// - Complexity: O(*n*) in the length of the span, with one look at each ASCII scalar.
    static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> [CreditToken] {
        tokens(scalars, span) { index, _ in index }
    }

    /// ``tokenize(_:_:)`` with the runs of ASCII letters and digits inside words read from
    /// `narrowed`, the narrowed copy of `scalars` (``CreditLineFilter/narrow(_:into:)``, with
    /// its padding), sixteen code points at a time: the same tokens. In the copy those code
    /// points are themselves and every other is a byte that is neither (U+212A KELVIN SIGN,
    /// "K" there, is a word code point too), so a run ends where the code points say a word
    /// goes on only through the one-by-one tests (a joiner, a code point outside ASCII).
    ///
    /// - Complexity: O(*n*) in the length of the span.
    static func tokenize(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, narrowed: UnsafePointer<UInt8>, _ span: TextSpan
    ) -> [CreditToken] {
        tokens(scalars, span) { index, end in
            var index = index
            while index < end {
                let lanes = UnsafeRawPointer(narrowed + index).loadUnaligned(as: ByteLanes.Lanes.self)
                let wordLanes = ByteLanes.inRange(lanes | ByteLanes.Lanes(repeating: 0x20), from: 0x61, count: 26)
                    | ByteLanes.inRange(lanes, from: 0x30, count: 10)
                let run = (~ByteLanes.bitMask(wordLanes)).trailingZeroBitCount
                index = Swift.min(end, index &+ run)
                if run < 16 { break }
            }
            return index
        }
    }

    /// The tokens of `scalars[span]`, where `skippingWordRun(index, end)` is where a run of
    /// word code points from `index` surely ends (`index` itself when it does not know): the
    /// one-by-one tests take over there.
    @inline(__always)
    private static func tokens(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan, skippingWordRun: (Int, Int) -> Int
    ) -> [CreditToken] {
        var tokens: [CreditToken] = []
        tokens.reserveCapacity((span.end - span.start) / 5 + 4)
        var index = span.start
        let end = span.end
        while index < end {
            let scalar = scalars[index]
            guard isWordScalar(scalar) else {
                if !isSpace(scalar) {
                    tokens.append(CreditToken(start: index, end: index + 1, mark: scalar, isWord: false))
                }
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < end {
                index = skippingWordRun(index, end)
                guard index < end else { break }
                if isWordScalar(scalars[index]) {
                    index += 1
                } else if isInnerJoiner(scalars[index]), index + 1 < end, isWordScalar(scalars[index + 1]) {
                    index += 2
                } else {
                    break
                }
            }
            tokens.append(word(scalars, start, index))
        }
        return tokens
    }

    /// The word token `scalars[start..<end]`.
    @inline(__always)
    private static func word(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ index: Int) -> CreditToken {
        let first = scalars[start]
        let isCapitalised = first.value < 0x80
            ? first.value >= 0x41 && first.value <= 0x5A
            : first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
        let isNumber = first.value < 0x80
            ? first.value >= 0x30 && first.value <= 0x39
            : first.properties.numericType != nil
        let last = scalars[index - 1]
        let isPossessive = index - start >= 3 && (last == "s" || last == "S")
            && (scalars[index - 2] == "'" || scalars[index - 2] == "\u{2019}")
        return CreditToken(
            start: start, end: index, mark: " ", isWord: true, isCapitalised: isCapitalised,
            isNumber: isNumber, isPossessive: isPossessive)
    }

    /// ``TokenNormalizer/isWordScalar(_:)`` with fast answers for ASCII, Latin-1 and the
    /// General Punctuation block (curly quotes, dashes), which make up most news text.
    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10 }
        if value < 0x100 {
            return (value >= 0xC0 && value != 0xD7 && value != 0xF7) || value == 0xAA || value == 0xB5
                || value == 0xBA || value == 0xB2 || value == 0xB3 || value == 0xB9
                || (value >= 0xBC && value <= 0xBE)
        }
        if value >= 0x2000 && value <= 0x206F { return false }
        return TokenNormalizer.isWordScalar(scalar)
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || value &- 0x09 < 5 }
        if value < 0x100 { return value == 0x85 || value == 0xA0 }
        if value >= 0x2000 && value <= 0x206F {
            return value <= 0x200A || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F
        }
        return scalar.properties.isWhitespace
    }

    @inline(__always)
    private static func isInnerJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "'", "\u{2019}", ".", "&", "\u{2011}": return true
        default: return false
        }
    }
}

extension String {
    /// The string with every `old` scalar replaced by `new`.
    func replacingScalar(_ old: Unicode.Scalar, with new: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(old) else { return self }
        var view = String.UnicodeScalarView()
        for scalar in unicodeScalars { view.append(scalar == old ? new : scalar) }
        return String(view)
    }
}
