import SyndicationEngine

/// How a scan reports documents whose texts are identical (the same SHA-256).
///
/// A copy group is analysed once, through its representative (its first document by id).
/// Every copy is reported as a verbatim pair with the representative, and all copies join the
/// representative's cluster, so a reader sees every copy. When a group is small (at most
/// ``fullPairLimit`` documents), its copies are also paired with each other and with every
/// document the representative was found to share copy with, exactly as if each had been
/// analysed; a larger group lists those pairs for the representative only (linear output for
/// ten thousand copies instead of fifty million pairs), and the scan warns that it did.
struct CopyGroups: Sendable {
    /// Groups of at most this many documents are expanded to all their pairs.
    var fullPairLimit: Int = 8

    /// `finding` (verified for its two documents) as the finding for `a` and `b`: the same
    /// passages, scores and coverage, with sides swapped when the ids order the other way.
    ///
    /// - Parameters:
    ///   - first: the id taking the place of `finding.a`.
    ///   - second: the id taking the place of `finding.b`.
    static func relabel(_ finding: PairFinding, first: String, second: String) -> PairFinding {
        var result = finding
        let coverageA = finding.coverage[finding.a] ?? 0
        let coverageB = finding.coverage[finding.b] ?? 0
        if first < second {
            result.a = first
            result.b = second
            result.coverage = [first: coverageA, second: coverageB]
            return result
        }
        result.a = second
        result.b = first
        result.coverage = [second: coverageB, first: coverageA]
        result.scores.containmentAInB = finding.scores.containmentBInA
        result.scores.containmentBInA = finding.scores.containmentAInB
        result.passages = finding.passages.map {
            AlignedPassage(a: $0.b, b: $0.a, kind: $0.kind, similarity: $0.similarity)
        }.sorted { lhs, rhs in
            (lhs.kind.isCopy ? 0 : 1, lhs.a, lhs.b) < (rhs.kind.isCopy ? 0 : 1, rhs.a, rhs.b)
        }
        return result
    }

    /// `clusters` with every copy of a large group in its representative's cluster.
    ///
    /// A large group's copies are paired with the representative only, and average-linkage
    /// clustering (``ReuseClustering``) would keep most of such a star apart; a copy group is
    /// one cluster by definition. Groups are id lists, representative first.
    func clusters(_ clusters: [Cluster], groups: [[String]]) -> [Cluster] {
        let large = groups.filter { $0.count > fullPairLimit }
        guard !large.isEmpty else { return clusters }
        var result = clusters
        for group in large {
            let copies = Set(group)
            if let index = result.firstIndex(where: { $0.members.contains(group[0]) }) {
                var cluster = result[index]
                cluster.members = Array(Set(cluster.members).union(copies)).sorted(by: IDOrder.precedes)
                cluster.id = ReuseClustering.identifier(members: cluster.members)
                result[index] = cluster
            }
        }
        return result.sorted { IDOrder.precedes($0.id, $1.id) }
    }
}
