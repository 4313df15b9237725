import Foundation
import GRDB
import Synchronization
import SyndicationScan
@testable import SyndicationIndex

/// Fixtures and scratch files for the index tests.
enum IndexTestSupport {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The documents of a fixture folder, read as `syndetect scan` reads them.
    static func corpus(_ name: String) -> [Document] {
        CorpusReader().read([root.appendingPathComponent("Fixtures/\(name)").path]).documents
    }

    /// A path for a new index file in a fresh folder, which goes when the test process ends.
    static func indexPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("syndetect-index-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        removedAtExit(directory)
        return directory.appendingPathComponent("index.sqlite").path
    }

    /// The folders ``indexPath()`` made (a run of the suite makes about fifty, 5 MB each).
    private static let madeFolders = Mutex<[String]>([])

    /// Files `directory` for removal when the process exits.
    private static func removedAtExit(_ directory: URL) {
        _ = removalAtExit
        madeFolders.withLock { $0.append(directory.path) }
    }

    /// The exit handler that removes the folders, installed once.
    private static let removalAtExit: Void = {
        atexit {
            for path in IndexTestSupport.madeFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }()

    /// Every row of every table of the index, as text, for comparing two indexes' contents
    /// (rowids and times left out: they depend on when and in which order rows were written).
    static func contents(_ index: ArchiveIndex) throws -> [String: [String]] {
        try index.pool.read { db in
            let queries = [
                "document": "SELECT id, sha256, outlet, summary, hex(minhash), simhash, hex(line_keys) FROM document",
                "document_text": "SELECT d.id, t.text FROM document_text t JOIN document d ON d.rowid = t.document",
                "line_count": "SELECT key, outlet, documents FROM line_count",
                "setting": "SELECT name, hex(value) FROM setting",
            ]
            var result: [String: [String]] = [:]
            for (table, sql) in queries {
                result[table] = try GRDB.Row.fetchAll(db, sql: sql).map { $0.description }.sorted()
            }
            for (kind, name) in [(PostingKind.band, "band_key"), (.passage, "passage_key"), (.line, "line_posting")] {
                result[name] = try postings(kind, db).map { "\($0.key) \($0.id) \($0.sentence)" }.sorted()
            }
            return result
        }
    }

    /// The live postings of `kind` (those lookups see), by document id and sentence (0 for
    /// kinds without one).
    static func postings(_ kind: PostingKind, _ db: Database) throws -> [(key: Int64, id: String, sentence: Int64)] {
        let ids = Dictionary(uniqueKeysWithValues: try GRDB.Row.fetchAll(db, sql: "SELECT rowid, id FROM document").map {
            ($0[0] as Int64, $0[1] as String)
        })
        let mask = (Int64(1) << IndexSchema.sentenceBits) - 1
        return try PostingRuns.allPostings(kind, db).map { posting in
            (posting.key, ids[kind.document(posting.value)] ?? "<removed \(kind.document(posting.value))>",
             kind == .passage ? posting.value & mask : 0)
        }
    }
}
