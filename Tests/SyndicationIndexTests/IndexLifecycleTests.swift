import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan
import Testing
@testable import SyndicationIndex

/// Adding, re-adding, replacing, scanning by time, and refusing what is not a usable index.
struct IndexLifecycleTests {
    @Test func addingTheSameInputAgainChangesNothing() throws {
        let documents = IndexTestSupport.corpus("wirebench-slice")
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try index.add(documents, batchSize: 10)
        _ = try index.scan()
        let before = try IndexTestSupport.contents(index)
        let statistics = try index.statistics(tableSizes: false)
        let again = try index.add(documents.reversed(), batchSize: 10)
        #expect(again == ArchiveIndex.AddSummary(added: 0, replaced: 0, unchanged: documents.count, batches: 0))
        #expect(try IndexTestSupport.contents(index) == before)
        #expect(try index.scan().scan == nil)
        var after = try index.statistics(tableSizes: false)
        after.fileBytes = statistics.fileBytes
        after.bytesPerDocument = statistics.bytesPerDocument
        #expect(after == statistics)
    }

    @Test func aChangedDocumentReplacesItsOldVersion() throws {
        var documents = IndexTestSupport.corpus("wirebench-slice").sorted { $0.id < $1.id }
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try index.add(documents)
        _ = try index.scan()
        let first = try index.findings(.lastScan).report
        // A document in a cluster gets a text that shares nothing.
        let cluster = try #require(first.clusters.first)
        let changed = try #require(documents.firstIndex { $0.id == cluster.members[0] })
        documents[changed].text = "Unrelated notice\nThe library opens late on Sundays from next month, the council said in a short statement.\n"
        let summary = try index.add(documents)
        #expect(summary.added == 0 && summary.replaced == 1 && summary.unchanged == documents.count - 1)
        let pending = try index.statistics(tableSizes: false)
        #expect(pending.pendingDocuments == 1)
        #expect(pending.pairs == first.pairs.filter { $0.a != documents[changed].id && $0.b != documents[changed].id }.count)
        let run = try index.scan()
        #expect(run.documents == 1)
        #expect(run.retiredClusters >= 1)
        let current = try index.findings(.since(.distantPast)).report
        #expect(!current.clusters.contains { $0.members.contains(documents[changed].id) })
        // What depends only on each document's own text equals a fresh index of the new corpus.
        let fresh = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try fresh.add(documents)
        let left = try IndexTestSupport.contents(index), right = try IndexTestSupport.contents(fresh)
        for table in ["document_text", "band_key", "line_posting", "line_count"] { #expect(left[table] == right[table], "\(table)") }
        // No posting lookups see points at the old version; the old version's postings are
        // stored until a merge drops them, and a full merge leaves none.
        func orphans() throws -> Int {
            try index.pool.read { db in
                let live = Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM document"))
                return try PostingKind.allCases.map { kind in
                    try PostingRuns.allPostings(kind, db).filter { !live.contains(kind.document($0.value)) }.count
                }.reduce(0, +)
            }
        }
        #expect(try orphans() == 0)
        let beforeMerge = try IndexTestSupport.contents(index)
        let stored = try index.pool.read { db in try PostingKind.allCases.map { try PostingRuns.storedCount($0, db) } }
        let removed = try index.pool.read { db in try PostingRuns.removedDocuments(db) }
        #expect(removed.count == 1)
        try index.pool.write { db in for kind in PostingKind.allCases { try PostingRuns.compact(kind, everything: true, db) } }
        let merged = try index.pool.read { db in try PostingKind.allCases.map { try PostingRuns.storedCount($0, db) } }
        #expect(zip(stored, merged).allSatisfy { $0 >= $1 } && stored != merged)
        #expect(try orphans() == 0)
        #expect(try IndexTestSupport.contents(index) == beforeMerge)
        #expect(try index.integrityProblems().isEmpty)
    }

    @Test func scanSinceSelectsTheScansStartedThen() throws {
        let documents = IndexTestSupport.corpus("wirebench-slice").sorted { $0.id < $1.id }
        let early = Array(documents.prefix(16)), late = Array(documents.dropFirst(16))
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try index.add(early)
        let firstRun = try index.scan()
        let first = try index.findings(.lastScan).report
        let earlyIds = Set(early.map(\.id))
        #expect(first.pairs.count == firstRun.pairs)
        #expect(first.pairs.allSatisfy { earlyIds.contains($0.a) && earlyIds.contains($0.b) })
        Thread.sleep(forTimeInterval: 0.05)
        let between = Date()
        Thread.sleep(forTimeInterval: 0.05)
        _ = try index.add(late)
        let secondRun = try index.scan()
        let second = try index.findings(.lastScan)
        #expect(second.report.pairs.count == secondRun.pairs)
        #expect(!second.report.pairs.isEmpty)
        #expect(second.report.pairs.allSatisfy { !earlyIds.contains($0.a) || !earlyIds.contains($0.b) })
        let since = try index.findings(.since(between))
        #expect(since.report.pairs == second.report.pairs)
        #expect(since.scans == second.scans)
        let all = try index.findings(.since(.distantPast)).report
        #expect(all.pairs.count == first.pairs.count + second.report.pairs.count)
        #expect(Set(all.pairs.map { [$0.a, $0.b] }).count == all.pairs.count)
        #expect(try index.findings(.since(Date().addingTimeInterval(3600))).report.pairs.isEmpty)
        // Split in two, the archive still finds every reuse pair of one scan of it all.
        let whole = CorpusScanner().scan(documents).report
        let reuse = Set(whole.pairs.filter(\.relation.isReuse).map { [$0.a, $0.b] })
        #expect(reuse.isSubset(of: Set(all.pairs.map { [$0.a, $0.b] })))
    }

    /// A baseline add is never compared within itself; later additions are compared with it
    /// exactly as with an archive that was scanned.
    @Test func baselineDocumentsAreComparedOnlyWithLaterOnes() throws {
        let documents = IndexTestSupport.corpus("wirebench-slice").sorted { $0.id < $1.id }
        let early = Array(documents.prefix(16)), late = Array(documents.dropFirst(16))
        let scanned = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try scanned.add(early)
        _ = try scanned.scan()
        _ = try scanned.add(late)
        _ = try scanned.scan()
        let baseline = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try baseline.add(early, baseline: true)
        #expect(try baseline.statistics(tableSizes: false).pendingDocuments == 0)
        #expect(try baseline.scan().scan == nil)
        _ = try baseline.add(late)
        let run = try baseline.scan()
        #expect(run.documents == late.count)
        let expected = try scanned.findings(.lastScan).report
        let found = try baseline.findings(.since(.distantPast)).report
        #expect(!found.pairs.isEmpty)
        #expect(found.pairs.map { [$0.a, $0.b] } == expected.pairs.map { [$0.a, $0.b] })
        #expect(found.pairs.map(\.passages) == expected.pairs.map(\.passages))
    }

    @Test func otherParametersAreRefusedByName() throws {
        let path = try IndexTestSupport.indexPath()
        var scan = ScanParameters()
        scan.permutationCount = 64
        _ = try ArchiveIndex(path: path, parameters: IndexParameters(scan: scan), create: true)
        #expect(throws: IndexError.self) { try ArchiveIndex(path: path) }
        do {
            _ = try ArchiveIndex(path: path)
        } catch let IndexError.parameterMismatch(where_, lines) {
            #expect(where_ == path)
            #expect(lines.contains { $0.contains("permutation_count") && $0.contains("64") && $0.contains("128") })
        }
        // The same parameters open it.
        _ = try ArchiveIndex(path: path, parameters: IndexParameters(scan: scan))
    }

    /// An index made before long sentences were cut into pieces holds keys and sentence
    /// numbers of whole sentences: opening it is refused, naming the setting it lacks.
    @Test func anIndexOfWholeSentencesIsRefused() throws {
        let path = try IndexTestSupport.indexPath()
        _ = try ArchiveIndex(path: path, create: true)
        try DatabaseQueue(path: path).write { db in
            let stored = try #require(try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'parameters'"))
            var object = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
            var fingerprints = try #require(object["fingerprints"] as? [String: Any])
            #expect(fingerprints.removeValue(forKey: "sentence_piece_words") as? Int == SentencePieces.maximumWords)
            #expect(fingerprints.removeValue(forKey: "piece_words") as? Int == SentencePieces.pieceWords)
            object["fingerprints"] = fingerprints
            let older = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            try db.execute(sql: "UPDATE setting SET value = ? WHERE name = 'parameters'", arguments: [older])
        }
        #expect { try ArchiveIndex(path: path) } throws: { error in
            guard case IndexError.parameterMismatch(path, let lines)? = error as? IndexError else { return false }
            return lines.contains { $0.contains("sentence_piece_words") && $0.contains("absent") && $0.contains("\(SentencePieces.maximumWords)") }
        }
    }

    @Test func whatIsNotAnIndexIsRefused() throws {
        let path = try IndexTestSupport.indexPath()
        #expect(throws: IndexError.missing(path)) { try ArchiveIndex(path: path) }
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try ArchiveIndex(path: path) } throws: { error in
            guard case IndexError.notAnIndex(path, let reason)? = error as? IndexError else { return false }
            return reason.contains("not an SQLite database")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database\n")
        // Files too short for an SQLite header, which SQLite would take for empty databases.
        for contents in ["x", ""] {
            let short = try IndexTestSupport.indexPath()
            try Data(contents.utf8).write(to: URL(fileURLWithPath: short))
            #expect(throws: IndexError.self) { try ArchiveIndex(path: short) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: short)) == Data(contents.utf8))
        }
        let other = try IndexTestSupport.indexPath()
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE notes(text TEXT)") }
        #expect { try ArchiveIndex(path: other, create: true) } throws: { error in
            guard case IndexError.notAnIndex(other, _)? = error as? IndexError else { return false }
            return true
        }
    }
}
