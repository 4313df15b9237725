/// Set operations on sorted arrays of distinct hashes, the representation of every shingle
/// set in syndetect: compact, cache-friendly and cheap to intersect.
public enum SortedHashSet {
    /// Sorts `hashes` and removes repeats.
    ///
    /// Hashes are close to uniform, so they are sorted by distribution (Knuth, TAOCP vol. 3,
    /// §5.2.5): one counting pass by the top bits spreads them over one or two hashes per
    /// bucket, and insertion sort puts each short bucket in order, in expected O(*n*) time.
    /// Skewed input stays correct, only slower (each bucket is still insertion-sorted; a
    /// bucket past ``distributionBucketLimit`` hashes falls back to the standard sort).
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
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: workspaceCount(for: hashes.count)) { workspace in
            hashes.withUnsafeBufferPointer { distributed($0, workspace: workspace.baseAddress!) }
        }
    }

    /// ``make(_:)`` of hashes in a buffer the caller reuses, which it may reorder, with
    /// `workspace` room for ``workspaceCount(for:)`` of `hashes.count` words: the sorted
    /// distinct hashes in an array of their own, without a temporary array or allocation
    /// besides it.
    ///
    /// - Complexity: expected O(*n*) for hashes of a good hash function, O(*n* log *n*) at worst.
    public static func make(
        sorting hashes: UnsafeMutableBufferPointer<UInt64>, workspace: UnsafeMutablePointer<UInt64>
    ) -> [UInt64] {
        guard hashes.count > 32 else {
            guard hashes.count > 1 else { return Array(hashes) }
            insertionSort(hashes)
            return Array(UnsafeBufferPointer(rebasing: hashes[..<removeRepeats(hashes)]))
        }
        return distributed(UnsafeBufferPointer(hashes), workspace: workspace)
    }

    /// The words of workspace ``make(sorting:workspace:)`` needs for `count` hashes: at most
    /// 2 × `count` + 1.
    public static func workspaceCount(for count: Int) -> Int {
        count + bucketCount(for: count) + 1
    }

    /// The distribution buckets for `count` hashes: the largest power of two not above the
    /// count (at least 2, at most 2^16).
    private static func bucketCount(for count: Int) -> Int {
        1 << Swift.min(16, Swift.max(1, (Int.bitWidth - count.leadingZeroBitCount) - 1))
    }

    /// The sorted distinct hashes of more than one `input` hash, sorted by distribution in
    /// `workspace` (``workspaceCount(for:)`` words: the sorted hashes, then bucket offsets).
    private static func distributed(_ input: UnsafeBufferPointer<UInt64>, workspace: UnsafeMutablePointer<UInt64>) -> [UInt64] {
        let count = input.count
        let bucketCount = bucketCount(for: count)
        let shift = UInt64(64 - bucketCount.trailingZeroBitCount)
        let output = workspace
        let starts = workspace + count
        starts.initialize(repeating: 0, count: bucketCount + 1)
        for hash in input { starts[Int(truncatingIfNeeded: hash >> shift) &+ 1] &+= 1 }
        for bucket in 0..<bucketCount { starts[bucket &+ 1] &+= starts[bucket] }
        for hash in input {
            let bucket = Int(truncatingIfNeeded: hash >> shift)
            output[Int(truncatingIfNeeded: starts[bucket])] = hash
            starts[bucket] &+= 1
        }
        // `starts[b]` is now the end of bucket b, which is where bucket b + 1 starts.
        var start = 0
        for bucket in 0..<bucketCount {
            let end = Int(truncatingIfNeeded: starts[bucket])
            if end &- start > 1 {
                var slice = UnsafeMutableBufferPointer(start: output + start, count: end &- start)
                if slice.count <= distributionBucketLimit { insertionSort(slice) } else { slice.sort() }
            }
            start = end
        }
        let sorted = UnsafeMutableBufferPointer(start: output, count: count)
        return Array(UnsafeBufferPointer(rebasing: sorted[..<removeRepeats(sorted)]))
    }

    /// The most hashes one bucket of ``make(_:)`` insertion-sorts; larger ones (from skewed
    /// input) take the standard sort.
    static let distributionBucketLimit = 32

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
