import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

extension ArchiveIndex {
    /// What the archive shares with `documents` (articles that need not be in the index):
    /// the pairs each forms with indexed documents — which it reuses, which reuse it — with
    /// direction, credit and the clusters they make, as a report. Nothing is written.
    ///
    /// Each article is prepared as if it were added: boilerplate counts include it, and bucket
    /// sizes count it. An indexed document with the same id as a queried article is taken for
    /// that article (or an earlier version of it) and is not compared with it.
    public func query(_ documents: [Document], threads: Int = 0) throws -> Findings {
        let documents = documents.sorted { IDOrder.precedes($0.id, $1.id) }
        let analyses = ParallelWork.map(count: documents.count, threads: threads) { stages.analyse(documents[$0]) }
        return try pool.read { db in
            let common = try commonShingles(db) ?? []
            // A document already indexed with its text is already counted.
            let sameText = try db.cachedStatement(sql: "SELECT rowid FROM document WHERE id = ? AND sha256 = ?")
            var uncounted: [Int] = []
            var indexedAs: [Int64?] = []
            for (position, document) in documents.enumerated() {
                let sha256 = SHA256.hexDigest(of: Array(document.text.utf8))
                let rowid = try Int64.fetchOne(sameText, arguments: [document.id, sha256])
                indexedAs.append(rowid)
                if rowid == nil { uncounted.append(position) }
            }
            /// Stored line counts of `keys` with the queried articles counted as if added.
            func countsWithArticles(_ keys: some Sequence<UInt64>) throws -> [UInt64: IncrementalScan.LineCounts] {
                var counts = try lineCounts(keys, db)
                for position in uncounted {
                    for key in analyses[position].lineKeys where counts[key] != nil {
                        counts[key]!.documents += 1
                        if let outlet = documents[position].outlet { counts[key]!.documentsByOutlet[outlet, default: 0] += 1 }
                    }
                }
                return counts
            }
            let counts = try countsWithArticles(analyses.flatMap(\.lineKeys))
            let zero = IncrementalScan.LineCounts(documents: 0, documentsByOutlet: [:])
            let queried = analyses.map { stages.prepare($0, counts: { counts[$0] ?? zero }) }
            let queriedIds = Set(documents.map(\.id))
            // An article indexed with this text is looked up as the indexed document.
            let lookups = zip(analyses, queried).enumerated().map { position, item in
                LookupKeys(
                    rowid: indexedAs[position], bandKeys: parameters.lsh.bandKeys(of: stages.candidateSignature(of: item.1)),
                    passageKeys: stages.passageKeys(of: item.1, common: common), lineKeys: item.0.lineKeys)
            }
            let partnersOf = try candidates(of: lookups, threads: threads, db).map { $0.sorted() }
            let involved = Set(partnersOf.joined())
            let stored = try storedDocuments(involved.sorted(), db).filter { !queriedIds.contains($0.value.summary.id) }
            let storedCounts = try countsWithArticles(stored.values.flatMap(\.lineKeys))
            let order = stored.keys.sorted()
            let partners = ParallelWork.map(count: order.count, threads: threads) { index in
                stages.prepare(stages.analyse(stored[order[index]]!.document), counts: { storedCounts[$0] ?? zero })
            }
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            var jobs: [(query: Int, partner: Int)] = []
            for (index, list) in partnersOf.enumerated() {
                for rowid in list { if let partner = position[rowid] { jobs.append((index, partner)) } }
            }
            // Queried articles among themselves, too.
            var findings = ParallelWork.map(count: jobs.count, threads: threads) { index -> PairFinding? in
                let (a, b) = (queried[jobs[index].query], partners[jobs[index].partner])
                return IDOrder.precedes(a.id, b.id) ? stages.verify(a, b) : stages.verify(b, a)
            }.compactMap { $0 }
            for i in queried.indices { for j in queried.indices where i < j {
                if let finding = stages.verify(queried[i], queried[j]) { findings.append(finding) }
            } }
            var members = queried.map(IncrementalScan.member(of:)) + partners.map(IncrementalScan.member(of:))
            members += try outletMembers(excluding: Set(members.compactMap(\.outlet)), db)
            let (pairs, clusters) = ProvenanceResolver().resolve(pairs: findings, members: members)
            let named = Set(pairs.flatMap { [$0.a, $0.b] })
            var summaries = queried.map(IncrementalScan.summary(of:))
            var texts: [String: String] = [:]
            for document in documents { texts[document.id] = document.text }
            for document in stored.values where named.contains(document.summary.id) {
                summaries.append(document.summary)
                texts[document.summary.id] = document.document.text
            }
            let report = ScanReport(
                tool: .current, parameters: parameters.scan, documents: summaries.sorted { IDOrder.precedes($0.id, $1.id) },
                pairs: pairs.sorted { IDOrder.precedes(($0.a, $0.b), ($1.a, $1.b)) }, clusters: clusters, warnings: [])
            return Findings(report: report, texts: texts, scans: [])
        }
    }
}
