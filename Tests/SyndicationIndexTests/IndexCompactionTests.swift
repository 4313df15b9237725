import Foundation
import GRDB
import SyndicationScan
import Testing
@testable import SyndicationIndex

/// Compacting an index returns its free pages and changes nothing it holds.
struct IndexCompactionTests {
    private typealias Statistics = ArchiveIndex.Statistics

    /// Two indexes built the same way, with free pages left by replaced documents and a full
    /// merge; one is compacted.
    private func twoIndexesWithFreePages() throws -> (kept: ArchiveIndex, compacted: ArchiveIndex) {
        var documents = IndexTestSupport.corpus("wirebench-slice").sorted { $0.id < $1.id }
        let original = documents
        for index in documents.indices where index % 3 == 0 {
            documents[index].text = "Replaced page \(index)\nThe council met on Tuesday and agreed the budget for item \(index) of the year.\n"
        }
        func build() throws -> ArchiveIndex {
            let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
            _ = try index.add(original, batchSize: 8)
            _ = try index.scan()
            _ = try index.add(documents, batchSize: 8)
            try index.pool.write { db in for kind in PostingKind.allCases { try PostingRuns.compact(kind, everything: true, db) } }
            return index
        }
        return (try build(), try build())
    }

    @Test func compactingReturnsTheFreePagesAndKeepsTheContents() throws {
        let (kept, compacted) = try twoIndexesWithFreePages()
        let digest = try compacted.contentDigest()
        let before = try compacted.statistics(tableSizes: false)
        #expect(before.freeBytes > 0)
        let compaction = try compacted.compact()
        let after = try compacted.statistics(tableSizes: false)
        #expect(compaction.freeBytesBefore == before.freeBytes)
        #expect(after.freeBytes == 0)
        #expect(compaction.bytesAfter == after.fileBytes)
        #expect(compaction.bytesAfter < compaction.bytesBefore)
        #expect(try compacted.contentDigest() == digest)
        #expect(try compacted.integrityProblems().isEmpty)
        var counts = after, keptCounts = try kept.statistics(tableSizes: false)
        // Everything but the sizes and the clock.
        for statistics in [\Statistics.fileBytes, \.freeBytes, \.bytesPerDocument] {
            counts[keyPath: statistics] = 0
            keptCounts[keyPath: statistics] = 0
        }
        counts.lastScan = nil
        keptCounts.lastScan = nil
        #expect(counts == keptCounts)
        // The replaced documents' scan finds the same pairs in the compacted index.
        let keptRun = try kept.scan(), compactedRun = try compacted.scan()
        #expect(keptRun.documents == compactedRun.documents && keptRun.documents > 0)
        #expect(try compacted.findings(.lastScan).report.pairs == kept.findings(.lastScan).report.pairs)
    }
}
