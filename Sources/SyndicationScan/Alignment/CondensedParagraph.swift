import SyndicationEngine

/// Condensed paragraph: a short paragraph of one document whose sentences each restate, in
/// order, a sentence of a much longer stretch of the other (a digest paragraph, an abstract,
/// a summary of a whole report).
extension PassageAligner {
    /// Most code points of a paragraph read as a possible condensation of the other document
    /// (see ``condensedParagraphLinks(_:_:_:weights:)``).
    public static let condensedParagraphLength = 1_500
    /// Least tf-isf word cosine of a summary sentence and a source sentence it may restate,
    /// inside a paragraph that holds a condensed-copy seed. A summary sentence keeps the
    /// source's names and key words but little of its wording: its cosine with the sentence
    /// it restates often falls below the seed bar (``wordCosineThreshold``). PAN 2013
    /// training, summary subset: 0.15 gave 0.701, 0.20 gave 0.674.
    public static let condensedLinkCosine = 0.15
    /// Least share of a paragraph's sentences (of four words or more) that a chain with such
    /// weak links must hold: a summary paragraph is a summary throughout.
    public static let condensedParagraphShare = 0.6
    /// Most share of a condensed paragraph's span that copy passages copied one for one
    /// (sides within ``excerptEvenness``) may already cover: a paragraph copied sentence for
    /// sentence, with weak links to prose elsewhere around it, is copy, not a summary.
    public static let condensedAbsorbedShare = 0.5
    /// Least share of the source's prose that a condensed paragraph's source side covers (with
    /// its paragraphs made whole). A digest paragraph condenses an article, or most of one;
    /// weak links from a short paragraph to a stretch in the middle of a longer document are
    /// chance (PAN 2013 training: without it, random obfuscation 0.9067 → 0.9050).
    public static let condensedSourceShare = 0.6

    /// Sentence pairs that may link a summary paragraph to its source, beyond `seeds`: in each
    /// paragraph of at most ``condensedParagraphLength`` code points that holds the condensed
    /// side of one of `seeds`, every sentence of four words or more with every sentence of the
    /// other document (four words or more) whose tf-isf word cosine reaches
    /// ``condensedLinkCosine``, in both directions. The chain test
    /// (``condensedChains(_:short:long:)``, then ``isCondensedParagraph(_:shortIsA:weak:absorbing:_:_:)``)
    /// then asks for them in order, spread over the source. A paragraph that copy passages of
    /// `passages` copied one for one over ``condensedAbsorbedShare`` of its length or more is
    /// copy, not a summary (the rule ``isCondensedParagraph(_:shortIsA:weak:absorbing:_:_:)``
    /// applies to a chain), and is not searched: in a near-duplicate pair every paragraph is.
    /// - Complexity: O(sentences of such paragraphs × sentences of the other document).
    func condensedParagraphLinks(
        _ seeds: [Seed], _ a: DocumentProfile, _ b: DocumentProfile, weights: LazyWordWeights,
        passages: [AlignedPassage] = []
    ) -> [Seed] {
        let oneForOne = passages.filter { $0.kind.isCopy && Self.isOneForOne($0) }
        // Made on first need: in a near-duplicate pair no paragraph is searched.
        var known = SentencePairSet(rows: 0, columns: 0), isKnownMade = false
        var added: [Seed] = []
        for shortIsA in [true, false] {
            let short = shortIsA ? a : b, long = shortIsA ? b : a
            // The paragraphs holding a seed's condensed side, each once, in order: a flag per
            // line rather than a sorted list of every seed's (the same paragraphs, in the same
            // order, with no sort).
            let lines = short.text.lines
            var holdsSeed = [Bool](repeating: false, count: lines.count)
            for seed in seeds {
                if let paragraph = Self.line(of: shortIsA ? seed.first : seed.second, in: short) { holdsSeed[paragraph] = true }
            }
            // The other document's sentences of four words or more, and the index of their words;
            // and the shared weight of one sentence with each sentence there. Made on first need.
            var targets: (sentences: [Int], postings: ShinglePostings)?
            var shared: [Double] = []
            for paragraph in lines.indices where holdsSeed[paragraph] && lines[paragraph].length <= Self.condensedParagraphLength {
                let line = lines[paragraph]
                let copied = oneForOne.reduce(0) { $0 + (shortIsA ? $1.a : $1.b).overlap(with: line) }
                guard Double(copied) < Self.condensedAbsorbedShare * Double(max(1, line.length)) else { continue }
                if targets == nil {
                    let sentences = long.sentences.indices.filter { !long.sentences[$0].isExcluded && long.sentences[$0].wordCount >= 4 }
                    targets = (sentences, ShinglePostings(long, of: .words, sentences: sentences))
                    shared = [Double](repeating: 0, count: long.sentences.count)
                }
                if !isKnownMade {
                    known = SentencePairSet(rows: a.sentences.count, columns: b.sentences.count)
                    for seed in seeds { known.insert(seed.first, seed.second) }
                    isKnownMade = true
                }
                let weighted = weights.value
                for i in Self.paragraphSentences(paragraph, in: short) {
                    let shortWords = short.sentences[i].words
                    let shortWeights = shortIsA
                        ? weighted.weightsOfA(sentence: i, shortWords) : weighted.weightsOfB(sentence: i, shortWords)
                    // Each target's shared weight (the cosine's numerator) through the index of
                    // their words: a target adds the squared weights of the words it shares
                    // with sentence i in word order, the sum a merge of the two makes, and one
                    // that shares none stays at 0 (a cosine of 0).
                    WordWeights.sharedWeights(shortWords, shortWeights, in: targets!.postings, into: &shared)
                    for j in targets!.sentences {
                        let key = shortIsA ? SentencePair(first: i, second: j) : SentencePair(first: j, second: i)
                        guard shared[j] > 0, !known.contains(key.first, key.second) else { continue }
                        // The other sentence's words read in place: copying them retains them.
                        let cosine = long.sentences.withUnsafeBufferPointer { longSentences in
                            longSentences[j].words.withUnsafeBufferPointer { longWords in
                                let longWeights = shortIsA
                                    ? weighted.weightsOfB(sentence: j, longWords) : weighted.weightsOfA(sentence: j, longWords)
                                return WordWeights.cosine(shared: shared[j], shortWeights, longWeights)
                            }
                        }
                        guard cosine >= Self.condensedLinkCosine else { continue }
                        known.insert(key.first, key.second)
                        let left = a.sentences[key.first], right = b.sentences[key.second]
                        let shared = SortedHashSet.intersectionCount(left.shingles, right.shingles)
                        let union = left.shingles.count + right.shingles.count - shared
                        added.append(Seed(
                            first: key.first, second: key.second,
                            similarity: union == 0 ? 0 : Double(shared) / Double(union), isProse: true))
                    }
                }
            }
        }
        return added
    }

