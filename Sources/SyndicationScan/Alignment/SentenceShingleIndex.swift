import SyndicationEngine

/// One document's character shingles, each once, sorted, with the set of sentences that hold
/// it: built once per document, so that aligning it with each of its candidates is a merge of
/// two sorted arrays rather than an inverted index built and probed per pair.
///
/// Only sentences that seed (not excluded) are indexed, as in ``ShinglePostings``. A shingle
/// that one sentence holds (most of them) keeps that sentence's index; one that several hold
/// keeps a bit set of ``wordsPerShingle`` 64-bit words.
public struct SentenceShingleIndex: Sendable {
    /// Most sentences of an indexed document: bit sets grow with the sentence count, and the
    /// pair counts with the product of two documents' (``sharedCounts(with:)``); longer
    /// documents are aligned through ``ShinglePostings``.
    public static let sentenceLimit = 256

    /// The distinct shingle hashes of the non-excluded sentences, ascending.
    let shingles: [UInt64]
    /// The bit sets of the shingles several sentences hold: set `m` is words
    /// `m * wordsPerShingle ..< (m + 1) * wordsPerShingle`, where bit `s % 64` of word `s / 64`
    /// is set when sentence `s` holds the shingle.
    let sentenceBits: [UInt64]
    /// For shingle `k`, the one sentence that holds it (0 or more), or `-1 - m` when several
    /// do, whose bit set is set `m` of ``sentenceBits``.
    let owners: [Int32]
    /// Bit-set words per shingle: the sentence count over 64, rounded up (at least 1).
    let wordsPerShingle: Int
    /// The profile's sentence count.
    let sentenceCount: Int
    /// The sentence frequencies of the profile's words, for the word weights of each pair
    /// (``WordWeights``), counted here once for all of them.
    let wordFrequencies: SentenceWordFrequencies
    /// The words of each sentence's whole span (`text.tokenRange(in: span).count`), for the
    /// copy words of a pair (``DocumentProfile/proseWords(in:sentenceWords:)``).
    let sentenceWords: [Int32]

