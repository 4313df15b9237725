import ArgumentParser
import Foundation
import SyndicationIndex

/// `syndetect index compact --index FILE`.
struct IndexCompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite an index file without its free pages, each table's pages in order.",
        discussion: """
            Worth running after a schema migration or many replaced documents (index stats \
            shows the free pages): scans read fewer, closer pages. The contents do not change. \
            It waits for a running add, keeps the index as it was if killed, and needs free disk \
            space of about twice the file's size while it runs.
            """
    )

    @OptionGroup var index: IndexLocation

    func run() throws {
        let archive = try index.open()
        let compaction = try withIndexErrors(index.path) { try archive.compact() }
        print("compacted \(index.path): \(compaction.bytesBefore) -> \(compaction.bytesAfter) bytes (\(compaction.freeBytesBefore) bytes of free pages returned)")
    }
}
