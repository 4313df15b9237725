/// An inverted index from shingle hash (or word hash) to the sentences that hold it, for one
/// document.
///
/// Shingle hashes are already uniformly distributed, so the table uses their low bits as the
/// slot directly (open addressing, linear probing) instead of re-hashing every key the way a
/// `Dictionary` does; postings are chained through flat arrays. Building and probing it cost
/// a few nanoseconds per shingle, which matters: every candidate pair builds one.
struct ShinglePostings {
    private var keys: [UInt64]
    private var heads: [Int32]
    private var next: [Int32] = []
    private var sentences: [Int32] = []
    private let mask: Int

    /// An index of the shingles of the non-excluded sentences of `profile`.
    init(_ profile: DocumentProfile) {
        self.init(profile, of: .shingles, sentences: profile.sentences.indices.filter { !profile.sentences[$0].isExcluded })
    }

    /// An index of `set` (shingles or words) of the sentences `indices` of `profile`.
    init(_ profile: DocumentProfile, of set: PassageAligner.SentenceSet, sentences indices: [Int]) {
        let total = profile.sentences.withUnsafeBufferPointer { sentences in
            indices.reduce(0) { $0 + set.hashes(of: sentences, $1).count }
        }
        let capacity = HashSlots.capacity(for: total, maximumLoad: 1, 2)
        mask = capacity - 1
        // A key is read only where its head is set, so keys start unwritten.
        keys = [UInt64](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
        heads = [Int32](repeating: -1, count: capacity)
        next.reserveCapacity(total)
        sentences.reserveCapacity(total)
        profile.sentences.withUnsafeBufferPointer { profileSentences in
            for index in indices {
                for hash in set.hashes(of: profileSentences, index) {
                    let slot = self.slot(of: hash)
                    keys[slot] = hash
                    next.append(heads[slot])
                    sentences.append(Int32(index))
                    heads[slot] = Int32(sentences.count - 1)
                }
            }
        }
    }

    /// The slot holding `shingle`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of shingle: UInt64) -> Int {
        var slot = HashSlots.home(of: shingle, mask: mask)
        while heads[slot] >= 0 && keys[slot] != shingle { slot = (slot + 1) & mask }
        return slot
    }

    /// Calls `body` with each sentence index that holds `shingle` (most recent first).
    @inline(__always)
    func forEachSentence(holding shingle: UInt64, _ body: (Int) -> Void) {
        var posting = heads[slot(of: shingle)]
        while posting >= 0 {
            body(Int(sentences[Int(posting)]))
            posting = next[Int(posting)]
        }
    }
}
