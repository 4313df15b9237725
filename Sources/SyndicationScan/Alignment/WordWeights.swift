import Foundation
import SyndicationEngine

/// Inverse sentence frequency of words over the sentences of two documents, for the tf-isf
/// cosine that Sanchez-Perez, Sidorov & Gelbukh (2014) seed their alignments with.
///
/// A word that stands in most sentences (`the`, `said`) weighs little; a name that stands in
/// two weighs much. Sentences are sets of words here (binary term frequency). A word's weight
/// is `log(N / n) + 0.1`, with `N` the two documents' seeding sentences and `n` those that
/// hold the word (0.1 for a word in none); `n` is the sum of the two documents'
/// ``SentenceWordFrequencies``, each counted once per document rather than once per pair.
final class WordWeights {
    private let a: SentenceWordFrequencies
    private let b: SentenceWordFrequencies
    private let total: Double
    /// The weight of a word by its sentence frequency, computed on first use (negative until
    /// then): a pair's words take few distinct frequencies, and a logarithm costs more than
    /// the lookup. Owned memory rather than an array, so that filling it in needs no
    /// exclusive access to the object.
    private let byCount: UnsafeMutableBufferPointer<Double>
    /// The weights of each sentence's words, in word order, filled in per sentence on first
    /// use: a sentence is compared with several of the other document's (seeds, paragraph
    /// links, edge growth), and reading a weight costs less than looking it up in two tables.
    private let sentenceWeightsA: SentenceWeightCache
    private let sentenceWeightsB: SentenceWeightCache

    /// The weights of the words of two documents, from their frequency tables.
    init(_ a: SentenceWordFrequencies, _ b: SentenceWordFrequencies) {
        self.a = a
        self.b = b
        total = Double(max(a.sentenceCount + b.sentenceCount, 1))
        byCount = .allocate(capacity: a.sentenceCount + b.sentenceCount + 1)
        byCount.initialize(repeating: -1)
        sentenceWeightsA = SentenceWeightCache(a.wordStarts)
        sentenceWeightsB = SentenceWeightCache(b.wordStarts)
    }

    deinit {
        byCount.deallocate()
        sentenceWeightsA.deallocate()
        sentenceWeightsB.deallocate()
    }

    /// The weights of the words of two documents.
    convenience init(_ a: DocumentProfile, _ b: DocumentProfile) {
        self.init(SentenceWordFrequencies(a), SentenceWordFrequencies(b))
    }

    @inline(__always)
    func weight(_ word: UInt64) -> Double {
        weight(count: a.count(of: word) + b.count(of: word))
    }

    /// The weight of a word that `count` sentences of the two documents hold.
    @inline(__always)
    func weight(count: Int) -> Double {
        guard count > 0 else { return 0.1 }
        // A word stands in at most every sentence of the two documents.
        let known = byCount[count]
        if known >= 0 { return known }
        let weight = log(total / Double(count)) + 0.1
        byCount[count] = weight
        return weight
    }

    /// The weights of the words of sentence `index` of the first document, whose words are
    /// `words` (that sentence's ``DocumentProfile/Sentence/words``), in their order, with
    /// their sums.
    @inline(__always)
    func weightsOfA(sentence index: Int, _ words: [UInt64]) -> SentenceWeights {
        words.withUnsafeBufferPointer { weightsOfA(sentence: index, $0) }
    }

    /// ``weightsOfA(sentence:_:)`` of words read in place.
    @inline(__always)
    func weightsOfA(sentence index: Int, _ words: UnsafeBufferPointer<UInt64>) -> SentenceWeights {
        // A word's count in its own document is read beside it, so only the other's is
        // looked up: the same sum of counts, so the same weight.
        a.ownCounts.withUnsafeBufferPointer { own in
            sentenceWeightsA.weights(of: index, words) { place, word in
                weight(count: Int(own[place]) &+ b.count(of: word))
            }
        }
    }

    /// ``weightsOfA(sentence:_:)`` for a sentence of the second document.
    @inline(__always)
    func weightsOfB(sentence index: Int, _ words: [UInt64]) -> SentenceWeights {
        words.withUnsafeBufferPointer { weightsOfB(sentence: index, $0) }
    }

