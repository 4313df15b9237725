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

    /// An index of the shingles of the non-excluded sentences of `profile`.
    init(_ profile: DocumentProfile) {
        self.init(profile, of: .shingles, sentences: profile.sentences.indices.filter { !profile.sentences[$0].isExcluded })
    }

    /// An index of `set` (shingles or words) of the sentences `indices` of `profile`.
    ///
    /// A counting sort in two passes over the hashes. The first files each distinct hash and
    /// counts its holders at the next slot's offset, in a table that doubles as it fills, so
    /// that it ends sized for the distinct hashes, not for every posting (two 20 MB documents
    /// hold four times as many postings as distinct shingles, and a table sized for the
    /// postings took 0.8 GB). The counts, summed, are where the runs start; the second pass
    /// looks each hash up again and places its holder at its run's next place.
    init(_ profile: DocumentProfile, of set: PassageAligner.SentenceSet, sentences indices: [Int]) {
        let total = profile.sentences.withUnsafeBufferPointer { sentences in
            indices.reduce(0) { $0 + set.hashes(of: sentences, $1).count }
        }
        // A quarter of the postings distinct, to start with.
        var table = Self.table(slots: HashSlots.capacity(for: total / 4, maximumLoad: 1, 2))
        var distinct = 0
        profile.sentences.withUnsafeBufferPointer { sentences in
            for index in indices {
                for hash in set.hashes(of: sentences, index) {
                    var slot = table.countingSlot(of: hash)
                    if table.offsets[slot &+ 1] == 0 {
                        distinct &+= 1
                        if 2 &* distinct > table.keys.count {
                            table = Self.table(slots: 2 &* table.keys.count, holding: table)
                            slot = table.countingSlot(of: hash)
                        }
                        table.keys[slot] = hash
                    }
                    table.offsets[slot &+ 1] &+= 1
                }
            }
        }
        // Summed: each slot's run start (and, at the next slot, its end).
        for slot in table.keys.indices { table.offsets[slot &+ 1] &+= table.offsets[slot] }
        var next = table.offsets
        sentences = [Int32](unsafeUninitializedCapacity: total) { postings, initialized in
            profile.sentences.withUnsafeBufferPointer { sentences in
                for index in indices {
                    let holder = Int32(truncatingIfNeeded: index)
                    for hash in set.hashes(of: sentences, index) {
                        let slot = Self.slot(of: hash, keys: table.keys, offsets: table.offsets)
                        postings[Int(next[slot])] = holder
                        next[slot] &+= 1
                    }
                }
            }
            initialized = total
        }
        (keys, offsets) = (table.keys, table.offsets)
    }

    /// An empty table of `slots` slots (a power of two), or one holding the hashes of `filled`
    /// with their holder counts (offsets not yet summed).
    private static func table(slots: Int, holding filled: Table? = nil) -> Table {
        var table = Table(
            keys: [UInt64](unsafeUninitializedCapacity: slots) { _, initialized in initialized = slots },
            offsets: [Int32](repeating: 0, count: slots &+ 1))
        if let filled {
            for slot in filled.keys.indices where filled.offsets[slot &+ 1] != 0 {
                let moved = table.countingSlot(of: filled.keys[slot])
                table.keys[moved] = filled.keys[slot]
                table.offsets[moved &+ 1] = filled.offsets[slot &+ 1]
            }
        }
        return table
    }

    /// The table of an index being built: ``keys``, and ``offsets`` holding each slot's count
    /// of holders at the next slot's offset until they are summed.
    private struct Table {
        var keys: [UInt64]
        var offsets: [Int32]

        /// The slot holding `hash`, or the empty slot where it would go, while the offsets
        /// hold counts: an empty slot counts no holder.
        @inline(__always)
        func countingSlot(of hash: UInt64) -> Int {
            let mask = keys.count &- 1
            var slot = HashSlots.home(of: hash, mask: mask)
            while offsets[slot &+ 1] != 0 && keys[slot] != hash { slot = (slot &+ 1) & mask }
            return slot
        }
    }

    /// The slot of `keys` holding `hash`, or the empty slot where it would go, once `offsets`
    /// are summed: a slot is empty when its run is (its offset and the next one's are equal).
    @inline(__always)
    private static func slot(of hash: UInt64, keys: [UInt64], offsets: [Int32]) -> Int {
        let mask = keys.count &- 1
        var slot = HashSlots.home(of: hash, mask: mask)
        while offsets[slot] != offsets[slot &+ 1] && keys[slot] != hash { slot = (slot &+ 1) & mask }
        return slot
    }

    /// The slot holding `shingle`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of shingle: UInt64) -> Int {
        Self.slot(of: shingle, keys: keys, offsets: offsets)
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
