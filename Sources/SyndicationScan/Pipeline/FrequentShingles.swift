/// The character shingles that at least a given number of sentences hold, counted exactly
/// with tables that stay in cache.
///
/// One table of every shingle of a few thousand documents holds over a million keys (tens of
/// megabytes), so nearly every count is a cache miss. Here the sentences are cut into *k*
/// groups of about ``groupOccurrences`` shingles each, and each group is counted in a table of
/// its own, emptied for the next. A shingle that `limit` sentences hold is held by at least
/// ⌈`limit` / *k*⌉ sentences of some group (pigeonhole principle), so the shingles that reach
/// that bar in a group are a superset of the answer; a second pass counts just those over all
/// sentences. The same set as one table's count, for any number of groups or threads: groups
/// and workers only decide where each count is made.
enum FrequentShingles {
    /// Shingle occurrences per group: a group's table (at most half full) then holds at most
    /// that many distinct shingles, in prose a few tens of thousands: under a megabyte.
    static let groupOccurrences = 1 << 16

    /// The shingles that at least `limit` of the non-excluded sentences of `profiles` hold,
    /// counted on up to `threads` workers (0: one per core).
    ///
    /// - Complexity: O(*n*) expected in the shingles of those sentences, read twice.
    static func held(
        byAtLeast limit: Int, in profiles: [DocumentProfile], threads: Int, groupOccurrences: Int = groupOccurrences
    ) -> Set<UInt64> {
        let occurrences = profiles.map { profile in
            var count = 0
            forEachSentence(of: profile) { count += $0.count }
            return count
        }
        let total = occurrences.reduce(0, +)
        guard total > 0, limit > 0 else { return [] }
        // Groups of whole documents, about even; at most a quarter of `limit` of them, so that a
        // group's bar stays at four or more and the superset small.
        let wanted = max(1, min(total / max(1, groupOccurrences), limit / 4))
        let share = (total + wanted - 1) / wanted
        var bounds = [0]
        var filled = 0
        for (index, count) in occurrences.enumerated() {
            filled += count
            if filled >= share && index + 1 < profiles.count {
                bounds.append(index + 1)
                filled = 0
            }
        }
        bounds.append(profiles.count)
        let groups = bounds.count - 1
        let bar = Int32((limit + groups - 1) / groups)
        let workers = max(1, min(groups, threads <= 0 ? ParallelWork.coreCount : threads))
        // Room for half the group's occurrences as distinct shingles before the table grows.
        let capacity = max(1, min(share, total) / 2)
        // Each worker counts a run of groups, one table for all of them.
        let found = ParallelWork.map(count: workers, threads: workers) { worker -> [UInt64] in
            var table = ShingleTable(capacity: capacity)
            var reaching: [UInt64] = []
            for group in (groups * worker / workers)..<(groups * (worker + 1) / workers) {
                table.removeAll()
                for index in bounds[group]..<bounds[group + 1] {
                    forEachSentence(of: profiles[index]) { shingles in
                        for shingle in shingles { table.increment(shingle) }
                    }
                }
                reaching += table.keys(countedAtLeast: bar)
            }
            return reaching
        }
        let candidates = Set(found.joined())
        // One group: its counts were the whole count.
        guard groups > 1, !candidates.isEmpty else { return candidates }
        // The candidates counted over all sentences, each worker a run of documents; a
        // candidate starts at one, so that only candidates are counted.
        let start = ShingleTable(candidates)
        let tallies = ParallelWork.map(count: workers, threads: workers) { worker -> ShingleTable in
            var table = start
            for index in (profiles.count * worker / workers)..<(profiles.count * (worker + 1) / workers) {
                forEachSentence(of: profiles[index]) { shingles in
                    for shingle in shingles { table.incrementIfHeld(shingle) }
                }
            }
            return table
        }
        return candidates.filter { key in
            tallies.reduce(0) { $0 + Int($1.count(of: key)) - 1 } >= limit
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
