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

        @inline(__always)
        func hashes(of sentence: DocumentProfile.Sentence) -> [UInt64] {
            switch self {
            case .shingles: sentence.shingles
            case .words: sentence.words
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
        var total = 0
        for index in rangeA where !a.sentences[index].isExcluded { total += set.hashes(of: a.sentences[index]).count }
        for index in rangeB where !b.sentences[index].isExcluded { total += set.hashes(of: b.sentences[index]).count }
        guard total > 0 else { return (0, 0, 0) }
        // At most three quarters full, counting a hash once per sentence that holds it.
        var capacity = 16
        while capacity * 3 < total * 4 { capacity <<= 1 }
        let mask = capacity - 1
        var countA = 0, countB = 0, shared = 0
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { keys in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { marks in
                // Bit 0: a holds the slot's hash; bit 1: b does. 0 marks an empty slot.
                marks.initialize(repeating: 0)
                for index in rangeA where !a.sentences[index].isExcluded {
                    set.hashes(of: a.sentences[index]).withUnsafeBufferPointer { hashes in
                        for hash in hashes {
                            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                            while marks[slot] != 0 && keys[slot] != hash { slot = (slot &+ 1) & mask }
                            if marks[slot] == 0 {
                                keys[slot] = hash
                                marks[slot] = 1
                                countA &+= 1
                            }
                        }
                    }
                }
                for index in rangeB where !b.sentences[index].isExcluded {
                    set.hashes(of: b.sentences[index]).withUnsafeBufferPointer { hashes in
                        for hash in hashes {
                            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                            while marks[slot] != 0 && keys[slot] != hash { slot = (slot &+ 1) & mask }
                            let mark = marks[slot]
                            if mark == 0 {
                                keys[slot] = hash
                                marks[slot] = 2
                                countB &+= 1
                            } else if mark == 1 {
                                marks[slot] = 3
                                countB &+= 1
                                shared &+= 1
                            }
                        }
                    }
                }
            }
        }
        return (countA, countB, shared)
    }

    /// Jaccard similarity of the character shingles of sentences `rangeA` of `a` and `rangeB`
    /// of `b` (excluded sentences left out; 0 when both are empty).
    static func shingleJaccard(
        _ rangeA: ClosedRange<Int>, _ a: DocumentProfile, _ rangeB: ClosedRange<Int>, _ b: DocumentProfile
    ) -> Double {
        let counts = unionCounts(rangeA, a, rangeB, b, of: .shingles)
        let union = counts.a + counts.b - counts.shared
        return union == 0 ? 0 : Double(counts.shared) / Double(union)
    }
}
