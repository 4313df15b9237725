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
/// vocabulary word holds). A dash or mark is a token of its own exactly where the filter looks
/// at it: a hyphen joins a word only between two letters or digits, and a mark before a dash
/// is no joiner. Token counts are bounded below by the count of runs of visible code points,
/// each of which holds at least one token.
enum CreditLineFilter {
    /// Most tokens on a line that is a known agency alone: four words, "/" and initials.
    static let agencyLineTokens = 6

    /// What the filter found on a line.
    struct Verdict: Hashable {
        /// `false` only if ``CreditLineScanner`` finds no credit on the line.
        var mayHoldCredit: Bool
        /// `false` only if the line has none of the words a phrase starts at
        /// (``WordTable/triggerWords``), so that the scanner finds no phrase on it.
        var mayHoldPhrase: Bool
    }

    /// Whether `scalars[line]` may hold a credit; `false` only if ``CreditLineScanner`` finds
    /// none on it.
    ///
    /// - Complexity: O(*n*) in the length of the line, with no allocation.
    static func mayHoldCredit(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ line: TextSpan) -> Bool {
        verdict(scalars, line).mayHoldCredit
    }

    /// Whether `scalars[line]` may hold a credit, and a phrase; a line with some other feature
    /// is read to its end for a phrase's word.
    ///
    /// - Complexity: O(*n*) in the length of the line, with no allocation.
    static func verdict(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ line: TextSpan) -> Verdict {
        let end = line.end
        guard let firstVisible = firstVisible(scalars, line) else {
            return Verdict(mayHoldCredit: false, mayHoldPhrase: false)
        }
        var index = firstVisible
        let phrase = Verdict(mayHoldCredit: true, mayHoldPhrase: true)
        // Set once the line has a feature other than a phrase's word.
        var holds = opensWithMark(scalars[firstVisible])
        let firstMayBeAcronym = mayBeAcronym(scalars, firstVisible, end)
        let table = WordTable.shared
        var shortLineWords: UInt8 = 0
        while index < end {
            let value = scalars[index].value
            if (value | 0x20) &- 0x61 < 26 || value == 0x212A {
                // A run of letters, then its flags.
                let runStart = index
                index += 1
                while index < end, isLetter(scalars[index].value) { index += 1 }
                let flags = table.flags(scalars, runStart, index)
                if flags != 0 {
                    if flags & WordTable.trigger != 0 { return phrase }
                    if flags & WordTable.opener != 0, runStart == firstVisible { holds = true }
                    shortLineWords |= flags
                }
                continue
            }
            if value == 0x20 {
                index += 1
                continue
            }
            if holds {
                // Only a phrase's word can change the verdict now.
            } else if isDash(value) {
                if follows(scalars, index, line.start, in: CreditLineScanner.sentenceEnds) { holds = true }
            } else if value == 0x3A {
                if firstMayBeAcronym, follows(scalars, index, line.start, in: [")"]) { holds = true }
            }
            index += 1
        }
        return verdict(scalars, firstVisible, end, holds: holds, shortLineWords: shortLineWords)
    }

    /// The verdict on the line `scalars[firstVisible..<end]` (from its first visible code
    /// point) without a phrase's word, given whether it has another feature so far (`holds`)
    /// and the flags of its words (`shortLineWords`).
    static func verdict(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ firstVisible: Int, _ end: Int, holds: Bool,
        shortLineWords: UInt8
    ) -> Verdict {
        if holds || closesWithCredit(scalars, firstVisible, end) {
            return Verdict(mayHoldCredit: true, mayHoldPhrase: false)
        }
        guard shortLineWords & (WordTable.agency | WordTable.role) != 0 else {
            return Verdict(mayHoldCredit: false, mayHoldPhrase: false)
        }
        let roleLineTokens = CreditNameParser.maximumWords + 4
        let tokens = chunkCount(scalars, firstVisible, end, upTo: max(agencyLineTokens, roleLineTokens) + 1)
        let short = (shortLineWords & WordTable.agency != 0 && tokens <= agencyLineTokens)
            || (shortLineWords & WordTable.role != 0 && tokens <= roleLineTokens)
        return Verdict(mayHoldCredit: short, mayHoldPhrase: false)
    }

