import SyndicationEngine

/// A few consecutive sentences of one document taken as one bag of words, for a window seed
/// (``PassageAligner/windowSeeds(_:existing:_:_:weights:)``): their distinct words, sorted,
/// with each word's weight for the pair and the sums of those weights and of their squares,
/// added in word order, as ``SentenceWeights`` holds a sentence's. A window is compared with
/// several of the other document's, and its weights are looked up once for all of them.
struct SentenceWindow {
    /// The sorted distinct words of the window's sentences.
    let words: [UInt64]
    /// The weight of each word, in word order (empty for a window that quotes: it is never
    /// compared).
    let weights: [Double]
    /// The sum of the squared weights, in word order.
    let squares: Double
    /// The sum of the weights, in word order.
    let sum: Double
    /// The words of the window's sentences.
    let wordCount: Int
    /// Whether no sentence of the window quotes anything.
    let isUnquoted: Bool

    /// The window of up to `span` sentences of `profile` from `start`, up to the first excluded
    /// one, weighed by `weights`; nil when it holds fewer than eight words.
    init?(_ profile: DocumentProfile, start: Int, span: Int, weights: LazyWordWeights) {
        var words: [UInt64] = []
        var count = 0
        var unquoted = true
        // Sentences are read in place: copying one retains each of its arrays.
        profile.sentences.withUnsafeBufferPointer { sentences in
            for index in start..<min(sentences.count, start + span) {
                if sentences[index].isExcluded { break }
                words += sentences[index].words
                count += sentences[index].wordCount
                unquoted = unquoted && sentences[index].proseWordCount == sentences[index].wordCount
            }
        }
        guard count >= 8 else { return nil }
        self.words = SortedHashSet.make(words)
        wordCount = count
        isUnquoted = unquoted
        guard unquoted else {
            (self.weights, squares, sum) = ([], 0, 0)
            return
        }
        let weighted = weights.value, distinct = self.words
        var sums = (squares: 0.0, sum: 0.0)
        self.weights = [Double](unsafeUninitializedCapacity: distinct.count) { output, initialized in
            if let start = output.baseAddress {
                sums = SentenceWeights.fill(start, count: distinct.count) { weighted.weight(distinct[$0]) }
            }
            initialized = distinct.count
        }
        (squares, sum) = sums
    }

    /// The tf-isf cosine and weighted Dice coefficient of this window's words and `other`'s
    /// (both unquoted), by the sums ``WordWeights/similarity(_:_:)`` would make.
    func similarity(_ other: SentenceWindow, weights: LazyWordWeights) -> (cosine: Double, dice: Double) {
        // No word on a side: no norm, as the merge finds.
        guard !words.isEmpty, !other.words.isEmpty else { return (0, 0) }
        return words.withUnsafeBufferPointer { left in
            other.words.withUnsafeBufferPointer { right in
                self.weights.withUnsafeBufferPointer { leftWeights in
                    other.weights.withUnsafeBufferPointer { rightWeights in
                        weights.value.similarity(
                            left, SentenceWeights(weights: leftWeights.baseAddress!, squares: squares, sum: sum),
                            right, SentenceWeights(weights: rightWeights.baseAddress!, squares: other.squares, sum: other.sum))
                    }
                }
            }
        }
    }
}
