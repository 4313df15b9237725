import ArgumentParser
import Foundation
import SyndicationReport

extension ReportInput {
    /// Writes `report.md`, `report.html` and `report.json` into `directory` (if given), never
    /// over one of `inputs`, then writes the report in `format` to standard output. A report
    /// that cannot be written is an error (exit 2): the user asked for the files. JSON is
    /// written as it is made, never held whole, its elements encoded on up to `threads` workers.
    func emit(as format: ReportFormat, reportDirectory directory: String?, protecting inputs: [String], threads: Int = 1) throws {
        if let directory {
            let writer = ReportDirectoryWriter(directory: directory, inputs: inputs)
            for fileFormat in ReportFormat.allCases {
                do {
                    try writer.write(as: "report.\(fileFormat.fileExtension)") { try write(as: fileFormat, to: &$0, threads: threads) }
                } catch {
                    printError("error: \(error)")
                    throw ExitCode(2)
                }
            }
        }
        fflush(nil)  // whatever print() buffered goes first
        var output = FileOutputStream(descriptor: STDOUT_FILENO)
        do {
            try write(as: format, to: &output, threads: threads)
            try output.flush()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
