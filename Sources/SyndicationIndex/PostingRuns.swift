import Foundation
import GRDB

/// The three posting lists of the index: from a document LSH band key, a line key or a
/// sentence-fingerprint key to the documents (for sentence keys, document and sentence)
/// holding it.
enum PostingKind: Int, CaseIterable, Sendable {
    case band = 0
    case line = 1
    case passage = 2

    /// Bits of a posting value below the document rowid: a sentence posting packs
    /// `document << 20 | sentence`, the others hold the document alone.
    var sentenceBits: Int64 { self == .passage ? Int64(IndexSchema.sentenceBits) : 0 }

    /// The document rowid a posting value of this kind names.
    func document(_ value: Int64) -> Int64 { value >> sentenceBits }
}

/// One posting: a key (a `UInt64` by its bit pattern, as SQLite stores it) and a value.
/// Postings sort by signed key, then value, as SQLite orders the integers that hold them.
struct Posting: Comparable, Hashable, Sendable {
    var key: Int64
    var value: Int64

    static func < (lhs: Posting, rhs: Posting) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.value < rhs.value
    }
}

/// Log-structured posting lists (O'Neil, Cheng, Gawlick and O'Neil, "The log-structured
/// merge-tree (LSM-tree)", Acta Informatica 33, 1996; the tiered policy of Bigtable and
/// Cassandra).
///
/// Each add batch writes the postings of its documents as a new sorted *run* per kind: blocks
/// of up to ``blockEntries`` postings in key order, appended to `posting_block` under the
/// run's number, so a batch writes pages at the end of the table instead of pages all over a
/// B-tree keyed by random keys. A lookup merges every run of a kind. Runs fall into size
/// classes a factor of ``fanIn`` apart; when a class holds ``fanIn`` runs they are merged
/// into one, in the same transaction as the batch that filled the class, so each posting is
/// rewritten O(log_fanIn(N / baseEntries)) times in all and a lookup reads O(fanIn × log N)
/// runs. A merge leaves out the postings of removed document versions (`removed_document`),
/// which lookups skip until then.
///
/// A key's postings never span two blocks of one run, so a block's `last_key` bounds the
/// keys in it and a seek for key `k` reads the one block with the least `last_key ≥ k`.
enum PostingRuns {
    /// Postings per block (a block of 16-byte postings is 64 KB); more when one key's
    /// postings would otherwise span two blocks.
    static let blockEntries = 4_096
    /// Runs per size class that trigger a merge, and the size ratio between classes.
    static let fanIn = 8
    /// Runs smaller than this are in the smallest size class.
    static let baseEntries = 65_536

    /// The size class of a run of `entries` postings: 0 below ``baseEntries``, then one more
    /// per factor of ``fanIn``.
    static func sizeClass(_ entries: Int) -> Int {
        var sizeClass = 0
        var limit = baseEntries
        while entries >= limit && sizeClass < 30 {
            sizeClass += 1
            limit = limit.multipliedReportingOverflow(by: fanIn).overflow ? Int.max : limit * fanIn
        }
        return sizeClass
    }

    // MARK: Writing

    /// Writes `postings` (sorted, distinct) as a new run of `kind`; nothing when empty.
    static func write(_ postings: [Posting], kind: PostingKind, _ db: Database) throws {
        guard !postings.isEmpty else { return }
        var writer = try RunWriter(kind: kind, db)
        for posting in postings { try writer.append(posting) }
        try writer.finish()
    }

    /// Writes one run block by block; the run row is written first with its totals filled
    /// in by ``finish()``.
    struct RunWriter {
        let run: Int64
        let db: Database
        let kind: PostingKind
        let format: PostingBlock.Format
        var buffer: [Posting] = []
        var count = 0
        var firstDocument = Int64.max
        var lastDocument = Int64.min

