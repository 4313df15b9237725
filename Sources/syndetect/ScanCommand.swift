import ArgumentParser
import Foundation
import SyndicationReport
import SyndicationScan

extension ReportFormat: ExpressibleByArgument {}

/// `syndetect scan CORPUS...`: find reuse in a corpus and report it.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find duplicate, near-duplicate and reworded copy in a corpus.",
        discussion: """
            CORPUS is a folder of .txt/.md files (file stem = id, first line = title; an optional \
            manifest.csv beside them adds outlet, url, published, title), a .jsonl file (id, outlet, \
            url, published, title, text per line), or a CSV manifest with a `file` column.
            """
    )

    @Argument(help: "Folders, .jsonl files or CSV manifests to scan.")
    var corpus: [String]

    @Option(help: "What goes to standard output: markdown, html or json.")
    var format: ReportFormat = .markdown

    @Option(help: "Also write report.md, report.html and report.json into this directory.")
    var reportDir: String?

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let read = try readCorpus(corpus, quiet: options.quiet, strict: options.strict)
        let parameters = options.parameters
        let showProgress = !options.quiet && isatty(STDERR_FILENO) != 0
        let progress: (@Sendable (ScanProgress) -> Void)? = showProgress
            ? { @Sendable stage in printError("syndetect: \(stage.summary)") } : nil
        let scanner = CorpusScanner(parameters: parameters, progress: progress)
        let outcome = scanner.scan(read.documents, warnings: read.warnings)
        let input = ReportInput(report: outcome.report, texts: outcome.texts, command: reproducibleCommand(["scan"] + corpus))
        if let reportDir {
            let writer = ReportDirectoryWriter(directory: reportDir, inputs: Self.inputFiles(corpus))
            for format in ReportFormat.allCases {
                do {
                    try writer.write(try input.rendered(as: format), as: "report.\(format.fileExtension)")
                } catch {
                    printError("error: \(error)")
                    throw ExitCode(2)
                }
            }
        }
        print(try input.rendered(as: format), terminator: "")
    }

    /// Every file below the given inputs, so reports never overwrite one.
    static func inputFiles(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            files.append(path)
            if let walker = FileManager.default.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    files.append((path as NSString).appendingPathComponent(relative))
                }
            }
        }
        return files
    }
}

extension ScanProgress {
    /// A line for the progress display.
    var summary: String {
        switch self {
        case .preparing(let count): return "analysing \(count) documents"
        case .findingCandidates: return "finding candidate pairs"
        case .verifying(let count): return "verifying \(count) candidate pairs"
        case .resolvingProvenance: return "resolving provenance"
        }
    }
}