    /// ``weightsOfB(sentence:_:)`` of words read in place.
    @inline(__always)
    func weightsOfB(sentence index: Int, _ words: UnsafeBufferPointer<UInt64>) -> SentenceWeights {
        b.ownCounts.withUnsafeBufferPointer { own in
            sentenceWeightsB.weights(of: index, words) { place, word in
                weight(count: a.count(of: word) &+ Int(own[place]))
            }
        }
    }

    /// ``similarity(_:_:)`` of sentence `i` of the first document and sentence `j` of the
    /// second (their words `left` and `right`), with the weights read from the sentences'
    /// cached weights: the same weights, so the same sums in the same order.
    func similarity(a i: Int, _ left: [UInt64], b j: Int, _ right: [UInt64]) -> (cosine: Double, dice: Double) {
        similarity(left, weightsOfA(sentence: i, left), right, weightsOfB(sentence: j, right))
    }

    /// ``similarity(a:_:b:_:)`` of sentence `i` of the first document and sentence `j` of the
    /// second, their words read in place (passing a sentence's words by value retains them).
    @inline(__always)
    func similarity(
        a i: Int, _ left: UnsafePointer<DocumentProfile.Sentence>, b j: Int, _ right: UnsafePointer<DocumentProfile.Sentence>
    ) -> (cosine: Double, dice: Double) {
        left.pointee.words.withUnsafeBufferPointer { left in
            right.pointee.words.withUnsafeBufferPointer { right in
                similarity(left, weightsOfA(sentence: i, left), right, weightsOfB(sentence: j, right))
            }
        }
    }

