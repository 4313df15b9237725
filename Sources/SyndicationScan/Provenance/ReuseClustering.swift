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
        var adjacency = [Set<Int>](repeating: [], count: count)
        for edge in edges {
            adjacency[edge.first].insert(edge.second)
            adjacency[edge.second].insert(edge.first)
        }
        var clusterOf = Array(0..<count)
        var members = (0..<count).map { [$0] }
        let ordered = edges.sorted { lhs, rhs in
            lhs.strength != rhs.strength
                ? lhs.strength > rhs.strength : (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
        for edge in ordered {
            let left = clusterOf[edge.first], right = clusterOf[edge.second]
            guard left != right else { continue }
            var links = 0
            for member in members[left] {
                for other in members[right] where adjacency[member].contains(other) { links += 1 }
            }
            guard 2 * links >= members[left].count * members[right].count else { continue }
            let (keep, drop) = members[left].count >= members[right].count ? (left, right) : (right, left)
            for member in members[drop] { clusterOf[member] = keep }
            members[keep] += members[drop]
            members[drop] = []
        }
        return members.filter { $0.count >= 2 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// An id for a cluster made from its sorted member ids, independent of input order.
    public static func identifier(members: [String]) -> String {
        let digest = XXHash.hash64(members.sorted(by: IDOrder.precedes).joined(separator: "\n"), seed: 0xC1)
        let hex = String(digest, radix: 16)
        return "C" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
