import SyndicationReport
import Testing

/// The synthetic report in every format, pinned byte for byte.
@Suite struct GoldenReportTests {
    @Test func markdownReportMatchesGolden() {
        GoldenFile.expect(MarkdownReportRenderer.render(ReportFixture.input), matches: "fixture-report.md")
    }

    @Test func htmlReportMatchesGolden() {
        GoldenFile.expect(HTMLReportRenderer.render(ReportFixture.input), matches: "fixture-report.html")
    }

    @Test func jsonReportMatchesGolden() throws {
        GoldenFile.expect(try JSONReportWriter.render(ReportFixture.report), matches: "fixture-report.json")
    }
}
