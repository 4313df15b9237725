import SyndicationEngine

extension PassageAligner {
    /// Least tf-isf word cosine (``WordWeights``) of the sentence pair just outside a copy
    /// passage for the passage to grow over it. Lower than a word seed's
    /// (``wordCosineThreshold``, 0.3): next to copy already found, a reworded sentence is far
    /// likelier copy than chance likeness, so it need only share some of its rarer words. The
    /// first and last sentences of a machine-translation round trip are often the ones a seed
    /// missed. PAN 2013 translation obfuscation, plagdet: 0.897 without growth; 0.907 at 0.2,
    /// 0.904 at 0.25, 0.910 at 0.15 (which cost the summary subset 0.005), growing by up to
    /// two pairs and not over furniture.
    public static let edgeGrowthCosine = 0.2
    /// Least seeded sentences on one side of a passage for it to grow: a passage of a single
    /// seeded sentence is as likely one sentence two reports on a subject share as copy, and
    /// growing it turns a phrase in common into a passage (on WireBench dev, growth without
    /// this guard made 11 more false reuse pairs, 13 in all; with it, none more than the 2
    /// without growth).
    public static let edgeGrowthLeastSeededSentences = 2
    /// Least words of each sentence of a pair a passage grows over (as for a word seed):
    /// shorter sentences share their few words by chance.
    public static let edgeGrowthLeastWords = 4

    /// The sentence ranges of a copy passage (`rangeA` of `a`, `rangeB` of `b`, aligned from
    /// the seeds `run`) grown at each end, one sentence pair at a time, while the pair just
    /// outside is alike; `nil` when neither end grows.
    ///
    /// A pair is alike when both sentences are prose (neither boilerplate, furniture nor the
    /// title), of at least ``edgeGrowthLeastWords`` words, claimed by no other passage
    /// (`claimedA`, `claimedB`), and alike at tf-isf word cosine ``edgeGrowthCosine`` or more
    /// (with weighted Dice at least 0.8 of that, the ratio a word seed asks for). The text's
    /// own furniture (a subheading; not boilerplate, which splits passages) is stepped over on
    /// either side, as it is inside a passage. Only passages with
    /// ``edgeGrowthLeastSeededSentences`` seeded sentences on one side grow.
    ///
    /// Seeds need a high bar to stay clear of chance likeness, so the first and last sentences
    /// of reworded copy (a translation round trip, a paraphrase) often miss it and the passage
    /// stops a sentence short at either end. Extending a passage found from seeds over the
    /// text around it at a lower bar follows Sanchez-Perez, Sidorov & Gelbukh (2014), "A
    /// Winning Approach to Text Alignment for Text Reuse Detection at PAN 2014", who extend
    /// seed clusters recursively; here each step is one sentence pair in step in both
    /// documents, judged by the tf-isf weights that seed by words. On PAN 2013 translation
    /// obfuscation, growing by one pair per end gave 0.9075 plagdet, growing while pairs stay
    /// alike 0.9082, and stepping over furniture 0.0010 of the first (a subheading between
    /// the copied paragraphs); on WireBench dev, pair figures did not change and passage
    /// recall rose from 0.925 to 0.927.
    ///
    /// - Complexity: O(words of the sentences judged): one pair per step, and a passage stops
    ///   at the first pair that is not alike.
    func grownEdges(
        _ run: [Seed], _ rangeA: ClosedRange<Int>, _ rangeB: ClosedRange<Int>,
        _ a: DocumentProfile, _ b: DocumentProfile,
        claimedA: SentenceClaims, claimedB: SentenceClaims, weights: LazyWordWeights
    ) -> (a: ClosedRange<Int>, b: ClosedRange<Int>)? {
        guard Self.seedsSentences(Self.edgeGrowthLeastSeededSentences, run) else { return nil }
        func alike(_ i: Int, _ j: Int) -> Bool {
            guard a.sentences.indices.contains(i), b.sentences.indices.contains(j),
                  !claimedA.contains(i), !claimedB.contains(j) else { return false }
            let left = a.sentences[i], right = b.sentences[j]
            guard !left.isExcluded, !right.isExcluded,
                  min(left.wordCount, right.wordCount) >= Self.edgeGrowthLeastWords else { return false }
            let (cosine, dice) = weights.value.similarity(a: i, left.words, b: j, right.words)
            return cosine >= Self.edgeGrowthCosine && dice >= Self.edgeGrowthCosine * 0.8
        }
        // The sentence after `index` in direction `step`, over unclaimed furniture of the text's own.
        func next(_ profile: DocumentProfile, _ index: Int, _ step: Int, claimed: SentenceClaims) -> Int {
            var index = index + step
            while profile.sentences.indices.contains(index), !claimed.contains(index),
                  profile.sentences[index].isExcluded, !profile.sentences[index].isBoilerplate {
                index += step
            }
            return index
        }
        func grow(_ endA: inout Int, _ endB: inout Int, _ step: Int) {
            while true {
                let i = next(a, endA, step, claimed: claimedA), j = next(b, endB, step, claimed: claimedB)
                guard alike(i, j) else { return }
                endA = i
                endB = j
            }
        }
        var lowA = rangeA.lowerBound, lowB = rangeB.lowerBound
        var highA = rangeA.upperBound, highB = rangeB.upperBound
        grow(&lowA, &lowB, -1)
        grow(&highA, &highB, 1)
        guard lowA != rangeA.lowerBound || highA != rangeA.upperBound else { return nil }
        return (lowA...highA, lowB...highB)
    }

    /// Whether the seeds of `run` hold at least `count` distinct sentences on one side:
    /// `max(distinctCount(firsts), distinctCount(seconds)) >= count`. Up to two, that is
    /// whether any seed differs from the first in either sentence, with no sort.
    static func seedsSentences(_ count: Int, _ run: [Seed]) -> Bool {
        guard count <= 2 else {
            return max(distinctCount(run.map(\.first)), distinctCount(run.map(\.second))) >= count
        }
        guard let first = run.first else { return count <= 0 }
        return count <= 1 || run.contains { $0.first != first.first || $0.second != first.second }
    }

    /// The number of distinct values in `values` (a run's few sentence indices: sorting them
    /// costs less than hashing them into a set).
    static func distinctCount(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        var count = 0
        for index in sorted.indices where index == 0 || sorted[index - 1] != sorted[index] { count += 1 }
        return count
    }
}
