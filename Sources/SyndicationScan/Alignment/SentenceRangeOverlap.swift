import SyndicationEngine

/// The overlap of two runs of sentences, as sets of hashes (character shingles or words).
///
/// A passage's similarity and word Dice compare the union of its sentences' sets on one side
/// with the union on the other. Sorting the concatenated sets (``SortedHashSet/make(_:)``) and
/// merging them did that per passage; counting through one flat table gives the same three
/// counts with no sort and no allocation past the table.
extension PassageAligner {
    /// Which of a sentence's hash sets ``unionCounts(_:_:_:_:of:)`` counts.
    enum SentenceSet {
        /// ``DocumentProfile/Sentence/shingles``.
        case shingles
        /// ``DocumentProfile/Sentence/words``.
        case words

        /// The set of sentence `index` of `sentences`, read in place.
        @inline(__always)
        func hashes(of sentences: UnsafeBufferPointer<DocumentProfile.Sentence>, _ index: Int) -> [UInt64] {
            switch self {
            case .shingles: sentences[index].shingles
            case .words: sentences[index].words
            }
        }
    }

    /// The distinct hashes that the non-excluded sentences of `rangeA` of `a` hold in `set`,
    /// those of `rangeB` of `b`, and those both hold.
    ///
    /// Hashes are already uniformly distributed, so the table uses their bits as the slot
    /// directly (open addressing, linear probing).
    ///
    /// - Complexity: O(*m* + *n*) expected in the sizes of the sentence sets.
    static func unionCounts(
        _ rangeA: ClosedRange<Int>, _ a: DocumentProfile, _ rangeB: ClosedRange<Int>, _ b: DocumentProfile,
        of set: SentenceSet
    ) -> (a: Int, b: Int, shared: Int) {
        a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                unionCounts(rangeA, sentencesA, rangeB, sentencesB, of: set)
            }
        }
    }

    /// ``unionCounts(_:_:_:_:of:)`` of character shingles, given the `twins` of the two
    /// documents' sentences: a sentence of `rangeA` whose twin lies in `rangeB` files its
    /// shingles as held by both sides at once, and that twin is not filed again (it holds the
    /// same shingles, ``SentenceTwins``). The same counts, with each twin's shingles filed once
    /// rather than twice.
    static func unionCounts(
        _ rangeA: ClosedRange<Int>, _ a: DocumentProfile, _ rangeB: ClosedRange<Int>, _ b: DocumentProfile,
        twins: SentenceTwins
    ) -> (a: Int, b: Int, shared: Int) {
        a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                guard twins.ofA.count == sentencesA.count, twins.ofB.count == sentencesB.count, twins.pairedCount > 0 else {
                    return unionCounts(rangeA, sentencesA, rangeB, sentencesB, of: .shingles)
                }
                return twins.ofA.withUnsafeBufferPointer { ofA in
                    unionCounts(rangeA, sentencesA, rangeB, sentencesB, of: .shingles, twinsOfA: ofA)
                }
            }
        }
    }

    /// ``unionCounts(_:_:_:_:of:)`` over the two documents' sentences, read in place; given
    /// `twinsOfA` (``SentenceTwins/ofA``, for `set` ``SentenceSet/shingles``), twins are filed
    /// once for both sides (``unionCounts(_:_:_:_:twins:)``).
    static func unionCounts(
        _ rangeA: ClosedRange<Int>, _ a: UnsafeBufferPointer<DocumentProfile.Sentence>,
        _ rangeB: ClosedRange<Int>, _ b: UnsafeBufferPointer<DocumentProfile.Sentence>,
        of set: SentenceSet, twinsOfA: UnsafeBufferPointer<Int32>? = nil
    ) -> (a: Int, b: Int, shared: Int) {
        var total = 0
        for index in rangeA where !a[index].isExcluded { total += set.hashes(of: a, index).count }
        for index in rangeB where !b[index].isExcluded { total += set.hashes(of: b, index).count }
        guard total > 0 else { return (0, 0, 0) }
        // At most three quarters full, counting a hash once per sentence that holds it.
        let capacity = HashSlots.capacity(for: total, maximumLoad: 3, 4)
        let mask = capacity - 1
        var countA = 0, countB = 0, shared = 0
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { keys in
          withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { marks in
            // The sentences of rangeB whose shingles a twin in rangeA filed for both sides.
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: twinsOfA == nil ? 0 : rangeB.count) { filed in
                filed.initialize(repeating: false)
                // Bit 0: a holds the slot's hash; bit 1: b does. 0 marks an empty slot.
                marks.initialize(repeating: 0)
                /// Files `hashes` as held by `sides` (bit 0: a, bit 1: b), counting each hash
                /// the first time a side holds it, and as shared when both first do.
                @inline(__always) func file(_ hashes: [UInt64], as sides: UInt8) {
                    hashes.withUnsafeBufferPointer { hashes in
                        for hash in hashes {
                            var slot = HashSlots.home(of: hash, mask: mask)
                            while marks[slot] != 0 && keys[slot] != hash { slot = (slot &+ 1) & mask }
                            let mark = marks[slot], merged = mark | sides
                            guard merged != mark else { continue }
                            keys[slot] = hash
                            marks[slot] = merged
                            let added = merged & ~mark
                            countA &+= Int(added & 1)
                            countB &+= Int(added &>> 1)
                            shared &+= merged == 3 ? 1 : 0
                        }
                    }
                }
                for index in rangeA where !a[index].isExcluded {
                    let twin = twinsOfA.map { Int($0[index]) } ?? -1
                    if twin >= rangeB.lowerBound && twin <= rangeB.upperBound {
                        filed[twin &- rangeB.lowerBound] = true
                        file(set.hashes(of: a, index), as: 3)
                    } else {
                        file(set.hashes(of: a, index), as: 1)
                    }
                }
                for index in rangeB where !b[index].isExcluded && !(twinsOfA != nil && filed[index &- rangeB.lowerBound]) {
                    file(set.hashes(of: b, index), as: 2)
                }
            }
          }
        }
        return (countA, countB, shared)
    }

    /// Jaccard similarity of the character shingles of sentences `rangeA` of `a` and `rangeB`
    /// of `b` (excluded sentences left out; 0 when both are empty).
    ///
    /// Given the two documents' shingle indexes (for these profiles; the first one only once it
    /// is built, see ``DeferredShingleIndex``), ranges that hold about half their document's
    /// shingles or more are counted through them
    /// (``unionCounts(_:_:_:_:)``), a walk of the indexes that costs the same whatever the
    /// ranges; smaller ranges through the flat table of ``unionCounts(_:_:_:_:of:)``. Both
    /// count the same distinct hashes. Ranges whose sentences' twins (``SentenceTwins``, when
    /// `indexes` carry them) hold the same shingles need no counting
    /// (``sameShingles(_:_:_:_:twins:)``).
    static func shingleJaccard(
        _ rangeA: ClosedRange<Int>, _ a: DocumentProfile, _ rangeB: ClosedRange<Int>, _ b: DocumentProfile,
        indexes: ShingleIndexes? = nil
    ) -> Double {
        if let twins = indexes?.twins, let same = sameShingles(rangeA, a, rangeB, b, twins: twins) {
            return same
        }
        let counts: (a: Int, b: Int, shared: Int)
        // The first document's index is read only when it is built: building it costs more
        // than counting the two ranges through the flat table.
        let indexA = indexes?.deferredA.isBuilt == true ? indexes?.a : nil
        if let indexes, let indexA, let twins = indexes.twins, let twinned = a.sentences.withUnsafeBufferPointer({ sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                twinCounts(rangeA, sentencesA, indexA, rangeB, sentencesB, indexes.b, twins: twins,
                           limit: (indexA.shingles.count + indexes.b.shingles.count) / 4)
            }
        }) {
            counts = twinned
        } else if let indexes, let indexA, 2 * (shingleTotal(rangeA, a) + shingleTotal(rangeB, b))
            >= indexA.shingles.count + indexes.b.shingles.count {
            counts = unionCounts(rangeA, indexA, rangeB, indexes.b)
        } else {
            counts = indexes?.twins.map { unionCounts(rangeA, a, rangeB, b, twins: $0) }
                ?? unionCounts(rangeA, a, rangeB, b, of: .shingles)
        }
        let union = counts.a + counts.b - counts.shared
        return union == 0 ? 0 : Double(counts.shared) / Double(union)
    }

    /// ``shingleJaccard(_:_:_:_:indexes:)`` of two ranges whose sentences' twins tell that
    /// they hold the same shingles (``SentenceTwins/holdSameShingles(_:_:_:_:)``): 1 when they
    /// hold any (the shared count over a union of the same count), 0 when neither does; nil
    /// when the twins do not tell.
    static func sameShingles(
        _ rangeA: ClosedRange<Int>, _ a: DocumentProfile, _ rangeB: ClosedRange<Int>, _ b: DocumentProfile,
        twins: SentenceTwins
    ) -> Double? {
        a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                guard twins.ofA.count == sentencesA.count, twins.ofB.count == sentencesB.count,
                      twins.holdSameShingles(rangeA, sentencesA, rangeB, sentencesB) else { return nil }
                return rangeA.contains { !sentencesA[$0].isExcluded && !sentencesA[$0].shingles.isEmpty } ? 1 : 0
            }
        }
    }

    /// The character shingles of the non-excluded sentences of `range`, counted once per
    /// sentence that holds them.
    static func shingleTotal(_ range: ClosedRange<Int>, _ profile: DocumentProfile) -> Int {
        profile.sentences.withUnsafeBufferPointer { sentences in
            var total = 0
            for index in range where !sentences[index].isExcluded { total &+= sentences[index].shingles.count }
            return total
        }
    }

    /// ``unionCounts(_:_:_:_:of:)`` of character shingles through the two documents'
    /// ``SentenceShingleIndex``: each distinct shingle of a side counted when a sentence of
    /// that side's range holds it (its one sentence, or its bit set), and each one `a`'s range
    /// holds looked up in `b`'s table, shared when `b`'s range holds it too.
    ///
    /// - Complexity: O(*m* + *n*) expected in the two documents' distinct shingles.
    static func unionCounts(
        _ rangeA: ClosedRange<Int>, _ a: SentenceShingleIndex, _ rangeB: ClosedRange<Int>, _ b: SentenceShingleIndex
    ) -> (a: Int, b: Int, shared: Int) {
        let sideA = a.rangeMask(rangeA), sideB = b.rangeMask(rangeB)
        return a.shingles.withUnsafeBufferPointer { left in
            a.owners.withUnsafeBufferPointer { ownersA in
                b.owners.withUnsafeBufferPointer { ownersB in
                    a.sentenceBits.withUnsafeBufferPointer { bitsA in
                        b.sentenceBits.withUnsafeBufferPointer { bitsB in
                            sideA.withUnsafeBufferPointer { maskA in
                                sideB.withUnsafeBufferPointer { maskB in
                                    b.withLookup { lookup in
                                        let holderA = RangeHolders(range: rangeA, owners: ownersA, bits: bitsA, mask: maskA)
                                        let holderB = RangeHolders(range: rangeB, owners: ownersB, bits: bitsB, mask: maskB)
                                        var countA = 0, countB = 0, shared = 0
                                        for i in left.indices where holderA.holds(i) {
                                            countA &+= 1
                                            let place = lookup.place(of: left[i])
                                            shared &+= place >= 0 && holderB.holds(place) ? 1 : 0
                                        }
                                        for j in ownersB.indices { countB &+= holderB.holds(j) ? 1 : 0 }
                                        return (countA, countB, shared)
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

/// Which shingles of a ``SentenceShingleIndex`` a range of its sentences holds, read off the
/// index in place.
struct RangeHolders {
    let lower: Int
    let upper: Int
    let owners: UnsafeBufferPointer<Int32>
    let bits: UnsafeBufferPointer<UInt64>
    let mask: UnsafeBufferPointer<UInt64>

    /// Holders of the sentences `range`, whose bit set is `mask` (``SentenceShingleIndex/rangeMask(_:)``).
    init(range: ClosedRange<Int>, owners: UnsafeBufferPointer<Int32>, bits: UnsafeBufferPointer<UInt64>, mask: UnsafeBufferPointer<UInt64>) {
        lower = range.lowerBound
        upper = range.upperBound
        self.owners = owners
        self.bits = bits
        self.mask = mask
    }

    /// Whether a sentence of the range holds shingle `k`: its one sentence lies in the range,
    /// or its bit set meets the range's.
    @inline(__always)
    func holds(_ k: Int) -> Bool {
        let owner = Int(owners[k])
        if owner >= 0 { return owner >= lower && owner <= upper }
        let words = mask.count
        let base = (-1 &- owner) &* words
        for word in 0..<words where bits[base &+ word] & mask[word] != 0 { return true }
        return false
    }
}

/// The two shingle indexes of a pair's documents (``SentenceShingleIndex``), in the pair's
/// order, for the passages of that pair.
struct ShingleIndexes {
    /// The first document's index, perhaps not built yet (``DeferredShingleIndex``).
    let deferredA: DeferredShingleIndex
    /// The second document's index.
    var b: SentenceShingleIndex
    /// The twins of the two documents' sentences, when known.
    var twins: SentenceTwins? = nil

    /// The indexes `a` and `b`, with the twins of their documents' sentences when known.
    init(a: SentenceShingleIndex, b: SentenceShingleIndex, twins: SentenceTwins? = nil) {
        self.init(deferredA: DeferredShingleIndex(built: a), b: b, twins: twins)
    }

    /// The first document's index `deferredA` (built on first need) and the second's `b`.
    init(deferredA: DeferredShingleIndex, b: SentenceShingleIndex, twins: SentenceTwins? = nil) {
        self.deferredA = deferredA
        self.b = b
        self.twins = twins
    }

    /// The first document's index, built now if it was not yet.
    var a: SentenceShingleIndex { deferredA.index }
}

extension SentenceShingleIndex {
    /// The bit set of the sentences of `range` (in ``sentenceBits``' layout).
    func rangeMask(_ range: ClosedRange<Int>) -> [UInt64] {
        var mask = [UInt64](repeating: 0, count: wordsPerShingle)
        for sentence in range.clamped(to: 0...Swift.max(0, sentenceCount - 1)) {
            mask[sentence >> 6] |= 1 << UInt64(sentence & 63)
        }
        return mask
    }
}
