import Synchronization
import SyndicationEngine

/// The sets of sentences met before (``DocumentProfile/Sentence/shingles`` and
/// ``DocumentProfile/Sentence/words``), by their folded bytes, for the profiles of one stage.
///
/// Syndicated copy repeats its sentences word for word across the documents of a corpus (in
/// the 20k bench corpus, two thirds of the sentences verification profiles are found here),
/// and both sets of a sentence depend on its folded bytes alone: its character shingles are
/// windows of them, and its words are the pieces between their spaces, the folded stream
/// holding one space between words (a sentence whose bytes hold another count of spaces than
/// its words less one, a word having folded to several, is not filed). A sentence met again
/// takes the arrays made the first time, shared, rather than hashing and sorting its shingles
/// again: the same values, so the same profile.
///
/// Bounded: a direct-mapped table of ``capacity`` entries, each filed by the top bits of
/// XXH3-64 of the bytes and holding a copy of them, so that a hit is an equal byte string,
/// never a mere equal hash; a sentence filed where another stands replaces it. The workers
/// of a stage share one cache under a lock, held only to look an entry up or to file one.
final class SentenceSetCache: Sendable {
    /// A sentence's sets.
    struct Sets {
        /// ``DocumentProfile/Sentence/shingles``.
        var shingles: [UInt64]
        /// ``DocumentProfile/Sentence/words``.
        var words: [UInt64]
    }

    /// The entries, field by field: an empty entry has no bytes and no sets.
    private struct Entries {
        /// ``SentenceSetCache/key(of:)`` of each entry's bytes.
        var keys: [UInt64]
        /// The words of each entry's sentence.
        var wordCounts: [Int]
        /// The folded bytes of each entry's sentence.
        var bytes: [[UInt8]]
        /// The sets of each entry's sentence.
        var sets: [Sets?]
    }

    /// The character-shingle size of the profiles whose sets are filed.
    let shingleSize: Int
    /// The entries (a power of two).
    let capacity: Int
    /// The shift of a key to its entry.
    private let shift: UInt64
    private let entries: Mutex<Entries>

    /// An empty cache of `capacity` entries (rounded up to a power of two) for profiles of
    /// character `shingleSize`-shingles.
    init(shingleSize: Int, capacity: Int = 1 << 15) {
        var size = 1
        while size < capacity { size <<= 1 }
        self.shingleSize = shingleSize
        self.capacity = size
        shift = UInt64(truncatingIfNeeded: 64 &- size.trailingZeroBitCount)
        entries = Mutex(Entries(
            keys: Array(repeating: 0, count: size), wordCounts: Array(repeating: 0, count: size),
            bytes: Array(repeating: [], count: size), sets: Array(repeating: nil, count: size)))
    }

    /// The key of a sentence whose folded bytes are `bytes`: XXH3-64 of them, or for a
    /// sentence longer than ``keyPrefix`` bytes, of their first ``keyPrefix`` bytes under a
    /// seed of their last sixteen and their count. An entry only files a sentence; a hit is
    /// an equal byte string, so the key needs only to spread sentences over the entries.
    static func key(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard count > keyPrefix else { return XXHash.hash64(bytes) }
        let tail = XXHash.hash64Short(UnsafeRawBufferPointer(rebasing: bytes[(count &- 16)...]), seed: UInt64(count))
        return XXHash.hash64(UnsafeRawBufferPointer(rebasing: bytes[..<keyPrefix]), seed: tail)
    }

    /// The most leading bytes of a sentence its key hashes (XXH3's mid-size inputs).
    static let keyPrefix = 128

    /// Whether `lhs` and `rhs`, of one count, hold the same bytes, compared eight at a time.
    static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        let count = lhs.count
        guard rhs.count == count else { return false }
        guard count > 0 else { return true }
        let left = lhs.baseAddress!, right = rhs.baseAddress!
        var offset = 0
        while offset &+ 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset &+= 8
        }
        while offset < count {
            if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset &+= 1
        }
        return true
    }

    /// The entry a key is filed at.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        capacity == 1 ? 0 : Int(truncatingIfNeeded: key &>> shift)
    }

    /// The sets of the sentence of `wordCount` words whose folded bytes are `bytes` (their
    /// ``key(of:)`` being `key`), when it is filed.
    func sets(of bytes: UnsafeRawBufferPointer, key: UInt64, wordCount: Int) -> Sets? {
        let slot = slot(of: key)
        return entries.withLock { entries -> Sets? in
            guard entries.keys[slot] == key, entries.wordCounts[slot] == wordCount,
                  entries.bytes[slot].withUnsafeBytes({ Self.equal($0, bytes) }) else { return nil }
            return entries.sets[slot]
        }
    }

    /// Files `sets` as those of the sentence of `wordCount` words whose folded bytes are
    /// `bytes` (their ``key(of:)`` being `key`), unless the bytes hold another count of
    /// spaces than `wordCount` less one.
    func file(_ sets: Sets, of bytes: UnsafeRawBufferPointer, key: UInt64, wordCount: Int) {
        guard Self.spaceCount(bytes) == wordCount - 1 else { return }
        let copy = Array(bytes)
        let slot = slot(of: key)
        entries.withLock { entries in
            entries.keys[slot] = key
            entries.wordCounts[slot] = wordCount
            entries.bytes[slot] = copy
            entries.sets[slot] = sets
        }
    }

    /// The bytes 0x20 of `bytes`, counted eight at a time: in each word, the bytes that are
    /// zero after an exclusive or with spaces, found without a carry between bytes.
    static func spaceCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = bytes.count
        guard count > 0 else { return 0 }
        let base = bytes.baseAddress!
        let spaces: UInt64 = 0x2020_2020_2020_2020, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var total = 0
        var offset = 0
        while offset &+ 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ spaces
            // A byte's high bit ends up set here exactly when the byte is zero.
            let zeros = ~(((word & low) &+ low) | word | low)
            total &+= zeros.nonzeroBitCount
            offset &+= 8
        }
        while offset < count {
            if base.load(fromByteOffset: offset, as: UInt8.self) == 0x20 { total &+= 1 }
            offset &+= 1
        }
        return total
    }
}
