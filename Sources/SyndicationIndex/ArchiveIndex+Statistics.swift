import Foundation
import GRDB
import SyndicationScan

extension ArchiveIndex {
    /// Counts and sizes of an index.
    public struct Statistics: Codable, Hashable, Sendable {
        /// Documents indexed.
        public var documents: Int
        /// Documents added or changed since the last scan.
        public var pendingDocuments: Int
        /// Scans recorded.
        public var scans: Int
        /// When the last scan started (ISO-8601 UTC), if any.
        public var lastScan: String?
        /// Pairs found.
        public var pairs: Int
        /// Of which reuse (verbatim, edited, rewritten, partial).
        public var reusePairs: Int
        /// Current clusters.
        public var clusters: Int
        /// Document LSH band postings stored (with those of replaced versions not yet merged away).
        public var bandKeys: Int
        /// Sentence-fingerprint postings stored (likewise).
        public var passageKeys: Int
        /// Distinct line keys counted for boilerplate.
        public var lineKeys: Int
        /// Bytes of the database file and its write-ahead log.
        public var fileBytes: Int64
        /// Bytes of the file's free pages (left by merges, replaced documents or a migration;
        /// later adds reuse them, `VACUUM` returns them).
        public var freeBytes: Int64
        /// Bytes per document.
        public var bytesPerDocument: Int64
        /// Bytes per table and index (SQLite's `dbstat`), when the SQLite library has it.
        public var tableBytes: [String: Int64]

        enum CodingKeys: String, CodingKey {
            case documents
            case pendingDocuments = "pending_documents"
            case scans
            case lastScan = "last_scan"
            case pairs
            case reusePairs = "reuse_pairs"
            case clusters
            case bandKeys = "band_keys"
            case passageKeys = "passage_keys"
            case lineKeys = "line_keys"
            case fileBytes = "file_bytes"
            case freeBytes = "free_bytes"
            case bytesPerDocument = "bytes_per_document"
            case tableBytes = "table_bytes"
        }
    }

    /// The index's counts and sizes.
    ///
    /// - Parameter tableSizes: Also measure each table (reads every page of the file).
    public func statistics(tableSizes: Bool = true) throws -> Statistics {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            var tables: [String: Int64] = [:]
            if tableSizes, let rows = try? Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name") {
                for row in rows { tables[row[0]] = row[1] }
            }
            let files = [path, path + "-wal"].map { file -> Int64 in
                ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
            }
            let bytes = files.reduce(0, +)
            let documents = try count("SELECT COUNT(*) FROM document")
            return Statistics(
                documents: documents,
                pendingDocuments: try count("SELECT COUNT(*) FROM document WHERE scanned_in IS NULL"),
                scans: try count("SELECT COUNT(*) FROM scan"),
                lastScan: try String.fetchOne(db, sql: "SELECT started_at FROM scan ORDER BY rowid DESC LIMIT 1"),
                pairs: try count("SELECT COUNT(*) FROM pair"),
                reusePairs: try count("SELECT COUNT(*) FROM pair WHERE is_reuse = 1"),
                clusters: try count("SELECT COUNT(*) FROM cluster WHERE retired IS NULL"),
                bandKeys: try PostingRuns.storedCount(.band, db),
                passageKeys: try PostingRuns.storedCount(.passage, db),
                lineKeys: try count("SELECT COUNT(DISTINCT key) FROM line_count"),
                fileBytes: bytes,
                freeBytes: try Int64(count("PRAGMA freelist_count") * count("PRAGMA page_size")),
                bytesPerDocument: documents > 0 ? bytes / Int64(documents) : 0,
                tableBytes: tables)
        }
    }

    /// Whether SQLite finds the database well formed (`PRAGMA integrity_check`) and every
    /// foreign key satisfied; the problems found otherwise.
    public func integrityProblems() throws -> [String] {
        try pool.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return problems
        }
    }

    /// A SHA-256 of everything the documents put in the index — documents, texts, keys,
    /// postings, line counts, settings — by document id rather than rowid, so two indexes of
    /// the same documents built with any batching or interruptions have the same digest.
    /// Reads the whole index.
    public func contentDigest() throws -> String {
        try pool.read { db in
            let queries = [
                "SELECT 'document', id, sha256, outlet, summary, hex(minhash), simhash, hex(line_keys) FROM document",
                "SELECT 'text', d.id, t.text FROM document_text t JOIN document d ON d.rowid = t.document",
                "SELECT 'count', key, outlet, documents FROM line_count",
                "SELECT 'setting', name, hex(value) FROM setting",
            ]
            var lines: [String] = []
            for sql in queries {
                for row in try Row.fetchAll(db, sql: sql) {
                    lines.append(row.databaseValues.map { $0.description }.joined(separator: "\t"))
                }
            }
            let ids = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, id FROM document").map {
                ($0[0] as Int64, $0[1] as String)
            })
            let mask = (Int64(1) << IndexSchema.sentenceBits) - 1
            for kind in PostingKind.allCases {
                for posting in try PostingRuns.allPostings(kind, db) {
                    let id = ids[kind.document(posting.value)] ?? "?"
                    lines.append(kind == .passage
                        ? "passage\t\(posting.key)\t\(id)\t\(posting.value & mask)"
                        : "\(kind == .band ? "band" : "line")\t\(posting.key)\t\(id)")
                }
            }
            lines.sort()
            return SHA256.hexDigest(of: Array(lines.joined(separator: "\n").utf8))
        }
    }
}
