import SyndicationEngine

/// Cuts over-long sentences into pieces of about a sentence's length before alignment.
///
/// Alignment compares sentence with sentence, and one over-long "sentence" dilutes every
/// comparison it stands in: a copied passage inside a run-on line (text whose punctuation was
/// lost, a keyword block, a copy glued into a page's own rambling paragraph) shares too small a
/// part of the line's character shingles to seed, or seeds and then fails the word-Dice test of
/// ``PassageAligner`` against the line's other words, or aligns and drags the whole line into
/// the passage. Sanchez-Perez, Sidorov & Gelbukh (2014) compare sentence-sized units for the same
/// reason. A sentence of more than ``maximumWords`` words is cut into pieces of about
/// ``pieceWords`` words, each cut after a comma, semicolon or colon where one stands within a few
/// words of the even cut point; the pieces then align like sentences. Sentences of ordinary
/// length (news prose: nearly all under 40 words) are left whole.
public enum SentencePieces {
    /// Sentences of more words than this are cut into pieces.
    ///
    /// PAN 2013 training corpus (`scripts/eval-pan13`): 0.8867 uncut; 60 words 0.8984, 50
    /// 0.9015, 45 0.9031, 40 0.9049, 35 0.9065, 30 0.9066 (20-word pieces). At 35 and below
    /// WireBench gained three false pairs: pieces of long news sentences that name the same
    /// people seeded between two reports on one subject.
    public static let maximumWords = 40
    /// Words per piece (the last may be up to half a piece longer or shorter).
    public static let pieceWords = 20
    /// How far, in words, a cut may move from the even cut point to stand after clause punctuation.
    static let cutReach = 4

    /// The pieces of one sentence: `span`, whose words are `tokens` of `text`, unchanged when it
    /// has at most `maximumWords` words; otherwise consecutive pieces of about ``pieceWords``
    /// words that together cover `span` (the first starts where `span` starts, the last ends
    /// where it ends, and each other piece runs from its first word to its last).
    ///
    /// - Complexity: O(`tokens.count`).
    public static func pieces(
        of span: TextSpan, tokens: Range<Int>, in text: AnalyzedText, maximumWords: Int = maximumWords
    ) -> [(span: TextSpan, tokens: Range<Int>)] {
        let count = (tokens.count + pieceWords / 2) / pieceWords
        guard tokens.count > maximumWords, count > 1 else { return [(span, tokens)] }
        var cuts: [Int] = []
        for piece in 1..<count {
            let even = tokens.lowerBound + piece * tokens.count / count
            let earliest = (cuts.last ?? tokens.lowerBound) + 2, latest = tokens.upperBound - 2
            var cut = even
            search: for distance in 0...cutReach {
                for candidate in [even - distance, even + distance]
                where candidate >= earliest && candidate <= latest && clauseEnds(before: candidate, in: text) {
                    cut = candidate
                    break search
                }
            }
            if cut > (cuts.last ?? tokens.lowerBound) { cuts.append(cut) }
        }
        var result: [(span: TextSpan, tokens: Range<Int>)] = []
        var first = tokens.lowerBound
        var start = span.start
        for cut in cuts {
            result.append((TextSpan(start: start, end: Int(text.tokens[cut - 1].end)), first..<cut))
            first = cut
            start = Int(text.tokens[cut].start)
        }
        result.append((TextSpan(start: start, end: span.end), first..<tokens.upperBound))
        return result
    }

    /// Whether a comma, semicolon or colon stands between token `index - 1` and token `index`.
    static func clauseEnds(before index: Int, in text: AnalyzedText) -> Bool {
        let from = Int(text.tokens[index - 1].end), to = Int(text.tokens[index].start)
        return from < to && text.scalars[from..<to].contains { $0 == "," || $0 == ";" || $0 == ":" }
    }
}
