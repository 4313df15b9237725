import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `syndetect check` end to end: exit codes 0 / 1 / 2, the violation list, JUnit XML.
@Suite struct CheckCommandTests {
    static let expected = "Fixtures/seeds/expected.json"
    static let copyClaim = #"[{"a": "002_17ecea067b4a65b5", "b": "003_e7f0bd2bfc9d891e", "relation": "edited"}]"#

    /// Writes `text` to `name` in a fresh directory and returns its path.
    static func file(_ name: String, _ text: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The `<testcase>` names and the messages of their `<failure>`s, read with an XML parser
    /// (so the file must be well-formed).
    static func junitCases(_ path: String) throws -> [(name: String, failure: String?)] {
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
        return try document.nodes(forXPath: "//testcase").map { node in
            let element = try #require(node as? XMLElement)
            let failure = element.elements(forName: "failure").first
            return (element.attribute(forName: "name")?.stringValue ?? "", failure?.attribute(forName: "message")?.stringValue)
        }
    }

    @Test func seedsMeetTheirExpectationsWithJUnit() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("results.xml").path
        let run = try CommandLineTests.run(["check", "Fixtures/seeds", "--expect", Self.expected, "--junit", junit, "--quiet"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.output.hasSuffix("all 10 checks passed\n"))
        #expect(run.output.contains("ok    001_b6cd0fa0bedfc2f9 ~ 003_e7f0bd2bfc9d891e: relation rewritten, coverage ≥ 0.8000"))
        let cases = try Self.junitCases(junit)
        #expect(cases.count == 10)
        #expect(cases.allSatisfy { $0.failure == nil })
        #expect(cases.contains { $0.name == "004_688a2686136918d0 reuses no copy" })
        // Written atomically: nothing but the report is left in the directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["results.xml"])
    }

    @Test func claimingThat002Copies003FailsWithExitOne() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let claim = try Self.file("claim.json", Self.copyClaim, in: directory)
        let junit = directory.appendingPathComponent("results.xml").path
        let run = try CommandLineTests.run(["check", "Fixtures/seeds", "--expect", claim, "--junit", junit, "--quiet"])
        #expect(run.status == 1)
        #expect(run.output.contains("FAIL  002_17ecea067b4a65b5 ~ 003_e7f0bd2bfc9d891e: relation edited"))
        #expect(run.output.contains("expected relation edited, but the relation is quotes"))
        #expect(run.output.hasSuffix("1 of 1 checks failed\n"))
        let cases = try Self.junitCases(junit)
        #expect(cases.count == 1)
        #expect(cases.first?.failure == "expected relation edited, but the relation is quotes")
    }

    @Test func maxReuseLimitsEveryReusePair() throws {
        let over = try CommandLineTests.run(["check", "Fixtures/seeds", "--max-reuse", "0.8", "--quiet"])
        #expect(over.status == 1)
        #expect(over.output.contains("001_b6cd0fa0bedfc2f9 ~ 003_e7f0bd2bfc9d891e (rewritten): coverage 0.9315"))
        let under = try CommandLineTests.run(["check", "Fixtures/seeds", "--max-reuse", "0.95", "--quiet"])
        #expect(under.status == 0)
        // The rewritten copy shares few word shingles: a Jaccard limit does not see it.
        let jaccard = try CommandLineTests.run(["check", "Fixtures/seeds", "--max-reuse", "0.1", "--score", "jaccard", "--quiet"])
        #expect(jaccard.status == 0)
        #expect(jaccard.output.contains("ok    no reuse pair with jaccard above 0.1000"))
    }

    @Test func limitAndExpectationsTogether() throws {
        let run = try CommandLineTests.run(["check", "Fixtures/seeds", "--max-reuse", "0.5", "--expect", Self.expected, "--quiet"])
        #expect(run.status == 1)
        #expect(run.output.hasSuffix("1 of 11 checks failed\n"))
    }

    @Test func usageAndInputErrorsExitTwoWithoutJUnit() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("results.xml").path
        let misspelt = try Self.file("bad.json", #"[{"a": "x", "b": "y", "maximum": 0.5}]"#, in: directory)
        let yaml = try Self.file("expect.yaml", "- a: x\n  b: y\n", in: directory)
        let cases: [([String], String)] = [
            (["check", "Fixtures/seeds"], "--max-reuse"),
            (["check", "Fixtures/seeds", "--expect", Self.expected, "--score", "jaccard"], "--score"),
            (["check", "Fixtures/seeds", "--max-reuse", "-1"], "--max-reuse"),
            (["check", "Fixtures/seeds", "--max-reuse", "0.5", "--score", "cosine"], "cosine"),
            (["check", "Fixtures/seeds", "--max-reuse", "10", "--score", "simhash_distance"], "a distance"),
            (["check", "Fixtures/seeds", "--expect", directory.appendingPathComponent("none.json").path], "cannot read"),
            (["check", "Fixtures/seeds", "--expect", misspelt], "[0].maximum: unknown key"),
            (["check", "Fixtures/seeds", "--expect", yaml], "YAML"),
            (["check", "no/such/folder", "--max-reuse", "0.5"], "no/such/folder"),
        ]
        for (arguments, message) in cases {
            let run = try CommandLineTests.run(arguments + ["--junit", junit])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.error.contains(message), "\(arguments): \(run.error)")
            #expect(!FileManager.default.fileExists(atPath: junit), "\(arguments)")
        }
    }

    @Test func junitNeverOverwritesTheExpectationFile() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOfFile: Self.expected, encoding: .utf8)
        let copy = try Self.file("expected.json", original, in: directory)
        let run = try CommandLineTests.run(["check", "Fixtures/seeds", "--expect", copy, "--junit", copy, "--quiet"])
        #expect(run.status == 2)
        #expect(run.error.contains("refusing to overwrite"))
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == original)
    }

    @Test func helpNamesTheScores() throws {
        let help = try CommandLineTests.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("containment_a_in_b"))
        #expect(help.output.contains("--junit"))
    }
}
