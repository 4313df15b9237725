/// Finds 64-bit fingerprints within Hamming distance *k* of each other without comparing
/// every pair: the block-permuted tables of Manku, Jain & Das Sarma, "Detecting
/// Near-Duplicates for Web Crawling", WWW 2007.
///
/// The 64 bits are cut into *B* > *k* contiguous blocks. Two fingerprints that differ in at
/// most *k* bits differ in at most *k* blocks, so they agree exactly on some *B* − *k* of
/// them. The index keeps one table for each of the C(*B*, *B* − *k*) choices of blocks,
/// keyed by the fingerprint's bits in the chosen blocks; a query looks up its own key in
/// every table and checks the distance of each entry found. (Manku et al. sort permuted
/// copies of the fingerprints so the chosen blocks lead; a hash table keyed by the masked
/// bits finds the same entries.) With *B* = 6, *k* = 3 there are 20 tables keyed by 31 to
/// 33 bits, so among *n* random fingerprints a query meets about 20·*n*/2³² false entries.
///
/// - Complexity: insertion O(C(*B*, *k*)); a query O(C(*B*, *k*) + candidates found).
public struct SimHashIndex: Sendable {
    /// The largest Hamming distance *k* that counts as a match.
    public let maximumDistance: Int
    /// The number *B* of blocks the 64 bits are cut into.
    public let blockCount: Int

    /// One mask per table: the bits of the chosen *B* − *k* blocks.
    private let masks: [UInt64]
    /// One table per mask, from masked bits to positions in ``entries``.
    private var tables: [[UInt64: [Int]]]
    /// Every inserted (fingerprint, id), in insertion order.
    private var entries: [(fingerprint: UInt64, id: Int)] = []

    /// An empty index matching fingerprints at most `maximumDistance` bits apart, cutting them
    /// into `blockCount` blocks.
    ///
    /// - Precondition: `0 <= maximumDistance < blockCount <= 64`.
    public init(maximumDistance: Int = 3, blockCount: Int = 6) {
        precondition(maximumDistance >= 0, "a distance is not negative")
        precondition(blockCount > maximumDistance, "needs more blocks (\(blockCount)) than distance (\(maximumDistance))")
        precondition(blockCount <= 64, "at most 64 blocks of a 64-bit fingerprint")
        self.maximumDistance = maximumDistance
        self.blockCount = blockCount
        let blockMasks = Self.blockMasks(count: blockCount)
        masks = Self.combinations(of: blockCount - maximumDistance, from: blockCount).map { chosen in
            chosen.reduce(0) { $0 | blockMasks[$1] }
        }
        tables = Array(repeating: [:], count: masks.count)
    }

    /// The number of tables, C(*B*, *B* − *k*).
    public var tableCount: Int { masks.count }

    /// The number of inserted fingerprints.
    public var count: Int { entries.count }

    /// Adds `fingerprint` under `id`. Ids need not be distinct or ordered, but a pair of equal
    /// ids is never reported.
    ///
    /// - Complexity: O(C(*B*, *k*)) amortised.
    public mutating func insert(_ fingerprint: UInt64, id: Int) {
        let position = entries.count
        entries.append((fingerprint, id))
        for table in masks.indices {
            tables[table][fingerprint & masks[table], default: []].append(position)
        }
    }

    /// The ids of inserted fingerprints at most ``maximumDistance`` bits from `fingerprint`,
    /// sorted, without duplicates.
    ///
    /// - Complexity: O(C(*B*, *k*) + candidates found · log).
    public func matches(of fingerprint: UInt64) -> [Int] {
        var ids: [Int] = []
        for table in masks.indices {
            guard let bucket = tables[table][fingerprint & masks[table]] else { continue }
            for position in bucket
            where (entries[position].fingerprint ^ fingerprint).nonzeroBitCount <= maximumDistance {
                ids.append(entries[position].id)
            }
        }
        return Self.sortedUnique(ids)
    }

    /// Every pair of ids whose fingerprints are at most ``maximumDistance`` bits apart, as
    /// (smaller, larger), each once, sorted; pairs of equal ids are left out.
    ///
    /// - Complexity: O(Σ over buckets of size²) plus sorting the pairs found.
    public func candidatePairs() -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for table in tables {
            for bucket in table.values where bucket.count > 1 {
                for i in 0..<(bucket.count - 1) {
                    let first = entries[bucket[i]]
                    for j in (i + 1)..<bucket.count {
                        let second = entries[bucket[j]]
                        guard first.id != second.id,
                              (first.fingerprint ^ second.fingerprint).nonzeroBitCount <= maximumDistance
                        else { continue }
                        pairs.append(first.id < second.id ? (first.id, second.id) : (second.id, first.id))
                    }
                }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var unique: [(Int, Int)] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last.map({ $0 != pair }) ?? true { unique.append(pair) }
        return unique
    }

    /// Masks of `count` contiguous blocks covering the 64 bits, the first 64 mod `count` one
    /// bit longer than the rest.
    private static func blockMasks(count: Int) -> [UInt64] {
        var masks: [UInt64] = []
        var start = 0
        for block in 0..<count {
            let width = 64 / count + (block < 64 % count ? 1 : 0)
            let ones: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
            masks.append(ones << UInt64(start))
            start += width
        }
        return masks
    }

    /// All `size`-element subsets of `0..<count`, in lexicographic order.
    private static func combinations(of size: Int, from count: Int) -> [[Int]] {
        var result: [[Int]] = []
        var chosen: [Int] = []
        func extend(from next: Int) {
            if chosen.count == size { result.append(chosen); return }
            guard next < count, count - next >= size - chosen.count else { return }
            for element in next..<count {
                chosen.append(element)
                extend(from: element + 1)
                chosen.removeLast()
            }
        }
        extend(from: 0)
        return result
    }

    private static func sortedUnique(_ values: [Int]) -> [Int] {
        var sorted = values.sorted()
        var write = 0
        for read in sorted.indices where write == 0 || sorted[read] != sorted[write - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeSubrange(write...)
        return sorted
    }
}
