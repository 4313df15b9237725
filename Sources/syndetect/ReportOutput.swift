import ArgumentParser
import SyndicationReport

extension ReportInput {
    /// Writes `report.md`, `report.html` and `report.json` into `directory` (if given), never
    /// over one of `inputs`, then prints the report in `format` to standard output. A report
    /// that cannot be written is an error (exit 2): the user asked for the files.
    func emit(as format: ReportFormat, reportDirectory directory: String?, protecting inputs: [String]) throws {
        if let directory {
            let writer = ReportDirectoryWriter(directory: directory, inputs: inputs)
            for fileFormat in ReportFormat.allCases {
                do {
                    try writer.write(try rendered(as: fileFormat), as: "report.\(fileFormat.fileExtension)")
                } catch {
                    printError("error: \(error)")
                    throw ExitCode(2)
                }
            }
        }
        print(try rendered(as: format), terminator: "")
    }
}