    /// The index of `profile`'s non-excluded sentences, or nil when it has more than
    /// ``sentenceLimit`` sentences.
    ///
    /// - Complexity: expected O(*n*) in the number of sentence shingles (a distribution sort,
    ///   as ``SortedHashSet/make(_:)``).
    public init?(_ profile: DocumentProfile) {
        guard profile.sentences.count <= Self.sentenceLimit else { return nil }
        sentenceCount = profile.sentences.count
        wordFrequencies = SentenceWordFrequencies(profile)
        sentenceWords = Self.wordCounts(of: profile)
        let words = max(1, (profile.sentences.count + 63) / 64)
        wordsPerShingle = words
        var total = 0
        for index in profile.sentences.indices where !profile.sentences[index].isExcluded {
            total += profile.sentences[index].shingles.count
        }
        guard total > 0 else {
            shingles = []
            sentenceBits = []
            owners = []
            return
        }
        // Distribution sort of (shingle, sentence) by the shingle's top bits, then insertion
        // sort within each bucket; equal shingles end up next to each other.
        let bits = Swift.min(16, Swift.max(1, (Int.bitWidth - total.leadingZeroBitCount) - 1))
        let shift = UInt64(64 - bits)
        let bucketCount = 1 << bits
        var distinct: [UInt64] = []
        var masks: [UInt64] = []
        var single: [Int32] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: bucketCount + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: total) { hashes in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: total) { owners in
                    starts.initialize(repeating: 0)
                    for index in profile.sentences.indices where !profile.sentences[index].isExcluded {
                        profile.sentences[index].shingles.withUnsafeBufferPointer { shingles in
                            for hash in shingles { starts[Int(truncatingIfNeeded: hash >> shift) &+ 1] &+= 1 }
                        }
                    }
                    for bucket in 0..<bucketCount { starts[bucket &+ 1] &+= starts[bucket] }
                    for index in profile.sentences.indices where !profile.sentences[index].isExcluded {
                        let owner = Int32(truncatingIfNeeded: index)
                        profile.sentences[index].shingles.withUnsafeBufferPointer { shingles in
                            for hash in shingles {
                                let bucket = Int(truncatingIfNeeded: hash >> shift)
                                let slot = starts[bucket]
                                hashes[slot] = hash
                                owners[slot] = owner
                                starts[bucket] = slot &+ 1
                            }
                        }
                    }
                    // `starts[b]` is now the end of bucket b, which is where bucket b + 1 starts.
                    var start = 0
                    for bucket in 0..<bucketCount {
                        let end = starts[bucket]
                        if end &- start > 1 {
                            for index in (start &+ 1)..<end {
                                let hash = hashes[index], owner = owners[index]
                                var hole = index
                                while hole > start, hashes[hole &- 1] > hash {
                                    hashes[hole] = hashes[hole &- 1]
                                    owners[hole] = owners[hole &- 1]
                                    hole &-= 1
                                }
                                hashes[hole] = hash
                                owners[hole] = owner
                            }
                        }
                        start = end
                    }
                    // Distinct shingles, and those that several sentences hold (a sentence holds
                    // a shingle once, so an entry equal to the one before is another sentence).
                    var distinctCount = 0, sharedCount = 0
                    for index in 0..<total {
                        if index == 0 || hashes[index] != hashes[index &- 1] {
                            distinctCount &+= 1
                        } else if index == 1 || hashes[index &- 1] != hashes[index &- 2] {
                            sharedCount &+= 1
                        }
                    }
                    masks = [UInt64](repeating: 0, count: sharedCount &* words)
                    single = [Int32](unsafeUninitializedCapacity: distinctCount) { single, initializedOwners in
                        distinct = [UInt64](unsafeUninitializedCapacity: distinctCount) { output, initialized in
                            masks.withUnsafeMutableBufferPointer { masks in
                                var write = -1, set = -1
                                for index in 0..<total {
                                    let owner = Int(owners[index])
                                    if index == 0 || hashes[index] != hashes[index &- 1] {
                                        write &+= 1
                                        output[write] = hashes[index]
                                        single[write] = Int32(truncatingIfNeeded: owner)
                                        continue
                                    }
                                    if single[write] >= 0 {
                                        // A second sentence: the shingle gets a bit set, with the first.
                                        set &+= 1
                                        let first = Int(single[write])
                                        masks[set &* words &+ first >> 6] |= 1 << UInt64(first & 63)
                                        single[write] = Int32(truncatingIfNeeded: -1 &- set)
                                    }
                                    masks[set &* words &+ owner >> 6] |= 1 << UInt64(owner & 63)
                                }
                            }
                            initialized = distinctCount
                        }
                        initializedOwners = distinctCount
                    }
                }
            }
        }
        shingles = distinct
        sentenceBits = masks
        self.owners = single
    }

    /// `text.tokenRange(in: sentence.span).count` for each sentence of `profile`, found by one
    /// walk over the tokens while sentences start and end in text order (as they do), by the
    /// search itself for a sentence out of that order.
    ///
    /// - Complexity: O(tokens + sentences) for sentences in text order.
    static func wordCounts(of profile: DocumentProfile) -> [Int32] {
        let text = profile.text
        return text.tokens.withUnsafeBufferPointer { tokens in
            var lower = 0, previous = TextSpan(start: 0, end: 0)
            return profile.sentences.indices.map { index in
                let span = profile.sentences[index].span
                guard span.start >= previous.start, span.end >= previous.end else {
                    return Int32(truncatingIfNeeded: text.tokenRange(in: span).count)
                }
                previous = span
                // The first token ending after the start, then the first from there starting
                // at or after the end: `tokenRange(in:)`'s two searches, walked.
                while lower < tokens.count, Int(tokens[lower].end) <= span.start { lower &+= 1 }
                var upper = lower
                while upper < tokens.count, Int(tokens[upper].start) < span.end { upper &+= 1 }
                return Int32(truncatingIfNeeded: upper &- lower)
            }
        }
    }

    /// The number of character shingles each sentence pair shares: entry `i * b.sentenceCount
    /// + j` is |shingles of sentence i of this document ∩ shingles of sentence j of `b`|, for
    /// non-excluded sentences (0 elsewhere).
    ///
    /// - Complexity: O(*m* + *n* + shared postings + sentences²), a merge of the two sorted arrays.
    func sharedCounts(with b: SentenceShingleIndex) -> [Int32] {
        let columns = b.sentenceCount
        var counts = [Int32](repeating: 0, count: sentenceCount * columns)
        let wordsA = wordsPerShingle, wordsB = b.wordsPerShingle
        shingles.withUnsafeBufferPointer { left in
            b.shingles.withUnsafeBufferPointer { right in
                sentenceBits.withUnsafeBufferPointer { bitsA in
                    b.sentenceBits.withUnsafeBufferPointer { bitsB in
                      owners.withUnsafeBufferPointer { ownersA in
                        b.owners.withUnsafeBufferPointer { ownersB in
                          counts.withUnsafeMutableBufferPointer { counts in
                            var i = 0, j = 0
                            while i < left.count && j < right.count {
                                let x = left[i], y = right[j]
                                // Branch-free steps: which side advances is a coin toss.
                                guard x == y else {
                                    i &+= x < y ? 1 : 0
                                    j &+= y < x ? 1 : 0
                                    continue
                                }
                                let ownerA = Int(ownersA[i]), ownerB = Int(ownersB[j])
                                if ownerA >= 0 && ownerB >= 0 {
                                    // One sentence on each side: one pair to count.
                                    counts[ownerA &* columns &+ ownerB] &+= 1
                                } else if ownerA >= 0 {
                                    Self.countRow(ownerA &* columns, ownerB, bitsB, words: wordsB, into: counts)
                                } else {
                                    let base = (-1 &- ownerA) &* wordsA
                                    for wordA in 0..<wordsA {
                                        var maskA = bitsA[base &+ wordA]
                                        while maskA != 0 {
                                            let row = wordA << 6 | maskA.trailingZeroBitCount
                                            Self.countRow(row &* columns, ownerB, bitsB, words: wordsB, into: counts)
                                            maskA &= maskA &- 1
                                        }
                                    }
                                }
                                i &+= 1
                                j &+= 1
                            }
                          }
                        }
                      }
                    }
                }
            }
        }
        return counts
    }
}

