/// The sentences of two documents that hold the same character shingles: twins.
///
/// Syndicated copy mostly carries the same body under different page furniture, so most
/// sentences of such a pair have a twin on the other side. What a pair's alignment counts
/// over a twin is known without looking at its shingles: its shared counts with every
/// sentence of the other document are its twin's with its own document
/// (``SentenceShingleIndex/sharedCounts(with:twins:_:_:)``), and two runs of sentences whose
/// twins lie in each other hold the same shingles (``holdSameShingles(_:_:_:_:)``).
///
/// Only non-excluded sentences with at least one shingle are paired (those the shingle
/// indexes hold), and only after their shingle arrays are compared in full: a twin is exact.
struct SentenceTwins {
    /// For each sentence of the first document, a sentence of the second with the same
    /// shingles, or -1.
    let ofA: [Int32]
    /// For each sentence of the second document, a sentence of the first with the same
    /// shingles, or -1. (When the second document holds one sentence twice, only the copy
    /// that the first document's sentences found has one.)
    let ofB: [Int32]
    /// Sentences of the first document with a twin.
    let pairedCount: Int
}

extension SentenceTwins {
    /// The twins of `a`'s and `b`'s sentences.
    ///
    /// Each sentence of `b` is filed in a table by a fingerprint of its sorted shingles (their
    /// count, first, middle and last), and each sentence of `a` looks its fingerprint up there;
    /// a fingerprint match is a twin only if the two shingle arrays are equal.
    ///
    /// - Complexity: O(*m* + *n*) sentences, and the shingles of fingerprint matches.
    init(_ a: DocumentProfile, _ b: DocumentProfile) {
        let countA = a.sentences.count, countB = b.sentences.count
        let capacity = HashSlots.capacity(for: countB, maximumLoad: 1, 2)
        let mask = capacity - 1
        var ofB = [Int32](repeating: -1, count: countB)
        var paired = 0
        let ofA = a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { slots in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { keys in
                        slots.initialize(repeating: -1)
                        for j in 0..<countB where !sentencesB[j].isExcluded && !sentencesB[j].shingles.isEmpty {
                            let key = Self.fingerprint(sentencesB[j].shingles)
                            var slot = Int(truncatingIfNeeded: key) & mask
                            while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
                            slots[slot] = Int32(truncatingIfNeeded: j)
                            keys[slot] = key
                        }
                        return [Int32](unsafeUninitializedCapacity: countA) { ofA, initialized in
                            for i in 0..<countA {
                                ofA[i] = -1
                                guard !sentencesA[i].isExcluded, !sentencesA[i].shingles.isEmpty else { continue }
                                let key = Self.fingerprint(sentencesA[i].shingles)
                                var slot = Int(truncatingIfNeeded: key) & mask
                                while slots[slot] >= 0 {
                                    let j = Int(slots[slot])
                                    if keys[slot] == key && Self.areEqual(sentencesA[i].shingles, sentencesB[j].shingles) {
                                        ofA[i] = Int32(truncatingIfNeeded: j)
                                        if ofB[j] < 0 { ofB[j] = Int32(truncatingIfNeeded: i) }
                                        paired &+= 1
                                        break
                                    }
                                    slot = (slot &+ 1) & mask
                                }
                            }
                            initialized = countA
                        }
                    }
                }
            }
        }
        self.ofA = ofA
        self.ofB = ofB
        pairedCount = paired
    }

    /// A fingerprint of a sorted, non-empty hash set: equal sets have equal fingerprints.
    @inline(__always)
    static func fingerprint(_ hashes: [UInt64]) -> UInt64 {
        let count = hashes.count
        var key = hashes[0] ^ (hashes[count &- 1] &* 0x9E37_79B9_7F4A_7C15)
        key ^= hashes[count >> 1] &* 0xC2B2_AE3D_27D4_EB4F
        key ^= UInt64(truncatingIfNeeded: count) &* 0x1656_67B1_9E37_79F9
        return key ^ (key >> 31)
    }

    /// Whether two hash arrays hold the same hashes in the same order.
    @inline(__always)
    static func areEqual(_ left: [UInt64], _ right: [UInt64]) -> Bool {
        left.count == right.count && left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                guard left.baseAddress != right.baseAddress, let first = left.baseAddress,
                      let second = right.baseAddress else { return true }
                // Arrays a fingerprint matched are nearly always equal: every hash is read,
                // and the differences are gathered without a branch (the loop vectorises).
                var difference: UInt64 = 0
                for k in 0..<left.count { difference |= first[k] ^ second[k] }
                return difference == 0
            }
        }
    }

    /// Whether the non-excluded sentences of `rangeA` (of the first document) and `rangeB`
    /// (of the second) hold the same shingles, as far as their twins tell: every such sentence
    /// with shingles has a twin inside the other range. A `false` says nothing.
    ///
    /// - Complexity: O(sentences of the two ranges).
    func holdSameShingles(
        _ rangeA: ClosedRange<Int>, _ a: UnsafeBufferPointer<DocumentProfile.Sentence>,
        _ rangeB: ClosedRange<Int>, _ b: UnsafeBufferPointer<DocumentProfile.Sentence>
    ) -> Bool {
        guard pairedCount > 0 else { return false }
        return ofA.withUnsafeBufferPointer { ofA in
            ofB.withUnsafeBufferPointer { ofB in
                for i in rangeA where !a[i].isExcluded && !a[i].shingles.isEmpty {
                    guard rangeB.contains(Int(ofA[i])) else { return false }
                }
                for j in rangeB where !b[j].isExcluded && !b[j].shingles.isEmpty {
                    guard rangeA.contains(Int(ofB[j])) else { return false }
                }
                return true
            }
        }
    }
}

