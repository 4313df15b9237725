/// The arithmetic the alignment's open-addressing tables share (linear probing over a
/// power-of-two number of slots; Knuth, *TAOCP* vol. 3, §6.4, algorithm L): how many slots a
/// table needs for a load, and the slot where a hash starts looking.
///
/// The keys are XXH3 hashes, already uniform; folding the high bits into the low ones keeps
/// a table's home slots independent of the low bits alone.
enum HashSlots {
    /// The slot count — a power of two, at least 16 — at which `count` entries fill at most
    /// `numerator`/`denominator` of the table.
    static func capacity(for count: Int, maximumLoad numerator: Int, _ denominator: Int) -> Int {
        var capacity = 16
        while capacity * numerator < count * denominator { capacity <<= 1 }
        return capacity
    }

    /// Entries up to which a table kept for many probes is made sparse
    /// (``sparseCapacity(for:beyond:_:)``): 65,536 slots at most, within a core's L2.
    static let sparseLimit = 1 << 14

    /// The slot count for `count` entries of a table probed many times: at most a quarter
    /// full while it stays in a core's cache (``sparseLimit`` entries or fewer), for a probe
    /// that meets another entry is a branch mispredicted, which there costs more than the
    /// larger table (the sentence shingle index at two thirds full, on the 20k bench corpus:
    /// 0.824 s against 0.804 s a quarter full); beyond, at most `numerator`/`denominator`
    /// full, where memory matters more (two near-identical 20 MB documents: a quarter-full word
    /// table took the peak from 3.07 to 3.22 GB).
    static func sparseCapacity(for count: Int, beyond numerator: Int, _ denominator: Int) -> Int {
        count <= sparseLimit
            ? capacity(for: count, maximumLoad: 1, 4) : capacity(for: count, maximumLoad: numerator, denominator)
    }

    /// The home slot of `hash` in a table of `mask + 1` slots.
    @inline(__always)
    static func home(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// The shift that takes a hash to its top bits as a slot of a table of `capacity` slots
    /// (a power of two, at least 2): ``home(of:shift:)``.
    static func shift(for capacity: Int) -> Int {
        capacity.leadingZeroBitCount &+ 1
    }

    /// The home slot of `hash` by its top bits, for a table whose ``shift(for:)`` is `shift`:
    /// as uniform as ``home(of:mask:)`` for XXH3 hashes, in one instruction, and in the order
    /// of the hashes, so a sorted set's hashes probe the table from its start to its end.
    @inline(__always)
    static func home(of hash: UInt64, shift: Int) -> Int {
        Int(truncatingIfNeeded: hash &>> UInt64(truncatingIfNeeded: shift))
    }
}