    /// ``similarity(_:_:)`` of two sorted word sets whose weights, word by word, and their
    /// sums are `leftWeights` and `rightWeights` (from ``weightsOfA(sentence:_:)`` or
    /// ``weightsOfB(sentence:_:)``).
    ///
    /// The merge of ``similarity(_:_:)`` adds each word's weight (and its square) to its side's
    /// sums in word order, a shared word's to both: the sums a sentence's own weights make in
    /// their order (a word weighs the same on both sides), which its cache holds. Only the
    /// shared words' sums are left to the merge, in the same order.
    func similarity(
        _ left: [UInt64], _ leftWeights: SentenceWeights, _ right: [UInt64], _ rightWeights: SentenceWeights
    ) -> (cosine: Double, dice: Double) {
        left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                similarity(left, leftWeights, right, rightWeights)
            }
        }
    }

    /// ``similarity(_:_:_:_:)`` of word sets read in place.
    @inline(__always)
    func similarity(
        _ left: UnsafeBufferPointer<UInt64>, _ leftWeights: SentenceWeights,
        _ right: UnsafeBufferPointer<UInt64>, _ rightWeights: SentenceWeights
    ) -> (cosine: Double, dice: Double) {
        var shared = 0.0, sharedSum = 0.0
        let weights = leftWeights.weights
        let leftCount = left.count, rightCount = right.count
        var i = 0, j = 0
        while i < leftCount && j < rightCount {
            let x = left[i], y = right[j]
            if x == y {
                let w = weights[i]
                shared += w * w
                sharedSum += w
            }
            // The smaller word moves on (both, when they are the same), without a
            // branch on their order.
            i &+= x <= y ? 1 : 0
            j &+= x >= y ? 1 : 0
        }
        guard leftWeights.squares > 0, rightWeights.squares > 0 else { return (0, 0) }
        return (Self.cosine(shared: shared, leftWeights, rightWeights), 2 * sharedSum / (leftWeights.sum + rightWeights.sum))
    }

    /// Sets `shared[j]`, for each sentence `j` of the other document that `postings` (of its
    /// words) index, to the sum of the squared weights of the words it shares with `words`
    /// (whose weights are `weights`), added in word order: the numerator of their cosine
    /// exactly as ``similarity(_:_:_:_:)``'s merge adds it. Sentences that share no word are
    /// set to 0.
    ///
    /// - Complexity: O(*w* + postings of the words), for *w* words, plus the length of `shared`.
    static func sharedWeights(
        _ words: [UInt64], _ weights: SentenceWeights, in postings: ShinglePostings, into shared: inout [Double]
    ) {
        shared.withUnsafeMutableBufferPointer { shared in
            shared.update(repeating: 0)
            words.withUnsafeBufferPointer { words in
                for k in words.indices {
                    let w = weights.weights[k]
                    postings.forEachSentence(holding: words[k]) { j in shared[j] += w * w }
                }
            }
        }
    }

    /// The tf-isf cosine of two sentences that share words of squared weights summing to
    /// `shared` (``sharedWeights(_:_:in:into:)``), with their weights `left` and `right`:
    /// ``similarity(_:_:_:_:)``'s cosine, by the same arithmetic.
    @inline(__always)
    static func cosine(shared: Double, _ left: SentenceWeights, _ right: SentenceWeights) -> Double {
        let leftNorm = left.squares, rightNorm = right.squares
        guard leftNorm > 0, rightNorm > 0 else { return 0 }
        return shared / (leftNorm.squareRoot() * rightNorm.squareRoot())
    }

    /// The tf-isf cosine and the weighted Dice coefficient of two sorted word sets.
    func similarity(_ left: [UInt64], _ right: [UInt64]) -> (cosine: Double, dice: Double) {
        Self.merged(left, right, leftWeight: { weight(left[$0]) }, rightWeight: { weight(right[$0]) })
    }

    /// The cosine and weighted Dice coefficient of two sorted word sets, by one merge of the
    /// two, with the weight of the word at each index given by `leftWeight` and `rightWeight`
    /// (inlined into each caller, so the closures cost nothing).
    @inline(__always)
    private static func merged(
        _ left: [UInt64], _ right: [UInt64], leftWeight: (Int) -> Double, rightWeight: (Int) -> Double
    ) -> (cosine: Double, dice: Double) {
        var shared = 0.0, leftNorm = 0.0, rightNorm = 0.0, leftSum = 0.0, rightSum = 0.0
        // Weighted Dice over the same weights: twice the shared weight over both sums.
        var sharedSum = 0.0
        left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                var i = 0, j = 0
                while i < left.count || j < right.count {
                    if j >= right.count || (i < left.count && left[i] < right[j]) {
                        let w = leftWeight(i); leftNorm += w * w; leftSum += w; i &+= 1
                    } else if i >= left.count || right[j] < left[i] {
                        let w = rightWeight(j); rightNorm += w * w; rightSum += w; j &+= 1
                    } else {
                        let w = leftWeight(i)
                        shared += w * w; leftNorm += w * w; rightNorm += w * w
                        leftSum += w; rightSum += w
                        sharedSum += w
                        i &+= 1; j &+= 1
                    }
                }
            }
        }
        guard leftNorm > 0, rightNorm > 0 else { return (0, 0) }
        return (shared / (leftNorm.squareRoot() * rightNorm.squareRoot()), 2 * sharedSum / (leftSum + rightSum))
    }
}

/// In how many of one document's seeding (not excluded) sentences each word stands: one
/// document's share of ``WordWeights``, built once per document so that the weights of a pair
/// need no table of their own.
///
/// Word hashes are already uniformly distributed, so the table uses their top bits as the
/// slot directly (``HashSlots/home(of:shift:)``; open addressing, linear probing).
struct SentenceWordFrequencies: Sendable {
    /// Slot keys; meaningful where ``counts`` is not 0.
    private var keys: [UInt64]
    /// Sentences holding the slot's word; 0 marks an empty slot.
    private var counts: [Int32]
    private let mask: Int
    /// The shift of a word to its home slot (``HashSlots/shift(for:)``).
    private let shift: Int
    /// The document's seeding sentences.
    let sentenceCount: Int
    /// Where each sentence's words start in the words of all sentences in order (excluded
    /// ones too), and their total last: the layout of ``WordWeights``' per-sentence weights.
    let wordStarts: [Int32]
    /// For each word of each sentence (excluded ones too), in the layout of ``wordStarts``,
    /// ``count(of:)`` of it: a pair's weights then look up only the other document's count.
    let ownCounts: [Int32]

