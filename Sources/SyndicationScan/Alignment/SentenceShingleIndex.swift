import SyndicationEngine

/// One document's character shingles, each once, with the set of sentences that hold it, and
/// a hash table from shingle to its place: built once per document, so that aligning it with
/// each of its candidates probes two tables built once rather than an inverted index built
/// per pair.
///
/// Only sentences that seed (not excluded) are indexed, as in ``ShinglePostings``. A shingle
/// that one sentence holds (most of them) keeps that sentence's index; one that several hold
/// keeps a bit set of ``wordsPerShingle`` 64-bit words.
public struct SentenceShingleIndex: Sendable {
    /// Most sentences of an indexed document: bit sets grow with the sentence count, and the
    /// pair counts with the product of two documents' (``sharedCounts(with:)``); longer
    /// documents are aligned through ``ShinglePostings``.
    public static let sentenceLimit = 256

    /// The distinct shingle hashes of the non-excluded sentences, in the order of their slots
    /// in the table (a shingle's place is its rank among the filled slots): about the order
    /// of the hashes, whose top bits are their home slots.
    let shingles: [UInt64]
    /// The bit sets of sentences that hold a shingle together: set `m` is words
    /// `m * wordsPerShingle ..< (m + 1) * wordsPerShingle`, where bit `s % 64` of word `s / 64`
    /// is set when sentence `s` holds it. Each set of holders stands here once, whatever the
    /// number of shingles it holds (shingles of one word, or of words that always stand
    /// together, are held by the same sentences); a set may also stand here that no shingle
    /// keeps (one its shingles all left for a larger set).
    let sentenceBits: [UInt64]
    /// The sets of ``sentenceBits`` that some shingle keeps, each once, in order: counting
    /// per sentence pair needs each set once, weighted by ``setMultiplicity``.
    let distinctSets: [Int32]
    /// How many shingles keep each of ``distinctSets``.
    let setMultiplicity: [Int32]
    /// For shingle `k`, the one sentence that holds it (0 or more), or `-1 - m` when several
    /// do, whose bit set is set `m` of ``sentenceBits``.
    let owners: [Int32]
    /// The hash table: for each slot, the place in ``shingles`` of the shingle filed there, or
    /// -1. Shingle hashes are uniformly distributed, so a shingle's home slot is its top bits
    /// (``HashSlots/home(of:shift:)``; open addressing, linear probing, sparse:
    /// ``HashSlots/sparseCapacity(for:beyond:_:)``).
    let slots: [Int32]
    /// The slot count less one (a power of two less one).
    let slotMask: Int
    /// The shift of a hash to its home slot (``HashSlots/shift(for:)``).
    let slotShift: Int
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
    /// A shingle met again, in a later sentence, moves to the set of its holders so far and
    /// that sentence. Sentences are read in order, so every shingle that reaches a set of
    /// holders got there by the same steps, one sentence at a time: each set is made once,
    /// from the set (or the one sentence) before it, the first time a sentence extends that,
    /// and the sets of all shingles come out distinct without being compared (hash-consing).
    ///
    /// - Complexity: expected O(*n*) in the number of sentence shingles (one probe each).
    public init?(_ profile: DocumentProfile) {
        guard profile.sentences.count <= Self.sentenceLimit else { return nil }
        self.init(profile, wordFrequencies: SentenceWordFrequencies(profile), sentenceWords: Self.wordCounts(of: profile))
    }

