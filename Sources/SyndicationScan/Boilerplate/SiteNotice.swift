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

    static let firstWords = Set(phrases.map { $0[0] })

    /// Whether the line holds one of the notice phrases (and is not long prose: at most 60 words).
    public static func isNotice(_ line: TextSpan, in text: AnalyzedText) -> Bool {
        let tokens = text.tokenRange(in: line)
        guard !tokens.isEmpty, tokens.count <= 60 else { return false }
        let words = tokens.map { text.foldedWord($0) }
        for start in words.indices where firstWords.contains(words[start]) {
            for phrase in phrases where phrase[0] == words[start] && start + phrase.count <= words.count {
                if Array(words[start..<(start + phrase.count)]) == phrase { return true }
            }
        }
        return false
    }
}
