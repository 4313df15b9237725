import SyndicationEngine

extension PassageAligner {
    /// Words per shingle of the verbatim stretch a copy passage is trimmed to.
    public static let edgeShingleSize = 3
    /// Least share of the word trigrams between a passage's first and last shared trigram
    /// that the other side holds too, for the passage to be trimmed to that stretch: copy
    /// taken word for word. Reworded copy (synonyms, shuffled or translated words; PAN random
    /// and translation obfuscation) shares trigrams only here and there and keeps its
    /// sentence-bounded ends.
    public static let verbatimTrigramShare = 0.8
    /// Most words a trimmed end may leave out of its sentence and still keep the sentence's
    /// end: a word edited at the edge of copy ("favourite" → "favorite", "the boss" → "the
    /// leader"), or a phrase added at its edge ("In a separate development,", "according to
    /// Reuters"), breaks the trigrams it stands in, not the copy.
    public static let edgeSlack = 6
    /// Least word trigrams in the verbatim stretch: a short run of shared words (a name, a
    /// stock phrase) inside reworded copy is not a reason to cut the passage down to it.
    public static let leastVerbatimTrigrams = 20

    /// The word trigrams of sentences `range` of `profile` in text order (trigrams may run
    /// across sentence boundaries, as copied text does).
    static func edgeTrigrams(_ range: ClosedRange<Int>, _ profile: DocumentProfile) -> [UInt64] {
        let tokens = profile.sentences[range.lowerBound].tokens.lowerBound
            ..< profile.sentences[range.upperBound].tokens.upperBound
        return edgeShingling.hashes(of: profile.text, tokens: tokens)
    }

    /// `span` and `otherSpan`, the two sides of a copy passage over sentences `range` of
    /// `profile` and `otherRange` of `other`, each trimmed to the words copied verbatim
    /// (``trimmedToVerbatim(_:_:in:trigrams:sharing:)``); each side's trigrams are hashed once.
    static func trimmedToVerbatim(
        _ span: TextSpan, _ range: ClosedRange<Int>, in profile: DocumentProfile,
        _ otherSpan: TextSpan, _ otherRange: ClosedRange<Int>, in other: DocumentProfile
    ) -> (TextSpan, TextSpan) {
        let trigrams = edgeTrigrams(range, profile), otherTrigrams = edgeTrigrams(otherRange, other)
        return (trimmedToVerbatim(span, range, in: profile, trigrams: trigrams, sharing: ShingleTable(otherTrigrams)),
                trimmedToVerbatim(otherSpan, otherRange, in: other, trigrams: otherTrigrams, sharing: ShingleTable(trigrams)))
    }

    static let edgeShingling = Shingling(unit: .words, size: edgeShingleSize, seed: 0x7E)

    /// `span`, one side (in `profile`, over sentences `range`) of a copy passage, trimmed to
    /// the words copied verbatim: from the first word that opens a word trigram the other
    /// side also holds (`other`) to the last word that closes one — when at least
    /// ``verbatimTrigramShare`` of the trigrams between them are shared and there are at
    /// least ``leastVerbatimTrigrams`` of them. Otherwise `span` unchanged. An end that falls
    /// within ``edgeSlack`` words of its sentence's edge keeps the sentence's edge.
    ///
    /// Passages are built from whole sentences, but copy is not always inserted at sentence
    /// boundaries: a copied paragraph glued after a page's own words, or a run-on "sentence"
    /// (a list, a keyword block) that holds a copy, would otherwise stretch the passage over
    /// prose nobody copied (PAN 2013 no obfuscation: 40 % of detections were more than 10 %
    /// longer on one side than the other, for verbatim copy).
    /// `trigrams` are ``edgeTrigrams(_:_:)`` of `range`.
    static func trimmedToVerbatim(
        _ span: TextSpan, _ range: ClosedRange<Int>, in profile: DocumentProfile,
        trigrams: [UInt64], sharing other: ShingleTable
    ) -> TextSpan {
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let upper = profile.sentences[range.upperBound].tokens.upperBound
        guard upper - lower >= edgeShingleSize + leastVerbatimTrigrams - 1 else { return span }
        let shared = trigrams.map { other.contains($0) }
        guard let opening = shared.firstIndex(of: true), let closing = shared.lastIndex(of: true),
              closing - opening + 1 >= leastVerbatimTrigrams else { return span }
        let sharedCount = shared[opening...closing].reduce(0) { $0 + ($1 ? 1 : 0) }
        guard Double(sharedCount) >= verbatimTrigramShare * Double(closing - opening + 1) else { return span }
        let startToken = lower + opening, endToken = lower + closing + edgeShingleSize - 1
        let tokens = profile.text.tokens
        var start = Int(tokens[startToken].start), end = Int(tokens[endToken].end)
        for index in range {
            let sentenceTokens = profile.sentences[index].tokens
            guard !sentenceTokens.isEmpty else { continue }
            if sentenceTokens.contains(startToken), startToken - sentenceTokens.lowerBound < edgeSlack {
                start = profile.sentences[index].span.start
            }
            if sentenceTokens.contains(endToken), sentenceTokens.upperBound - 1 - endToken < edgeSlack {
                end = profile.sentences[index].span.end
            }
        }
        return TextSpan(start: max(span.start, start), end: min(span.end, end))
    }
}