        /// A writer of a new run of `kind` whose blocks are encoded in `format` (the v2
        /// migration writes the v2 format, which the v3 migration then packs).
        init(kind: PostingKind, format: PostingBlock.Format = .packed, _ db: Database) throws {
            self.db = db
            self.kind = kind
            self.format = format
            try db.execute(
                sql: "INSERT INTO posting_run(kind, entries, first_document, last_document) VALUES (?, 0, 0, 0)",
                arguments: [kind.rawValue])
            run = db.lastInsertedRowID
            buffer.reserveCapacity(PostingRuns.blockEntries + 16)
        }

        /// Appends the next posting (in order); a full block is written when the key changes.
        mutating func append(_ posting: Posting) throws {
            if buffer.count >= PostingRuns.blockEntries, let last = buffer.last, last.key != posting.key {
                try flush()
            }
            buffer.append(posting)
            count += 1
            let document = kind.document(posting.value)
            firstDocument = min(firstDocument, document)
            lastDocument = max(lastDocument, document)
        }

        private mutating func flush() throws {
            guard let last = buffer.last else { return }
            let statement = try db.cachedStatement(sql: "INSERT INTO posting_block(run, last_key, entries) VALUES (?, ?, ?)")
            try statement.execute(arguments: [run, last.key, PostingBlock.encode(buffer, lowBits: Int(kind.sentenceBits), format: format)])
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes the last block and the run's totals; a run that received nothing is removed.
        mutating func finish() throws {
            try flush()
            if count == 0 {
                try db.execute(sql: "DELETE FROM posting_run WHERE rowid = ?", arguments: [run])
                return
            }
            try db.execute(
                sql: "UPDATE posting_run SET entries = ?, first_document = ?, last_document = ? WHERE rowid = ?",
                arguments: [count, firstDocument, lastDocument, run])
        }
    }

    // MARK: Reading

    /// A run as stored.
    struct Run: Sendable {
        var rowid: Int64
        var kind: PostingKind
        var entries: Int
        var firstDocument: Int64
        var lastDocument: Int64
    }

    /// The runs of `kind`, oldest first.
    static func runs(_ kind: PostingKind, _ db: Database) throws -> [Run] {
        try Row.fetchAll(
            db, sql: "SELECT rowid, entries, first_document, last_document FROM posting_run WHERE kind = ? ORDER BY rowid",
            arguments: [kind.rawValue]
        ).map { Run(rowid: $0[0], kind: kind, entries: $0[1], firstDocument: $0[2], lastDocument: $0[3]) }
    }

    /// The document versions removed since their postings were written.
    static func removedDocuments(_ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM removed_document"))
    }

    /// Reads one run block by block, in key order.
    struct RunReader {
        let run: Int64
        let db: Database
        /// The current block.
        var block = PostingBlock()
        /// The position in the current block.
        var index = 0
        private var nextKey: Int64? = Int64.min

        init(run: Int64, _ db: Database) throws {
            self.run = run
            self.db = db
        }

        /// Reads the block holding the least key `>= key`, if any, and returns whether there
        /// was one; `index` is set to the block's start.
        mutating func seek(_ key: Int64) throws -> Bool {
            let statement = try db.cachedStatement(sql: """
                SELECT last_key, entries FROM posting_block WHERE run = ? AND last_key >= ? ORDER BY last_key LIMIT 1
                """)
            statement.setUncheckedArguments([run, key])
            let rows = try Row.fetchCursor(statement)
            guard let row = try rows.next() else {
                nextKey = nil
                block.removeAll()
                return false
            }
            let last: Int64 = row[0]
            do {
                try row.withUnsafeData(atIndex: 1) { data in try block.decode(data ?? Data()) }
            } catch is PostingBlockError {
                throw PostingBlockError(run: run, lastKey: last)
            }
            nextKey = last == Int64.max ? nil : last + 1
            index = 0
            return true
        }

        /// The next posting in key order, or nil at the end of the run.
        mutating func next() throws -> Posting? {
            while index >= block.count {
                guard let key = nextKey, try seek(key) else { return nil }
            }
            defer { index += 1 }
            return Posting(key: block.keys[index], value: block.values[index])
        }
    }

