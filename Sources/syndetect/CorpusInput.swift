import ArgumentParser
import SyndicationScan

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
