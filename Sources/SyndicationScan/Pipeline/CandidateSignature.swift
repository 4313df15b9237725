import SyndicationEngine

/// The MinHash signature document LSH bands, one rule for ``CorpusScanner`` and for callers
/// of ``IncrementalScan`` (a persistent index): the signature over the document's word
/// shingles outside its template lines, so that a template shared by many pages does not
/// make them candidates of each other. Verification scores use the whole text's signature.
enum CandidateSignature {
    /// The candidate signature of `text` leaving out the `template` spans (sorted, as
    /// boilerplate detection gives them); `whole` is the whole text's signature, returned
    /// as is when there is no template line.
    static func make(
        _ text: AnalyzedText, template: [TextSpan], shingling: Shingling, hasher: MinHasher,
        whole: () -> MinHashSignature
    ) -> MinHashSignature {
        guard !template.isEmpty else { return whole() }
        var hashes: [UInt64] = []
        var runStart = 0
        for span in template {
            let tokens = text.tokenRange(in: span)
            if tokens.lowerBound > runStart { hashes += shingling.hashes(of: text, tokens: runStart..<tokens.lowerBound) }
            runStart = max(runStart, tokens.upperBound)
        }
        if runStart < text.tokens.count { hashes += shingling.hashes(of: text, tokens: runStart..<text.tokens.count) }
        return hasher.signature(of: SortedHashSet.make(hashes))
    }
}
