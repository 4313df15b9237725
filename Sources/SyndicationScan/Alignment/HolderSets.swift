/// The sets of sentences that hold a shingle together, made for ``SentenceShingleIndex`` from
/// the shingles its sentences meet again, each set once (hash-consing, without hashing).
///
/// A shingle met in a sentence after the one (or the several) that held it so far moves to
/// the set of those and this sentence. Sentences add themselves in order, so a set of holders
/// is only ever reached one way: from the set without its last sentence, when that sentence
/// is read. It is made the first time a shingle takes that step, and every other shingle
/// taking the same step in the same sentence is given it: each set is made once, and no two
/// sets made are alike.
enum HolderSets {
    /// The sets of holders of a document's shingles, given `repeats`: for each time a
    /// sentence met a shingle an earlier sentence held, in the order met (sentences in
    /// order), the shingle's place and the sentence, one after the other. `owners` holds each
    /// shingle's first sentence, and is left holding its ``SentenceShingleIndex/owners``
    /// entry: that sentence, when no other holds it, or `-1 - m` for set `m` of the bits
    /// returned (``SentenceShingleIndex/sentenceBits``, `words` words per set, for a document
    /// of `sentences` sentences). The sets some shingle keeps are returned too, in order, with
    /// how many keep each (``SentenceShingleIndex/distinctSets`` and
    /// ``SentenceShingleIndex/setMultiplicity``); a set all of whose shingles moved on to a
    /// larger one stays among the bits, unused.
    ///
    /// - Complexity: O(repeats × `words`).
    static func sets(
        of repeats: UnsafeBufferPointer<Int32>, owners: UnsafeMutablePointer<Int32>, words: Int, sentences: Int
    ) -> (bits: [UInt64], kept: (sets: [Int32], multiplicity: [Int32])) {
        let capacity = Swift.max(1, repeats.count / 2)
        // Each repeat makes at most one set.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity &* words) { bitBuffer in
          // Per set: how many shingles keep it, the last sentence that extended it and the set
          // that made; per sentence, the same two for the shingles it holds alone.
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 &* capacity &+ 2 &* sentences) { stepBuffer in
            let bits = bitBuffer.baseAddress!, kept = stepBuffer.baseAddress!
            let setStep = kept + capacity, setNext = setStep + capacity
            let singleStep = setNext + capacity, singleNext = singleStep + sentences
            singleStep.initialize(repeating: -1, count: sentences)
            var count = 0
            if words == 1 {
                // Sets of one word (documents of at most 64 sentences, most of them).
                var index = 0
                while index < repeats.count {
                    let place = Int(repeats[index]), step = repeats[index &+ 1]
                    index &+= 2
                    let holder = Int(owners[place])
                    let set: Int
                    if holder >= 0 {
                        if singleStep[holder] == step {
                            set = Int(singleNext[holder])
                        } else {
                            set = count
                            count &+= 1
                            bits[set] = 1 &<< UInt64(truncatingIfNeeded: holder) | 1 &<< UInt64(truncatingIfNeeded: step)
                            kept[set] = 0
                            setStep[set] = -1
                            singleStep[holder] = step
                            singleNext[holder] = Int32(truncatingIfNeeded: set)
                        }
                    } else {
                        let from = -1 &- holder
                        kept[from] &-= 1
                        if setStep[from] == step {
                            set = Int(setNext[from])
                        } else {
                            set = count
                            count &+= 1
                            bits[set] = bits[from] | 1 &<< UInt64(truncatingIfNeeded: step)
                            kept[set] = 0
                            setStep[set] = -1
                            setStep[from] = step
                            setNext[from] = Int32(truncatingIfNeeded: set)
                        }
                    }
                    kept[set] &+= 1
                    owners[place] = Int32(truncatingIfNeeded: -1 &- set)
                }
            } else {
                var index = 0
                while index < repeats.count {
                    let place = Int(repeats[index]), step = repeats[index &+ 1]
                    index &+= 2
                    let sentence = Int(step)
                    let holder = Int(owners[place])
                    var set = -1
                    var from = -1
                    if holder >= 0 {
                        if singleStep[holder] == step {
                            set = Int(singleNext[holder])
                        } else {
                            singleStep[holder] = step
                        }
                    } else {
                        from = -1 &- holder
                        kept[from] &-= 1
                        if setStep[from] == step {
                            set = Int(setNext[from])
                        } else {
                            setStep[from] = step
                        }
                    }
                    if set < 0 {
                        // The first shingle to take this step: its set is made.
                        set = count
                        count &+= 1
                        let target = bits + set &* words
                        if from >= 0 {
                            target.update(from: bits + from &* words, count: words)
                            setNext[from] = Int32(truncatingIfNeeded: set)
                        } else {
                            target.update(repeating: 0, count: words)
                            target[holder &>> 6] = 1 &<< UInt64(truncatingIfNeeded: holder & 63)
                            singleNext[holder] = Int32(truncatingIfNeeded: set)
                        }
                        target[sentence &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: sentence & 63)
                        kept[set] = 0
                        setStep[set] = -1
                    }
                    kept[set] &+= 1
                    owners[place] = Int32(truncatingIfNeeded: -1 &- set)
                }
            }
            var live = 0
            for set in 0..<count where kept[set] > 0 { live &+= 1 }
            var multiplicity: [Int32] = []
            let keptSets = [Int32](unsafeUninitializedCapacity: live) { setBuffer, initialized in
                multiplicity = [Int32](unsafeUninitializedCapacity: live) { weightBuffer, initializedWeights in
                    var found = 0
                    for set in 0..<count where kept[set] > 0 {
                        setBuffer[found] = Int32(truncatingIfNeeded: set)
                        weightBuffer[found] = kept[set]
                        found &+= 1
                    }
                    initializedWeights = found
                }
                initialized = live
            }
            return (Array(UnsafeBufferPointer(start: bits, count: count &* words)), (keptSets, multiplicity))
          }
        }
    }
}
