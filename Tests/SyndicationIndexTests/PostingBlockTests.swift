import Foundation
import GRDB
import SyndicationScan
import Testing
@testable import SyndicationIndex

/// The packed posting blocks of schema v3, and the migration that packs a v2 index's blocks.
struct PostingBlockTests {
    /// Blocks that stress the field widths: empty, one posting, keys at both ends of the
    /// signed range (a 64-bit gap), repeated keys, values with and without a sentence field.
    static func samples() -> [(postings: [Posting], lowBits: Int)] {
        var generator = PostingRunsTests.Generator()
        // Sentence postings as in a block of a run of 2^28 postings: random keys over 2^64 / 2^16.
        var random: [Posting] = []
        let base = generator.next()
        for _ in 0..<4_096 {
            let key = Int64(bitPattern: base &+ generator.next() % (1 << 48))
            let document = Int64(generator.next() % 1_000_000) + 1
            random.append(Posting(key: key, value: document << 20 | Int64(generator.next() % 90)))
            if generator.next() % 5 == 0 { random.append(Posting(key: key, value: (document + 1) << 20)) }
        }
        let documents = (0..<500).map { _ in Posting(key: Int64(bitPattern: generator.next()), value: Int64(generator.next() % 70_000) + 935_001) }
        return [
            ([], 20),
            ([Posting(key: 7, value: 3 << 20 | 5)], 20),
            ([Posting(key: .min, value: 1), Posting(key: .max, value: Int64.max >> 1)], 0),
            ([Posting(key: .min, value: 0), Posting(key: -1, value: 2), Posting(key: .max, value: 1 << 43 | 0xFFFFF)], 20),
            ((0..<300).map { Posting(key: 42, value: Int64($0)) }, 0),
            (ArchiveIndex.distinct(random.sorted()), 20),
            (ArchiveIndex.distinct(documents.sorted()), 0),
        ]
    }

    @Test func packedBlocksRoundTrip() throws {
        for (postings, lowBits) in Self.samples() {
            let data = PostingBlock.encode(postings, lowBits: lowBits)
            var block = PostingBlock()
            try block.decode(data)
            #expect(zip(block.keys, block.values).map { Posting(key: $0, value: $1) } == postings)
            // The reader walks the same keys and reads each value in place.
            try data.withUnsafeBytes { bytes in
                let reader = try #require(PackedBlockReader(bytes))
                var cursor = reader.keys()
                var walked: [Posting] = []
                while let key = cursor.next() { walked.append(Posting(key: key, value: reader.value(cursor.index))) }
                #expect(walked == postings)
            }
            let fixed = PostingBlock.encode(postings, lowBits: lowBits, format: .fixed)
            #expect(fixed.count == postings.count * 16)
            try block.decode(fixed, format: .fixed)
            #expect(zip(block.keys, block.values).map { Posting(key: $0, value: $1) } == postings)
        }
    }

    /// A full block of sentence postings of a million documents, from a run of 2^28, packs
    /// into about half the bytes of the v2 format; a small block of random keys (gaps of
    /// about 2^55) of a narrow document range into under two thirds.
    @Test func packedBlocksAreSmallerThanFixedOnes() {
        let samples = Self.samples()
        let sentences = samples[5].postings, documents = samples[6].postings
        let sentenceBytes = Double(PostingBlock.encode(sentences, lowBits: 20).count) / Double(sentences.count)
        let documentBytes = Double(PostingBlock.encode(documents, lowBits: 0).count) / Double(documents.count)
        // ~4,900 postings over 2^48 keys: gaps of ~2^36 (the largest, ~2^39, sets the width);
        // values: 20 bits of document and 7 of sentence. 39 + 27 bits ≈ 8.3 bytes.
        #expect(sentenceBytes < 9)
        #expect(sentenceBytes > 7)
        // 500 random keys: gaps up to ~2^58; values: 17 bits of document. ≈ 9.4 bytes.
        #expect(documentBytes < 10.5)
    }

    /// A damaged block is reported, not read past its end.
    @Test func truncatedBlocksAreRefused() throws {
        let data = PostingBlock.encode(Self.samples()[5].postings, lowBits: 20)
        var block = PostingBlock()
        #expect(throws: PostingBlockError.self) { try block.decode(data.prefix(data.count - 40)) }
        #expect(throws: PostingBlockError.self) { try block.decode(Data(count: 10)) }
    }

    /// Migration `v3` packs the blocks of a v2 index: the same postings in every run, lookups
    /// and merges working on them, and the content digest and scan of an index built fresh.
    @Test func migrationPacksV2BlocksWithTheSameContents() throws {
        let documents = IndexTestSupport.corpus("wirebench-slice")
        let fresh = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try fresh.add(documents, batchSize: 9)
        let freshDigest = try fresh.contentDigest()
        let freshScan = try fresh.scan()
        let freshReport = try fresh.findings(.lastScan).report

        // The same index as v2 wrote it: its blocks unpacked, migration v3 not applied.
        let path = try IndexTestSupport.indexPath()
        do {
            let built = try ArchiveIndex(path: path, create: true)
            _ = try built.add(documents, batchSize: 9)
            try built.pool.write { db in
                let blocks = try Row.fetchAll(db, sql: """
                    SELECT posting_block.rowid, posting_run.kind, posting_block.entries FROM posting_block
                    JOIN posting_run ON posting_run.rowid = posting_block.run
                    """)
                #expect(blocks.count > 3)
                for row in blocks {
                    var block = PostingBlock()
                    try block.decode(row[2])
                    let postings = zip(block.keys, block.values).map { Posting(key: $0, value: $1) }
                    let kind = PostingKind(rawValue: row[1])!
                    try db.execute(
                        sql: "UPDATE posting_block SET entries = ? WHERE rowid = ?",
                        arguments: [PostingBlock.encode(postings, lowBits: Int(kind.sentenceBits), format: .fixed), row[0]])
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'")
            }
        }
        let pending = try DatabaseQueue(path: path)
        #expect(try pending.read { db in try IndexSchema.migrator.hasCompletedMigrations(db) } == false)
        try pending.close()

        let migrated = try ArchiveIndex(path: path)
        #expect(try migrated.pool.read { db in try IndexSchema.migrator.hasCompletedMigrations(db) })
        #expect(try migrated.contentDigest() == freshDigest)
        #expect(try migrated.integrityProblems().isEmpty)
        let scan = try migrated.scan()
        #expect(scan.pairs == freshScan.pairs && scan.candidates == freshScan.candidates)
        let report = try migrated.findings(.lastScan).report
        #expect(report.pairs == freshReport.pairs)
        #expect(report.clusters == freshReport.clusters)
        // Adding after the migration writes packed runs next to the repacked ones.
        var changed = documents.sorted { $0.id < $1.id }
        changed[0].text += "\n\nA paragraph added later to the first document of the corpus."
        #expect(try migrated.add([changed[0]]).replaced == 1)
        try migrated.pool.write { db in for kind in PostingKind.allCases { try PostingRuns.compact(kind, everything: true, db) } }
        #expect(try migrated.integrityProblems().isEmpty)
        #expect(try migrated.scan().documents == 1)
    }
}
