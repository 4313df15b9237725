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

    /// The home slot of `hash` in a table of `mask + 1` slots.
    @inline(__always)
    static func home(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
}
