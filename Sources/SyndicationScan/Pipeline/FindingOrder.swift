import SyndicationEngine

/// The report's order of findings, by their documents' ids, found from positions.
extension CorpusCensus {
    /// `findings` sorted by their `(a, b)` ids, as `ParallelWork.sort` by the ids gives them
    /// (equal ids keeping their order), on up to `threads` workers.
    ///
    /// A position is its id's rank among the census's ids (``position(of:)``), so ordering by
    /// the two positions orders by the two ids: each id is looked up once rather than compared
    /// as a `String` at every step of the sort. A finding whose id the census does not hold
    /// (none does in a scan) leaves the order to the ids themselves.
    ///
    /// - Complexity: O(*n* log *d*) `String` comparisons for *n* findings among *d* documents,
    ///   then O(*n* log *n*) integer comparisons.
    func sortedByIds(_ findings: [PairFinding], threads: Int) -> [PairFinding] {
        let keys = ParallelWork.map(count: findings.count, threads: threads) { index -> UInt64? in
            guard let a = position(of: findings[index].a), let b = position(of: findings[index].b) else { return nil }
            return UInt64(a) << 32 | UInt64(b)
        }
        guard !keys.contains(nil) else {
            var sorted = findings
            ParallelWork.sort(&sorted, threads: threads) { IDOrder.precedes(($0.a, $0.b), ($1.a, $1.b)) }
            return sorted
        }
        // The index breaks ties, as a stable sort keeps them.
        var order = keys.enumerated().map { (key: $1!, index: $0) }
        order.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return order.map { findings[$0.index] }
    }
}
