import Foundation
import GRDB

extension ArchiveIndex {
    /// What ``compact()`` did: the size of the file (with its write-ahead log) before and after.
    public struct Compaction: Hashable, Sendable {
        /// Bytes of the database file and its write-ahead log before compacting.
        public var bytesBefore: Int64
        /// Bytes of the database file and its write-ahead log after compacting.
        public var bytesAfter: Int64
        /// Bytes of free pages before compacting (all returned by it).
        public var freeBytesBefore: Int64
    }

    /// Rewrites the index file without its free pages and with each table's pages in order
    /// (SQLite `VACUUM`), then empties the write-ahead log.
    ///
    /// Merges, replaced documents and the schema migrations leave free pages that later adds
    /// reuse but that scatter each table over the file: a migrated index of a million
    /// documents scanned in about 1.5× the CPU time of the same index compacted (measured in
    /// the README "Persistent index"). Compacting keeps the contents (the content digest is
    /// unchanged), is one transaction (a killed compaction leaves the index as it was), waits
    /// for a running add, and needs free disk space of about twice the file's size while it
    /// runs.
    public func compact() throws -> Compaction {
        let before = try statistics(tableSizes: false)
        try pool.vacuum()
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let after = try statistics(tableSizes: false)
        return Compaction(bytesBefore: before.fileBytes, bytesAfter: after.fileBytes, freeBytesBefore: before.freeBytes)
    }
}