    /// The frequencies of the words of `profile`'s non-excluded sentences.
    ///
    /// - Complexity: O(*n*) expected in the words of those sentences.
    init(_ profile: DocumentProfile) {
        var total = 0, sentences = 0
        for index in profile.sentences.indices where !profile.sentences[index].isExcluded {
            total += profile.sentences[index].words.count
            sentences += 1
        }
        sentenceCount = sentences
        var starts = [Int32](repeating: 0, count: profile.sentences.count + 1)
        for index in profile.sentences.indices {
            starts[index + 1] = starts[index] &+ Int32(truncatingIfNeeded: profile.sentences[index].words.count)
        }
        wordStarts = starts
        // Sparse, counting each word once per sentence (fewer distinct); a long document's
        // table at most three quarters full.
        let capacity = HashSlots.sparseCapacity(for: total, beyond: 3, 4)
        let mask = capacity - 1
        self.mask = mask
        let shift = HashSlots.shift(for: capacity)
        self.shift = shift
        // A key is read only where its count is not 0, so keys start unwritten.
        var keys = [UInt64](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
        var counts = [Int32](repeating: 0, count: capacity)
        let wordTotal = Int(starts[profile.sentences.count])
        // Each counted word's slot first (a word keeps its slot: nothing is removed), its
        // count read there once all are counted.
        var own = [Int32](unsafeUninitializedCapacity: wordTotal) { _, initialized in initialized = wordTotal }
        keys.withUnsafeMutableBufferPointer { keyBuffer in
          counts.withUnsafeMutableBufferPointer { countBuffer in
            own.withUnsafeMutableBufferPointer { ownBuffer in
              // Sentences and words are read in place: copying one retains each of its arrays.
              profile.sentences.withUnsafeBufferPointer { sentences in
                let keys = keyBuffer.baseAddress!, counts = countBuffer.baseAddress!, own = ownBuffer.baseAddress!
                var place = 0
                for index in sentences.indices {
                    let excluded = sentences[index].isExcluded
                    sentences[index].words.withUnsafeBufferPointer { words in
                        if !excluded {
                            for word in words {
                                var slot = HashSlots.home(of: word, shift: shift)
                                while counts[slot] != 0 && keys[slot] != word { slot = (slot &+ 1) & mask }
                                keys[slot] = word
                                counts[slot] &+= 1
                                own[place] = Int32(truncatingIfNeeded: slot)
                                place &+= 1
                            }
                        } else {
                            place &+= words.count
                        }
                    }
                }
                place = 0
                for index in sentences.indices {
                    let excluded = sentences[index].isExcluded
                    sentences[index].words.withUnsafeBufferPointer { words in
                        if excluded {
                            // Not counted: looked up once all others are.
                            for word in words {
                                var slot = HashSlots.home(of: word, shift: shift)
                                while counts[slot] != 0 && keys[slot] != word { slot = (slot &+ 1) & mask }
                                own[place] = counts[slot]
                                place &+= 1
                            }
                        } else {
                            for _ in 0..<words.count {
                                own[place] = counts[Int(own[place])]
                                place &+= 1
                            }
                        }
                    }
                }
              }
            }
          }
        }
        self.keys = keys
        self.counts = counts
        ownCounts = own
    }

    /// The number of seeding sentences that hold `word`.
    @inline(__always)
    func count(of word: UInt64) -> Int {
        var slot = HashSlots.home(of: word, shift: shift)
        while true {
            let count = counts[slot]
            if count == 0 { return 0 }
            if keys[slot] == word { return Int(count) }
            slot = (slot &+ 1) & mask
        }
    }
}

/// ``WordWeights`` built on first use: most sentence pairs are settled by character shingles,
/// and most document pairs never need word weights at all. Given the documents' frequency
/// tables (``SentenceShingleIndex/wordFrequencies``), building them costs nothing per pair.
final class LazyWordWeights {
    /// The documents to build the weights from, until they are built.
    private var profiles: (DocumentProfile, DocumentProfile)?
    private var built: WordWeights?

