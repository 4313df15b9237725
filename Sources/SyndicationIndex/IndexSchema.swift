import Foundation
import GRDB

/// The index's tables, created and upgraded by GRDB migrations (one per schema version, never
/// edited once released: a later version adds a migration).
///
/// - `setting`: the parameters the index was built with and the frozen set of common
///   character shingles sentence fingerprints leave out (name → value).
/// - `document`: one row per indexed document version. `rowid` is never reused
///   (`AUTOINCREMENT`): a changed document is deleted and inserted anew, so nothing computed
///   for its old text can attach to the new one. It holds the id, SHA-256 of the text, the
///   report summary (title, outlet, URL, time, credits, origin) as JSON, the MinHash
///   signature its band keys come from (over its words outside template lines, as the scan
///   bands documents: `IndexParameters.lshSignature`) and SimHash, its line keys (so that
///   replacing it removes exactly the line counts it added), and the scan that first compared it (null while
///   pending).
/// - `document_text`: each document's full text, which verification and reports need; kept
///   in the index so a scan never depends on the corpus files still being where they were.
/// - `posting_run`, `posting_block` (v2): the posting lists from document LSH band keys,
///   line keys and sentence-fingerprint keys (the latter to `document << 20 | sentence`) as
///   log-structured sorted runs of blocks (`PostingRuns`); `removed_document`: document
///   versions replaced since, whose postings lookups skip and merges drop. (v1 kept them in
///   three B-trees keyed by random keys, `band_key`, `passage_key` and `line_posting`, and
///   the sentence keys a second time in `document.passage_keys`; migration `v2` moves them
///   into runs.)
/// - `line_count`: documents carrying a line, per outlet (`''` for documents of unknown
///   outlet) — the boilerplate statistics.
/// - `scan`: one row per `index scan` that compared documents.
/// - `pair`: verified pairs (rowids, `a` the smaller id): the verifier's finding as report
///   JSON, the relation, direction and credit provenance last gave it, and the scan that
///   first found it.
/// - `cluster`, `cluster_member`: clusters with the scan that first saw them and the scan that
///   retired them (replaced by a grown or split cluster), null while current.
enum IndexSchema {
    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE setting (
                    name TEXT PRIMARY KEY NOT NULL,
                    value BLOB NOT NULL
                );
                CREATE TABLE scan (
                    rowid INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    candidates INTEGER NOT NULL,
                    pairs INTEGER NOT NULL
                );
                CREATE TABLE document (
                    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    outlet TEXT,
                    summary TEXT NOT NULL,
                    minhash BLOB NOT NULL,
                    simhash INTEGER NOT NULL,
                    passage_keys BLOB NOT NULL,
                    line_keys BLOB NOT NULL,
                    added_at TEXT NOT NULL,
                    scanned_in INTEGER REFERENCES scan(rowid)
                );
                CREATE INDEX document_pending ON document(rowid) WHERE scanned_in IS NULL;
                CREATE INDEX document_outlet ON document(outlet);
                CREATE TABLE document_text (
                    document INTEGER PRIMARY KEY REFERENCES document(rowid) ON DELETE CASCADE,
                    text TEXT NOT NULL
                );
                CREATE TABLE band_key (
                    key INTEGER NOT NULL,
                    document INTEGER NOT NULL,
                    PRIMARY KEY (key, document)
                ) WITHOUT ROWID;
                CREATE TABLE passage_key (
                    key INTEGER NOT NULL,
                    document_sentence INTEGER NOT NULL,
                    PRIMARY KEY (key, document_sentence)
                ) WITHOUT ROWID;
                CREATE TABLE line_posting (
                    key INTEGER NOT NULL,
                    document INTEGER NOT NULL,
                    PRIMARY KEY (key, document)
                ) WITHOUT ROWID;
                CREATE TABLE line_count (
                    key INTEGER NOT NULL,
                    outlet TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    PRIMARY KEY (key, outlet)
                ) WITHOUT ROWID;
                CREATE TABLE pair (
                    a INTEGER NOT NULL REFERENCES document(rowid) ON DELETE CASCADE,
                    b INTEGER NOT NULL REFERENCES document(rowid) ON DELETE CASCADE,
                    relation TEXT NOT NULL,
                    is_reuse INTEGER NOT NULL,
                    source TEXT,
                    derived TEXT,
                    credited INTEGER,
                    finding TEXT NOT NULL,
                    first_seen INTEGER NOT NULL REFERENCES scan(rowid),
                    PRIMARY KEY (a, b)
                );
                CREATE INDEX pair_b ON pair(b);
                CREATE INDEX pair_first_seen ON pair(first_seen);
                CREATE TABLE cluster (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    origin TEXT,
                    external_source TEXT,
                    size INTEGER NOT NULL,
                    first_seen INTEGER NOT NULL REFERENCES scan(rowid),
                    retired INTEGER REFERENCES scan(rowid)
                );
                CREATE UNIQUE INDEX cluster_current ON cluster(id) WHERE retired IS NULL;
                CREATE INDEX cluster_first_seen ON cluster(first_seen);
                CREATE TABLE cluster_member (
                    cluster INTEGER NOT NULL REFERENCES cluster(rowid) ON DELETE CASCADE,
                    document INTEGER NOT NULL REFERENCES document(rowid) ON DELETE CASCADE,
                    PRIMARY KEY (cluster, document)
                ) WITHOUT ROWID;
                CREATE INDEX cluster_member_document ON cluster_member(document);
                """)
        }
        migrator.registerMigration("v2") { db in
            // Log-structured posting runs (`PostingRuns`) in place of the three posting
            // B-trees keyed by random keys, and sentence keys stored once (in the runs).
            try db.execute(sql: """
                CREATE TABLE posting_run (
                    rowid INTEGER PRIMARY KEY,
                    kind INTEGER NOT NULL,
                    entries INTEGER NOT NULL,
                    first_document INTEGER NOT NULL,
                    last_document INTEGER NOT NULL
                );
                CREATE INDEX posting_run_kind ON posting_run(kind);
                CREATE TABLE posting_block (
                    rowid INTEGER PRIMARY KEY,
                    run INTEGER NOT NULL,
                    last_key INTEGER NOT NULL,
                    entries BLOB NOT NULL
                );
                CREATE UNIQUE INDEX posting_block_run ON posting_block(run, last_key);
                CREATE TABLE removed_document (
                    rowid INTEGER PRIMARY KEY
                );
                """)
            // A v1 index's postings become one run per kind (the tables are in key order).
            for (kind, table, column) in [
                (PostingKind.band, "band_key", "document"), (.line, "line_posting", "document"),
                (.passage, "passage_key", "document_sentence"),
            ] {
                // Blocks as v2 wrote them; migration `v3` packs them.
                var writer = try PostingRuns.RunWriter(kind: kind, format: .fixed, db)
                let rows = try Row.fetchCursor(db, sql: "SELECT key, \(column) FROM \(table) ORDER BY key, \(column)")
                while let row = try rows.next() { try writer.append(Posting(key: row[0], value: row[1])) }
                try writer.finish()
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "ALTER TABLE document DROP COLUMN passage_keys")
        }
        migrator.registerMigration("v3") { db in
            // Posting blocks packed into bit fields (`PostingBlock`): the same postings, under
            // the same runs and last keys, in about half the bytes.
            try repackPostingBlocks(db)
        }
        return migrator
    }

    /// Rewrites every posting block of the v2 format in the packed one, a thousand at a time
    /// in rowid order (no statement updates the table it is reading).
    static func repackPostingBlocks(_ db: Database) throws {
        let kinds = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, kind FROM posting_run").map {
            ($0[0] as Int64, $0[1] as Int)
        })
        let select = try db.makeStatement(sql: "SELECT rowid, run, entries FROM posting_block WHERE rowid > ? ORDER BY rowid LIMIT 1000")
        let update = try db.makeStatement(sql: "UPDATE posting_block SET entries = ? WHERE rowid = ?")
        var after = Int64.min
        var block = PostingBlock()
        while true {
            var repacked: [(rowid: Int64, entries: Data)] = []
            let rows = try Row.fetchCursor(select, arguments: [after])
            while let row = try rows.next() {
                let run: Int64 = row[1]
                guard let kind = kinds[run].flatMap(PostingKind.init(rawValue:)) else {
                    throw DatabaseError(message: "posting block \(row[0] as Int64) belongs to no posting run")
                }
                try row.withUnsafeData(atIndex: 2) { data in try block.decode(data ?? Data(), format: .fixed) }
                let postings = zip(block.keys, block.values).map { Posting(key: $0, value: $1) }
                repacked.append((row[0], PostingBlock.encode(postings, lowBits: Int(kind.sentenceBits))))
            }
            guard let last = repacked.last else { return }
            for entry in repacked { try update.execute(arguments: [entry.entries, entry.rowid]) }
            after = last.rowid
        }
    }

    /// Bits of a sentence posting's value that hold the sentence index.
    static let sentenceBits = 20
}
