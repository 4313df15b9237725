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
        for run in runs(outside: template.map(text.tokenRange(in:)), tokenCount: text.tokens.count) {
            hashes += shingling.hashes(of: text, tokens: run)
        }
        return hasher.signature(of: SortedHashSet.make(hashes))
    }

    /// The runs of tokens the candidate signature shingles: those between the token ranges
    /// of the template lines `template` (in text order) and after the last, each non-empty.
    static func runs(outside template: [Range<Int>], tokenCount: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var runStart = 0
        for tokens in template {
            if tokens.lowerBound > runStart { runs.append(runStart..<tokens.lowerBound) }
            runStart = max(runStart, tokens.upperBound)
        }
        if runStart < tokenCount { runs.append(runStart..<tokenCount) }
        return runs
    }
}
