import ArgumentParser
import Foundation
import SyndicationScan

/// `syndetect`: find reused news copy across outlets and show where it came from.
struct Syndetect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syndetect",
        abstract: "Find reused news copy across outlets and show where it came from.",
        discussion: """
            Exit codes: 0 success; 1 a check failed (findings crossed a limit); \
            2 usage error or bad input (with --strict, any input warning).
            """,
        version: versionString,
        subcommands: [ScanCommand.self, CompareCommand.self, CheckCommand.self, IndexCommand.self]
    )
}

/// Parses the command line and maps every failure to a documented exit code: help and
/// version 0, usage errors 2, and whatever a subcommand decides.
func runMain() -> Never {
    AllocatorSettings.apply()
    // JSON Lines inputs are read through mappings: a file cut short meanwhile is named, not a crash.
    MappedFileReading.reportsTruncation()
    do {
        var command = try Syndetect.parseAsRoot()
        try command.run()
        Syndetect.exit()
    } catch let code as ExitCode {
        Syndetect.exit(withError: code)
    } catch {
        let code = Syndetect.exitCode(for: error)
        if code == .success { Syndetect.exit(withError: error) }
        FileHandle.standardError.write(Data((Syndetect.fullMessage(for: error) + "\n").utf8))
        Syndetect.exit(withError: ExitCode(2))
    }
}

runMain()
