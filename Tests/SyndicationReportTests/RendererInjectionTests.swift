import Foundation
import SyndicationEngine
import SyndicationScan
import Testing
@testable import SyndicationReport

/// Input text that tries to smuggle HTML, links or table breaks into a report.
@Suite struct RendererInjectionTests {
    static let body = """
        # Heading from input
        > quoted from input
        Hello "><img src=x onerror=alert(1)> and [link](javascript:alert(1)) and | pipe | and \
        `code` and ``fence`` and <script>alert(2)</script> & more.
        1. not a list
        click m1 call alert(7)
        "]; click m1 href "javascript:alert(8)" </textarea> ]]> </style> </details> <!-- x -->
        """

    static var input: ReportInput {
        let hostile = "evil\"id'<svg onload=alert(3)>"
        let summary = DocumentSummary(
            id: hostile, title: "<script>alert(1)</script>", outlet: "O'Reilly & \"Sons\" | <b>",
            url: "javascript:alert(1)", published: "<img src=x>", sha256: "<script>", length: 10,
            credits: [Credit(name: "<img src=y onerror=alert(4)>", span: TextSpan(start: 0, end: 1), form: .agency)],
            origin: "[x](javascript:alert(5))")
        let other = DocumentSummary(
            id: "plain", title: "Plain", outlet: "Plain", url: "https://ok.example/?a=1&b=\"2\"", published: nil,
            sha256: "ab", length: 3, credits: [], origin: "plain.txt")
        let everything = TextSpan(start: 0, end: body.unicodeScalars.count)
        let pair = PairFinding(
            a: hostile, b: "plain", relation: .verbatim, source: "plain", derived: hostile, credited: false,
            scores: PairScores(jaccard: 1, containmentAInB: 1, containmentBInA: 1,
                               minhash: JaccardBounds(estimate: 1, lower: 1, upper: 1), simhashDistance: 0),
            coverage: [hostile: 1, "plain": 1],
            passages: [AlignedPassage(a: everything, b: everything, kind: .verbatim, similarity: 1)])
        var quotes = pair
        quotes.relation = .quotes
        let report = ScanReport(
            tool: ToolInfo(name: "syndetect<script>", version: "1", xxhashVersion: "2"),
            parameters: ScanParameters(), documents: [summary, other], pairs: [pair, quotes],
            clusters: [Cluster(id: hostile + "+plain", origin: hostile, externalSource: "<script>x</script>",
                               members: [hostile, "plain"])],
            warnings: [Diagnostic(file: "<img src=z>", line: 1, message: "[w](javascript:alert(6)) <script>")])
        return ReportInput(report: report, texts: [hostile: body, "plain": body],
                           command: "syndetect scan '<script>' ```")
    }

    @Test func htmlEscapesEveryInput() throws {
        let rendered = HTMLReportRenderer.render(Self.input)
        // The page's own script is the only one; everything else must be escaped.
        let ownScript = try #require(rendered.range(of: "<script>\(HTMLFilters.script)</script>"))
        var html = rendered
        html.removeSubrange(ownScript)
        #expect(!html.contains("<script"))
        #expect(!html.contains("</textarea"))
        #expect(!html.contains("]]>"))
        #expect(!html.contains("</style>\n<style"))
        #expect(!html.contains("<!-- x"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("evil\""))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("O&#39;Reilly &amp; &quot;Sons&quot;"))
        #expect(html.contains("<a href=\"https://ok.example/?a=1&amp;b=&quot;2&quot;\""))
        #expect(html.contains("javascript:alert(1)</td>"), "a non-web URL is shown as text")
    }

    @Test func markdownNeutralisesHTMLAndLinks() throws {
        // The command is shown verbatim in a fenced code block, where nothing is interpreted and
        // copying must give back the exact command; everything else must be escaped.
        let rendered = MarkdownReportRenderer.render(Self.input)
        let fence = try #require(rendered.range(of: "\n````\n"))
        let closing = try #require(rendered.range(of: "\n````\n", range: fence.upperBound..<rendered.endIndex))
        #expect(rendered[fence.upperBound..<closing.lowerBound] == "syndetect scan '<script>' ```")
        let markdown = String(rendered[..<fence.lowerBound] + rendered[closing.upperBound...])
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<svg"))
        #expect(!markdown.contains("<b>"))
        #expect(!markdown.contains("[link]("))
        #expect(!markdown.contains("[x]("))
        #expect(!markdown.contains("[w]("))
        #expect(markdown.contains("\\[link\\](javascript:alert(1))"))
        #expect(markdown.contains("\\`code\\`"))
        #expect(markdown.contains("\\| pipe \\|"))
        #expect(markdown.contains("| # Heading from input<br>&gt; quoted from input<br>Hello"), "in a table cell")
        #expect(!markdown.contains("\n# Heading"))
        #expect(!markdown.contains("\n> quoted"))
        #expect(!markdown.contains("</textarea"))
        #expect(!markdown.contains("<!--"))
        #expect(!markdown.contains("</details> <"), "input cannot close our details block")
        for line in markdown.split(separator: "\n") {
            #expect(!line.drop(while: { $0 == " " }).hasPrefix("click"), "a line starts a Mermaid click: \(line)")
        }
    }

    @Test func mermaidLabelsHoldNoSyntaxFromInput() throws {
        let markdown = MarkdownReportRenderer.render(Self.input)
        let start = try #require(markdown.range(of: "```mermaid\n"))
        let end = try #require(markdown.range(of: "\n```\n", range: start.upperBound..<markdown.endIndex))
        let diagram = markdown[start.upperBound..<end.lowerBound]
        for line in diagram.split(separator: "\n") {
            let statement = line.drop(while: { $0 == " " })
            #expect(["flowchart", "m1", "m2", "classDef", "class ", "linkStyle"].contains { statement.hasPrefix($0) },
                    "unexpected statement: \(line)")
            // Inside a label only entity codes: no quote, bracket, angle bracket or colon from input.
            for label in statement.split(separator: "\"").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                #expect(!label.replacingOccurrences(of: "<br>", with: "").contains { "<>\"[]|`:".contains($0) }, "\(label)")
            }
        }
        #expect(diagram.contains("evil#34;id#39;#60;svg onload#61;alert#40;3#41;#62;"))
    }

    @Test func markdownTableRowsKeepTheirColumns() throws {
        let markdown = MarkdownReportRenderer.render(Self.input)
        let lines = markdown.split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.contains("&lt;script&gt;alert(1)") && $0.hasPrefix("| <a id=\"doc-evil") })
        #expect(Self.unescapedPipes(in: row) == 7, "documents table has 6 columns: \(row)")
        for line in lines where line.hasPrefix("| ") && line.contains("pipe") {
            #expect([2, 3, 7].contains(Self.unescapedPipes(in: line)), "\(line)")
        }
    }

    @Test func markdownCommandFenceOutlastsBackticksInIt() {
        let markdown = MarkdownReportRenderer.render(Self.input)
        #expect(markdown.contains("````\nsyndetect scan '<script>' ```\n````"))
    }

    static func unescapedPipes(in line: String) -> Int {
        var count = 0, escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
}
