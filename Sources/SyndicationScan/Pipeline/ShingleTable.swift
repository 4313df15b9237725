/// Shingle hashes with a count each, in one open-addressing table (linear probing, Knuth,
/// *TAOCP* vol. 3, §6.4): the exact count of the candidate common shingles, and their lookup
/// for every sentence shingle the sketch pass meets, without `Dictionary`'s SipHash per access.
///
/// Shingle hashes are XXH3 values, so a multiplicative (Fibonacci) hash of the key picks the
/// slot; the table doubles past half full. A count of zero marks an empty slot.
///
/// - Complexity: O(1) expected per access; 12 bytes per slot, at most four slots per key.
struct ShingleTable: Sendable {
    private var keys: [UInt64]
    private var counts: [Int32]
    /// log₂ of the slot count.
    private var bits: Int
    /// The number of distinct keys.
    private(set) var count = 0

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 1_024) {
        bits = 4
        while 1 << bits < 2 * max(1, capacity) { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        counts = [Int32](repeating: 0, count: 1 << bits)
    }

    /// A table holding each of `keys` once, with a count of one.
    init(_ keys: some Collection<UInt64>) {
        self.init(capacity: keys.count)
        // Room for every key at most half full: no growth, one probe sequence per key.
        let mask = (1 << bits) - 1, shift = UInt64(64 - bits)
        var distinct = 0
        self.keys.withUnsafeMutableBufferPointer { slots in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                    while counts[index] != 0 && slots[index] != key { index = (index &+ 1) & mask }
                    if counts[index] == 0 {
                        slots[index] = key
                        counts[index] = 1
                        distinct &+= 1
                    }
                }
            }
        }
        count = distinct
    }

    /// The first slot `key` probes (also written out in ``init(_:)``).
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func index(of key: UInt64) -> Int {
        let mask = (1 << bits) - 1
        var index = slot(of: key)
        while counts[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    /// Adds one to the count of `key`.
    @inline(__always)
    mutating func increment(_ key: UInt64) {
        let index = index(of: key)
        guard counts[index] == 0 else {
            counts[index] &+= 1
            return
        }
        keys[index] = key
        counts[index] = 1
        count += 1
        if 2 * count > 1 << bits { grow() }
    }

    /// The count of `key` (0 when absent).
    @inline(__always)
    func count(of key: UInt64) -> Int32 {
        counts[index(of: key)]
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        count(of: key) > 0
    }

    /// The keys counted at least `limit` times, in no particular order.
    func keys(countedAtLeast limit: Int32) -> [UInt64] {
        keys.indices.filter { counts[$0] >= limit }.map { keys[$0] }
    }

    private mutating func grow() {
        let (oldKeys, oldCounts) = (keys, counts)
        bits += 1
        keys = [UInt64](repeating: 0, count: 1 << bits)
        counts = [Int32](repeating: 0, count: 1 << bits)
        let mask = (1 << bits) - 1
        for index in oldKeys.indices where oldCounts[index] != 0 {
            var slot = slot(of: oldKeys[index])
            while counts[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            counts[slot] = oldCounts[index]
        }
    }
}
