/// A stable sort of values by a 64-bit key, least significant 16 bits first (LSD radix sort,
/// Knuth TAOCP vol. 3 §5.2.5): four counting passes over the values, whatever their order.
///
/// For the hundreds of thousands of line keys of a census it does in about 60 instructions a
/// value what a comparison sort (a stable merge sort calling a closure) did in about 1,000.
/// Equal keys keep their order, so a caller that wants ties broken otherwise sorts each run of
/// equal keys afterwards (`RadixSortTests` pins it to `sorted(by:)`).
enum RadixSort {
    /// Sorts `values` by `key`, ascending, keeping the order of values with equal keys, when
    /// every key is below 2^`keyBits`: by 16-bit digits for 65,536 values or more (``sort(_:by:)``),
    /// by 11-bit digits, a counting pass and a moving pass each, below that, where 65,536
    /// counters a digit would cost more than the values.
    ///
    /// - Complexity: O(*n* + 2¹¹) time for each 11-bit digit of `keyBits` (a digit every key
    ///   shares moves nothing), O(*n* + 2¹⁶) for each 16-bit one; O(*n*) extra memory.
    @inline(__always)
    static func sort<Value>(_ values: inout [Value], keyBits: Int, by key: (Value) -> UInt64) {
        guard values.count > 1 else { return }
        guard values.count < 1 << 16 else { return sort(&values, by: key) }
        sortByShortDigits(&values, keyBits: keyBits, by: key)
    }

    /// Sorts `values` by the low `keyBits` bits of `key`, stably, by 11-bit digits: a counting
    /// pass and a moving pass each, over 2,048 counters that stay in the first-level cache.
    @inline(__always)
    private static func sortByShortDigits<Value>(_ values: inout [Value], keyBits: Int, by key: (Value) -> UInt64) {
        var scratch: [Value] = []
        sortByShortDigits(&values, scratch: &scratch, keyBits: keyBits, by: key)
    }

    /// ``sortByShortDigits(_:keyBits:by:)`` moving values through `scratch`, whose storage
    /// (and that of `values`) a caller sorting one large array after another keeps: memory
    /// touched once, not page-faulted in again for every array. `scratch`'s contents are
    /// left undefined.
    @inline(__always)
    private static func sortByShortDigits<Value>(
        _ values: inout [Value], scratch other: inout [Value], keyBits: Int, by key: (Value) -> UInt64
    ) {
        let count = values.count
        guard count > 1 else { return }
        let digitBits = 11
        let bucketCount = 1 << digitBits
        let mask = UInt64(bucketCount - 1)
        other.removeAll(keepingCapacity: true)
        other.append(contentsOf: values)
        var sortedIsOther = false
        withUnsafeTemporaryAllocation(of: Int.self, capacity: bucketCount) { counts in
            var shift: UInt64 = 0
            while shift < UInt64(keyBits) {
                counts.initialize(repeating: 0)
                values.withUnsafeMutableBufferPointer { values in
                    other.withUnsafeMutableBufferPointer { other in
                        let source = sortedIsOther ? other : values
                        let target = sortedIsOther ? values : other
                        for value in source { counts[Int(truncatingIfNeeded: (key(value) >> shift) & mask)] &+= 1 }
                        // A digit every key shares moves nothing.
                        guard counts[Int(truncatingIfNeeded: (key(source[0]) >> shift) & mask)] != count else { return }
                        var place = 0
                        for bucket in 0..<bucketCount {
                            let size = counts[bucket]
                            counts[bucket] = place
                            place &+= size
                        }
                        for value in source {
                            let bucket = Int(truncatingIfNeeded: (key(value) >> shift) & mask)
                            target[counts[bucket]] = value
                            counts[bucket] &+= 1
                        }
                        sortedIsOther.toggle()
                    }
                }
                shift &+= UInt64(digitBits)
            }
        }
        if sortedIsOther { swap(&values, &other) }
    }

