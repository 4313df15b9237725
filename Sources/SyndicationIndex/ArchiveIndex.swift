import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

/// A persistent index of an archive that only grows: documents are added in batches, and a
/// scan compares only the documents added since the last scan against everything indexed,
/// recording each pair and cluster with the scan that first found it.
///
/// The index is one SQLite database (see `IndexSchema` for its tables) in write-ahead-log
/// mode: readers (a report, a query, statistics) run while another process adds documents,
/// and every batch of an add is one transaction, so a process killed at any moment leaves the
/// index as it was after its last committed batch. Adding the same input again finds every
/// document unchanged by its SHA-256 and writes nothing.
///
/// Given an index holding a whole corpus, a scan finds the same pairs and clusters as
/// `CorpusScanner` on that corpus: every stage is the scanner's (`IncrementalScan`), and
/// the corpus-wide facts it needs — line counts for boilerplate, bucket sizes for the LSH and
/// sentence-fingerprint candidates, the outlets for provenance — are kept in the index.
public final class ArchiveIndex: Sendable {
    /// The database file.
    public let path: String
    /// The parameters of the index (refused on open when they differ from the stored ones).
    public let parameters: IndexParameters
    let pool: DatabasePool
    let stages: IncrementalScan

    /// Opens the index at `path`, creating it when `create` is true and there is none.
    ///
    /// - Throws: ``IndexError`` when there is no index and `create` is false, when the file is
    ///   not a syndetect index, when a newer syndetect wrote it, or when it was built with
    ///   other parameters.
    public init(path: String, parameters: IndexParameters = IndexParameters(), create: Bool = false) throws {
        self.path = path
        self.parameters = parameters
        self.stages = {
            var stages = IncrementalScan(parameters: parameters.scan)
            stages.fingerprints.bandCount = parameters.fingerprints.bandCount
            stages.fingerprints.rowsPerBand = parameters.fingerprints.rowsPerBand
            stages.fingerprints.minimumWords = parameters.fingerprints.minimumWords
            stages.fingerprints.commonShingleShare = parameters.fingerprints.commonShingleShare
            stages.fingerprints.minimumCollisions = parameters.fingerprints.minimumCollisions
            stages.fingerprints.maximumBucketSize = parameters.fingerprints.maximumBucketSize
            stages.fingerprints.sampleSize = parameters.fingerprints.sampleSize
            return stages
        }()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw IndexError.notAnIndex(path, "it is a folder") }
        if !exists && !create { throw IndexError.missing(path) }
        if exists, let handle = FileHandle(forReadingAtPath: path) {
            // SQLite would take a file too short for a header for an empty database and write
            // over it: look at the header before SQLite opens anything.
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            try? handle.close()
            if !header.isEmpty && header != Data("SQLite format 3\u{0}".utf8) {
                throw IndexError.notAnIndex(path, "it is not an SQLite database")
            }
            if header.isEmpty && !create { throw IndexError.notAnIndex(path, "it is empty") }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(120)
        configuration.prepareDatabase { db in
            // WAL survives a killed process at NORMAL: a committed transaction is in the log,
            // which the next open replays. Only a power loss could lose the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The posting tables are B-trees keyed by random 64-bit keys: a large page cache
            // and memory-mapped reads keep lookups and batch inserts off the disk.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw IndexError.notAnIndex(path, Self.reason(error))
        }
        try openSchema(create: create)
    }

    /// Checks what the file is, migrates it when its schema is older (or new), and checks
    /// or records the parameters. An index that is up to date is only read, so opening one
    /// never waits for a running add.
    private func openSchema(create: Bool) throws {
        let migrator = IndexSchema.migrator
        do {
            struct State { var foreign = false, superseded = false, completed = false; var parameters: Data? }
            let state = try pool.read { db -> State in
                var state = State()
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                state.foreign = !tables.isEmpty && !tables.contains("grdb_migrations")
                guard !state.foreign, !tables.isEmpty else { return state }
                state.superseded = try migrator.hasBeenSuperseded(db)
                state.completed = try migrator.hasCompletedMigrations(db)
                if tables.contains("setting") {
                    state.parameters = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'parameters'")
                }
                return state
            }
            if state.foreign { throw IndexError.notAnIndex(path, "it is an SQLite database of something else") }
            if !state.completed && state.parameters == nil && !create { throw IndexError.notAnIndex(path, "it is empty") }
            if state.superseded { throw IndexError.newerSchema(path) }
            if !state.completed { try migrator.migrate(pool) }
            let wanted = try parameters.encoded()
            var stored = state.parameters
            if stored == nil {
                stored = try pool.write { db -> Data in
                    if let existing = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'parameters'") {
                        return existing
                    }
                    try db.execute(sql: "INSERT INTO setting(name, value) VALUES ('parameters', ?)", arguments: [wanted])
                    return wanted
                }
            }
            if let stored, stored != wanted {
                let problems = parameters.differences(from: stored)
                throw IndexError.parameterMismatch(path, problems.isEmpty ? ["the stored parameters differ"] : problems)
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError.notAnIndex(path, Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return "it is not an SQLite database" }
            return error.message ?? error.description
        }
        return "\(error)"
    }

    /// The frozen set of common character shingles sentence fingerprints leave out, or nil
    /// before the first add.
    func commonShingles(_ db: Database) throws -> Set<UInt64>? {
        guard let data = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'common_shingles'") else {
            return nil
        }
        return Set(BlobCoding.integers(data))
    }

    /// The current time as stored in the index: ISO-8601 UTC with milliseconds, so that text
    /// order is time order.
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// Why an index cannot be used.
public enum IndexError: Error, CustomStringConvertible, Equatable {
    /// There is no index at the path.
    case missing(String)
    /// The file is not a syndetect index, and why.
    case notAnIndex(String, String)
    /// A newer syndetect wrote the index.
    case newerSchema(String)
    /// The index was built with other parameters: each line names one that differs.
    case parameterMismatch(String, [String])

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): there is no index here; build one with `syndetect index add CORPUS --index \(path)`"
        case .notAnIndex(let path, let reason):
            return "\(path): not a syndetect index (\(reason))"
        case .newerSchema(let path):
            return "\(path): this index was written by a newer syndetect; use that version"
        case .parameterMismatch(let path, let lines):
            return "\(path): the index was built with other parameters, and mixing them would miss copy; "
                + "build a new index or use the original parameters:\n  " + lines.joined(separator: "\n  ")
        }
    }
}
