import SyndicationScan
import SyndicationEngine

/// A cluster with its propagation timeline, similarity matrix and pairs.
struct ClusterView {
    /// One member on the propagation timeline.
    struct Entry {
        let id: String
        let document: DocumentView?
        let isOrigin: Bool
        let time: PublicationTime?
        /// Seconds after the earliest dated member; nil when the member has no parsable time.
        let offset: Int64?
        /// Whether day-precise times make the lag approximate.
        let approximate: Bool
        /// The member this one most likely copied: the origin when they are paired, else the
        /// earlier member (or the pair's named source) whose copy covers most of this one.
        let parent: String?
        /// The pair the share, credit and relation come from: with the parent, else the pair
        /// with another member that covers most of this one.
        let pair: PairView?

        var published: String? { document?.summary.published }

        /// Share of this member's prose aligned as copy in ``pair``.
        var share: Double? { pair?.pair.coverage[id] }

        var lagText: String {
            guard let offset else { return "time unknown" }
            if offset == 0 { return approximate ? "earliest (date precision)" : "earliest" }
            return ReportNumbers.lag(seconds: offset) + (approximate ? " (date precision)" : "")
        }

        /// `credited`, `uncredited`, `credit undetermined`, or `origin`.
        var creditText: String {
            if isOrigin { return "origin" }
            switch pair?.pair.credited {
            case true?: return "credited"
            case false?: return "uncredited"
            case nil: return "credit undetermined"
            }
        }
    }

    /// A cell of the member × member matrix: what the row member shares with the column member.
    enum Cell {
        /// Reuse: the share of the row member's prose aligned to the column member.
        case reuse(share: Double, pair: PairView)
        /// Only quotations or page template.
        case notCopy(pair: PairView)
    }

    let cluster: Cluster
    let anchor: String
    /// Rank by spread, 1-based; set by the outline.
    var number = 0
    /// Members by publication time, then id; members without a parsable time last, by id.
    let timeline: [Entry]
    /// Pairs between two members, in report order.
    let pairs: [PairView]
    /// `matrix[row][column]` over ``timeline`` order; nil where the two share nothing.
    let matrix: [[Cell?]]
    /// Distinct known outlets among the members.
    let outletCount: Int
    /// Reuse pairs between members that do not credit their source.
    let uncreditedCount: Int

    init(_ cluster: Cluster, documents: [String: DocumentView], pairs: [PairView], anchors: inout Anchors.Registry) {
        self.cluster = cluster
        anchor = anchors.claim(Anchors.cluster(cluster.id))
        let memberSet = Set(cluster.members)
        let pairs = pairs.filter { memberSet.contains($0.pair.a) && memberSet.contains($0.pair.b) }
        self.pairs = pairs
        outletCount = Set(cluster.members.compactMap { documents[$0]?.summary.outlet }).count
        uncreditedCount = pairs.count { $0.pair.relation.isReuse && $0.pair.credited == false }

        let times = Dictionary(uniqueKeysWithValues: Set(cluster.members).map { id in
            (id, documents[id]?.summary.published.flatMap { PublicationTime(iso8601: $0) })
        })
        let known = cluster.members.compactMap { id in times[id]!.map { (id, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : IDOrder.precedes($0.0, $1.0) }
        let unknown = cluster.members.filter { times[$0]! == nil }.sorted(by: IDOrder.precedes)
        let earliest = known.first?.1
        let reuse = pairs.filter { $0.pair.relation.isReuse }
        timeline = (known.map(\.0) + unknown).map { id in
            let time = times[id]!
            let (parent, pair) = Self.parent(of: id, cluster: cluster, reuse: reuse, times: times)
            return Entry(
                id: id, document: documents[id], isOrigin: id == cluster.origin, time: time,
                offset: time.flatMap { time in earliest.map { time.secondsSinceEpoch - $0.secondsSinceEpoch } },
                approximate: time.map { max($0.uncertainty, earliest?.uncertainty ?? 0) >= 3600 } ?? false,
                parent: parent, pair: pair)
        }

        var byPair: [String: PairView] = [:]
        for pair in pairs { byPair[pair.pair.a + "\u{0}" + pair.pair.b] = pair }
        let order = timeline.map(\.id)
        matrix = order.map { row in
            order.map { column -> Cell? in
                guard row != column, let pair = byPair[min(row, column) + "\u{0}" + max(row, column)] else { return nil }
                guard pair.pair.relation.isReuse else { return .notCopy(pair: pair) }
                return .reuse(share: pair.pair.coverage[row] ?? 0, pair: pair)
            }
        }
    }

    /// The member `id` most likely copied, and the pair that says so.
    private static func parent(
        of id: String, cluster: Cluster, reuse: [PairView], times: [String: PublicationTime?]
    ) -> (String?, PairView?) {
        let mine = reuse.filter { $0.pair.a == id || $0.pair.b == id }
        func other(_ pair: PairView) -> String { pair.pair.a == id ? pair.pair.b : pair.pair.a }
        func share(_ pair: PairView) -> Double { pair.pair.coverage[id] ?? 0 }
        let best: (PairView, PairView) -> Bool = { lhs, rhs in
            let left = (other(lhs) == cluster.origin ? 1 : 0, share(lhs)), right = (other(rhs) == cluster.origin ? 1 : 0, share(rhs))
            return left != right ? left > right : other(lhs) < other(rhs)
        }
        guard id != cluster.origin else { return (nil, nil) }
        let copiedFrom = mine.filter { pair in
            if let derived = pair.pair.derived { return derived == id }
            let source = other(pair)
            if source == cluster.origin { return true }
            guard let mineTime = times[id] ?? nil, let sourceTime = times[source] ?? nil else { return false }
            return (sourceTime, source) < (mineTime, id)
        }
        if let pair = copiedFrom.sorted(by: best).first { return (other(pair), pair) }
        return (nil, mine.sorted(by: best).first)
    }

    /// The headline of the origin, else of the earliest member with one.
    var headline: String? {
        if let origin = cluster.origin, let title = timeline.first(where: { $0.id == origin })?.document?.summary.title {
            return title
        }
        return timeline.lazy.compactMap { $0.document?.summary.title }.first
    }

    /// "no origin in the corpus", or the origin's id.
    var originText: String { cluster.origin ?? "no origin in the corpus" }

    /// The time from the earliest to the latest dated member, when two are dated.
    var spanText: String? {
        let offsets = timeline.compactMap(\.offset)
        guard offsets.count > 1, let last = offsets.max() else { return nil }
        return ReportNumbers.lag(seconds: last).dropFirst().description
            + (timeline.contains { $0.offset != nil && $0.approximate } ? " (date precision)" : "")
    }

    /// The member ids.
    var memberIDs: [String] { cluster.members }
}
