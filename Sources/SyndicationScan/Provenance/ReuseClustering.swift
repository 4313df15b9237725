import SyndicationEngine

/// Groups documents that reuse the same copy.
///
/// Plain connected components chain unrelated stories together through one round-up page
/// that copies from both. Here edges join clusters strongest first, and two clusters merge
/// only when at least half of the document pairs across them are reuse pairs themselves
/// (average linkage): a round-up page joins the story it carries most of, and does not bridge
/// it to the second story, whose pages share nothing with the first.
public enum ReuseClustering {
    /// An undirected reuse edge between two documents (indices) with a strength.
    public struct Edge: Sendable {
        /// One document.
        public var first: Int
        /// The other document.
        public var second: Int
        /// How strong the reuse is; stronger edges join first.
        public var strength: Double

        /// An edge between `first` and `second`.
        public init(first: Int, second: Int, strength: Double) {
            self.first = min(first, second)
            self.second = max(first, second)
            self.strength = strength
        }
    }

    /// Clusters of at least two documents, each sorted, for `edges` over `count` documents.
    ///
    /// - Complexity: O(*E* log *E* + *E*·*c*) for *E* edges and cluster sizes *c*.
    public static func clusters(count: Int, edges: [Edge]) -> [[Int]] {
        // The edges as one set of (lower, higher) keys, rather than a set per document.
        func key(_ first: Int, _ second: Int) -> UInt64 {
            UInt64(truncatingIfNeeded: min(first, second)) << 32 | UInt64(truncatingIfNeeded: max(first, second))
        }
        var linked = Set<UInt64>(minimumCapacity: edges.count)
        for edge in edges { linked.insert(key(edge.first, edge.second)) }
        var clusterOf = Array(0..<count)
        // A cluster's members; a document not yet joined (most) is its own, unlisted one.
        var joined = [[Int]](repeating: [], count: count)
        func members(_ cluster: Int) -> [Int] { joined[cluster].isEmpty ? [cluster] : joined[cluster] }
        let ordered = edges.sorted { lhs, rhs in
            lhs.strength != rhs.strength
                ? lhs.strength > rhs.strength : (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
        for edge in ordered {
            let left = clusterOf[edge.first], right = clusterOf[edge.second]
            guard left != right else { continue }
            let (leftMembers, rightMembers) = (members(left), members(right))
            var links = 0
            for member in leftMembers {
                for other in rightMembers where linked.contains(key(member, other)) { links += 1 }
            }
            guard 2 * links >= leftMembers.count * rightMembers.count else { continue }
            let (keep, drop) = leftMembers.count >= rightMembers.count ? (left, right) : (right, left)
            let dropped = drop == left ? leftMembers : rightMembers
            for member in dropped { clusterOf[member] = keep }
            joined[keep] = members(keep) + dropped
            // A dropped cluster's number is no document's any more: its list is never read again.
            joined[drop] = []
        }
        return joined.filter { $0.count >= 2 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// An id for a cluster made from its sorted member ids, independent of input order.
    public static func identifier(members: [String]) -> String {
        let digest = XXHash.hash64(members.sorted(by: IDOrder.precedes).joined(separator: "\n"), seed: 0xC1)
        let hex = String(digest, radix: 16)
        return "C" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
