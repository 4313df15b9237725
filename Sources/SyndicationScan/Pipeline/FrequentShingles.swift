/// The character shingles that at least a given number of sentences hold, counted exactly
/// through a coarse count that keeps no keys.
///
/// One table of every shingle of a few thousand documents holds over a million keys (tens of
/// megabytes): nearly every count is a cache miss, and the branch on whether a key is new
/// keeps the misses from overlapping. Here a first pass adds one, per occurrence, to a 16-bit
/// counter that the shingle's hash picks, with no key, no probe and no branch, among few
/// enough counters to stay in a core's second-level cache (the coarse count of Fang,
/// Shivakumar, Garcia-Molina, Motwani & Ullman, "Computing Iceberg Queries Efficiently", VLDB
/// 1998). Shingles that share a counter add up, so a counter is never below the count of any
/// shingle it holds: the shingles whose counter reaches the bar are a superset of the answer.
/// A second pass counts those, and only those, exactly in a table of their own. Each worker
/// counts a run of the documents in both passes, on counters of its own that are then added
/// up; the answer is the set one table's count gives, at any thread count.
enum FrequentShingles {
    /// log₂ of the most counters: 128 Ki counters of two bytes, 256 KB a worker. A sample's
    /// ten million occurrences put about 70 on each counter, under a tenth of the bar (a
    /// sentence holds about a hundred shingles and the bar is a hundredth of the sentences);
    /// 8 MB of counters (tried) kept them apart but missed the cache on every count.
    static let maximumCounterBits = 17

    /// The shingles that at least `limit` of the non-excluded sentences of `profiles` hold,
    /// counted on up to `threads` workers (0: one per core); `counterBits` (tests; at least 1)
    /// sets log₂ of the counter count, which by default grows with the occurrences up to
    /// ``maximumCounterBits``.
    ///
    /// - Complexity: O(*n*) in the shingles of those sentences, read twice.
    static func held(
        byAtLeast limit: Int, in profiles: [DocumentProfile], threads: Int, counterBits: Int? = nil
    ) -> Set<UInt64> {
        var total = 0
        for profile in profiles { forEachSentence(of: profile) { total &+= $0.count } }
        guard total > 0, limit > 0 else { return [] }
        precondition(counterBits.map { $0 >= 1 } ?? true, "at least two counters")
        var bits = counterBits ?? 10
        if counterBits == nil { while bits < maximumCounterBits && 1 << bits < total { bits += 1 } }
        // A shingle's counter is its hash's top bits, as a table's home slot is.
        let shift = HashSlots.shift(for: 1 << bits)
        let workers = max(1, min(profiles.count, threads <= 0 ? ParallelWork.coreCount : threads))
        func documents(of worker: Int) -> Range<Int> {
            (profiles.count * worker / workers)..<(profiles.count * (worker + 1) / workers)
        }
        let partial = ParallelWork.map(count: workers, threads: workers) { worker -> [UInt16] in
            var counters = [UInt16](repeating: 0, count: 1 << bits)
            counters.withUnsafeMutableBufferPointer { counters in
                forEachOccurrence(in: profiles[documents(of: worker)], shift: shift) { _, slot in
                    counters[slot] &+= counters[slot] == .max ? 0 : 1
                }
            }
            return counters
        }
        var counters = partial[0]
        for other in partial.dropFirst() {
            for slot in counters.indices {
                let (sum, overflow) = counters[slot].addingReportingOverflow(other[slot])
                counters[slot] = overflow ? .max : sum
            }
        }
        // A saturated counter passes the bar, so the bar stays where a counter can reach it.
        let bar = UInt16(min(limit, Int(UInt16.max)))
        let tallies = counters.withUnsafeBufferPointer { counters in
            nonisolated(unsafe) let counters = counters
            return ParallelWork.map(count: workers, threads: workers) { worker -> ShingleTable in
                var exact = ShingleTable()
                forEachOccurrence(in: profiles[documents(of: worker)], shift: shift) { shingle, slot in
                    if counters[slot] >= bar { exact.increment(shingle) }
                }
                return exact
            }
        }
        let candidates = Set(tallies.flatMap { $0.keys(countedAtLeast: 1) })
        return candidates.filter { key in tallies.reduce(0) { $0 + Int($1.count(of: key)) } >= limit }
    }

    /// Calls `body` with every shingle occurrence of `profiles` and its counter, the one that
    /// the hash's top bits under `shift` pick (``HashSlots/home(of:shift:)``).
    @inline(__always)
    private static func forEachOccurrence(
        in profiles: ArraySlice<DocumentProfile>, shift: Int, _ body: (UInt64, Int) -> Void
    ) {
        for profile in profiles {
            forEachSentence(of: profile) { shingles in
                for shingle in shingles { body(shingle, HashSlots.home(of: shingle, shift: shift)) }
            }
        }
    }

    /// Calls `body` with the shingles of each non-excluded sentence of `profile`, read in place.
    @inline(__always)
    private static func forEachSentence(of profile: DocumentProfile, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        profile.sentences.withUnsafeBufferPointer { sentences in
            for index in sentences.indices where !sentences[index].isExcluded {
                sentences[index].shingles.withUnsafeBufferPointer(body)
            }
        }
    }
}