    /// Sorts `values` by `key`, ascending, keeping the order of values with equal keys.
    ///
    /// - Complexity: O(*n* + 2¹⁶) time for each of the four 16-bit digits of the key (a
    ///   digit every key shares is skipped), and O(*n*) extra memory.
    static func sort<Value>(_ values: inout [Value], by key: (Value) -> UInt64) {
        let count = values.count
        guard count > 1 else { return }
        let digitCount = 4
        let bucketCount = 1 << 16
        // The histograms of all four digits in one pass.
        var counts = [Int](repeating: 0, count: digitCount * bucketCount)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in values {
                let key = key(value)
                for digit in 0..<digitCount {
                    counts[digit &* bucketCount &+ Int(truncatingIfNeeded: (key >> UInt64(16 * digit)) & 0xFFFF)] &+= 1
                }
            }
        }
        var other = values
        var sortedIsOther = false
        for digit in 0..<digitCount {
            let offset = digit * bucketCount
            // A digit every key shares moves nothing.
            let firstKey = key(sortedIsOther ? other[0] : values[0])
            if counts[offset + Int(truncatingIfNeeded: (firstKey >> UInt64(16 * digit)) & 0xFFFF)] == count { continue }
            counts.withUnsafeMutableBufferPointer { counts in
                // Counts to starting places.
                var place = 0
                for bucket in offset..<(offset + bucketCount) {
                    let size = counts[bucket]
                    counts[bucket] = place
                    place &+= size
                }
                func scatter(_ source: UnsafeMutableBufferPointer<Value>, _ target: UnsafeMutableBufferPointer<Value>) {
                    for value in source {
                        let bucket = offset &+ Int(truncatingIfNeeded: (key(value) >> UInt64(16 * digit)) & 0xFFFF)
                        target[counts[bucket]] = value
                        counts[bucket] &+= 1
                    }
                }
                values.withUnsafeMutableBufferPointer { values in
                    other.withUnsafeMutableBufferPointer { other in
                        if sortedIsOther { scatter(other, values) } else { scatter(values, other) }
                    }
                }
            }
            sortedIsOther.toggle()
        }
        if sortedIsOther { values = other }
    }

    /// Puts values with equal keys next to one another, each such run ordered by
    /// `areInIncreasingOrder`, for callers that walk runs of equal keys and do not mind in
    /// which order the runs come: the runs are ordered by the low 33 bits of their keys (three
    /// 11-bit digits), then by the whole key. For keys spread over 64 bits (hashes) that is
    /// almost one run per key, found at a quarter or less of a whole sort's cost.
    ///
    /// Each run is only checked when its values arrive in order, as they do when gathered in
    /// that order.
    ///
    /// - Complexity: O(*n* + 2¹¹) for each of three digits, plus *r* log *r* for each run of *r*
    ///   values out of order.
    @inline(__always)
    static func group<Value>(
        _ values: inout [Value], by key: (Value) -> UInt64, orderingEachBy areInIncreasingOrder: (Value, Value) -> Bool
    ) {
        var scratch: [Value] = []
        group(&values, scratch: &scratch, by: key, orderingEachBy: areInIncreasingOrder)
    }

    /// ``group(_:by:orderingEachBy:)`` moving values through `scratch`, whose storage (and
    /// that of `values`) a caller grouping one large array after another keeps
    /// (``sortByShortDigits(_:scratch:keyBits:by:)``); `scratch`'s contents are left undefined.
    @inline(__always)
    static func group<Value>(
        _ values: inout [Value], scratch: inout [Value], by key: (Value) -> UInt64,
        orderingEachBy areInIncreasingOrder: (Value, Value) -> Bool
    ) {
        let lowBits = 33
        let mask: UInt64 = (1 << UInt64(lowBits)) - 1
        sortByShortDigits(&values, scratch: &scratch, keyBits: lowBits, by: key)
        func inRun(_ a: Value, _ b: Value) -> Bool {
            let (left, right) = (key(a), key(b))
            return left != right ? left < right : areInIncreasingOrder(a, b)
        }
        values.withUnsafeMutableBufferPointer { values in
            var start = 0
            while start < values.count {
                let runBits = key(values[start]) & mask
                var end = start + 1
                var ordered = true
                while end < values.count, key(values[end]) & mask == runBits {
                    if ordered, inRun(values[end], values[end - 1]) { ordered = false }
                    end += 1
                }
                if !ordered { values[start..<end].sort(by: inRun) }
                start = end
            }
        }
    }
}
