import Foundation
import SyndicationScan
import Testing
@testable import SyndicationReport

@Suite struct JSONReportWriterTests {
    @Test func roundTripsThroughJSONDecoder() throws {
        let report = ReportFixture.report
        let json = try JSONReportWriter.render(report)
        let decoded = try JSONDecoder().decode(ScanReport.self, from: Data(json.utf8))
        #expect(decoded == report)
    }

    @Test func isTaggedPrettySortedAndSnakeCased() throws {
        let json = try JSONReportWriter.render(ReportFixture.report)
        #expect(json.contains("\"format\" : \"syndetect-report/1\""))
        for key in ["containment_a_in_b", "containment_b_in_a", "simhash_distance", "external_source",
                    "xxhash_version", "in_boilerplate", "permutation_count"] {
            #expect(json.contains("\"\(key)\" : "), "missing key \(key)")
        }
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"url\" : \"https://spin.example/world/ukraine?id=1&ref=feed\""))
        #expect(!json.contains("\\/"))
        let clusters = try #require(json.range(of: "\"clusters\""))
        let documents = try #require(json.range(of: "\"documents\""))
        #expect(clusters.lowerBound < documents.lowerBound, "keys are sorted")
    }

    @Test func writesDoublesWithAtMostFourDecimals() throws {
        var report = ReportFixture.report
        report.pairs[0].scores.jaccard = 0.1 + 0.2
        report.pairs[0].scores.containmentAInB = 2.0 / 3.0
        report.pairs[0].passages[0].similarity = -0.000001
        report.pairs[0].coverage = ["001_spun": 0.87349999]
        let json = try JSONReportWriter.render(report)
        #expect(json.contains("\"jaccard\" : 0.3,"))
        #expect(json.contains("\"containment_a_in_b\" : 0.6667,"))
        #expect(json.contains("\"001_spun\" : 0.8735"))
        #expect(!json.contains("0.30000000000000004"))
        #expect(!json.contains(" : -0"))
    }

    @Test(arguments: [0.0, 1.0, 0.5, 0.12345, 0.87355, 1e-9, 123.45678])
    func roundingKeepsTheShortestForm(_ value: Double) {
        let rounded = value.roundedForOutput(decimals: 4)
        let fraction = "\(rounded)".split(separator: ".").last.map(String.init) ?? ""
        #expect(fraction.count <= 4, "\(value) → \(rounded)")
        #expect(abs(rounded - value) <= 0.00005 + 1e-12)
    }

    @Test func writesEmptyContainersOnOneLine() throws {
        let json = try JSONReportWriter.render(ReportFixture.report)
        #expect(json.contains("\"coverage\" : {},"))
        #expect(JSONReportWriter.compactingEmptyContainers("{\"a\" : [\n\n  ], \"b\" : \"{ }\"}")
            == "{\"a\" : [], \"b\" : \"{ }\"}")
    }

    @Test func rendersTheSameBytesTwice() throws {
        #expect(try JSONReportWriter.render(ReportFixture.report) == JSONReportWriter.render(ReportFixture.report))
    }
}