    init(_ a: DocumentProfile, _ b: DocumentProfile) {
        profiles = (a, b)
    }

    init(frequencies: (SentenceWordFrequencies, SentenceWordFrequencies)) {
        built = WordWeights(frequencies.0, frequencies.1)
    }

    /// The weights, built now if they were not yet. (Read once per word check: the check of
    /// a built value is inlined, the building is not.)
    @inline(__always)
    var value: WordWeights {
        if let built { return built }
        return build()
    }

    @inline(never)
    private func build() -> WordWeights {
        let weights = WordWeights(profiles!.0, profiles!.1)
        built = weights
        profiles = nil
        return weights
    }
}

/// The word weights of one sentence for one pair (``WordWeights/weightsOfA(sentence:_:)``):
/// each word's, in word order, and the sums of their squares and of themselves, added in
/// that order.
struct SentenceWeights {
    /// The weight of each word.
    let weights: UnsafePointer<Double>
    /// The sum of the squared weights, in word order.
    let squares: Double
    /// The sum of the weights, in word order.
    let sum: Double

    /// Writes the weights of `count` words (`weight(k)` for the word at `k`) to `output`, in
    /// word order, and returns the sums of their squares and of themselves, added in that
    /// order: the sums a merge of two word sets makes (``WordWeights/similarity(_:_:)``), so
    /// that similarities from kept weights equal the merge's bit for bit.
    @inline(__always)
    static func fill(
        _ output: UnsafeMutablePointer<Double>, count: Int, _ weight: (Int) -> Double
    ) -> (squares: Double, sum: Double) {
        var squares = 0.0, sum = 0.0
        for k in 0..<count {
            let w = weight(k)
            output[k] = w
            squares += w * w
            sum += w
        }
        return (squares, sum)
    }
}

/// Per-sentence word weights of one document for one pair (see ``WordWeights``): one block of
/// all sentences' words, laid out by ``SentenceWordFrequencies/wordStarts``, each sentence's
/// part written on first use, with its sums. Owned memory, so that filling it in needs no
/// exclusive access.
struct SentenceWeightCache {
    /// ``SentenceWordFrequencies/wordStarts``: held, not copied.
    private let starts: [Int32]
    /// The weights of all sentences' words, in the layout of ``starts``.
    private let weights: UnsafeMutablePointer<Double>
    /// Per sentence: the sum of its squared weights, then the sum of its weights; a negative
    /// sum of squares (never one of weights, which are positive) until the sentence is filled
    /// in. Part of the block of ``weights``: one allocation per document and pair.
    private let sums: UnsafeMutablePointer<Double>

    init(_ wordStarts: [Int32]) {
        starts = wordStarts
        let sentences = max(wordStarts.count - 1, 0)
        let words = Int(wordStarts.last ?? 0)
        // Weights are written before read: a sentence's part is read only once it is filled.
        weights = .allocate(capacity: words + 2 * sentences)
        sums = weights + words
        for index in 0..<sentences { sums[2 &* index] = -1 }
    }

    func deallocate() {
        weights.deallocate()
    }

    /// The weights of sentence `index`'s words `words`, by `weight` (of a word's place among all
    /// sentences' words, and the word), computed on first call.
    @inline(__always)
    func weights(
        of index: Int, _ words: UnsafeBufferPointer<UInt64>, _ weight: (_ place: Int, UInt64) -> Double
    ) -> SentenceWeights {
        let first = Int(starts[index])
        let start = weights + first
        precondition(words.count == Int(starts[index + 1] &- starts[index]), "words of another sentence")
        let sum = sums + 2 &* index
        if sum[0] < 0 {
            (sum[0], sum[1]) = SentenceWeights.fill(start, count: words.count) { k in weight(first &+ k, words[k]) }
        }
        return SentenceWeights(weights: UnsafePointer(start), squares: sum[0], sum: sum[1])
    }
}
