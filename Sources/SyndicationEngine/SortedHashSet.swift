/// Set operations on sorted arrays of distinct hashes, the representation of every shingle
/// set in syndetect: compact, cache-friendly and cheap to intersect.
public enum SortedHashSet {
    /// Sorts `hashes` and removes repeats.
    ///
    /// Hashes are close to uniform, so they are sorted by address calculation (Isaac and
    /// Singleton, "Sorting by address calculation", J. ACM 3(3), 1956): each hash goes to the
    /// slot its top bits name in a table of four to eight slots per hash, and a hash whose
    /// slot is taken moves along the run it meets, which stays in order, as in an ordered hash
    /// table (Amble and Knuth, "Ordered hash tables", Comput. J. 17(2), 1974). A repeat meets
    /// its twin there and is dropped; the occupied slots, read in order, are the sorted set.
    /// Skewed input stays correct, only slower: past ``crowdedMoveFactor`` moves per hash the
    /// table gives up and the standard sort takes over.
    ///
    /// - Complexity: expected O(*n*) for hashes of a good hash function, O(*n* log *n*) at worst.
    public static func make(_ hashes: consuming [UInt64]) -> [UInt64] {
        guard hashes.count > 1 else { return hashes }
        if hashes.count <= 32 {
            // Sorted in place: a temporary array handed over is not copied first.
            var sorted = consume hashes
            let write = sorted.withUnsafeMutableBufferPointer { buffer -> Int in
                insertionSort(buffer)
                return removeRepeats(buffer)
            }
            sorted.removeSubrange(write...)
            return sorted
        }
        if hashes.count > tableLimit {
            // Sorted in place too: a table would take several times the array's memory.
            var sorted = consume hashes
            sorted.sort()
            let write = sorted.withUnsafeMutableBufferPointer { removeRepeats($0) }
            sorted.removeSubrange(write...)
            return sorted
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: workspaceCount(for: hashes.count)) { workspace in
            hashes.withUnsafeBufferPointer { placed($0, workspace: workspace.baseAddress!) }
        }
    }

    /// ``make(_:)`` of hashes in a buffer the caller reuses, with `workspace` room for
    /// ``workspaceCount(for:)`` of `hashes.count` words: the sorted distinct hashes in an
    /// array of their own, without a temporary array or allocation besides it. `hashes` is
    /// left as it was.
    ///
    /// - Complexity: expected O(*n*) for hashes of a good hash function, O(*n* log *n*) at worst.
    public static func make(
        sorting hashes: UnsafeMutableBufferPointer<UInt64>, workspace: UnsafeMutablePointer<UInt64>
    ) -> [UInt64] {
        guard hashes.count > 1 else { return Array(hashes) }
        guard hashes.count <= tableLimit else { return standardSorted(UnsafeBufferPointer(hashes)) }
        return placed(UnsafeBufferPointer(hashes), workspace: workspace)
    }

    /// The words of workspace ``make(sorting:workspace:)`` needs for `count` hashes: the table
    /// (``tableSlots(for:)``) and its occupancy bits, at most 10 × `count` + 2, and no more
    /// than for ``tableLimit`` hashes (more take the standard sort).
    public static func workspaceCount(for count: Int) -> Int {
        let slots = tableSlots(for: Swift.min(count, tableLimit))
        return slots + (slots + 63) / 64 + 1
    }

    /// The most hashes sorted in a table: more (a whole huge document's) take the standard
    /// sort, whose memory is the array's own.
    static var tableLimit: Int { 1 << 20 }

    /// The addresses of the table for `count` hashes, as a power of two: the least one of at
    /// least four per hash, two for more than 4,096 hashes (memory).
    static func addressBits(for count: Int) -> Int {
        let spread = count <= 4_096 ? 4 : 2
        return Int.bitWidth &- (spread &* Swift.max(count, 1) &- 1).leadingZeroBitCount
    }

    /// The slots of the table for `count` hashes: one per address, and room after the last
    /// for a run pushed past it.
    private static func tableSlots(for count: Int) -> Int {
        (1 &<< addressBits(for: count)) &+ count
    }

    /// The most steps per hash (along a run, and of hashes moved up a slot) the table takes
    /// before it leaves skewed input to the standard sort; uniform hashes take a small
    /// fraction of one.
    static var crowdedMoveFactor: Int { 4 }

    /// The sorted distinct hashes of more than one `input` hash, by address calculation in
    /// `workspace` (``workspaceCount(for:)`` words: the table, then its occupancy bits).
    private static func placed(_ input: UnsafeBufferPointer<UInt64>, workspace: UnsafeMutablePointer<UInt64>) -> [UInt64] {
        var table = AddressTable(count: input.count, workspace: workspace)
        for hash in input { table.insert(hash) }
        return table.isCrowded ? standardSorted(input) : table.sortedSet()
    }

    /// The table of ``make(_:)``, filled one hash at a time by callers that make the hashes
    /// as they go (``Shingling/writeHashes(of:tokens:into:sortingWith:)``): an ordered hash
    /// table of addresses by the top bits, in a workspace of ``workspaceCount(for:)`` words
    /// for the most hashes it takes.
    struct AddressTable {
        /// The slots: one per address, then room for a run pushed past the last.
        let table: UnsafeMutablePointer<UInt64>
        /// One bit per slot: whether it holds a hash.
        let occupied: UnsafeMutablePointer<UInt64>
        /// The words of `occupied`.
        let words: Int
        /// 64 less the address bits: a hash's address is `hash >> shift`.
        let shift: UInt64
        /// The most steps the table takes before it is crowded.
        let moveLimit: Int
        /// Steps taken so far.
        var moves = 0

