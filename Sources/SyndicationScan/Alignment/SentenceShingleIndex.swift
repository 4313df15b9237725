import SyndicationEngine

/// One document's character shingles, each once, sorted, with the set of sentences that hold
/// it: built once per document, so that aligning it with each of its candidates is a merge of
/// two sorted arrays rather than an inverted index built and probed per pair.
///
/// Only sentences that seed (not excluded) are indexed, as in ``ShinglePostings``. Sentence
/// sets are bit sets of ``wordsPerShingle`` 64-bit words each.
public struct SentenceShingleIndex: Sendable {
    /// Most sentences of an indexed document: bit sets grow with the sentence count, and the
    /// pair counts with the product of two documents' (``sharedCounts(with:)``); longer
    /// documents are aligned through ``ShinglePostings``.
    public static let sentenceLimit = 256

    /// The distinct shingle hashes of the non-excluded sentences, ascending.
    let shingles: [UInt64]
    /// For shingle `k`, words `k * wordsPerShingle ..< (k + 1) * wordsPerShingle`: bit `s % 64`
    /// of word `s / 64` is set when sentence `s` holds it.
    let sentenceBits: [UInt64]
    /// Bit-set words per shingle: the sentence count over 64, rounded up (at least 1).
    let wordsPerShingle: Int
    /// The profile's sentence count.
    let sentenceCount: Int
    /// The sentence frequencies of the profile's words, for the word weights of each pair
    /// (``WordWeights``), counted here once for all of them.
    let wordFrequencies: SentenceWordFrequencies

    /// The index of `profile`'s non-excluded sentences, or nil when it has more than
    /// ``sentenceLimit`` sentences.
    ///
    /// - Complexity: expected O(*n*) in the number of sentence shingles (a distribution sort,
    ///   as ``SortedHashSet/make(_:)``).
    public init?(_ profile: DocumentProfile) {
        guard profile.sentences.count <= Self.sentenceLimit else { return nil }
        sentenceCount = profile.sentences.count
        wordFrequencies = SentenceWordFrequencies(profile)
        let words = max(1, (profile.sentences.count + 63) / 64)
        wordsPerShingle = words
        var total = 0
        for sentence in profile.sentences where !sentence.isExcluded { total += sentence.shingles.count }
        guard total > 0 else {
            shingles = []
            sentenceBits = []
            return
        }
        // Distribution sort of (shingle, sentence) by the shingle's top bits, then insertion
        // sort within each bucket; equal shingles end up next to each other.
        let bits = Swift.min(16, Swift.max(1, (Int.bitWidth - total.leadingZeroBitCount) - 1))
        let shift = UInt64(64 - bits)
        let bucketCount = 1 << bits
        var distinct: [UInt64] = []
        var masks: [UInt64] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: bucketCount + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: total) { hashes in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: total) { owners in
                    starts.initialize(repeating: 0)
                    for sentence in profile.sentences where !sentence.isExcluded {
                        sentence.shingles.withUnsafeBufferPointer { shingles in
                            for hash in shingles { starts[Int(truncatingIfNeeded: hash >> shift) &+ 1] &+= 1 }
                        }
                    }
                    for bucket in 0..<bucketCount { starts[bucket &+ 1] &+= starts[bucket] }
                    for (index, sentence) in profile.sentences.enumerated() where !sentence.isExcluded {
                        let owner = Int32(truncatingIfNeeded: index)
                        sentence.shingles.withUnsafeBufferPointer { shingles in
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
                    var distinctCount = 0
                    for index in 0..<total where index == 0 || hashes[index] != hashes[index &- 1] { distinctCount &+= 1 }
                    masks = [UInt64](repeating: 0, count: distinctCount &* words)
                    distinct = [UInt64](unsafeUninitializedCapacity: distinctCount) { output, initialized in
                        masks.withUnsafeMutableBufferPointer { masks in
                            var write = -1
                            for index in 0..<total {
                                if index == 0 || hashes[index] != hashes[index &- 1] {
                                    write &+= 1
                                    output[write] = hashes[index]
                                }
                                let owner = Int(owners[index])
                                masks[write &* words &+ owner >> 6] |= 1 << UInt64(owner & 63)
                            }
                        }
                        initialized = distinctCount
                    }
                }
            }
        }
        shingles = distinct
        sentenceBits = masks
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
                                for wordA in 0..<wordsA {
                                    var maskA = bitsA[i &* wordsA &+ wordA]
                                    while maskA != 0 {
                                        let row = (wordA << 6 | maskA.trailingZeroBitCount) &* columns
                                        maskA &= maskA &- 1
                                        for wordB in 0..<wordsB {
                                            var maskB = bitsB[j &* wordsB &+ wordB]
                                            while maskB != 0 {
                                                counts[row &+ (wordB << 6 | maskB.trailingZeroBitCount)] &+= 1
                                                maskB &= maskB &- 1
                                            }
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
        return counts
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
        return aligned(seeding(a, b, indexes: (indexA, indexB)), a, b)
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
        let shingleCountsB = b.sentences.map { $0.shingles.count }
        // Sentences are borrowed in place: copying one retains each of its arrays.
        a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                counts.withUnsafeBufferPointer { counts in
                    for i in sentencesA.indices where !sentencesA[i].isExcluded {
                        let row = i &* columns
                        let leftCount = sentencesA[i].shingles.count
                        for j in 0..<columns where counts[row &+ j] > 0
                            && !isChance(shared: Int(counts[row &+ j]), leftCount, shingleCountsB[j]) {
                            judge(
                                i, sentencesA[i], j, sentencesB[j], shared: Int(counts[row &+ j]), weights: weights,
                                seeds: &result, nearMisses: &candidates)
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