    /// Calls `body` with every posting of `run`, in key order.
    static func forEach(in run: Int64, _ db: Database, _ body: (Posting) throws -> Void) throws {
        var reader = try RunReader(run: run, db)
        while let posting = try reader.next() { try body(posting) }
    }

    /// The postings of `kind` whose key is one of `keys` (sorted, distinct), from every run,
    /// leaving out removed document versions and keys with fewer than `minimumHolders`: a seek per block that holds one of the keys,
    /// so a few keys read a few blocks per run and many keys read each block once.
    static func holders(
        of keys: [Int64], kind: PostingKind, removed: Set<Int64>, minimumHolders: Int = 1, _ db: Database
    ) throws -> HolderTable {
        var found = try postings(of: keys[...], kind: kind, in: try runs(kind, db), removed: removed, db)
        found.sort()
        return HolderTable(found, minimumHolders: minimumHolders)
    }

    /// The postings in `runs` (of `kind`) whose key is one of `keys` (sorted, distinct),
    /// leaving out removed document versions, in no particular order: a seek per block that
    /// holds one of the keys.
    static func postings(
        of keys: ArraySlice<Int64>, kind: PostingKind, in runs: [Run], removed: Set<Int64>, _ db: Database
    ) throws -> [Posting] {
        var found: [Posting] = []
        guard !keys.isEmpty else { return found }
        let statement = try db.cachedStatement(sql: """
            SELECT last_key, entries FROM posting_block WHERE run = ? AND last_key >= ? ORDER BY last_key LIMIT 1
            """)
        for run in runs {
            var position = keys.startIndex
            while position < keys.endIndex {
                statement.setUncheckedArguments([run.rowid, keys[position]])
                // A cursor's row reads the blob in place (no copy of the block).
                let rows = try Row.fetchCursor(statement)
                guard let row = try rows.next() else { break }
                let blockLast: Int64 = row[0]
                try row.withUnsafeData(atIndex: 1) { data in
                    try (data ?? Data()).withUnsafeBytes { bytes in
                        guard let block = PackedBlockReader(bytes) else {
                            throw PostingBlockError(run: run.rowid, lastKey: blockLast)
                        }
                        // Keys and wanted keys are both sorted: one walk through each.
                        var cursor = block.keys()
                        var current = cursor.next()
                        while position < keys.endIndex && keys[position] <= blockLast {
                            let wanted = keys[position]
                            while let key = current, key < wanted { current = cursor.next() }
                            while let key = current, key == wanted {
                                let value = block.value(cursor.index)
                                if removed.isEmpty || !removed.contains(kind.document(value)) {
                                    found.append(Posting(key: wanted, value: value))
                                }
                                current = cursor.next()
                            }
                            position += 1
                        }
                    }
                }
            }
        }
        return found
    }

    /// Whether every run of `runs` is still stored: runs never change once written, so
    /// lookups in several read transactions equal lookups in one if each transaction still
    /// sees the runs it reads (a merge committed in between may have removed some).
    static func exist(_ runs: [Run], _ db: Database) throws -> Bool {
        guard !runs.isEmpty else { return true }
        let list = runs.map { String($0.rowid) }.joined(separator: ",")
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM posting_run WHERE rowid IN (\(list))") == runs.count
    }

    /// The postings of `kind` of the documents `documents` (sorted rowids), from the runs
    /// whose document range meets theirs, by document.
    static func postings(
        of documents: [Int64], kind: PostingKind, _ db: Database
    ) throws -> [Int64: [Posting]] {
        guard let first = documents.first, let last = documents.last else { return [:] }
        var wanted = [Bool](repeating: false, count: Int(last - first) + 1)
        for document in documents { wanted[Int(document - first)] = true }
        var result: [Int64: [Posting]] = [:]
        for run in try runs(kind, db) where run.firstDocument <= last && run.lastDocument >= first {
            try forEach(in: run.rowid, db) { posting in
                let document = kind.document(posting.value)
                if document >= first && document <= last && wanted[Int(document - first)] {
                    result[document, default: []].append(posting)
                }
            }
        }
        return result
    }

