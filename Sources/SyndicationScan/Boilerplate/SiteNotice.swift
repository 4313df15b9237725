import SyndicationEngine

/// Recognises a site's standing notices by their wording: cookie banners, newsletter sign-ups,
/// copyright and company-registration footers, "Share this story" bars.
///
/// Frequency finds a site's template in a large corpus; in a small one, a footer that two
/// outlets happen to word alike ("Sign up to our daily newsletter for the top stories every
/// morning.") recurs too rarely to count. These phrases are specific to page furniture, so a
/// line holding one is furniture however often it occurs. An article *about* cookies or
/// newsletters does not use them: they address the reader ("our newsletter", "we use cookies").
public enum SiteNotice {
    /// Folded word sequences that only page furniture uses.
    static let phrases: [[String]] = [
        ["all", "rights", "reserved"], ["registered", "office"], ["registered", "in", "england"],
        ["sign", "up", "to", "our"], ["sign", "up", "for", "our"], ["subscribe", "to", "our"],
        ["our", "newsletter"], ["our", "daily", "newsletter"], ["email", "bulletin"],
        ["we", "use", "cookies"], ["uses", "cookies"], ["use", "of", "cookies"], ["cookie", "policy"],
        ["cookie", "notice"], ["cookie", "settings"], ["accept", "cookies"], ["privacy", "policy"],
        ["terms", "of", "use"], ["terms", "and", "conditions"], ["manage", "settings"],
        ["share", "this", "story"], ["share", "this", "article"], ["download", "the", "app"],
    ]

    /// Each phrase as the folded stream holds it: its words' UTF-8 bytes joined by single spaces.
    static let phraseBytes: [[UInt8]] = phrases.map { Array($0.joined(separator: " ").utf8) }

    /// The phrases by the first byte and the length of their first word, as bit sets (bit *k*:
    /// phrase *k*), at `byte << 4 | min(length, 15)`: nearly every word starts with a byte no
    /// phrase does, or is as long as no phrase's first word that starts with it ("the", "said"),
    /// and the rest are compared with one or two phrases, not all.
    static let phrasesByFirstWord: [UInt32] = {
        precondition(phrases.count <= 32)
        var table = [UInt32](repeating: 0, count: 256 << 4)
        for (index, bytes) in phraseBytes.enumerated() {
            table[Self.slot(firstByte: bytes[0], length: phrases[index][0].utf8.count)] |= 1 << UInt32(index)
        }
        return table
    }()

    /// A word's place in ``phrasesByFirstWord``.
    @inline(__always)
    static func slot(firstByte: UInt8, length: Int) -> Int {
        Int(firstByte) << 4 | min(length, 15)
    }

    /// The number of words of each phrase.
    static let phraseWordCounts: [Int] = phrases.map(\.count)

    /// Whether the line holds one of the notice phrases (and is not long prose: at most 60 words).
    public static func isNotice(_ line: TextSpan, in text: AnalyzedText) -> Bool {
        isNotice(words: text.tokenRange(in: line), in: text)
    }

    /// ``isNotice(_:in:)`` for the line whose words are the tokens `tokens` of `text`.
    static func isNotice(words tokens: Range<Int>, in text: AnalyzedText) -> Bool {
        guard !tokens.isEmpty, tokens.count <= 60 else { return false }
        // The folded stream puts exactly one space between consecutive words and none inside
        // one, so k words match a phrase of k words exactly when the bytes from the first's
        // start to the last's end equal the phrase's joined bytes.
        let byFirstWord = Self.phrasesByFirstWord, wordCounts = Self.phraseWordCounts, allBytes = Self.phraseBytes
        // Read in place: most words start no phrase, and cost a few loads.
        return text.folded.withUnsafeBufferPointer { folded in
            text.tokens.withUnsafeBufferPointer { words in
                byFirstWord.withUnsafeBufferPointer { byFirstWord in
                    for start in tokens {
                        let from = Int(words[start].foldedStart)
                        let length = Int(words[start].foldedEnd) - from
                        var candidates = byFirstWord[Self.slot(firstByte: folded[from], length: length)]
                        while candidates != 0 {
                            let index = candidates.trailingZeroBitCount
                            candidates &= candidates &- 1
                            guard start + wordCounts[index] <= tokens.upperBound else { continue }
                            let bytes = allBytes[index]
                            let to = Int(words[start + wordCounts[index] - 1].foldedEnd)
                            guard to - from == bytes.count else { continue }
                            if bytes.withUnsafeBufferPointer({ memoryEqual(folded.baseAddress! + from, $0.baseAddress!, count: $0.count) }) {
                                return true
                            }
                        }
                    }
                    return false
                }
            }
        }
    }

    /// Whether `count` bytes at `lhs` and `rhs` are equal.
    private static func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, count: Int) -> Bool {
        for index in 0..<count where lhs[index] != rhs[index] { return false }
        return true
    }
}