    /// The index of `profile` (at most ``sentenceLimit`` sentences), whose word frequencies
    /// and sentence word counts were made already, by the functions ``init(_:)`` calls.
    init(_ profile: DocumentProfile, wordFrequencies: SentenceWordFrequencies, sentenceWords: [Int32]) {
        let sentenceCount = profile.sentences.count
        self.sentenceCount = sentenceCount
        self.wordFrequencies = wordFrequencies
        self.sentenceWords = sentenceWords
        let words = max(1, (sentenceCount + 63) / 64)
        wordsPerShingle = words
        var total = 0
        for index in profile.sentences.indices where !profile.sentences[index].isExcluded {
            total += profile.sentences[index].shingles.count
        }
        // Sparse, counting a shingle once per sentence that holds it (a quarter of them are
        // repeats); the rare document with more shingles, at most two thirds full.
        let capacity = HashSlots.sparseCapacity(for: total, beyond: 2, 3)
        let mask = capacity - 1
        slotMask = mask
        let shift = HashSlots.shift(for: capacity)
        slotShift = shift
        var distinctTotal = 0
        var table = [Int32](repeating: -1, count: capacity)
        var single: [Int32] = []
        var made: (bits: [UInt64], kept: (sets: [Int32], multiplicity: [Int32])) = ([], ([], []))
        // Which slots are filled, a bit each, set as a shingle is filed: the table is mostly
        // empty, so its places are renumbered by these bits (``slotOrdered(_:_:table:filled:)``),
        // not by a walk of every slot.
        var filled = [UInt64](repeating: 0, count: (capacity &+ 63) &>> 6)
        let distinct = [UInt64](unsafeUninitializedCapacity: total) { keyBuffer, initialized in
          // Each shingle met again, as its place and the sentence that meets it, in the order met.
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 &* Swift.max(1, total)) { repeatBuffer in
            single = [Int32](unsafeUninitializedCapacity: total) { ownerBuffer, initializedOwners in
                var repeatCount = 0
                table.withUnsafeMutableBufferPointer { tableBuffer in
                  filled.withUnsafeMutableBufferPointer { filledBuffer in
                    // Plain pointers, read once: stores through one buffer then need not reload
                    // another's address.
                    let table = tableBuffer.baseAddress!, keys = keyBuffer.baseAddress!
                    let owners = ownerBuffer.baseAddress!, repeats = repeatBuffer.baseAddress!
                    let filled = filledBuffer.baseAddress!
                    // Counted in locals, written back once: a captured variable would be
                    // reloaded after every store through the pointers.
                    var distinctCount = 0, repeated = 0
                    defer {
                        distinctTotal = distinctCount
                        repeatCount = repeated
                    }
                    // Sentences are read in place: copying one retains each of its arrays.
                    profile.sentences.withUnsafeBufferPointer { sentences in
                        for index in sentences.indices where !sentences[index].isExcluded {
                            let owner = Int32(truncatingIfNeeded: index)
                            sentences[index].shingles.withUnsafeBufferPointer { hashes in
                                for hash in hashes {
                                    var slot = HashSlots.home(of: hash, shift: shift)
                                    while true {
                                        let place = Int(table[slot])
                                        if place < 0 {
                                            table[slot] = Int32(truncatingIfNeeded: distinctCount)
                                            filled[slot &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: slot & 63)
                                            keys[distinctCount] = hash
                                            owners[distinctCount] = owner
                                            distinctCount &+= 1
                                            break
                                        }
                                        if keys[place] == hash {
                                            // Another sentence (a sentence holds a shingle once):
                                            // its set of holders is made once all are met.
                                            repeats[repeated &<< 1] = Int32(truncatingIfNeeded: place)
                                            repeats[repeated &<< 1 &+ 1] = owner
                                            repeated &+= 1
                                            break
                                        }
                                        slot = (slot &+ 1) & mask
                                    }
                                }
                            }
                        }
                    }
                  }
                }
                made = HolderSets.sets(
                    of: UnsafeBufferPointer(rebasing: repeatBuffer[0..<(repeatCount &<< 1)]), owners: ownerBuffer.baseAddress!,
                    words: words, sentences: sentenceCount)
                initializedOwners = distinctTotal
            }
          }
          initialized = distinctTotal
        }
        (shingles, owners) = Self.slotOrdered(distinct, single, table: &table, filled: filled)
        sentenceBits = made.bits
        distinctSets = made.kept.sets
        setMultiplicity = made.kept.multiplicity
        slots = table
    }

    /// `keys` and `owners`, the shingles of an index and their owners by place in the order
    /// first met, renumbered in slot order: a shingle's place becomes its rank among the filled
    /// slots of `table` (which `filled` marks, a bit a slot), and `table` is left holding the
    /// new places. Home slots are the hashes' top bits, so this is about the order of the
    /// hashes: a walk of one index's shingles (``sharedCounts(with:)``) then probes another's
    /// table, and reads its places, from start to end, not at random.
    ///
    /// - Complexity: O(*n* + *s* / 64) for *n* shingles in a table of *s* slots.
    private static func slotOrdered(
        _ keys: [UInt64], _ owners: [Int32], table: inout [Int32], filled: [UInt64]
    ) -> (keys: [UInt64], owners: [Int32]) {
        var ordered: (keys: [UInt64], owners: [Int32]) = ([], [])
        ordered.keys = [UInt64](unsafeUninitializedCapacity: keys.count) { keyBuffer, initializedKeys in
            ordered.owners = [Int32](unsafeUninitializedCapacity: keys.count) { ownerBuffer, initializedOwners in
                keys.withUnsafeBufferPointer { keys in
                    owners.withUnsafeBufferPointer { owners in
                        table.withUnsafeMutableBufferPointer { table in
                            var next = 0
                            for (word, bits) in filled.enumerated() {
                                var left = bits
                                while left != 0 {
                                    let slot = word &<< 6 | left.trailingZeroBitCount
                                    let place = Int(table[slot])
                                    keyBuffer[next] = keys[place]
                                    ownerBuffer[next] = owners[place]
                                    table[slot] = Int32(truncatingIfNeeded: next)
                                    next &+= 1
                                    left &= left &- 1
                                }
                            }
                        }
                    }
                }
                initializedOwners = keys.count
            }
            initializedKeys = keys.count
        }
        return ordered
    }

    /// `text.tokenRange(in: sentence.span).count` for each sentence of `profile`: its
    /// ``DocumentProfile/Sentence/spanWordCount``, found as the profile was made.
    static func wordCounts(of profile: DocumentProfile) -> [Int32] {
        profile.sentences.withUnsafeBufferPointer { sentences in
            [Int32](unsafeUninitializedCapacity: sentences.count) { counts, initialized in
                for index in sentences.indices { counts[index] = Int32(truncatingIfNeeded: sentences[index].spanWordCount) }
                initialized = sentences.count
            }
        }
    }

    /// The number of character shingles each sentence pair shares: entry `i * b.sentenceCount
    /// + j` is |shingles of sentence i of this document ∩ shingles of sentence j of `b`|, for
    /// non-excluded sentences (0 elsewhere).
    ///
    /// Each distinct shingle of the document with fewer is looked up in the other's table.
    ///
    /// - Complexity: O(min(*m*, *n*) + shared postings + sentences²) expected.
    func sharedCounts(with b: SentenceShingleIndex) -> [Int32] {
        let columns = b.sentenceCount
        var counts = [Int32](repeating: 0, count: sentenceCount * columns)
        let wordsA = wordsPerShingle, wordsB = b.wordsPerShingle
        let probesB = b.shingles.count >= shingles.count
        // The side whose shingles are walked, and the side whose table is probed.
        let (walked, probed) = probesB ? (self, b) : (b, self)
        walked.shingles.withUnsafeBufferPointer { keys in
          walked.owners.withUnsafeBufferPointer { walkedOwners in
            probed.owners.withUnsafeBufferPointer { probedOwners in
              probed.withLookup { lookup in
                sentenceBits.withUnsafeBufferPointer { bitsA in
                  b.sentenceBits.withUnsafeBufferPointer { bitsB in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for k in keys.indices {
                            let place = lookup.place(of: keys[k])
                            guard place >= 0 else { continue }
                            let ownerA = Int(probesB ? walkedOwners[k] : probedOwners[place])
                            let ownerB = Int(probesB ? probedOwners[place] : walkedOwners[k])
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

    /// Calls `body` with the index's table, read in place.
    @inline(__always)
    func withLookup<Result>(_ body: (ShingleLookup) -> Result) -> Result {
        shingles.withUnsafeBufferPointer { keys in
            slots.withUnsafeBufferPointer { slots in
                body(ShingleLookup(keys: keys, slots: slots, mask: slotMask, shift: slotShift))
            }
        }
    }
}

/// A ``SentenceShingleIndex``'s hash table, read in place.
struct ShingleLookup {
    /// ``SentenceShingleIndex/shingles``.
    let keys: UnsafeBufferPointer<UInt64>
    /// ``SentenceShingleIndex/slots``.
    let slots: UnsafeBufferPointer<Int32>
    /// ``SentenceShingleIndex/slotMask``.
    let mask: Int
    /// ``SentenceShingleIndex/slotShift``.
    let shift: Int

    /// The place of `hash` in ``keys``, or -1 when the index does not hold it.
    @inline(__always)
    func place(of hash: UInt64) -> Int {
        var slot = HashSlots.home(of: hash, shift: shift)
        while true {
            let place = Int(slots[slot])
            if place < 0 || keys[place] == hash { return place }
            slot = (slot &+ 1) & mask
        }
    }
}

extension SentenceShingleIndex {
    /// ``sharedCounts(with:)``, with the rows of sentences of this document that have a twin
    /// in `b` (``SentenceTwins``, for the profiles whose sentences are `sentencesA` and
    /// `sentencesB`) read off `b` itself: a twin of sentence `s` of `b` shares with each
    /// sentence `t` of `b` what `s` does, which is all of `s`'s shingles for `t == s` and,
    /// for any other `t`, one for each shingle that several sentences of `b` hold, both of
    /// them among them (a bit set of ``sentenceBits``). The other rows look each of their
    /// sentence's shingles up in `b`'s table. The same counts; when the sentences without a
    /// twin hold more shingles than this document has distinct ones, the walk of
    /// ``sharedCounts(with:)`` costs less and is taken.
    ///
    /// - Complexity: O(*s* + sentences² + bit sets of `b`) expected, for *s* shingles in
    ///   sentences without a twin.
    func sharedCounts(
        with b: SentenceShingleIndex, twins: SentenceTwins,
        _ sentencesA: UnsafeBufferPointer<DocumentProfile.Sentence>, _ sentencesB: UnsafeBufferPointer<DocumentProfile.Sentence>
    ) -> [Int32] {
        Self.sharedCounts(
            rows: sentenceCount, distinctShingles: { shingles.count }, fallback: { sharedCounts(with: b) },
            with: b, twins: twins, sentencesA, sentencesB)
    }

    /// ``sharedCounts(with:twins:_:_:)`` of a first document of `rows` sentences whose index
    /// is asked for only where it is read: its distinct shingle count (`distinctShingles`) when
    /// some sentence without a twin holds a shingle, and the walk of ``sharedCounts(with:)``
    /// (`fallback`) where that costs less. Rows of twins read `b` alone, and the other rows
    /// look their sentences' shingles up in `b`'s table: where every sentence with shingles
    /// has a twin, the first document's index is never asked for. A nil `distinctShingles`
    /// says the first document's index is not built: building it costs more than looking up
    /// the shingles of its sentences without a twin (all of them, when none has one), so they
    /// are looked up, whatever their number, and the index is never asked for.
    static func sharedCounts(
        rows: Int, distinctShingles: (() -> Int)?, fallback: () -> [Int32],
        with b: SentenceShingleIndex, twins: SentenceTwins,
        _ sentencesA: UnsafeBufferPointer<DocumentProfile.Sentence>, _ sentencesB: UnsafeBufferPointer<DocumentProfile.Sentence>
    ) -> [Int32] {
        let columns = b.sentenceCount
        guard twins.pairedCount > 0 || distinctShingles == nil, twins.ofA.count == rows, twins.ofB.count == columns,
              sentencesA.count == rows, sentencesB.count == columns else { return fallback() }
        if let distinctShingles {
            var unpaired = 0
            twins.ofA.withUnsafeBufferPointer { ofA in
                for i in 0..<rows where ofA[i] < 0 && !sentencesA[i].isExcluded { unpaired &+= sentencesA[i].shingles.count }
            }
            // No shingle left to look up fits under any count (which is never negative).
            guard unpaired == 0 || unpaired <= Swift.min(distinctShingles(), b.shingles.count) else { return fallback() }
        }
        var counts = [Int32](repeating: 0, count: rows * columns)
        let words = b.wordsPerShingle
        twins.ofA.withUnsafeBufferPointer { ofA in
            b.owners.withUnsafeBufferPointer { owners in
              b.sentenceBits.withUnsafeBufferPointer { bits in
                counts.withUnsafeMutableBufferPointer { counts in
                  withUnsafeTemporaryAllocation(of: Int32.self, capacity: columns + rows) { chains in
                    // The twins of each sentence of b, chained: `first[s]`, then `next[i]`.
                    let first = chains.baseAddress!, next = first + columns
                    for s in 0..<columns { first[s] = -1 }
                    for i in stride(from: rows &- 1, through: 0, by: -1) where ofA[i] >= 0 {
                        let s = Int(ofA[i])
                        next[i] = first[s]
                        first[s] = Int32(truncatingIfNeeded: i)
                    }
                    // Shingles several sentences of b hold: each twin of one of them shares
                    // one with each of them. Equal sets are counted once, by their number.
                    b.distinctSets.withUnsafeBufferPointer { distinctSets in
                      b.setMultiplicity.withUnsafeBufferPointer { multiplicity in
                        if words == 1 {
                            // The sentences of b with a twin: only their bits start a row.
                            var twinned: UInt64 = 0
                            for s in 0..<columns where first[s] >= 0 { twinned |= 1 << UInt64(s) }
                            for k in distinctSets.indices {
                                let holders = bits[Int(distinctSets[k])], weight = multiplicity[k]
                                var mask = holders & twinned
                                while mask != 0 {
                                    var i = Int(first[mask.trailingZeroBitCount])
                                    while i >= 0 {
                                        let row = counts.baseAddress! + i &* columns
                                        var others = holders
                                        while others != 0 {
                                            row[others.trailingZeroBitCount] &+= weight
                                            others &= others &- 1
                                        }
                                        i = Int(next[i])
                                    }
                                    mask &= mask &- 1
                                }
                            }
                        } else {
                            for k in distinctSets.indices {
                                let set = Int(distinctSets[k]), weight = multiplicity[k]
                                let base = set &* words
                                for word in 0..<words {
                                    var mask = bits[base &+ word]
                                    while mask != 0 {
                                        var i = Int(first[word << 6 | mask.trailingZeroBitCount])
                                        while i >= 0 {
                                            Self.countRow(i &* columns, -1 &- set, bits, words: words, into: counts, weight: weight)
                                            i = Int(next[i])
                                        }
                                        mask &= mask &- 1
                                    }
                                }
                            }
                        }
                      }
                    }
                    // A sentence shares all its shingles with itself (which the bit sets
                    // counted only in part).
                    for i in 0..<rows where ofA[i] >= 0 {
                        let s = Int(ofA[i])
                        counts[i &* columns &+ s] = Int32(truncatingIfNeeded: sentencesB[s].shingles.count)
                    }
                    // Sentences without a twin: each shingle looked up in b.
                    b.withLookup { lookup in
                        for i in 0..<rows where ofA[i] < 0 && !sentencesA[i].isExcluded {
                            let row = i &* columns
                            sentencesA[i].shingles.withUnsafeBufferPointer { hashes in
                                for hash in hashes {
                                    let place = lookup.place(of: hash)
                                    if place >= 0 { Self.countRow(row, Int(owners[place]), bits, words: words, into: counts) }
                                }
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

    /// Adds `weight` (one shingle, or that many with the same holders) to the counts of row
    /// `start` (of the pair counts) for each sentence that holds a shingle whose ``owners``
    /// entry is `owner` (its bit sets `bits`, of `words` words).
    @inline(__always)
    static func countRow(
        _ start: Int, _ owner: Int, _ bits: UnsafeBufferPointer<UInt64>, words: Int, into counts: UnsafeMutableBufferPointer<Int32>,
        weight: Int32 = 1
    ) {
        guard owner < 0 else {
            counts[start &+ owner] &+= weight
            return
        }
        let base = (-1 &- owner) &* words
        for word in 0..<words {
            var mask = bits[base &+ word]
            while mask != 0 {
                counts[start &+ (word << 6 | mask.trailingZeroBitCount)] &+= weight
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
        align(a, b, deferred: (indexes.0.map(DeferredShingleIndex.init(built:)), indexes.1))
    }

    /// ``align(_:_:indexes:)`` with the first document's index built only if a step needs its
    /// table and bit sets (``DeferredShingleIndex``): the same passages.
    func align(
        _ a: DocumentProfile, _ b: DocumentProfile, deferred indexes: (DeferredShingleIndex?, SentenceShingleIndex?)
    ) -> [AlignedPassage] {
        guard let indexA = indexes.0, let indexB = indexes.1,
              indexA.sentenceCount == a.sentences.count, indexB.sentenceCount == b.sentences.count
        else { return align(a, b) }
        let twins = SentenceTwins(a, b)
        return aligned(
            seeding(a, b, deferred: (indexA, indexB), twins: twins), a, b,
            indexes: ShingleIndexes(deferredA: indexA, b: indexB, twins: twins))
    }

    /// ``seeding(_:_:)`` from the shared-shingle counts of the two indexes: for each sentence
    /// of `a` in order, the sentences of `b` it shares a shingle with, in order, each judged by
    /// ``judge(_:_:_:_:shared:weights:seeds:nearMisses:)`` exactly as there. Given the
    /// sentences' `twins`, the counts are made through them
    /// (``SentenceShingleIndex/sharedCounts(with:twins:_:_:)``).
    func seeding(
        _ a: DocumentProfile, _ b: DocumentProfile, indexes: (SentenceShingleIndex, SentenceShingleIndex),
        twins: SentenceTwins? = nil
    ) -> (seeds: [Seed], nearMisses: [SentencePair], weights: LazyWordWeights) {
        seeding(a, b, deferred: (DeferredShingleIndex(built: indexes.0), indexes.1), twins: twins)
    }

    /// ``seeding(_:_:indexes:twins:)`` with the first document's index built only where the
    /// counts need its table (``SentenceShingleIndex/sharedCounts(rows:distinctShingles:fallback:with:twins:_:_:)``):
    /// given twins, never while it is not built (its sentences' shingles are looked up instead).
    func seeding(
        _ a: DocumentProfile, _ b: DocumentProfile, deferred indexes: (DeferredShingleIndex, SentenceShingleIndex),
        twins: SentenceTwins? = nil
    ) -> (seeds: [Seed], nearMisses: [SentencePair], weights: LazyWordWeights) {
        let (indexA, indexB) = indexes
        let counts = twins.map { twins in
            a.sentences.withUnsafeBufferPointer { sentencesA in
                b.sentences.withUnsafeBufferPointer { sentencesB in
                    SentenceShingleIndex.sharedCounts(
                        rows: indexA.sentenceCount, distinctShingles: indexA.isBuilt ? { indexA.index.shingles.count } : nil,
                        fallback: { indexA.index.sharedCounts(with: indexB) },
                        with: indexB, twins: twins, sentencesA, sentencesB)
                }
            }
        } ?? indexA.index.sharedCounts(with: indexB)
        let weights = LazyWordWeights(frequencies: (indexA.wordFrequencies, indexB.wordFrequencies))
        let columns = b.sentences.count
        var result: [Seed] = []
        var candidates: [SentencePair] = []
        // Room for a seed per sentence of the shorter document (copy mostly pairs sentences
        // one for one), and as many near misses, rather than growing from nothing.
        result.reserveCapacity(Swift.min(a.sentences.count, columns))
        candidates.reserveCapacity(Swift.min(a.sentences.count, columns))
        // Sentences are read in place: copying one retains each of its arrays.
        a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                let shingleCountsB = sentencesB.indices.map { sentencesB[$0].shingles.count }
                // ``isChance(shared:_:_:)``'s second test depends on the threshold alone: read once.
                let belowTenthIsChance = seedThreshold / 2 > 0.053
                counts.withUnsafeBufferPointer { counts in
                    for i in sentencesA.indices where !sentencesA[i].isExcluded {
                        let row = i &* columns
                        let leftCount = sentencesA[i].shingles.count
                        for j in 0..<columns {
                            let shared = Int(counts[row &+ j])
                            guard shared > 0 else { continue }
                            if 10 &* shared < Swift.min(leftCount, shingleCountsB[j])
                                && (belowTenthIsChance || isChance(shared: shared, leftCount, shingleCountsB[j])) { continue }
                            judge(
                                i, sentencesA.baseAddress! + i, j, sentencesB.baseAddress! + j, shared: shared,
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
    ///
    /// Less than a tenth of the smaller set shared is already a Jaccard below 1/19 (the
    /// union then holds more than 1.9 times the smaller set): under the bar, without a
    /// division, whenever half of ``seedThreshold`` lies above that.
    @inline(__always)
    func isChance(shared: Int, _ leftCount: Int, _ rightCount: Int) -> Bool {
        guard 10 * shared < min(leftCount, rightCount) else { return false }
        if seedThreshold / 2 > 0.053 { return true }
        let union = leftCount + rightCount - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        return jaccard < seedThreshold / 2
    }
}
