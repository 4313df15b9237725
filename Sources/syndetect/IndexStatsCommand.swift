import ArgumentParser
import Foundation
import SyndicationIndex

/// `syndetect index stats --index FILE`.
struct IndexStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print an index's counts and sizes.",
        discussion: "Documents, pending documents, scans, pairs, clusters, keys, file size and bytes per document; sizes per table when SQLite has dbstat."
    )

    @OptionGroup var index: IndexLocation

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Skip the per-table sizes (they read the whole file).")
    var noTableSizes = false

    func run() throws {
        let archive = try index.open()
        let statistics = try withIndexErrors(index.path) { try archive.statistics(tableSizes: !noTableSizes) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(statistics), as: UTF8.self))
            return
        }
        var lines = [
            "documents         \(statistics.documents) (\(statistics.pendingDocuments) not yet scanned)",
            "scans             \(statistics.scans)" + (statistics.lastScan.map { ", last started \($0)" } ?? ""),
            "pairs             \(statistics.pairs) (\(statistics.reusePairs) reuse)",
            "clusters          \(statistics.clusters)",
            "band keys         \(statistics.bandKeys)",
            "passage keys      \(statistics.passageKeys)",
            "line keys         \(statistics.lineKeys)",
            "file size         \(statistics.fileBytes) bytes (\(statistics.bytesPerDocument) per document)",
        ]
        for (name, bytes) in statistics.tableBytes.sorted(by: { $0.value > $1.value }) {
            lines.append("  \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(bytes) bytes")
        }
        print(lines.joined(separator: "\n"))
    }
}
