import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

extension ArchiveIndex {
    /// What an add did.
    public struct AddSummary: Hashable, Sendable {
        /// Documents new to the index.
        public var added = 0
        /// Documents whose text changed, replaced (pending a scan again).
        public var replaced = 0
        /// Documents already indexed with the same text, skipped.
        public var unchanged = 0
        /// Transactions committed.
        public var batches = 0
    }

    /// Progress of an add, for display.
    public enum AddProgress: Sendable {
        /// Counting lines of this many new or changed documents.
        case counting(Int)
        /// Committed this many of that many documents.
        case committed(Int, of: Int)
    }

    /// One document ready to be written.
    struct IndexedDocument: Sendable {
        var id: String
        var sha256: String
        var outlet: String?
        var summary: Data
        /// The signature it is banded by (``IncrementalScan/candidateSignature(of:)``).
        var minhash: [UInt64]
        var simhash: UInt64
        var bandKeys: [UInt64]
        var passageKeys: [(key: UInt64, sentence: Int32)]
        var lineKeys: [UInt64]
        var text: String
    }

    /// Adds `documents` (distinct ids): new ones, and changed ones (another SHA-256 under the
    /// same id) in place of their old version; unchanged ones are skipped. Each batch of
    /// `batchSize` documents is one transaction, so a killed add keeps its committed batches,
    /// and running it again completes the rest with the same result as one uninterrupted run.
    ///
    /// Boilerplate is decided with line counts over the index and all of `documents`; the
    /// common shingles of sentence fingerprints are frozen by the first add, from a sample of
    /// its documents as `CorpusScanner` samples a corpus.
    ///
    /// With `baseline`, the documents are recorded as already compared (by a scan of their
    /// own that found nothing): later scans compare new documents with them, but they are
    /// never compared among themselves — for indexing a historical archive whose internal
    /// reuse is not wanted, or was reported elsewhere.
    public func add(
        _ documents: [Document], batchSize: Int = 10_000, threads: Int = 0, baseline: Bool = false,
        progress: (@Sendable (AddProgress) -> Void)? = nil
    ) throws -> AddSummary {
        let documents = documents.sorted { IDOrder.precedes($0.id, $1.id) }
        let hashes = ParallelWork.map(count: documents.count, threads: threads) { index in
            SHA256.hexDigest(of: Array(documents[index].text.utf8))
        }
        // Which documents are new or changed, and what the changed ones replace.
        struct Old { var rowid: Int64; var outlet: String?; var lineKeys: [UInt64] }
        var old: [String: Old] = [:]
        var work: [Int] = []
        var summary = AddSummary()
        try pool.read { db in
            let statement = try db.cachedStatement(sql: "SELECT rowid, sha256, outlet, line_keys FROM document WHERE id = ?")
            for (index, document) in documents.enumerated() {
                guard let row = try Row.fetchOne(statement, arguments: [document.id]) else {
                    work.append(index)
                    continue
                }
                if (row[1] as String) == hashes[index] {
                    summary.unchanged += 1
                } else {
                    old[document.id] = Old(rowid: row[0], outlet: row[2], lineKeys: BlobCoding.integers(row[3]))
                    work.append(index)
                }
            }
        }
        guard !work.isEmpty else { return summary }
        progress?(.counting(work.count))

        // Line counts over the index plus this add (less the versions it replaces). An add of
        // up to `analysesKept` documents analyses each once and keeps the analyses until its
        // batch is written; a larger one (an archive) takes only the line keys first, and
        // analyses each document again when its batch is prepared.
        var analyses: [IncrementalScan.DocumentAnalysis?] = []
        let lineKeys: [[UInt64]]
        if work.count <= Self.analysesKept {
            analyses = ParallelWork.map(count: work.count, threads: threads) { position in
                stages.analyse(documents[work[position]])
            }
            lineKeys = analyses.map { $0!.lineKeys }
        } else {
            lineKeys = ParallelWork.map(count: work.count, threads: threads) { position in
                IncrementalScan.lineKeys(of: documents[work[position]].text)
            }
        }
        var tally = LineTally()
        for (position, keys) in lineKeys.enumerated() {
            tally.count(keys, outlet: documents[work[position]].outlet, change: 1)
            if let replaced = old[documents[work[position]].id] {
                tally.count(replaced.lineKeys, outlet: replaced.outlet, change: -1)
            }
        }
        // Only lines carried by two or more documents can be boilerplate: the others are
        // left out, so this map grows with the repeated lines, not with every line.
        let (totals, storedCommon) = try pool.read { db -> ([UInt64: IncrementalScan.LineCounts], Set<UInt64>?) in
            var totals: [UInt64: IncrementalScan.LineCounts] = [:]
            let statement = try db.cachedStatement(sql: "SELECT outlet, documents FROM line_count WHERE key = ?")
            var byOutlet: [String: Int] = [:]
            try tally.forEachLine { key, changes in
                byOutlet.removeAll(keepingCapacity: true)
                var total = 0
                for change in changes {
                    byOutlet[change.outlet, default: 0] += change.change
                    total += change.change
                }
                let rows = try Row.fetchCursor(statement, arguments: [BlobCoding.sql(key)])
                while let row = try rows.next() {
                    let documents: Int = row[1]
                    byOutlet[row[0] as String, default: 0] += documents
                    total += documents
                }
                if total >= 2 { totals[key] = Self.lineCounts(byOutlet) }
            }
            return (totals, try commonShingles(db))
        }
        let counts: (UInt64) -> IncrementalScan.LineCounts = { totals[$0] ?? IncrementalScan.LineCounts(documents: 0, documentsByOutlet: [:]) }

        // The common shingles: frozen by the first add, from the scanner's sample.
        let common: Set<UInt64>
        if let storedCommon {
            common = storedCommon
        } else {
            let step = max(1, work.count / stages.fingerprints.sampleSize)
            let sample = Array(Swift.stride(from: 0, to: work.count, by: step))
            let prepared = ParallelWork.map(count: sample.count, threads: threads) { position in
                stages.prepare(
                    analyses.isEmpty ? stages.analyse(documents[work[sample[position]]]) : analyses[sample[position]]!,
                    counts: counts)
            }
            common = stages.commonShingles(prepared, threads: threads)
        }

        var committed = 0
        var baselineScan: Int64?
        for start in Swift.stride(from: 0, to: work.count, by: max(1, batchSize)) {
            let batch = Array(work[start..<min(work.count, start + max(1, batchSize))])
            let kept = analyses.isEmpty ? [] : Array(analyses[start..<(start + batch.count)])
            let ready = ParallelWork.map(count: batch.count, threads: threads) { position in
                let document = documents[batch[position]]
                return indexed(
                    document, analysis: kept.isEmpty ? stages.analyse(document) : kept[position]!,
                    sha256: hashes[batch[position]], counts: counts, common: common)
            }
            if !analyses.isEmpty {
                for position in start..<(start + batch.count) { analyses[position] = nil }
            }
            let now = Self.timestamp()
            try pool.write { db in
                if storedCommon == nil {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO setting(name, value) VALUES ('common_shingles', ?)",
                        arguments: [BlobCoding.data(common.sorted())])
                }
                for document in ready {
                    if let replaced = old[document.id] { try removeDocument(replaced.rowid, db) }
                }
                let rowids = try insert(ready, addedAt: now, db)
                if baseline {
                    if baselineScan == nil {
                        try db.execute(
                            sql: "INSERT INTO scan(started_at, finished_at, documents, candidates, pairs) VALUES (?, ?, 0, 0, 0)",
                            arguments: [now, now])
                        baselineScan = db.lastInsertedRowID
                    }
                    let mark = try db.cachedStatement(sql: "UPDATE document SET scanned_in = ? WHERE rowid = ?")
                    for rowid in rowids { try mark.execute(arguments: [baselineScan, rowid]) }
                    try db.execute(
                        sql: "UPDATE scan SET documents = documents + ?, finished_at = ? WHERE rowid = ?",
                        arguments: [rowids.count, Self.timestamp(), baselineScan])
                }
            }
            for document in ready {
                if old[document.id] != nil { summary.replaced += 1 } else { summary.added += 1 }
            }
            summary.batches += 1
            committed += batch.count
            progress?(.committed(committed, of: work.count))
        }
        return summary
    }

    /// Line counts from documents per outlet (`""` for unknown outlets).
    static func lineCounts(_ byOutlet: [String: Int]) -> IncrementalScan.LineCounts {
        var known: [String: Int] = [:]
        var total = 0
        for (outlet, count) in byOutlet where count > 0 {
            total += count
            if !outlet.isEmpty { known[outlet] = count }
        }
        return IncrementalScan.LineCounts(documents: total, documentsByOutlet: known)
    }

    /// Adds of up to this many new or changed documents analyse each text once, keeping the
    /// analyses from the line census to the batch that writes them (a 20,000-article add of
    /// 2.4 KB articles peaked at 1.1 GB); larger adds analyse twice rather than hold them all.
    static let analysesKept = 25_000

    /// Everything the index keeps of `document` (whose analysis is `analysis`), prepared with
    /// `counts` and `common`.
    func indexed(
        _ document: Document, analysis: IncrementalScan.DocumentAnalysis, sha256: String,
        counts: (UInt64) -> IncrementalScan.LineCounts, common: Set<UInt64>
    ) -> IndexedDocument {
        let prepared = stages.prepare(analysis, counts: counts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // The report's summary (`IncrementalScan.summary(of:)`), with the SHA-256 already taken.
        let record = DocumentSummary(
            id: document.id, title: document.title, outlet: document.outlet, url: document.url,
            published: document.published?.original, sha256: sha256, length: prepared.profile.text.scalars.count,
            credits: prepared.credits, origin: document.origin)
        let summary = (try? encoder.encode(record)) ?? Data()
        // Banded as the scan bands it: outside its template lines (`IndexParameters.lshSignature`).
        let banded = stages.candidateSignature(of: prepared)
        return IndexedDocument(
            id: document.id, sha256: sha256, outlet: document.outlet, summary: summary,
            minhash: banded.values, simhash: analysis.simhash.fingerprint,
            bandKeys: parameters.lsh.bandKeys(of: banded),
            passageKeys: stages.passageKeys(of: prepared, common: common).filter {
                $0.sentence >= 0 && $0.sentence < 1 << IndexSchema.sentenceBits
            },
            lineKeys: analysis.lineKeys, text: document.text)
    }

    /// Writes documents with their keys and counts. Each kind of posting is written as one
    /// new sorted run (`PostingRuns`), and runs are merged when a size class fills, all in
    /// the caller's transaction.
    @discardableResult
    func insert(_ documents: [IndexedDocument], addedAt: String, _ db: Database) throws -> [Int64] {
        var rowids: [Int64] = []
        var bands: [Posting] = [], passages: [Posting] = [], lines: [Posting] = []
        var counts: [LineOutlet: Int] = [:]
        let row = try db.cachedStatement(sql: """
            INSERT INTO document(id, sha256, outlet, summary, minhash, simhash, line_keys, added_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let text = try db.cachedStatement(sql: "INSERT INTO document_text(document, text) VALUES (?, ?)")
        for document in documents {
            try row.execute(arguments: [
                document.id, document.sha256, document.outlet, String(decoding: document.summary, as: UTF8.self),
                BlobCoding.data(document.minhash), BlobCoding.sql(document.simhash),
                BlobCoding.data(document.lineKeys), addedAt,
            ])
            let rowid = db.lastInsertedRowID
            rowids.append(rowid)
            try text.execute(arguments: [rowid, document.text])
            for key in document.bandKeys { bands.append(Posting(key: BlobCoding.sql(key), value: rowid)) }
            for entry in document.passageKeys {
                passages.append(Posting(
                    key: BlobCoding.sql(entry.key), value: rowid << IndexSchema.sentenceBits | Int64(entry.sentence)))
            }
            for key in document.lineKeys {
                lines.append(Posting(key: BlobCoding.sql(key), value: rowid))
                counts[LineOutlet(key: BlobCoding.sql(key), outlet: document.outlet ?? ""), default: 0] += 1
            }
        }
        for (kind, postings) in [(PostingKind.band, bands), (.line, lines), (.passage, passages)] {
            var sorted = postings
            sorted.sort()
            try PostingRuns.write(Self.distinct(sorted), kind: kind, db)
            try PostingRuns.compact(kind, db)
        }
        // A removed version's record goes once no run can hold its postings.
        try db.execute(sql: """
            DELETE FROM removed_document WHERE NOT EXISTS (SELECT 1 FROM posting_run
            WHERE posting_run.first_document <= removed_document.rowid AND posting_run.last_document >= removed_document.rowid)
            """)
        var countRows: [DatabaseValue] = []
        countRows.reserveCapacity(counts.count * 3)
        for (line, documents) in counts.sorted(by: { ($0.key.key, $0.key.outlet) < ($1.key.key, $1.key.outlet) }) {
            countRows.append(line.key.databaseValue)
            countRows.append(line.outlet.databaseValue)
            countRows.append(Int64(documents).databaseValue)
        }
        // Each (key, outlet) occurs once in `counts`, so no statement updates a row it inserted.
        try IntegerStatement.insert(
            countRows, width: 3, head: "INSERT INTO line_count(key, outlet, documents)",
            tail: "ON CONFLICT(key, outlet) DO UPDATE SET documents = documents + excluded.documents", db)
        return rowids
    }

    /// `sorted` without repeats.
    static func distinct<T: Equatable>(_ sorted: [T]) -> [T] {
        var result: [T] = []
        result.reserveCapacity(sorted.count)
        for element in sorted where result.last != element { result.append(element) }
        return result
    }

    /// A line key and an outlet (`""` for unknown).
    struct LineOutlet: Hashable {
        var key: Int64
        var outlet: String
    }

    /// Removes one document version: its line counts explicitly, its text, pairs and cluster
    /// memberships by cascade. Its postings stay in their runs, recorded in
    /// `removed_document` so that lookups skip them and merges drop them.
    func removeDocument(_ rowid: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT outlet, line_keys FROM document WHERE rowid = ?", arguments: [rowid])
        else { return }
        let outlet: String = row[0] ?? ""
        for key in BlobCoding.integers(row[1]) {
            try db.execute(
                sql: "UPDATE line_count SET documents = documents - 1 WHERE key = ? AND outlet = ?",
                arguments: [BlobCoding.sql(key), outlet])
            try db.execute(
                sql: "DELETE FROM line_count WHERE key = ? AND outlet = ? AND documents <= 0",
                arguments: [BlobCoding.sql(key), outlet])
        }
        try db.execute(sql: "INSERT OR IGNORE INTO removed_document(rowid) VALUES (?)", arguments: [rowid])
        try db.execute(sql: "DELETE FROM document WHERE rowid = ?", arguments: [rowid])
    }
}
