import ArgumentParser
import Foundation
import SyndicationIndex

/// `syndetect index …`: keep a persistent index of a growing archive and report only what is
/// new.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Keep a persistent index of a growing archive and report only what is new.",
        discussion: """
            add indexes new and changed documents (unchanged ones are skipped by SHA-256); scan \
            compares what was added since the last scan with the whole index and reports the new \
            pairs and cluster changes; query shows what in the archive an article reuses or is \
            reused by; stats prints counts and sizes; compact rewrites the file without its free pages. The index is one SQLite file (write-ahead \
            log): reports and queries run while an add is running, and a killed add keeps every \
            batch it committed.
            """,
        subcommands: [
            IndexAddCommand.self, IndexScanCommand.self, IndexQueryCommand.self, IndexStatsCommand.self,
            IndexCompactCommand.self,
        ]
    )
}

/// The `--index FILE` option of every `index` subcommand.
struct IndexLocation: ParsableArguments {
    @Option(name: .customLong("index"), help: "The index file (SQLite).")
    var path: String

    /// Opens the index, creating it when `create`; exit 2 with the reason when it cannot be used.
    func open(create: Bool = false) throws -> ArchiveIndex {
        do {
            return try ArchiveIndex(path: path, create: create)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Runs `body`, turning an index or database failure into exit 2 with its message.
func withIndexErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let code as ExitCode {
        throw code
    } catch {
        printError("error: \(path): \(error)")
        throw ExitCode(2)
    }
}
