import Foundation
import GRDB
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

    /// A path for a new index file in a fresh folder.
    static func indexPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("syndetect-index-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("index.sqlite").path
    }

    /// Every row of every table of the index, as text, for comparing two indexes' contents
    /// (rowids and times left out: they depend on when and in which order rows were written).
    static func contents(_ index: ArchiveIndex) throws -> [String: [String]] {
        try index.pool.read { db in
            let queries = [
                "document": "SELECT id, sha256, outlet, summary, hex(minhash), simhash, hex(passage_keys), hex(line_keys) FROM document",
                "document_text": "SELECT d.id, t.text FROM document_text t JOIN document d ON d.rowid = t.document",
                "band_key": "SELECT b.key, d.id FROM band_key b JOIN document d ON d.rowid = b.document",
                "passage_key": "SELECT p.key, d.id, p.document_sentence & 1048575 FROM passage_key p JOIN document d ON d.rowid = p.document_sentence >> 20",
                "line_posting": "SELECT l.key, d.id FROM line_posting l JOIN document d ON d.rowid = l.document",
                "line_count": "SELECT key, outlet, documents FROM line_count",
                "setting": "SELECT name, hex(value) FROM setting",
            ]
            var result: [String: [String]] = [:]
            for (table, sql) in queries {
                result[table] = try GRDB.Row.fetchAll(db, sql: sql).map { $0.description }.sorted()
            }
            return result
        }
    }
}
