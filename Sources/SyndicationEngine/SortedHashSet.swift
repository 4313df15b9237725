/// Set operations on sorted arrays of distinct hashes, the representation of every shingle
/// set in syndetect: compact, cache-friendly and cheap to intersect.
public enum SortedHashSet {
    /// Sorts `hashes` and removes repeats.
    public static func make(_ hashes: [UInt64]) -> [UInt64] {
        guard hashes.count > 1 else { return hashes }
        var sorted = hashes
        sorted.sort()
        var write = 1
        for read in 1..<sorted.count where sorted[read] != sorted[write - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeSubrange(write...)
        return sorted
    }

    /// The number of hashes both sorted sets hold.
    ///
    /// - Complexity: O(*m* + *n*).
    public static func intersectionCount(_ lhs: [UInt64], _ rhs: [UInt64]) -> Int {
        var left = 0
        var right = 0
        var count = 0
        while left < lhs.count && right < rhs.count {
            if lhs[left] == rhs[right] {
                count += 1
                left += 1
                right += 1
            } else if lhs[left] < rhs[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return count
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