        /// An empty table for at most `count` hashes.
        @inline(__always)
        init(count: Int, workspace: UnsafeMutablePointer<UInt64>) {
            let bits = addressBits(for: count)
            let slots = (1 &<< bits) &+ count
            table = workspace
            occupied = workspace + slots
            words = (slots &+ 63) &>> 6
            shift = UInt64(truncatingIfNeeded: 64 &- bits)
            moveLimit = crowdedMoveFactor &* count
            occupied.initialize(repeating: 0, count: words)
        }

        /// Whether the input was too skewed for the table (past ``crowdedMoveFactor`` steps per
        /// hash): what it holds is then no answer, and the caller sorts the standard way.
        var isCrowded: Bool { moves > moveLimit }

        @inline(__always)
        private func isOccupied(_ slot: Int) -> Bool {
            occupied[slot &>> 6] & (1 &<< UInt64(truncatingIfNeeded: slot & 63)) != 0
        }

        /// Puts `hash` in the table, unless it is there already.
        @inline(__always)
        mutating func insert(_ hash: UInt64) {
            let home = Int(truncatingIfNeeded: hash &>> shift)
            let word = occupied[home &>> 6]
            let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: home & 63)
            if word & bit == 0 {
                table[home] = hash
                occupied[home &>> 6] = word | bit
            } else {
                collide(hash, at: home)
            }
        }

        /// Puts `hash` in the run that holds its address `home`: the run holds smaller hashes,
        /// then larger ones, and it goes between them (unless it is there already) while the
        /// larger ones move up a slot. A crowded table takes no more.
        private mutating func collide(_ hash: UInt64, at home: Int) {
            guard moves <= moveLimit else { return }
            var slot = home
            while isOccupied(slot), table[slot] < hash { slot &+= 1 }
            moves &+= slot &- home
            if isOccupied(slot) {
                if table[slot] == hash { return }
                var carried = hash
                repeat {
                    swap(&table[slot], &carried)
                    slot &+= 1
                    moves &+= 1
                } while isOccupied(slot)
                table[slot] = carried
            } else {
                table[slot] = hash
            }
            occupied[slot &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: slot & 63)
        }

        /// The hashes put in, sorted and distinct: the occupied slots in order, gathered to the
        /// front of the table (never ahead of where they are read) and copied out.
        func sortedSet() -> [UInt64] {
            var written = 0
            for index in 0..<words {
                var word = occupied[index]
                let base = table + (index &<< 6)
                while word != 0 {
                    table[written] = base[word.trailingZeroBitCount]
                    written &+= 1
                    word &= word &- 1
                }
            }
            return Array(UnsafeBufferPointer(start: table, count: written))
        }
    }

    /// The sorted distinct hashes of `input` by the standard sort: crowded input's fallback.
    static func standardSorted(_ input: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        var sorted = Array(input)
        sorted.sort()
        let write = sorted.withUnsafeMutableBufferPointer { removeRepeats($0) }
        sorted.removeSubrange(write...)
        return sorted
    }

    /// Sorts a short buffer in place.
    @inline(__always)
    private static func insertionSort(_ buffer: UnsafeMutableBufferPointer<UInt64>) {
        guard buffer.count > 1 else { return }
        for index in 1..<buffer.count {
            let value = buffer[index]
            var hole = index
            while hole > 0, buffer[hole &- 1] > value {
                buffer[hole] = buffer[hole &- 1]
                hole &-= 1
            }
            buffer[hole] = value
        }
    }

    /// Keeps the first of each run of equal values of a sorted buffer; returns how many remain.
    @inline(__always)
    private static func removeRepeats(_ buffer: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var write = 1
        for read in 1..<buffer.count where buffer[read] != buffer[write &- 1] {
            buffer[write] = buffer[read]
            write &+= 1
        }
        return write
    }

    /// The number of hashes both sorted sets hold.
    ///
    /// - Complexity: O(*m* + *n*).
    public static func intersectionCount(_ lhs: [UInt64], _ rhs: [UInt64]) -> Int {
        lhs.withUnsafeBufferPointer { lhs in
            rhs.withUnsafeBufferPointer { rhs in
                // Read in place. The branches stay: the sets compared are mostly alike
                // (candidate pairs, seeded sentences), where equal heads are the rule and
                // predicted, while a branch-free step waits on the loads of the last.
                let leftCount = lhs.count, rightCount = rhs.count
                var left = 0, right = 0, count = 0
                while left < leftCount && right < rightCount {
                    let x = lhs[left], y = rhs[right]
                    if x == y {
                        count &+= 1
                        left &+= 1
                        right &+= 1
                    } else if x < y {
                        left &+= 1
                    } else {
                        right &+= 1
                    }
                }
                return count
            }
        }
    }

    /// Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted sets (0 when both are empty).
    public static func jaccard(_ lhs: [UInt64], _ rhs: [UInt64]) -> Double {
        let shared = intersectionCount(lhs, rhs)
        let union = lhs.count + rhs.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Containment |A ∩ B| / |A| of `lhs` in `rhs` (0 when `lhs` is empty).
    public static func containment(of lhs: [UInt64], in rhs: [UInt64]) -> Double {
        lhs.isEmpty ? 0 : Double(intersectionCount(lhs, rhs)) / Double(lhs.count)
    }
}
