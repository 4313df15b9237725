import Foundation
import GRDB
import SyndicationEngine
import Testing
@testable import SyndicationIndex

/// The log-structured posting runs: lookups across runs, merges, removed versions, and the
/// migration of a v1 index's posting tables.
struct PostingRunsTests {
    /// Deterministic input: XXH3 of a counter.
    struct Generator {
        var counter: UInt64 = 0
        mutating func next() -> UInt64 {
            counter += 1
            return withUnsafeBytes(of: counter) { XXHash.hash64($0, seed: 7) }
        }
    }

    /// A database with the index's schema.
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: try IndexTestSupport.indexPath())
        try IndexSchema.migrator.migrate(queue)
        return queue
    }

    /// Runs of random postings — keys from a small range so that many repeat across runs,
    /// and one key held by more postings than a block takes — for documents 1…`documents`.
    static func postings(_ generator: inout Generator, documents: ClosedRange<Int64>) -> [Posting] {
        var result: [Posting] = []
        for document in documents {
            for _ in 0..<40 {
                let key = Int64(bitPattern: generator.next() % 5_000 &* 0x9E37_79B9_7F4A_7C15)
                result.append(Posting(key: key, value: document << 20 | Int64(generator.next() % 300)))
            }
            result.append(Posting(key: 42, value: document << 20))
            if document <= 2 { result.append(Posting(key: 43, value: document << 20 | 1)) }
        }
        return ArchiveIndex.distinct(result.sorted())
    }

    @Test func lookupsAcrossRunsAndMergesSeeEveryLivePosting() throws {
        let queue = try Self.database()
        var generator = Generator()
        var all: [Posting] = []
        try queue.write { db in
            // Nine runs: the ninth fills the smallest size class, so the first eight merge.
            for run in 0..<9 {
                let first = Int64(run * 700 + 1)
                let postings = Self.postings(&generator, documents: first...(first + 699))
                #expect(PostingRuns.sizeClass(postings.count) == 0)
                all += postings
                try PostingRuns.write(postings, kind: .passage, db)
                let merged = try PostingRuns.compact(.passage, db)
                #expect(merged == (run == 7 ? 8 : 0))
            }
            #expect(try PostingRuns.runs(.passage, db).count == 2)
            #expect(try PostingRuns.storedCount(.passage, db) == all.count)
        }
        all.sort()
        // Key 42 has 6,300 postings, more than a block holds, yet in one block of each run.
        let blocks = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT entries FROM posting_block").filter { row in
                var block = PostingBlock()
                try block.decode(row[0])
                #expect(block.count <= PostingRuns.blockEntries || Set(block.keys.suffix(block.count - PostingRuns.blockEntries + 1)).count == 1)
                return block.keys.contains(42)
            }.count
        }
        #expect(blocks == 2)
        #expect(try queue.read { db in try PostingRuns.allPostings(.passage, db) }.sorted() == all)

        // Lookups of some keys, present and absent, against a brute-force grouping.
        var keys = Set([Int64(42), 43, 41, Int64.min, Int64.max])
        for _ in 0..<300 { keys.insert(all[Int(generator.next() % UInt64(all.count))].key) }
        let sortedKeys = keys.sorted()
        let table = try queue.read { db in try PostingRuns.holders(of: sortedKeys, kind: .passage, removed: [], db) }
        for key in sortedKeys {
            #expect(Array(table.holders(key)) == all.filter { $0.key == key }.map(\.value), "\(key)")
        }
        #expect(table.holders(42).count == 6_300)
        // Looked up in parts of the key range (as a scan does on several connections), the
        // same postings; `exist` tells whether the runs read are still stored.
        let parts = try queue.read { db -> [Posting] in
            let runs = try PostingRuns.runs(.passage, db)
            #expect(try PostingRuns.exist(runs, db))
            var missing = runs
            missing[0].rowid = 1_000_000
            #expect(try !PostingRuns.exist(missing, db))
            var found: [Posting] = []
            for bounds in [0..<1, 1..<100, 100..<sortedKeys.count] {
                found += try PostingRuns.postings(of: sortedKeys[bounds], kind: .passage, in: runs, removed: [], db)
            }
            return found.sorted()
        }
        #expect(parts == all.filter { keys.contains($0.key) })
        #expect(table.holders(41).isEmpty)
        // Keys with fewer holders than asked for are left out.
        let shared = try queue.read { db in
            try PostingRuns.holders(of: sortedKeys, kind: .passage, removed: [], minimumHolders: 3, db)
        }
        for key in sortedKeys {
            let expected = all.filter { $0.key == key }.map(\.value)
            #expect(Array(shared.holders(key)) == (expected.count >= 3 ? expected : []), "\(key)")
        }
        #expect(table.holders(43).count == 2 && shared.holders(43).isEmpty)
        #expect(shared.count < table.count)

        // Removed documents: skipped by lookups, dropped by a merge.
        let removed: Set<Int64> = [3, 700, 701, 6_300]
        try queue.write { db in
            for rowid in removed { try db.execute(sql: "INSERT INTO removed_document(rowid) VALUES (?)", arguments: [rowid]) }
        }
        let live = all.filter { !removed.contains($0.value >> 20) }
        #expect(try queue.read { db in try PostingRuns.allPostings(.passage, db) }.sorted() == live)
        let filtered = try queue.read { db in try PostingRuns.holders(of: [42], kind: .passage, removed: removed, db) }
        #expect(filtered.holders(42).count == 6_300 - removed.count)
        try queue.write { db in _ = try PostingRuns.compact(.passage, everything: true, db) }
        let (runCount, stored, ofDocuments) = try queue.read { db in
            (try PostingRuns.runs(.passage, db).count, try PostingRuns.storedCount(.passage, db),
             try PostingRuns.postings(of: [3, 4, 6_300], kind: .passage, db).mapValues(\.count))
        }
        #expect(runCount == 1)
        #expect(stored == live.count)
        #expect(ofDocuments == [4: live.filter { $0.value >> 20 == 4 }.count])
        #expect(try queue.read { db in try PostingRuns.allPostings(.passage, db) } == live)
    }

    @Test func sizeClassesAreAFactorOfTheFanInApart() {
        #expect(PostingRuns.sizeClass(0) == 0)
        #expect(PostingRuns.sizeClass(PostingRuns.baseEntries - 1) == 0)
        #expect(PostingRuns.sizeClass(PostingRuns.baseEntries) == 1)
        #expect(PostingRuns.sizeClass(PostingRuns.baseEntries * PostingRuns.fanIn - 1) == 1)
        #expect(PostingRuns.sizeClass(PostingRuns.baseEntries * PostingRuns.fanIn) == 2)
        #expect(PostingRuns.sizeClass(Int.max) > 2)
    }

    /// A v1 index's three posting tables become one run per kind holding the same rows, and
    /// the second copy of the sentence keys goes.
    @Test func migrationMovesV1PostingTablesIntoRuns() throws {
        let queue = try DatabaseQueue(path: try IndexTestSupport.indexPath())
        try IndexSchema.migrator.migrate(queue, upTo: "v1")
        var generator = Generator()
        var rows: [String: [Posting]] = [:]
        try queue.write { db in
            for (table, column) in [("band_key", "document"), ("line_posting", "document"), ("passage_key", "document_sentence")] {
                for _ in 0..<3_000 {
                    let posting = Posting(key: Int64(bitPattern: generator.next()), value: Int64(generator.next() % 100_000))
                    try db.execute(sql: "INSERT INTO \(table)(key, \(column)) VALUES (?, ?)", arguments: [posting.key, posting.value])
                    rows[table, default: []].append(posting)
                }
            }
        }
        try IndexSchema.migrator.migrate(queue)
        for (kind, table) in [(PostingKind.band, "band_key"), (.line, "line_posting"), (.passage, "passage_key")] {
            let (runCount, postings, exists) = try queue.read { db in
                (try PostingRuns.runs(kind, db).count, try PostingRuns.allPostings(kind, db), try db.tableExists(table))
            }
            #expect(runCount == 1)
            #expect(postings == rows[table]!.sorted(), "\(table)")
            #expect(!exists)
        }
        let columns = try queue.read { db in try db.columns(in: "document").map(\.name) }
        #expect(!columns.contains("passage_keys") && columns.contains("line_keys"))
    }
}
