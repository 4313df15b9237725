import ArgumentParser
import Foundation
import SyndicationReport
import SyndicationScan

extension ReportFormat: ExpressibleByArgument {}
extension CandidateScope: ExpressibleByArgument {}

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

    @Option(help: ArgumentHelp(
        "Which copy to look for: passages (whole, partial and reworded copy) or documents "
            + "(near-duplicates of whole texts only, as dedup tools do; faster).",
        valueName: "passages|documents"))
    var candidates: CandidateScope = .passages

    @Option(help: ArgumentHelp(
        "Megabytes of sentence keys, and of the sentence pairs they make collide, held in memory "
            + "before they go to temporary files under TMPDIR (each kind its own budget): more is "
            + "faster on a large corpus, less takes less memory. The report does not depend on it.",
        valueName: "megabytes"))
    var spillBudget: Int = CorpusScanner().fingerprintMemoryLimit >> 20

    @OptionGroup var options: CorpusOptions

    func validate() throws {
        guard spillBudget >= 0, spillBudget <= Int.max >> 20 else {
            throw ValidationError("--spill-budget must be a number of megabytes, 0 or more")
        }
    }

    func run() throws {
        let parameters = options.parameters
        let bar = ProgressBar.make(quiet: options.quiet)
        let timings = StageTimings.make()
        var progress: (@Sendable (ScanProgress) -> Void)?
        if bar != nil || timings != nil {
            progress = { @Sendable stage in
                bar?.update(stage)
                timings?.update(stage)
            }
        }
        var scanner = CorpusScanner(parameters: parameters, progress: progress)
        scanner.candidateScope = candidates
        scanner.fingerprintMemoryLimit = spillBudget << 20
        // Texts are only needed for the excerpts of Markdown and HTML reports.
        scanner.keepsTexts = reportDir != nil || format != .json
        let source = documentSource(for: corpus)
        let outcome = try scanner.scan(source) { warnings, count in
            if !options.quiet {
                if let bar { bar.update(.finished) }
                for warning in warnings { printError("warning: \(warning)") }
            }
            if options.strict && !warnings.isEmpty {
                printError("error: \(warnings.count) input warning(s) and --strict is set")
                throw ExitCode(2)
            }
            guard count > 0 else {
                printError("error: no readable documents in \(corpus.joined(separator: ", "))")
                throw ExitCode(2)
            }
        }
        if !options.quiet {
            // What the scan itself had to leave out (capped buckets, large copy groups).
            for warning in outcome.report.warnings.dropFirst(outcome.report.warnings.count - outcome.scanWarningCount) {
                printError("warning: \(warning)")
            }
        }
        let input = ReportInput(report: outcome.report, texts: outcome.texts, command: reproducibleCommand(["scan"] + corpus))
        try input.emit(as: format, reportDirectory: reportDir, protecting: Self.inputFiles(corpus), threads: parameters.threads)
        // Everything is written and flushed; the process exits right after this returns.
        keepUntilExit((outcome, input))
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