    /// Whether a chain that holds `weak` links reads as a condensed paragraph: its condensed
    /// side within one paragraph, holding at least ``condensedParagraphShare`` of that
    /// paragraph's sentences, and less than ``condensedAbsorbedShare`` of it already covered
    /// by copy passages copied one for one among those it would take in (`absorbing`).
    func isCondensedParagraph(
        _ chain: [Seed], shortIsA: Bool, weak: Set<Seed>, absorbing: [AlignedPassage],
        _ a: DocumentProfile, _ b: DocumentProfile
    ) -> Bool {
        let short = shortIsA ? a : b
        let indices = chain.map { shortIsA ? $0.first : $0.second }
        guard let paragraph = Self.line(of: indices[0], in: short),
              indices.allSatisfy({ Self.line(of: $0, in: short) == paragraph }) else { return false }
        let members = Self.paragraphSentences(paragraph, in: short).count
        guard Double(Set(indices).count) >= Self.condensedParagraphShare * Double(max(1, members)) else { return false }
        let span = short.sentences[indices[0]].span.union(short.sentences[indices[indices.count - 1]].span)
        let oneForOne = absorbing.filter(Self.isOneForOne).reduce(0) { $0 + (shortIsA ? $1.a : $1.b).overlap(with: span) }
        return Double(oneForOne) < Self.condensedAbsorbedShare * Double(max(1, span.length))
    }

    /// The sentences of four words or more, not excluded, that start in line `paragraph`.
    static func paragraphSentences(_ paragraph: Int, in profile: DocumentProfile) -> [Int] {
        let line = profile.text.lines[paragraph]
        return profile.sentences.indices.filter {
            let sentence = profile.sentences[$0]
            return !sentence.isExcluded && sentence.wordCount >= 4
                && sentence.span.start >= line.start && sentence.span.start < line.end
        }
    }

    /// The index of the line (paragraph) of `profile` where sentence `index` starts.
    static func line(of index: Int, in profile: DocumentProfile) -> Int? {
        let start = profile.sentences[index].span.start
        let lines = profile.text.lines
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].end <= start { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low].start <= start ? low : nil
    }

    /// `range` reaching the start of its first paragraph and the end of its last, short of
    /// excluded sentences and of those `taken` by other copy passages.
    static func wholeParagraphs(
        _ range: ClosedRange<Int>, in profile: DocumentProfile, taken: (Int) -> Bool
    ) -> ClosedRange<Int> {
        let sentences = profile.sentences
        func free(_ index: Int) -> Bool { !sentences[index].isExcluded && !taken(index) }
        var lower = range.lowerBound, upper = range.upperBound
        if let first = line(of: lower, in: profile) {
            let start = profile.text.lines[first].start
            while lower > 0, free(lower - 1), sentences[lower - 1].span.start >= start { lower -= 1 }
        }
        if let last = line(of: upper, in: profile) {
            let end = profile.text.lines[last].end
            while upper + 1 < sentences.count, free(upper + 1), sentences[upper + 1].span.end <= end { upper += 1 }
        }
        return lower...upper
    }

    /// Code points of the sentences of `range` that are not excluded.
    static func proseLength(_ range: ClosedRange<Int>, in profile: DocumentProfile) -> Int {
        range.reduce(0) { $0 + (profile.sentences[$1].isExcluded ? 0 : profile.sentences[$1].span.length) }
    }
}
