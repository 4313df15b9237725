import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

extension ArchiveIndex {
    /// What a scan did.
    public struct ScanRun: Hashable, Sendable {
        /// The scan's number in the index, or nil when there was nothing to scan.
        public var scan: Int64?
        /// Documents compared against the index (those added or changed since the last scan).
        public var documents = 0
        /// Candidate pairs verified.
        public var candidates = 0
        /// Pairs found (new, since every pair involves a newly compared document).
        public var pairs = 0
        /// Clusters first seen in this scan (new, grown or split).
        public var newClusters = 0
        /// Clusters this scan replaced.
        public var retiredClusters = 0
    }

    /// Progress of a scan, for display.
    public enum ScanProgress: Sendable {
        /// Compared this many of that many pending documents.
        case compared(Int, of: Int)
        /// Resolving provenance and clusters.
        case resolving
    }

    /// Compares every document added or changed since the last scan with the whole index,
    /// records the pairs found and the clusters they change, and returns what it did.
    ///
    /// Candidates are found and verified outside any write transaction (an add may run
    /// meanwhile); the results are written in one transaction, which drops any finding whose
    /// document was replaced in between (that version stays pending for the next scan).
    public func scan(
        chunkSize: Int = 2_000, threads: Int = 0, progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) throws -> ScanRun {
        let started = Self.timestamp()
        let (pending, dirty) = try pool.read { db -> ([Int64], [Int64]) in
            let pending = try Int64.fetchAll(db, sql: "SELECT rowid FROM document WHERE scanned_in IS NULL ORDER BY rowid")
            let dirty = try Int64.fetchAll(db, sql: """
                SELECT rowid FROM cluster WHERE retired IS NULL
                AND size != (SELECT COUNT(*) FROM cluster_member WHERE cluster_member.cluster = cluster.rowid)
                """)
            return (pending, dirty)
        }
        var run = ScanRun()
        guard !pending.isEmpty || !dirty.isEmpty else { return run }
        run.documents = pending.count
        var findings: [(a: Int64, b: Int64, finding: PairFinding)] = []
        // Every pending document's candidates in one pass over the posting runs.
        let candidates = try pendingCandidates(pending, threads: threads)
        for start in Swift.stride(from: 0, to: pending.count, by: max(1, chunkSize)) {
            let chunk = Array(pending[start..<min(pending.count, start + max(1, chunkSize))])
            let (found, candidateCount) = try compare(
                chunk, candidates: candidates, alreadyCompared: Set(pending[..<start]), threads: threads)
            findings += found
            run.candidates += candidateCount
            progress?(.compared(start + chunk.count, of: pending.count))
        }
        progress?(.resolving)
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO scan(started_at, finished_at, documents, candidates, pairs) VALUES (?, '', ?, ?, 0)",
                arguments: [started, run.documents, run.candidates])
            let scan = db.lastInsertedRowID
            run.scan = scan
            let exists = try db.cachedStatement(sql: "SELECT 1 FROM document WHERE rowid = ?")
            var live: [Int64: Bool] = [:]
            func isLive(_ rowid: Int64) throws -> Bool {
                if let known = live[rowid] { return known }
                let found = try Int.fetchOne(exists, arguments: [rowid]) != nil
                live[rowid] = found
                return found
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO pair(a, b, relation, is_reuse, source, derived, credited, finding, first_seen)
                VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?, ?)
                """)
            for entry in findings where try isLive(entry.a) && isLive(entry.b) {
                try insert.execute(arguments: [
                    entry.a, entry.b, entry.finding.relation.rawValue, entry.finding.relation.isReuse,
                    String(decoding: try encoder.encode(entry.finding), as: UTF8.self), scan,
                ])
                run.pairs += db.changesCount
            }
            let mark = try db.cachedStatement(sql: "UPDATE document SET scanned_in = ? WHERE rowid = ? AND scanned_in IS NULL")
            for rowid in pending { try mark.execute(arguments: [scan, rowid]) }
            let changes = try resolveClusters(seeds: pending.filter { live[$0] ?? true }, dirty: dirty, scan: scan, db)
            run.newClusters = changes.new
            run.retiredClusters = changes.retired
            try db.execute(
                sql: "UPDATE scan SET finished_at = ?, pairs = ? WHERE rowid = ?",
                arguments: [Self.timestamp(), run.pairs, scan])
        }
        return run
    }

    /// The candidates of each pending document (`pending`: rowids, sorted), found together:
    /// band keys from the stored signatures, line keys from the rows, sentence keys from the
    /// posting runs that hold pending documents.
    ///
    /// The keys of a kind are looked up in `threads` × 2 parts of the key range at once, each
    /// part in a read transaction of its own on its own connection (a day's lookups read
    /// every block of every run, and a single connection reads them one at a time). Runs never
    /// change once written, so this finds what one transaction would unless a merge removed
    /// a run meanwhile; then the whole lookup is done again in one transaction.
    func pendingCandidates(_ pending: [Int64], threads: Int) throws -> [Int64: Set<Int64>] {
        let (lookups, removed, runs) = try pool.read { db in
            (try pendingLookups(pending, db), try PostingRuns.removedDocuments(db),
             try Dictionary(uniqueKeysWithValues: PostingKind.allCases.map { ($0, try PostingRuns.runs($0, db)) }))
        }
        let workers = threads <= 0 ? ParallelWork.coreCount : threads
        struct RunsChanged: Error {}
        do {
            let found = try candidates(of: lookups, threads: threads) { sorted, kind, fewestHolders in
                let kindRuns = runs[kind] ?? []
                let parts = workers <= 1 ? 1 : max(1, min(workers * 2, sorted.count / 1_024))
                let results = ParallelWork.map(count: parts, threads: workers) { part -> Result<[Posting], any Error> in
                    let slice = sorted[(sorted.count * part / parts)..<(sorted.count * (part + 1) / parts)]
                    return Result {
                        try pool.read { db in
                            guard try PostingRuns.exist(kindRuns, db) else { throw RunsChanged() }
                            return try PostingRuns.postings(of: slice, kind: kind, in: kindRuns, removed: removed, db)
                        }
                    }
                }
                var postings: [Posting] = []
                for result in results { postings += try result.get() }
                postings.sort()
                return HolderTable(postings, minimumHolders: fewestHolders)
            }
            var result: [Int64: Set<Int64>] = [:]
            for (lookup, candidates) in zip(lookups, found) { result[lookup.rowid!] = candidates }
            return result
        } catch is RunsChanged {
            return try pool.read { db in try pendingCandidates(pending, threads: threads, db) }
        }
    }

    /// ``pendingCandidates(_:threads:)`` in one read transaction.
    func pendingCandidates(_ pending: [Int64], threads: Int, _ db: Database) throws -> [Int64: Set<Int64>] {
        let lookups = try pendingLookups(pending, db)
        var result: [Int64: Set<Int64>] = [:]
        for (lookup, found) in zip(lookups, try candidates(of: lookups, threads: threads, db)) { result[lookup.rowid!] = found }
        return result
    }

    /// The keys each pending document is looked up by.
    func pendingLookups(_ pending: [Int64], _ db: Database) throws -> [LookupKeys] {
        let passages = try PostingRuns.postings(of: pending, kind: .passage, db)
        let mask = (Int64(1) << IndexSchema.sentenceBits) - 1
        let keysStatement = try db.cachedStatement(sql: "SELECT minhash, line_keys FROM document WHERE rowid = ?")
        var lookups: [LookupKeys] = []
        for rowid in pending {
            guard let row = try Row.fetchOne(keysStatement, arguments: [rowid]) else { continue }
            let signature = MinHashSignature(parameters: stages.minhashParameters, values: BlobCoding.integers(row[0]))
            lookups.append(LookupKeys(
                rowid: rowid, bandKeys: parameters.lsh.bandKeys(of: signature),
                passageKeys: (passages[rowid] ?? []).map { (BlobCoding.unsigned($0.key), Int32($0.value & mask)) },
                lineKeys: BlobCoding.integers(row[1])))
        }
        return lookups
    }

    /// Verifies the candidates of the pending documents `chunk`, leaving out pairs with a
    /// pending document of an earlier chunk (verified there).
    func compare(
        _ chunk: [Int64], candidates: [Int64: Set<Int64>], alreadyCompared: Set<Int64>, threads: Int
    ) throws -> (findings: [(a: Int64, b: Int64, finding: PairFinding)], candidates: Int) {
        let (pairs, documents, counts) = try pool.read { db -> ([(Int64, Int64)], [Int64: StoredDocument], [UInt64: IncrementalScan.LineCounts]) in
            var pairs = Set<Int64Pair>()
            for rowid in chunk {
                for other in candidates[rowid] ?? [] where !alreadyCompared.contains(other) { pairs.insert(Int64Pair(rowid, other)) }
            }
            let involved = Set(pairs.flatMap { [$0.first, $0.second] })
            let documents = try storedDocuments(involved.sorted(), db)
            let counts = try lineCounts(documents.values.flatMap(\.lineKeys), db)
            return (pairs.sorted().map { ($0.first, $0.second) }, documents, counts)
        }
        let order = documents.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let zero = IncrementalScan.LineCounts(documents: 0, documentsByOutlet: [:])
        let prepared = ParallelWork.map(count: order.count, threads: threads) { index in
            stages.prepare(stages.analyse(documents[order[index]]!.document), counts: { counts[$0] ?? zero })
        }
        let valid = pairs.filter { position[$0.0] != nil && position[$0.1] != nil }
        let verified = ParallelWork.map(count: valid.count, threads: threads) { index -> (Int64, Int64, PairFinding)? in
            var (a, b) = valid[index]
            if IDOrder.precedes(prepared[position[b]!].id, prepared[position[a]!].id) { swap(&a, &b) }
            guard let finding = stages.verify(prepared[position[a]!], prepared[position[b]!]) else { return nil }
            return (a, b, finding)
        }
        return (verified.compactMap { $0.map { (a: $0.0, b: $0.1, finding: $0.2) } }, valid.count)
    }
}

/// An unordered pair of rowids, smaller first.
struct Int64Pair: Hashable, Comparable, Sendable {
    var first: Int64
    var second: Int64

    init(_ x: Int64, _ y: Int64) {
        first = min(x, y)
        second = max(x, y)
    }

    static func < (lhs: Int64Pair, rhs: Int64Pair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }
}
