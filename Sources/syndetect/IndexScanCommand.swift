import ArgumentParser
import Foundation
import SyndicationIndex
import SyndicationReport
import SyndicationScan

/// `syndetect index scan --index FILE [--since last|TIME]`.
struct IndexScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Compare what was added since the last scan with the index; report what is new.",
        discussion: """
            First compares every document added or changed since the last scan with the whole \
            index and records the pairs and clusters found. Then reports the pairs first found, \
            and the clusters first seen (new, grown or split), by the last scan (--since last, \
            the default) or by every scan started at or after an ISO-8601 time \
            (--since 2026-11-20T06:00:00Z), in the formats of `syndetect scan`. A summary line \
            goes to standard error unless --quiet.
            """
    )

    @OptionGroup var index: IndexLocation

    @Option(help: "Which scans to report: last, or an ISO-8601 time.")
    var since: String = "last"

    @Option(help: "What goes to standard output: markdown, html or json.")
    var format: ReportFormat = .markdown

    @Option(help: "Also write report.md, report.html and report.json into this directory.")
    var reportDir: String?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = 0

    @Flag(help: "No summary or progress on standard error.")
    var quiet = false

    func validate() throws {
        _ = try selection()
        guard threads >= 0 else { throw ValidationError("--threads must be 0 (all cores) or more") }
    }

    /// The scans `--since` selects.
    func selection() throws -> ArchiveIndex.ScanSelection {
        if since == "last" { return .lastScan }
        guard let time = PublicationTime(iso8601: since) else {
            throw ValidationError("--since takes 'last' or an ISO-8601 time such as 2026-11-20T06:00:00Z, not '\(since)'")
        }
        return .since(Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch)))
    }

    func run() throws {
        let archive = try index.open()
        let quiet = self.quiet
        let run = try withIndexErrors(index.path) {
            try archive.scan(threads: threads) { stage in
                guard !quiet, isatty(STDERR_FILENO) != 0 else { return }
                switch stage {
                case .compared(let done, let total): printError("syndetect: compared \(done)/\(total) new documents")
                case .resolving: printError("syndetect: resolving provenance")
                }
            }
        }
        if !quiet {
            if let scan = run.scan {
                printError("syndetect: scan \(scan): compared \(run.documents) new or changed documents (\(run.candidates) candidate pairs): \(run.pairs) new pairs, \(run.newClusters) new or changed clusters, \(run.retiredClusters) replaced")
            } else {
                printError("syndetect: nothing added since the last scan")
            }
        }
        let findings = try withIndexErrors(index.path) { try archive.findings(try selection()) }
        let input = ReportInput(
            report: findings.report, texts: findings.texts,
            command: reproducibleCommand(["index", "scan", "--index", index.path, "--since", since]))
        try input.emit(as: format, reportDirectory: reportDir, protecting: [index.path, index.path + "-wal", index.path + "-shm"])
    }
}
