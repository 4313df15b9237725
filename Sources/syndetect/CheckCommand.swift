import ArgumentParser
import Foundation
import SyndicationScan

extension ReportScore: ExpressibleByArgument {}

/// `syndetect check CORPUS... --max-reuse L` and `--expect FILE`: scan, then hold the findings
/// to limits and expectations; exit 1 when any fails.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan a corpus and check its findings against limits and expectations.",
        discussion: """
            --max-reuse L fails when any reuse pair's score (--score, by default coverage of the \
            shorter document) is above L. --expect FILE reads a JSON array of {"a", "b", \
            "relation", "score", "min", "max"} (all but a and b optional), or an object with \
            "expectations" (that array), "independent" (ids that must reuse no copy), "clusters" \
            and "credits", like Fixtures/seeds/expected.json. Exit codes: 0 all checks hold; \
            1 a check failed; 2 usage error or bad input.
            """
    )

    @Argument(help: "Folders, .jsonl files or CSV manifests to scan.")
    var corpus: [String]

    @Option(help: "Fail when a reuse pair's score is above this limit.")
    var maxReuse: Double?

    @Option(help: "The score --max-reuse limits: \(ReportScore.allCases.map(\.rawValue).joined(separator: ", ")).")
    var score: ReportScore?

    @Option(help: "A JSON file of expected pairs and limits.")
    var expect: String?

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    @OptionGroup var options: CorpusOptions

    func validate() throws {
        guard maxReuse != nil || expect != nil else {
            throw ValidationError("give --max-reuse LIMIT, --expect FILE, or both")
        }
        if score != nil && maxReuse == nil {
            throw ValidationError("--score chooses the score --max-reuse limits; give --max-reuse too")
        }
        if score == .simhashDistance {
            throw ValidationError("--score simhash_distance is a distance, not a share of reuse; bound it per pair with min/max in an --expect file")
        }
        if let maxReuse, !maxReuse.isFinite || maxReuse < 0 {
            throw ValidationError("--max-reuse must be a number of 0 or more")
        }
    }

    func run() throws {
        let expectations = try expect.map(Self.loadExpectations)
        if let junit { try Self.refuseToOverwrite(junit, inputs: corpus + (expect.map { [$0] } ?? [])) }
        let read = try readCorpus(corpus, quiet: options.quiet, strict: options.strict)
        let parameters = options.parameters
        let report = CorpusScanner(parameters: parameters).scan(read.documents, warnings: read.warnings).report
        let check = CorpusCheck(report: report)
        var cases: [CheckCase] = []
        if let maxReuse { cases.append(check.evaluate(ReuseLimit(score: score ?? .coverage, maximum: maxReuse))) }
        if let expectations { cases += check.evaluate(expectations) }
        if let junit {
            do {
                try Data(JUnitReport.render(cases).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                printError("error: \(junit): cannot write the JUnit report: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        print(cases.summary, terminator: "")
        if cases.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    /// The expectations in `path`, or exit 2 with the problem.
    static func loadExpectations(_ path: String) throws -> CorpusExpectations {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            printError("error: \(path): YAML expectation files are not supported; write the same structure as JSON")
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: \(path): cannot read the expectation file")
            throw ExitCode(2)
        }
        do {
            return try CorpusExpectations(json: data)
        } catch {
            printError("error: \(path): \(error)")
            throw ExitCode(2)
        }
    }

    /// Exit 2 when `output` is one of the input files.
    static func refuseToOverwrite(_ output: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            printError("error: \(output): refusing to overwrite an input file with the JUnit report")
            throw ExitCode(2)
        }
    }
}
