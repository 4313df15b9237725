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
        sortedByIdsWithPositions(findings, threads: threads).findings
    }

    /// `findings` sorted as ``sortedByIds(_:threads:)`` sorts them, with the positions of the
    /// documents they name (ascending, each once): each id is looked up once, on up to
    /// `threads` workers, for both.
    func sortedByIdsWithPositions(_ findings: [PairFinding], threads: Int) -> (findings: [PairFinding], positions: [Int]) {
        let ends = ParallelWork.map(count: findings.count, threads: threads) { index in
            (position(of: findings[index].a), position(of: findings[index].b))
        }
        var named = [Bool](repeating: false, count: count)
        var everyIdHeld = true
        for (a, b) in ends {
            if let a { named[a] = true } else { everyIdHeld = false }
            if let b { named[b] = true } else { everyIdHeld = false }
        }
        let positions = named.indices.filter { named[$0] }
        guard everyIdHeld else {
            var sorted = findings
            ParallelWork.sort(&sorted, threads: threads) { IDOrder.precedes(($0.a, $0.b), ($1.a, $1.b)) }
            return (sorted, positions)
        }
        // The index breaks ties, as a stable sort keeps them.
        var order = ends.enumerated().map { (key: UInt64($1.0!) << 32 | UInt64($1.1!), index: $0) }
        order.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return (order.map { findings[$0.index] }, positions)
    }
}
