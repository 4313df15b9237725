import SyndicationEngine

/// A cheap, conservative test of whether a line can hold a credit, run before the line is
/// tokenised: one pass over its code points, no Unicode property lookups for ASCII, no
/// allocation.
///
/// ``CreditLineScanner`` reports a credit only where a line has one of the features below; a
/// line with none of them is passed over. Every line on which the scanner finds a credit
/// passes the filter (lines that pass may still hold none), form by form:
/// - a **trigger word** anywhere — "according", "per", "reported", "reports", "quoted",
///   "cited", "said", "says", "published", "appeared", "contributed": every phrase form starts
///   at one of these words;
/// - an **opening word** — "by", "from", "via", "source", "sources", "credit", "copyright",
///   "information", "reporting", "additional": bylines, source and copyright lines;
/// - an **opening mark** — "(", "©" or a dash: "(Reuters)", "© Reuters 2025", "— Global
///   Wire", a dateline "(AP) —";
/// - a **dash after a sentence's end** (its previous visible code point is one of
///   ``CreditLineScanner/sentenceEnds``, which include ")"): "... he said. — Agencies",
///   "LONDON (Reuters) -";
/// - **")" before ":"** on a line whose first word may be an acronym: "LONDON (Reuters):";
/// - **")" closing the line**, or before a final ".", whose "(" follows a sentence's end:
///   "... he said. (AP)";
/// - a **short line** with an agency's word (the longest run of letters of one of its
///   spellings; at most ``agencyLineTokens`` white-space separated chunks: "Dpa",
///   "dpa/nik") or a role word (at most ``CreditNameParser/maximumWords`` + 4 chunks:
///   "Reuters staff").
///
/// Words are compared as maximal runs of ASCII letters, folded to lower case. A word token
/// that the scanner compares to a word of letters — by ``CreditNameParser/isWord(_:_:)`` or
/// by its lower-case form against ``CreditVocabulary`` — is such a run: a token starts after a
/// code point that is no letter or digit, and its name part ends before one that is neither
/// (an apostrophe of a possessive, a joiner that no letter follows, punctuation or space).
/// U+212A KELVIN SIGN, the one non-ASCII code point whose lower-case form is an ASCII letter
/// ("k"), counts as that letter (U+0130, "İ", lower-cases to "i" and a combining dot, which no
/// vocabulary word holds). A dash or mark is a token of its own
/// exactly where the filter looks at it: a hyphen joins a word only between two letters or
/// digits, and the code point before a dash that follows a sentence's end is that mark.
/// Token counts are bounded below by the count of runs of visible code points, each of which
/// holds at least one token.
enum CreditLineFilter {
    /// Most tokens on a line that is a known agency alone: four words, "/" and initials.
    static let agencyLineTokens = 6

    /// Whether `scalars[line]` may hold a credit; `false` only if ``CreditLineScanner`` finds
    /// none on it.
    ///
    /// - Complexity: O(*n*) in the length of the line, with no allocation.
    static func mayHoldCredit(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ line: TextSpan) -> Bool {
        let end = line.end
        var index = line.start
        while index < end, isSpace(scalars[index]) { index += 1 }
        guard index < end else { return false }
        let firstVisible = index
        switch scalars[firstVisible] {
        case "(", "\u{00A9}", "-", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return true
        default: break
        }
        let firstMayBeAcronym = mayBeAcronym(scalars, firstVisible, end)
        let table = WordTable.shared
        var shortLineWords: UInt8 = 0
        while index < end {
            let value = scalars[index].value
            if (value | 0x20) &- 0x61 < 26 || value == 0x212A {
                // A run of letters: its key, then its flags.
                let runStart = index
                var key = UInt64(value == 0x212A ? 0x0B : value & 0x1F)
                index += 1
                while index < end {
                    let next = scalars[index].value
                    if (next | 0x20) &- 0x61 < 26 {
                        key = key &<< 5 | UInt64(next & 0x1F)
                    } else if next == 0x212A {
                        key = key &<< 5 | 0x0B
                    } else {
                        break
                    }
                    index += 1
                }
                let flags = table.flags(key, index - runStart)
                if flags != 0 {
                    if flags & WordTable.trigger != 0 { return true }
                    if flags & WordTable.opener != 0, runStart == firstVisible { return true }
                    shortLineWords |= flags
                }
                continue
            }
            if value == 0x20 {
                index += 1
                continue
            }
            if isDash(value) {
                if follows(scalars, index, line.start, in: CreditLineScanner.sentenceEnds) { return true }
            } else if value == 0x3A {
                if firstMayBeAcronym, follows(scalars, index, line.start, in: [")"]) { return true }
            }
            index += 1
        }
        if closesWithCredit(scalars, firstVisible, end) { return true }
        guard shortLineWords & (WordTable.agency | WordTable.role) != 0 else { return false }
        let roleLineTokens = CreditNameParser.maximumWords + 4
        let tokens = chunkCount(scalars, firstVisible, end, upTo: max(agencyLineTokens, roleLineTokens) + 1)
        return (shortLineWords & WordTable.agency != 0 && tokens <= agencyLineTokens)
            || (shortLineWords & WordTable.role != 0 && tokens <= roleLineTokens)
    }