    /// The first visible code point of the line, if any.
    @inline(__always)
    static func firstVisible(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ line: TextSpan) -> Int? {
        var index = line.start
        while index < line.end, isSpace(scalars[index]) { index += 1 }
        return index < line.end ? index : nil
    }

    /// Whether a line whose first visible code point is `first` opens with a mark: "(", "©" or
    /// a dash.
    @inline(__always)
    static func opensWithMark(_ first: Unicode.Scalar) -> Bool {
        switch first {
        case "(", "\u{00A9}", "-", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return true
        default: return false
        }
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
    static func mayBeAcronym(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ first: Int, _ end: Int) -> Bool {
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
    static func follows(
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

    /// Whether `value` is an ASCII letter or U+212A KELVIN SIGN.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        (value | 0x20) &- 0x61 < 26 || value == 0x212A
    }

    /// ``CreditLineScanner/dashes``.
    @inline(__always)
    static func isDash(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x2013 || value == 0x2014 || value == 0x2015 || value == 0x2212
    }

    /// White space as ``CreditToken/tokenize(_:_:)`` skips it.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        CreditToken.isSpace(scalar)
    }
}

/// The words ``CreditLineFilter`` looks for, each as a packed key of its letters (five bits a
/// letter, the last twelve kept, the length in the top four bits) with flags saying which
/// features it gives, in an open-addressing table of 256 slots. A bitmap of (length, first
/// letter, last letter) turns most other words away before their key is made.
final class WordTable: @unchecked Sendable {
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

    // Written once, in `init`; read-only after.
    private let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
    private let values = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    private let gate = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)

    init() {
        keys.initialize(repeating: 0, count: 256)
        values.initialize(repeating: 0, count: 256)
        gate.initialize(repeating: 0, count: 256)
        for word in Self.triggerWords { insert(word, Self.trigger) }
        for word in Self.openingWords { insert(word, Self.opener) }
        for word in CreditVocabulary.roleWords { insert(word, Self.role) }
        for spelling in CreditVocabulary.agencies.keys {
            if let run = Self.agencyRun(spelling) { insert(run, Self.agency) }
        }
    }

    deinit {
        keys.deallocate()
        values.deallocate()
        gate.deallocate()
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

    /// The five-bit code of a letter (``CreditLineFilter/isLetter(_:)``): 1-26, case folded.
    @inline(__always)
    static func code(_ value: UInt32) -> UInt64 {
        value == 0x212A ? 0x0B : UInt64(value & 0x1F)
    }

    /// The key of a run of `length` letters whose codes were shifted into `bits`.
    @inline(__always)
    static func key(_ bits: UInt64, _ length: Int) -> UInt64 {
        (bits & 0x0FFF_FFFF_FFFF_FFFF) | (UInt64(min(length, 15)) << 60)
    }

    /// The gate bit of a run: its length (up to 15), first and last letter codes.
    @inline(__always)
    static func gateBit(_ length: Int, _ first: UInt64, _ last: UInt64) -> Int {
        min(length, 15) << 10 | Int(truncatingIfNeeded: first << 5 | last)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    private func insert(_ word: String, _ flag: UInt8) {
        let codes = word.unicodeScalars.map { Self.code($0.value | 0x20) }
        let bits = codes.reduce(0) { $0 &<< 5 | $1 }
        let key = Self.key(bits, codes.count)
        var slot = Self.slot(key)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 255 }
        keys[slot] = key
        values[slot] |= flag
        let bit = Self.gateBit(codes.count, codes[0], codes[codes.count - 1])
        gate[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The flags of the run of letters `scalars[start..<end]` (0 if it is none of the words).
    @inline(__always)
    func flags(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> UInt8 {
        let length = end - start
        let bit = Self.gateBit(length, Self.code(scalars[start].value), Self.code(scalars[end - 1].value))
        guard passesGate(bit) else { return 0 }
        var bits: UInt64 = 0
        for index in start..<end { bits = bits &<< 5 | Self.code(scalars[index].value) }
        return flags(bits, length)
    }

    /// Whether some word has the gate bit `bit` (``gateBit(_:_:_:)``).
    @inline(__always)
    func passesGate(_ bit: Int) -> Bool {
        gate[bit >> 6] & (1 << UInt64(bit & 63)) != 0
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