extension SentenceShingleIndex {
    /// Adds one to the counts of row `start` (of the pair counts) for each sentence that holds
    /// a shingle whose ``owners`` entry is `owner` (its bit sets `bits`, of `words` words).
    @inline(__always)
    static func countRow(
        _ start: Int, _ owner: Int, _ bits: UnsafeBufferPointer<UInt64>, words: Int, into counts: UnsafeMutableBufferPointer<Int32>
    ) {
        guard owner < 0 else {
            counts[start &+ owner] &+= 1
            return
        }
        let base = (-1 &- owner) &* words
        for word in 0..<words {
            var mask = bits[base &+ word]
            while mask != 0 {
                counts[start &+ (word << 6 | mask.trailingZeroBitCount)] &+= 1
                mask &= mask &- 1
            }
        }
    }
}

extension PassageAligner {
    /// ``align(_:_:)`` with the seeds found through the two documents' shingle indexes (when
    /// both have one, for these profiles): the same passages, by construction (the same seeds
    /// and near misses, in the same order, go through the same steps), at less cost.
    public func align(
        _ a: DocumentProfile, _ b: DocumentProfile, indexes: (SentenceShingleIndex?, SentenceShingleIndex?)
    ) -> [AlignedPassage] {
        guard let indexA = indexes.0, let indexB = indexes.1,
              indexA.sentenceCount == a.sentences.count, indexB.sentenceCount == b.sentences.count
        else { return align(a, b) }
        return aligned(seeding(a, b, indexes: (indexA, indexB)), a, b, indexes: ShingleIndexes(a: indexA, b: indexB))
    }

    /// ``seeding(_:_:)`` from the shared-shingle counts of the two indexes: for each sentence
    /// of `a` in order, the sentences of `b` it shares a shingle with, in order, each judged by
    /// ``judge(_:_:_:_:shared:weights:seeds:nearMisses:)`` exactly as there.
    func seeding(
        _ a: DocumentProfile, _ b: DocumentProfile, indexes: (SentenceShingleIndex, SentenceShingleIndex)
    ) -> (seeds: [Seed], nearMisses: [(Int, Int, Int)], weights: LazyWordWeights) {
        let counts = indexes.0.sharedCounts(with: indexes.1)
        let weights = LazyWordWeights(frequencies: (indexes.0.wordFrequencies, indexes.1.wordFrequencies))
        let columns = b.sentences.count
        var result: [Seed] = []
        var candidates: [(Int, Int, Int)] = []
        // Sentences are read in place: copying one retains each of its arrays.
        a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                let shingleCountsB = sentencesB.indices.map { sentencesB[$0].shingles.count }
                counts.withUnsafeBufferPointer { counts in
                    for i in sentencesA.indices where !sentencesA[i].isExcluded {
                        let row = i &* columns
                        let leftCount = sentencesA[i].shingles.count
                        for j in 0..<columns where counts[row &+ j] > 0
                            && !isChance(shared: Int(counts[row &+ j]), leftCount, shingleCountsB[j]) {
                            judge(
                                i, sentencesA.baseAddress! + i, j, sentencesB.baseAddress! + j, shared: Int(counts[row &+ j]),
                                weights: weights, seeds: &result, nearMisses: &candidates)
                        }
                    }
                }
            }
        }
        return (result, candidates, weights)
    }
}

extension PassageAligner {
    /// Whether two sentences with `leftCount` and `rightCount` character shingles, `shared` of
    /// them in common, are too far apart to matter to ``judge(_:_:_:_:shared:weights:seeds:nearMisses:)``
    /// whatever else they hold: less than a tenth of the smaller set shared (so neither a
    /// near miss nor a word seed, which asks a sixth) and a Jaccard below half of
    /// ``seedThreshold`` (below every bar a character-shingle seed must clear). Most sentence
    /// pairs that share a shingle share a common phrase and nothing else; skipping them saves
    /// judging, and copying, each.
    @inline(__always)
    func isChance(shared: Int, _ leftCount: Int, _ rightCount: Int) -> Bool {
        guard 10 * shared < min(leftCount, rightCount) else { return false }
        let union = leftCount + rightCount - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        return jaccard < seedThreshold / 2
    }
}