    /// Whether the line closes with "(X)" or "(X)." after a sentence ("... he said. (AP)"):
    /// its last visible code point is ")" (or "." after ")"), and the last "(" before that
    /// follows one of ``CreditLineScanner/sentenceEnds``.
    private static func closesWithCredit(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Bool {
        var last = end - 1
        while isSpace(scalars[last]) { last -= 1 }
        if scalars[last] == "." {
            guard last > start else { return false }
            last -= 1
            while last > start, isSpace(scalars[last]) { last -= 1 }
        }
        guard scalars[last] == ")" else { return false }
        var open = last - 1
        while open > start, scalars[open] != "(" { open -= 1 }
        return open > start && scalars[open] == "(" && follows(scalars, open, start, in: CreditLineScanner.sentenceEnds)
    }

    /// The number of runs of visible code points from `start` (visible) to `end`, counted up
    /// to `limit`: a lower bound of the line's token count, since each run holds at least one
    /// token.
    private static func chunkCount(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, upTo limit: Int
    ) -> Int {
        var count = 1
        var index = start + 1
        while index < end, count < limit {
            if !isSpace(scalars[index]) && isSpace(scalars[index - 1]) { count += 1 }
            index += 1
        }
        return count
    }

    /// Whether the first word may be an acronym (as ``CreditNameParser/isAcronym(_:)`` asks of a
    /// dateline's place): not if it starts with a lower-case ASCII letter, or with an upper-case
    /// one and then a lower-case one.
    private static func mayBeAcronym(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ first: Int, _ end: Int) -> Bool {
        let value = scalars[first].value
        if value >= 0x61 && value <= 0x7A { return false }
        if value >= 0x41 && value <= 0x5A, first + 1 < end {
            let next = scalars[first + 1].value
            return !(next >= 0x61 && next <= 0x7A)
        }
        return true
    }

    /// Whether the last visible code point before `index` (and at or after `start`) is one of
    /// `marks` (none of which is an ASCII letter or digit).
    @inline(__always)
    private static func follows(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int, _ start: Int, in marks: [Unicode.Scalar]
    ) -> Bool {
        guard index > start else { return false }
        // Most dashes are hyphens inside words ("well-known").
        let value = scalars[index - 1].value
        if (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10 { return false }
        var before = index - 1
        while before >= start, isSpace(scalars[before]) { before -= 1 }
        return before >= start && marks.contains(scalars[before])
    }

    /// ``CreditLineScanner/dashes``.
    @inline(__always)
    private static func isDash(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x2013 || value == 0x2014 || value == 0x2015 || value == 0x2212
    }

    /// White space as ``CreditToken/tokenize(_:_:)`` skips it.
    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        CreditToken.isSpace(scalar)
    }
}

/// The words ``CreditLineFilter`` looks for, each as a packed key of its ASCII letters (five
/// bits a letter, the last twelve kept, the length in the top four bits) with flags saying
/// which features it gives; an open-addressing table of 256 slots.
struct WordTable: Sendable {
    static let trigger: UInt8 = 1
    static let opener: UInt8 = 2
    static let role: UInt8 = 4
    static let agency: UInt8 = 8

    /// Words that start a phrase form (``CreditLineScanner``'s `scanPhrases`).
    static let triggerWords = [
        "according", "per", "reported", "reports", "quoted", "cited", "said", "says", "published",
        "appeared", "contributed",
    ]
    /// First words of whole-line forms (``CreditLineScanner``'s `scanWholeLine`).
    static let openingWords = [
        "by", "from", "via", "source", "sources", "credit", "copyright", "information", "reporting",
        "additional",
    ]

    static let shared = WordTable()

    private var keys = [UInt64](repeating: 0, count: 256)
    private var values = [UInt8](repeating: 0, count: 256)

    init() {
        for word in Self.triggerWords { insert(word, Self.trigger) }
        for word in Self.openingWords { insert(word, Self.opener) }
        for word in CreditVocabulary.roleWords { insert(word, Self.role) }
        for spelling in CreditVocabulary.agencies.keys {
            if let run = Self.agencyRun(spelling) { insert(run, Self.agency) }
        }
    }

    /// The run of letters the filter looks for to find the agency `spelling`: its longest (a
    /// name has them all), the first of those that are longest.
    static func agencyRun(_ spelling: String) -> String? {
        letterRuns(spelling).reduce(nil) { longest, run in
            run.count > (longest?.count ?? 0) ? run : longest
        }
    }

    /// The maximal runs of ASCII letters of `text`.
    static func letterRuns(_ text: String) -> [String] {
        text.unicodeScalars.split { !($0.isASCII && $0.properties.isAlphabetic) }.map { String($0) }
    }

    /// The key of a run of `length` letters whose five-bit codes were shifted into `bits`.
    @inline(__always)
    static func key(_ bits: UInt64, _ length: Int) -> UInt64 {
        (bits & 0x0FFF_FFFF_FFFF_FFFF) | (UInt64(min(length, 15)) << 60)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    private mutating func insert(_ word: String, _ flag: UInt8) {
        var bits: UInt64 = 0
        for scalar in word.unicodeScalars { bits = bits &<< 5 | UInt64((scalar.value | 0x20) & 0x1F) }
        let key = Self.key(bits, word.unicodeScalars.count)
        var slot = Self.slot(key)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 255 }
        keys[slot] = key
        values[slot] |= flag
    }

    /// The flags of the run whose letter codes are `bits` (0 if it is none of the words).
    @inline(__always)
    func flags(_ bits: UInt64, _ length: Int) -> UInt8 {
        let key = Self.key(bits, length)
        var slot = Self.slot(key)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & 255
        }
    }
}
