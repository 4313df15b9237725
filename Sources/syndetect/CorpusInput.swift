import ArgumentParser
import SyndicationScan

/// The options every command that reads a corpus shares.
struct CorpusOptions: ParsableArguments {
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = 0

    @Flag(help: "No progress or warnings on standard error.")
    var quiet = false

    @Flag(help: "Treat input warnings as errors: exit 2 if there are any.")
    var strict = false

    func validate() throws {
        guard threads >= 0 else { throw ValidationError("--threads must be 0 (all cores) or more") }
    }

    /// Default scan parameters with this thread count.
    var parameters: ScanParameters {
        var parameters = ScanParameters()
        parameters.threads = threads
        return parameters
    }
}

/// Reads the corpus a command was given, the same way for every command: warnings to
/// standard error unless `quiet`; exit 2 when `strict` and there are warnings, or when no
/// document could be read.
func readCorpus(_ paths: [String], quiet: Bool, strict: Bool) throws -> CorpusReadResult {
    let read = CorpusReader().read(paths)
    if !quiet {
        for warning in read.warnings { printError("warning: \(warning)") }
    }
    if strict && !read.warnings.isEmpty {
        printError("error: \(read.warnings.count) input warning(s) and --strict is set")
        throw ExitCode(2)
    }
    guard !read.documents.isEmpty else {
        printError("error: no readable documents in \(paths.joined(separator: ", "))")
        throw ExitCode(2)
    }
    return read
}
