import SyndicationScan
import Testing
@testable import SyndicationReport

/// Markdown and HTML are written as they are made, in pieces, with the bytes the whole
/// rendering gives.
@Suite struct ReportStreamingTests {
    /// Records each piece handed to it.
    struct Pieces: TextOutputStream {
        var pieces: [String] = []
        mutating func write(_ string: String) { pieces.append(string) }
    }

    /// The fixture with its pairs repeated until the report runs to several hundred kilobytes.
    static var large: ReportInput {
        var input = ReportInput(report: ReportFixture.report, texts: ReportFixture.texts, command: ReportFixture.command)
        let pairs = input.report.pairs
        input.report.pairs = (0..<60).flatMap { _ in pairs }
        return input
    }

    @Test(arguments: [ReportFormat.markdown, .html])
    func streamedPiecesJoinToTheRenderedReport(_ format: ReportFormat) throws {
        let input = Self.large
        var pieces = Pieces()
        try input.write(as: format, to: &pieces)
        let whole = try input.rendered(as: format)
        #expect(pieces.pieces.joined() == whole)
        #expect(whole.utf8.count > 4 * ReportText<String>.capacity)
        // Handed on in pieces of about the buffer's size, never all at once.
        #expect(pieces.pieces.count > 4)
        #expect(pieces.pieces.allSatisfy { $0.utf8.count < 2 * ReportText<String>.capacity })
    }

    @Test func markdownLinesDropTrailingBlankLinesOnly() {
        var lines = MarkdownLines("")
        lines += ["# a", "", "", "b", ""]
        lines.append("")
        #expect(lines.finish() == "# a\n\n\nb\n")
        #expect(MarkdownLines("").finish() == "\n")
        var blank = MarkdownLines("")
        blank += ["", ""]
        #expect(blank.finish() == "\n")
    }
}
