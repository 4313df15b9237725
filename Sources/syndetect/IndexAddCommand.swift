import ArgumentParser
import Foundation
import SyndicationIndex

/// `syndetect index add CORPUS... --index FILE`.
struct IndexAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add new and changed documents of a corpus to an index (created when missing).",
        discussion: """
            Unchanged documents (same id, same SHA-256) are skipped, so adding the same input \
            again changes nothing. A changed document replaces its old version. Every batch is \
            one transaction: a killed add keeps what it committed, and running it again \
            completes the rest. Prints one line: documents added, replaced and unchanged.
            """
    )

    @Argument(help: "Folders, .jsonl files or CSV manifests to add.")
    var corpus: [String]

    @OptionGroup var index: IndexLocation

    @Option(help: "Documents per transaction.")
    var batchSize: Int = 10_000

    @Flag(help: "Record the documents as already compared: later scans compare new documents with them, but they are not compared among themselves (for a historical archive).")
    var baseline = false

    @OptionGroup var options: CorpusOptions

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be 1 or more") }
    }

    func run() throws {
        let target = URL(fileURLWithPath: index.path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in ScanCommand.inputFiles(corpus)
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            printError("error: \(index.path): refusing to use an input file as the index")
            throw ExitCode(2)
        }
        let read = try readCorpus(corpus, quiet: options.quiet, strict: options.strict)
        let archive = try index.open(create: true)
        let quiet = options.quiet
        let summary = try withIndexErrors(index.path) {
            try archive.add(read.documents, batchSize: batchSize, threads: options.threads, baseline: baseline) { stage in
                guard !quiet else { return }
                switch stage {
                case .counting(let count): printError("syndetect: indexing \(count) new or changed documents")
                case .committed(let done, let total): printError("syndetect: committed \(done)/\(total)")
                }
            }
        }
        print("added \(summary.added), replaced \(summary.replaced), unchanged \(summary.unchanged) (\(summary.batches) transaction\(summary.batches == 1 ? "" : "s"))")
    }
}
