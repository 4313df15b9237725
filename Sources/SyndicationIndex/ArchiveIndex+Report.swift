import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

extension ArchiveIndex {
    /// Which scans a report covers.
    public enum ScanSelection: Hashable, Sendable {
        /// The most recent scan.
        case lastScan
        /// Every scan started at or after this time.
        case since(Date)
    }

    /// A report of what was found, and the texts its offsets index.
    public struct Findings: Sendable {
        /// The report: the pairs first found by the selected scans, the current clusters first
        /// seen in them, and every document either names.
        public var report: ScanReport
        /// Each listed document's text by id.
        public var texts: [String: String]
        /// The scans covered, oldest first.
        public var scans: [Int64]
    }

    /// The pairs and cluster changes new in the selected scans, as a report the renderers of
    /// `scan` print.
    public func findings(_ selection: ScanSelection) throws -> Findings {
        try pool.read { db in
            let scans: [Int64]
            switch selection {
            case .lastScan:
                scans = try Int64.fetchAll(db, sql: "SELECT rowid FROM scan ORDER BY rowid DESC LIMIT 1")
            case .since(let date):
                scans = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM scan WHERE started_at >= ? ORDER BY rowid", arguments: [Self.timestamp(date)])
            }
            var pairs: [PairFinding] = []
            var clusters: [Cluster] = []
            var rowids = Set<Int64>()
            let decoder = JSONDecoder()
            if let first = scans.first {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT a, b, relation, source, derived, credited, finding FROM pair WHERE first_seen >= ?
                    """, arguments: [first])
                for row in rows {
                    rowids.insert(row[0])
                    rowids.insert(row[1])
                    pairs.append(try Self.pair(row, decoder: decoder))
                }
                let clusterRows = try Row.fetchAll(db, sql: """
                    SELECT rowid, id, origin, external_source FROM cluster WHERE first_seen >= ? AND retired IS NULL
                    """, arguments: [first])
                let membersStatement = try db.cachedStatement(sql: """
                    SELECT document.rowid, document.id FROM cluster_member JOIN document ON document.rowid = cluster_member.document
                    WHERE cluster_member.cluster = ?
                    """)
                for row in clusterRows {
                    let members = try Row.fetchAll(membersStatement, arguments: [row[0] as Int64])
                    for member in members { rowids.insert(member[0]) }
                    clusters.append(Cluster(
                        id: row[1], origin: row[2], externalSource: row[3], members: members.map { $0[1] as String }.sorted()))
                }
            }
            let stored = try storedDocuments(rowids.sorted(), db)
            var texts: [String: String] = [:]
            for document in stored.values { texts[document.summary.id] = document.document.text }
            let report = ScanReport(
                tool: .current, parameters: parameters.scan,
                documents: stored.values.map(\.summary).sorted { IDOrder.precedes($0.id, $1.id) },
                pairs: pairs.sorted { IDOrder.precedes(($0.a, $0.b), ($1.a, $1.b)) }, clusters: clusters.sorted { $0.id < $1.id },
                warnings: [])
            return Findings(report: report, texts: texts, scans: scans)
        }
    }

    /// A stored pair: the verifier's finding with the relation, direction and credit
    /// provenance gave it.
    static func pair(_ row: Row, decoder: JSONDecoder) throws -> PairFinding {
        var finding = try decoder.decode(PairFinding.self, from: Data((row[6] as String).utf8))
        if let relation = Relation(rawValue: row[2]) { finding.relation = relation }
        finding.source = row[3]
        finding.derived = row[4]
        finding.credited = row[5]
        return finding
    }
}