extension PassageAligner {
    /// ``unionCounts(_:_:_:_:of:)`` of character shingles, counted through the sentences'
    /// twins where they lie in the other range: a sentence of `rangeA` whose twin lies in
    /// `rangeB` holds only shingles that `rangeB` holds too, and the other way round. With `P`
    /// such sentences of a range and `R` the others (non-excluded, with shingles),
    /// - a side's distinct shingles are those of its `P` (its sentences' counts less the
    ///   repeats that the index's bit sets show) and those of its `R` that no `P` sentence
    ///   holds, each counted at the first `R` sentence that holds it;
    /// - the shared ones are those of `b`'s `P`, and those of `b`'s `R` that no `P` sentence of
    ///   `b` holds and that `rangeA` holds (looked up in `a`'s table).
    /// The same three counts; nil when the `R` sentences hold more than `limit` shingles
    /// (each looked up once or twice), where a walk of the indexes costs less.
    ///
    /// - Complexity: O(sentences + bit sets + shingles of `R` sentences) expected.
    static func twinCounts(
        _ rangeA: ClosedRange<Int>, _ a: UnsafeBufferPointer<DocumentProfile.Sentence>, _ indexA: SentenceShingleIndex,
        _ rangeB: ClosedRange<Int>, _ b: UnsafeBufferPointer<DocumentProfile.Sentence>, _ indexB: SentenceShingleIndex,
        twins: SentenceTwins, limit: Int
    ) -> (a: Int, b: Int, shared: Int)? {
        guard twins.pairedCount > 0, twins.ofA.count == a.count, twins.ofB.count == b.count,
              indexA.sentenceCount == a.count, indexB.sentenceCount == b.count else { return nil }
        let wordsA = indexA.wordsPerShingle, wordsB = indexB.wordsPerShingle
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (wordsA + wordsB)) { masks in
            masks.initialize(repeating: 0)
            let pairedA = masks.baseAddress!, restA = pairedA + wordsA
            let pairedB = restA + wordsA, restB = pairedB + wordsB
            // Each side's sentences sorted into P and R, and their shingles counted.
            func sort(
                _ range: ClosedRange<Int>, _ sentences: UnsafeBufferPointer<DocumentProfile.Sentence>, twinsOf: [Int32],
                _ other: ClosedRange<Int>, paired: UnsafeMutablePointer<UInt64>, rest: UnsafeMutablePointer<UInt64>
            ) -> (paired: Int, rest: Int) {
                var pairedCount = 0, restCount = 0
                twinsOf.withUnsafeBufferPointer { twinsOf in
                    for index in range where !sentences[index].isExcluded && !sentences[index].shingles.isEmpty {
                        let bit: UInt64 = 1 << UInt64(index & 63)
                        if other.contains(Int(twinsOf[index])) {
                            paired[index >> 6] |= bit
                            pairedCount &+= sentences[index].shingles.count
                        } else {
                            rest[index >> 6] |= bit
                            restCount &+= sentences[index].shingles.count
                        }
                    }
                }
                return (pairedCount, restCount)
            }
            let sumsA = sort(rangeA, a, twinsOf: twins.ofA, rangeB, paired: pairedA, rest: restA)
            let sumsB = sort(rangeB, b, twinsOf: twins.ofB, rangeA, paired: pairedB, rest: restB)
            guard sumsA.rest &+ sumsB.rest <= limit else { return nil }
            let distinctPairedA = sumsA.paired &- indexA.repeats(among: pairedA)
            let distinctPairedB = sumsB.paired &- indexB.repeats(among: pairedB)
            let restOnlyA = indexA.restShingles(rangeA, a, paired: pairedA, rest: restA) { _ in }
            var sharedRest = 0
            let restOnlyB = indexA.withLookup { lookupA in
                indexA.owners.withUnsafeBufferPointer { ownersA in
                    indexA.sentenceBits.withUnsafeBufferPointer { bitsA in
                        let maskA = indexA.rangeMask(rangeA)
                        return maskA.withUnsafeBufferPointer { maskA in
                            let holderA = RangeHolders(range: rangeA, owners: ownersA, bits: bitsA, mask: maskA)
                            return indexB.restShingles(rangeB, b, paired: pairedB, rest: restB) { hash in
                                let place = lookupA.place(of: hash)
                                if place >= 0 && holderA.holds(place) { sharedRest &+= 1 }
                            }
                        }
                    }
                }
            }
            return (distinctPairedA &+ restOnlyA, distinctPairedB &+ restOnlyB, distinctPairedB &+ sharedRest)
        }
    }
}

