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

    @Flag(help: "Also check the database (SQLite integrity and foreign keys; exit 1 on a problem) and print a digest of its contents, equal for indexes of the same documents however they were built.")
    var check = false

    func run() throws {
        let archive = try index.open()
        let statistics = try withIndexErrors(index.path) { try archive.statistics(tableSizes: !noTableSizes) }
        var problems: [String] = []
        var digest = ""
        if check {
            problems = try withIndexErrors(index.path) { try archive.integrityProblems() }
            digest = try withIndexErrors(index.path) { try archive.contentDigest() }
        }
        if json {
            var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(statistics)) as? [String: Any] ?? [:]
            if check {
                object["integrity_problems"] = problems
                object["content_digest"] = digest
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(Self.text(statistics, problems: check ? problems : nil, digest: digest))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// The statistics as aligned lines, with the check's result when there was one.
    static func text(_ statistics: ArchiveIndex.Statistics, problems: [String]?, digest: String) -> String {
        var lines = [
            "documents       \(statistics.documents) (\(statistics.pendingDocuments) not yet scanned)",
            "scans           \(statistics.scans)" + (statistics.lastScan.map { ", last started \($0)" } ?? ""),
            "pairs           \(statistics.pairs) (\(statistics.reusePairs) reuse)",
            "clusters        \(statistics.clusters)",
            "band keys       \(statistics.bandKeys)",
            "passage keys    \(statistics.passageKeys)",
            "line keys       \(statistics.lineKeys)",
            "file size       \(statistics.fileBytes) bytes (\(statistics.bytesPerDocument) per document)",
        ]
        if statistics.freeBytes > 0 {
            lines.append("free pages      \(statistics.freeBytes) bytes (reused by later adds; VACUUM returns them)")
        }
        for (name, bytes) in statistics.tableBytes.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) where bytes > 4096 {
            lines.append("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(bytes) bytes")
        }
        if let problems {
            lines.append(problems.isEmpty ? "integrity       ok" : "integrity       \(problems.count) problem(s):")
            lines += problems.map { "  " + $0 }
            lines.append("content digest  \(digest)")
        }
        return lines.joined(separator: "\n")
    }
}
