import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

extension ArchiveIndex {
    /// Re-resolves provenance over the reuse components that `seeds` (newly compared
    /// documents) and the members of `dirty` clusters (which lost a member to a replaced
    /// document) belong to: direction and credit of their pairs, and their clusters. Clusters
    /// that no longer exist as they were are retired by `scan`; clusters not seen before are
    /// recorded as first seen in it. Returns how many were new and retired.
    ///
    /// A component is closed under reuse pairs, so resolving it alone gives what resolving the
    /// whole index would give it; the indexed outlets its members credit stand in as members
    /// without pairs, so an outside source is judged against every outlet of the index.
    func resolveClusters(seeds: [Int64], dirty: [Int64], scan: Int64, _ db: Database) throws -> (new: Int, retired: Int) {
        var start = Set(seeds)
        var touched = Set(dirty)
        let clusterMembers = try db.cachedStatement(sql: "SELECT document FROM cluster_member WHERE cluster = ?")
        for cluster in dirty { start.formUnion(try Int64.fetchAll(clusterMembers, arguments: [cluster])) }
        let neighbours = try db.cachedStatement(sql: """
            SELECT b FROM pair WHERE a = ? AND is_reuse = 1 UNION ALL SELECT a FROM pair WHERE b = ? AND is_reuse = 1
            """)
        // Label each reuse component reached from the seeds; resolve each on its own (the
        // resolver's work grows with the pairs it is given times the clusters it forms).
        var component = Set<Int64>()
        var components: [[Int64]] = []
        for seed in start.sorted() where !component.contains(seed) {
            var members: [Int64] = []
            var queue = [seed]
            while let next = queue.popLast() {
                guard component.insert(next).inserted else { continue }
                members.append(next)
                for other in try Int64.fetchAll(neighbours, arguments: [next, next]) where !component.contains(other) {
                    queue.append(other)
                }
            }
            components.append(members.sorted())
        }
        let summaries = try storedSummaries(component.sorted(), db)
        var rowidOf: [String: Int64] = [:]
        for (rowid, summary) in summaries { rowidOf[summary.id] = rowid }
        let decoder = JSONDecoder()
        let reusePairs = try db.cachedStatement(sql: "SELECT finding FROM pair WHERE a = ? AND is_reuse = 1")
        // Outlets of the index by folded name: an outside source is one no indexed page is of.
        var outlets: [String: String] = [:]
        for outlet in try String.fetchAll(db, sql: "SELECT DISTINCT outlet FROM document WHERE outlet IS NOT NULL ORDER BY outlet") {
            outlets[IncrementalScan.outletKey(outlet)] = outlets[IncrementalScan.outletKey(outlet)] ?? outlet
        }
        var clusters: [Cluster] = []
        let update = try db.cachedStatement(sql: "UPDATE pair SET relation = ?, source = ?, derived = ?, credited = ? WHERE a = ? AND b = ?")
        for members in components where members.count > 1 {
            var findings: [PairFinding] = []
            for rowid in members {
                for text in try String.fetchAll(reusePairs, arguments: [rowid]) {
                    findings.append(try decoder.decode(PairFinding.self, from: Data(text.utf8)))
                }
            }
            let ordered = members.compactMap { summaries[$0] }.sorted { IDOrder.precedes($0.id, $1.id) }
            var resolverMembers = ordered.map(IncrementalScan.member(of:))
            // Stand-ins for the indexed outlets the members credit, so such a credit is not
            // taken for an outside source.
            let own = Set(ordered.compactMap { $0.outlet.map(IncrementalScan.outletKey) })
            let credited = Set(resolverMembers.flatMap(\.creditedNames).map(IncrementalScan.outletKey))
            for key in credited.subtracting(own).sorted() {
                guard let outlet = outlets[key] else { continue }
                resolverMembers.append(ProvenanceResolver.Member(
                    id: "\u{0}outlet\u{0}" + outlet, outlet: outlet, published: nil, creditedNames: []))
            }
            let (resolved, found) = ProvenanceResolver().resolve(pairs: findings, members: resolverMembers)
            clusters += found
            for pair in resolved {
                guard let a = rowidOf[pair.a], let b = rowidOf[pair.b] else { continue }
                try update.execute(arguments: [pair.relation.rawValue, pair.source, pair.derived, pair.credited, a, b])
            }
        }

        let memberships = try db.cachedStatement(sql: "SELECT cluster FROM cluster_member WHERE document = ?")
        for rowid in component { touched.formUnion(try Int64.fetchAll(memberships, arguments: [rowid])) }
        var current: [String: Int64] = [:]
        let identify = try db.cachedStatement(sql: "SELECT id FROM cluster WHERE rowid = ? AND retired IS NULL")
        for cluster in touched {
            if let id = try String.fetchOne(identify, arguments: [cluster]) { current[id] = cluster }
        }
        let kept = Set(clusters.map(\.id))
        var retired = 0
        for (id, cluster) in current where !kept.contains(id) {
            try db.execute(sql: "UPDATE cluster SET retired = ? WHERE rowid = ?", arguments: [scan, cluster])
            retired += 1
        }
        var new = 0
        for cluster in clusters {
            if let existing = current[cluster.id] {
                try db.execute(
                    sql: "UPDATE cluster SET origin = ?, external_source = ? WHERE rowid = ?",
                    arguments: [cluster.origin, cluster.externalSource, existing])
                continue
            }
            try db.execute(
                sql: "INSERT INTO cluster(id, origin, external_source, size, first_seen) VALUES (?, ?, ?, ?, ?)",
                arguments: [cluster.id, cluster.origin, cluster.externalSource, cluster.members.count, scan])
            let rowid = db.lastInsertedRowID
            for member in cluster.members {
                guard let document = rowidOf[member] else { continue }
                try db.execute(sql: "INSERT INTO cluster_member(cluster, document) VALUES (?, ?)", arguments: [rowid, document])
            }
            new += 1
        }
        return (new, retired)
    }
}
