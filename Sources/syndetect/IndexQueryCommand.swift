import ArgumentParser
import Foundation
import SyndicationIndex
import SyndicationReport

/// `syndetect index query FILE --index FILE`.
struct IndexQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Show what in the archive an article reuses or is reused by.",
        discussion: """
            Reads the article(s) like `syndetect scan` reads a corpus (a text file, a folder, a \
            .jsonl file or a CSV manifest), compares each with the index without adding it, and \
            reports the pairs found with their direction (source and derived), credit and \
            aligned passages. An indexed document with the same id as an article is taken for \
            that article and not compared with it. Prints one summary line per pair to \
            standard error unless --quiet.
            """
    )

    @Argument(help: "The article(s) to look up.")
    var files: [String]

    @OptionGroup var index: IndexLocation

    @Option(help: "What goes to standard output: markdown, html or json.")
    var format: ReportFormat = .markdown

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let read = try readCorpus(files, quiet: options.quiet, strict: options.strict)
        let archive = try index.open()
        let findings = try withIndexErrors(index.path) { try archive.query(read.documents, threads: options.threads) }
        if !options.quiet {
            let queried = Set(read.documents.map(\.id))
            for pair in findings.report.pairs {
                let line: String
                if let source = pair.source, let derived = pair.derived {
                    let verb = queried.contains(derived) ? "reuses" : "is reused by"
                    let (subject, object) = queried.contains(derived) ? (derived, source) : (source, derived)
                    line = "\(subject) \(verb) \(object) (\(pair.relation.rawValue))"
                } else {
                    line = "\(pair.a) and \(pair.b) share \(pair.relation.rawValue) copy, direction unknown"
                }
                printError("syndetect: " + line)
            }
            if findings.report.pairs.isEmpty { printError("syndetect: nothing in the archive shares copy with \(read.documents.map(\.id).joined(separator: ", "))") }
        }
        let input = ReportInput(
            report: findings.report, texts: findings.texts,
            command: reproducibleCommand(["index", "query"] + files + ["--index", index.path]))
        print(try input.rendered(as: format), terminator: "")
    }
}