extension SentenceShingleIndex {
    /// For the sentences in `sentences` (a bit set in ``sentenceBits``' layout): the shingles
    /// they hold counted once per sentence, less the shingles counted once (each shingle
    /// several of them hold is counted once per holder, and only those several sentences hold
    /// are in a bit set). Equal sets are read once, their repeats counted by their number.
    func repeats(among sentences: UnsafeMutablePointer<UInt64>) -> Int {
        // Each different set once, times its copies (``distinctSets``).
        let words = wordsPerShingle
        return sentenceBits.withUnsafeBufferPointer { bits in
          distinctSets.withUnsafeBufferPointer { distinctSets in
            setMultiplicity.withUnsafeBufferPointer { multiplicity in
                var repeats = 0
                if words == 1 {
                    let mask = sentences[0]
                    for k in distinctSets.indices {
                        let holders = (bits[Int(distinctSets[k])] & mask).nonzeroBitCount
                        if holders > 1 { repeats &+= (holders &- 1) &* Int(multiplicity[k]) }
                    }
                    return repeats
                }
                for k in distinctSets.indices {
                    let base = Int(distinctSets[k]) &* words
                    var holders = 0
                    for word in 0..<words { holders &+= (bits[base &+ word] & sentences[word]).nonzeroBitCount }
                    if holders > 1 { repeats &+= (holders &- 1) &* Int(multiplicity[k]) }
                }
                return repeats
            }
          }
        }
    }

    /// The distinct shingles of the `rest` sentences (a bit set) of `range` that no `paired`
    /// sentence holds, each counted at the first rest sentence that holds it, and passed to
    /// `visit`.
    func restShingles(
        _ range: ClosedRange<Int>, _ sentences: UnsafeBufferPointer<DocumentProfile.Sentence>,
        paired: UnsafeMutablePointer<UInt64>, rest: UnsafeMutablePointer<UInt64>, _ visit: (UInt64) -> Void
    ) -> Int {
        let words = wordsPerShingle
        return withLookup { lookup in
            owners.withUnsafeBufferPointer { owners in
                sentenceBits.withUnsafeBufferPointer { bits in
                    var count = 0
                    for index in range where rest[index >> 6] & (1 << UInt64(index & 63)) != 0 {
                        sentences[index].shingles.withUnsafeBufferPointer { hashes in
                            for hash in hashes {
                                let owner = Int(owners[lookup.place(of: hash)])
                                if owner < 0 {
                                    let base = (-1 &- owner) &* words
                                    var first = -1, isPaired = false
                                    for word in 0..<words {
                                        let holders = bits[base &+ word]
                                        if holders & paired[word] != 0 { isPaired = true }
                                        let restHolders = holders & rest[word]
                                        if first < 0 && restHolders != 0 { first = word << 6 | restHolders.trailingZeroBitCount }
                                    }
                                    guard !isPaired && first == index else { continue }
                                }
                                count &+= 1
                                visit(hash)
                            }
                        }
                    }
                    return count
                }
            }
        }
    }
}

