/// An inverted index from shingle hash (or word hash) to the sentences that hold it, for one
/// document.
///
/// Shingle hashes are already uniformly distributed, so the table uses their low bits as the
/// slot directly (open addressing, linear probing) instead of re-hashing every key the way a
/// `Dictionary` does. Each shingle's postings lie together in one flat array (compressed
/// rows: a slot's postings are `sentences[offsets[slot] ..< offsets[slot + 1]]`), so a walk of
/// them reads memory in order. Chained postings cost a cache miss each once a document's
/// postings outgrow the cache: two near-identical 4 MB articles, whose sentences share common
/// shingles with a thousand others each, spent 84 % of a 7 s scan on those misses.
struct ShinglePostings {
    /// The shingle filed at each slot (read only where the slot's postings are not empty).
    private var keys: [UInt64]
    /// Where each slot's postings start in ``sentences``, and (at the next slot) end: an empty
    /// slot has no postings.
    private var offsets: [Int32]
    /// The postings of every shingle, each shingle's together, in sentence order.
    private var sentences: [Int32]
    private let mask: Int

    /// An index of the shingles of the non-excluded sentences of `profile`.
    init(_ profile: DocumentProfile) {
        self.init(profile, of: .shingles, sentences: profile.sentences.indices.filter { !profile.sentences[$0].isExcluded })
    }

    /// An index of `set` (shingles or words) of the sentences `indices` of `profile`.
    ///
    /// A counting sort. A first pass numbers each distinct hash as it is first met, counts its
    /// holders and notes each posting's number, in a table that doubles as it fills: the
    /// final table is sized for the distinct hashes, not for every posting (two 20 MB
    /// documents hold four times as many postings as distinct shingles, and a table sized for
    /// the postings took 0.8 GB). Then each hash is filed in the final table, the holder
    /// counts summed into where the runs start, and a second pass places each holder at its
    /// run's next place; that leaves each slot's offset at its run's end, the next slot's
    /// start, so the offsets move one slot up to be the starts again.
    init(_ profile: DocumentProfile, of set: PassageAligner.SentenceSet, sentences indices: [Int]) {
        let total = profile.sentences.withUnsafeBufferPointer { sentences in
            indices.reduce(0) { $0 + set.hashes(of: sentences, $1).count }
        }
        var distinct: (keys: [UInt64], holders: [Int32]) = ([], [])
        var keys: [UInt64] = []
        var offsets: [Int32] = []
        sentences = [Int32](unsafeUninitializedCapacity: total) { postings, initialized in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: Swift.max(1, total)) { numberOfPosting in
                profile.sentences.withUnsafeBufferPointer { profileSentences in
                    var posting = 0
                    // A quarter of the postings distinct, to start with (the table doubles beyond).
                    var numbers = [Int32](repeating: -1, count: HashSlots.capacity(for: total / 4, maximumLoad: 1, 2))
                    distinct.keys.reserveCapacity(numbers.count / 2)
                    distinct.holders.reserveCapacity(numbers.count / 2)
                    for index in indices {
                        for hash in set.hashes(of: profileSentences, index) {
                            let mask = numbers.count &- 1
                            var slot = HashSlots.home(of: hash, mask: mask)
                            while true {
                                let number = Int(numbers[slot])
                                if number < 0 {
                                    numbers[slot] = Int32(truncatingIfNeeded: distinct.keys.count)
                                    numberOfPosting[posting] = numbers[slot]
                                    distinct.keys.append(hash)
                                    distinct.holders.append(1)
                                    if 2 &* distinct.keys.count > numbers.count { numbers = Self.numbered(distinct.keys, slots: 2 &* numbers.count) }
                                    break
                                }
                                if distinct.keys[number] == hash {
                                    distinct.holders[number] &+= 1
                                    numberOfPosting[posting] = Int32(truncatingIfNeeded: number)
                                    break
                                }
                                slot = (slot &+ 1) & mask
                            }
                            posting &+= 1
                        }
                    }
                    // The final table: each distinct hash's slot, its holders counted at the
                    // next slot's offset.
                    let capacity = HashSlots.capacity(for: distinct.keys.count, maximumLoad: 1, 2)
                    let mask = capacity &- 1
                    keys = [UInt64](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
                    offsets = [Int32](repeating: 0, count: capacity &+ 1)
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: Swift.max(1, distinct.keys.count)) { slotOfNumber in
                        for number in distinct.keys.indices {
                            let hash = distinct.keys[number]
                            var slot = HashSlots.home(of: hash, mask: mask)
                            while offsets[slot &+ 1] != 0 { slot = (slot &+ 1) & mask }
                            keys[slot] = hash
                            offsets[slot &+ 1] = distinct.holders[number]
                            slotOfNumber[number] = Int32(truncatingIfNeeded: slot)
                        }
                        offsets.withUnsafeMutableBufferPointer { offsets in
                            // Summed: each slot's run start.
                            for slot in 0..<capacity { offsets[slot &+ 1] &+= offsets[slot] }
                            posting = 0
                            for index in indices {
                                let holder = Int32(truncatingIfNeeded: index)
                                for _ in 0..<set.hashes(of: profileSentences, index).count {
                                    let slot = Int(slotOfNumber[Int(numberOfPosting[posting])])
                                    postings[Int(offsets[slot])] = holder
                                    offsets[slot] &+= 1
                                    posting &+= 1
                                }
                            }
                            for slot in stride(from: capacity, to: 0, by: -1) { offsets[slot] = offsets[slot &- 1] }
                            offsets[0] = 0
                        }
                    }
                }
            }
            initialized = total
        }
        mask = keys.count &- 1
        self.keys = keys
        self.offsets = offsets
    }

    /// A table of `slots` slots (a power of two) holding, at each hash's slot, its number:
    /// its place in `keys`, which are distinct.
    private static func numbered(_ keys: [UInt64], slots: Int) -> [Int32] {
        var numbers = [Int32](repeating: -1, count: slots)
        let mask = slots &- 1
        for (number, hash) in keys.enumerated() {
            var slot = HashSlots.home(of: hash, mask: mask)
            while numbers[slot] >= 0 { slot = (slot &+ 1) & mask }
            numbers[slot] = Int32(truncatingIfNeeded: number)
        }
        return numbers
    }

    /// The slot holding `shingle`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of shingle: UInt64) -> Int {
        var slot = HashSlots.home(of: shingle, mask: mask)
        while offsets[slot] != offsets[slot &+ 1] && keys[slot] != shingle { slot = (slot &+ 1) & mask }
        return slot
    }

    /// The places in ``withPostings(_:)`` of the sentences that hold `shingle` (empty when
    /// none does).
    @inline(__always)
    func run(of shingle: UInt64) -> Range<Int> {
        let slot = slot(of: shingle)
        return Int(offsets[slot])..<Int(offsets[slot &+ 1])
    }

    /// Calls `body` with the postings of every shingle, read in place: ``run(of:)`` says
    /// which are a shingle's.
    @inline(__always)
    func withPostings<Result>(_ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        sentences.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with each sentence index that holds `shingle`, in the order filed.
    @inline(__always)
    func forEachSentence(holding shingle: UInt64, _ body: (Int) -> Void) {
        let slot = slot(of: shingle)
        for posting in Int(offsets[slot])..<Int(offsets[slot &+ 1]) { body(Int(sentences[posting])) }
    }
}