    /// Every live posting of `kind`, in no particular order (for digests and tests).
    static func allPostings(_ kind: PostingKind, _ db: Database) throws -> [Posting] {
        let removed = try removedDocuments(db)
        var result: [Posting] = []
        for run in try runs(kind, db) {
            try forEach(in: run.rowid, db) { posting in
                if !removed.contains(kind.document(posting.value)) { result.append(posting) }
            }
        }
        return result
    }

    /// Postings stored for `kind`, including those of removed versions not yet merged away.
    static func storedCount(_ kind: PostingKind, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(entries), 0) FROM posting_run WHERE kind = ?", arguments: [kind.rawValue]) ?? 0
    }

    // MARK: Merging

    /// Merges runs of `kind` while a size class holds ``fanIn`` or more (`everything`: all
    /// runs into one), leaving out the postings of removed versions; returns the runs merged.
    @discardableResult
    static func compact(_ kind: PostingKind, everything: Bool = false, _ db: Database) throws -> Int {
        var merged = 0
        while true {
            let all = try runs(kind, db)
            var chosen: [Run] = []
            if everything {
                let anyRemoved = try !removedDocuments(db).isEmpty
                if all.count > 1 || (all.count == 1 && anyRemoved) { chosen = all }
            } else {
                let classes = Dictionary(grouping: all, by: { sizeClass($0.entries) })
                if let smallest = classes.keys.sorted().first(where: { classes[$0]!.count >= fanIn }) {
                    chosen = classes[smallest]!
                }
            }
            guard !chosen.isEmpty else { return merged }
            try merge(chosen, kind: kind, db)
            merged += chosen.count
            if everything { return merged }
        }
    }

    /// Merges `runs` into one new run, dropping removed versions' postings, and deletes them.
    static func merge(_ runs: [Run], kind: PostingKind, _ db: Database) throws {
        let removed = try removedDocuments(db)
        var readers = try runs.map { try RunReader(run: $0.rowid, db) }
        var heads = try readers.indices.map { try readers[$0].next() }
        var writer = try RunWriter(kind: kind, db)
        var previous: Posting?
        while true {
            var best = -1
            for (index, head) in heads.enumerated() {
                guard let head else { continue }
                if best < 0 || head < heads[best]! { best = index }
            }
            guard best >= 0, let posting = heads[best] else { break }
            heads[best] = try readers[best].next()
            if posting == previous { continue }
            previous = posting
            if !removed.isEmpty && removed.contains(kind.document(posting.value)) { continue }
            try writer.append(posting)
        }
        try writer.finish()
        let list = runs.map { String($0.rowid) }.joined(separator: ",")
        try db.execute(sql: "DELETE FROM posting_block WHERE run IN (\(list))")
        try db.execute(sql: "DELETE FROM posting_run WHERE rowid IN (\(list))")
    }
}

/// The postings found for a set of keys, grouped by key, keeping only keys with at least a
/// given number of holders (a key whose one holder is the document looking it up pairs
/// nothing), found by hashing: a day's millions of lookups into a table of millions of keys
/// would miss the cache at every step of a binary search.
struct HolderTable {
    private var groups: [Int64: Int] = [:]
    private var starts: [Int] = []
    private var values: [Int64] = []

    /// Groups `postings` (sorted), keeping keys with `minimumHolders` or more postings.
    init(_ postings: [Posting], minimumHolders: Int = 1) {
        var index = 0
        while index < postings.count {
            let key = postings[index].key
            var end = index + 1
            while end < postings.count && postings[end].key == key { end += 1 }
            if end - index >= minimumHolders {
                groups[key] = starts.count
                starts.append(values.count)
                for position in index..<end { values.append(postings[position].value) }
            }
            index = end
        }
        starts.append(values.count)
    }

    /// The distinct keys kept.
    var count: Int { groups.count }

    /// The values held under `key`, in order; empty when there are none (or too few).
    func holders(_ key: Int64) -> ArraySlice<Int64> {
        guard let group = groups[key] else { return [] }
        return values[starts[group]..<starts[group + 1]]
    }
}
