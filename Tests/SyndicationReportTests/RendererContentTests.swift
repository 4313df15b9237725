import Foundation
import SyndicationEngine
import SyndicationScan
import Testing
@testable import SyndicationReport

/// What both human-readable reports must show, checked on the synthetic report.
@Suite struct RendererContentTests {
    static let markdown = MarkdownReportRenderer.render(ReportFixture.input)
    static let html = HTMLReportRenderer.render(ReportFixture.input)

    @Test func passagesAreCutAtCodePointOffsets() throws {
        // 001 opens with a flag (two code points, four UTF-16 units, one character), so offsets
        // counted in any other unit would cut the passage shifted.
        let pair = try #require(ReportFixture.report.pairs.first { $0.relation == .rewritten })
        let first = pair.passages[0]
        #expect(first.a.start == 10)
        let textA = ReportFixture.cut(ReportFixture.spun, first.a)
        let textB = ReportFixture.cut(ReportFixture.aggregator, first.b)
        #expect(textA.hasPrefix("Ukrainian President Z Zelenskyy"))
        #expect(textA.hasSuffix("next week"))
        // The marked-up sides give back exactly the passage texts.
        let sides = HTMLSides.texts(in: Self.html)
        #expect(sides.contains(textA) && sides.contains(textB))
        #expect(Self.html.contains("<div class=\"head\">001_spun <span class=\"mono\">\(first.a)</span></div>"))
        #expect(Self.html.contains("<div class=\"head\">003_aggregator <span class=\"mono\">\(first.b)</span></div>"))
        #expect(Self.markdown.contains("| 001\\_spun \(first.a) | 003\\_aggregator \(first.b) |"))
        #expect(Self.markdown.contains("**Passage 1** — rewritten, similarity 0.742"))
        #expect(Self.html.contains("Passage 1</a> <span class=\"kind k-rewritten\">rewritten</span> similarity 0.742"))
    }

    @Test func everyPassageSideRendersItsWholeText() {
        // Sides with the same words are shown once, the source's (or a's) side.
        var expected: [String] = []
        for pair in ReportFixture.report.pairs {
            for passage in pair.passages {
                let a = ReportFixture.cut(ReportFixture.texts[pair.a]!, passage.a)
                let b = ReportFixture.cut(ReportFixture.texts[pair.b]!, passage.b)
                let sameWords = PassageDiff(left: a, right: b).left.allSatisfy { $0.mark == .same }
                    && PassageDiff(left: a, right: b).right.allSatisfy { $0.mark == .same }
                if !sameWords { expected += [a, b] } else { expected.append(pair.source == pair.b ? b : a) }
            }
        }
        #expect(HTMLSides.texts(in: Self.html).sorted() == expected.sorted())
        #expect(Self.html.contains("<div class=\"sides one\">"))
    }

    @Test func wordDifferencesAreMarkedOnBothSides() {
        // "Z" became "Volodymyr", a doubled "peace" was dropped; the Kremlin sentence was reworded.
        #expect(Self.html.contains("Ukrainian President <del class=\"chg\">Z</del> Zelenskyy has proposed a new round "
            + "of <del>peace</del> peace talks"))
        #expect(Self.html.contains("Ukrainian President <ins class=\"chg\">Volodymyr</ins> Zelenskyy"))
        #expect(Self.html.contains("open to <ins class=\"chg\">talks</ins> but that <ins class=\"chg\">an agreement</ins> would"))
        #expect(Self.markdown.contains("| Ukrainian President <del>Z</del> Zelenskyy has proposed a new round of "
            + "<del>peace</del> peace talks with Russia next week | Ukrainian President <ins>Volodymyr</ins> Zelenskyy"))
        #expect(Self.html.contains("15 words the same, 1 changed, 0 added, 1 dropped"))
    }

    @Test func sourceIsShownOnTheLeftWhenKnown() {
        // 004_ap is the source of 002_rewrite although "002" sorts first.
        #expect(Self.markdown.contains("| 004\\_ap (source) [12, 121) and 002\\_rewrite (copy) [178, 287): the same words |"))
        #expect(Self.html.contains("<div class=\"head\">004_ap (source) <span class=\"mono\">[12, 121)</span> and "
            + "002_rewrite (copy) <span class=\"mono\">[178, 287)</span>: the same words</div>"))
        #expect(Self.markdown.contains("- **Source:** [004\\_ap](#doc-004_ap) · Nahar Net"))
    }

    @Test func quotesAndBoilerplateAreShownDistinctlyAndNotCounted() {
        #expect(Self.html.contains("<figure class=\"passage k-quote notcounted\""))
        #expect(Self.html.contains("<figure class=\"passage k-boilerplate notcounted\""))
        #expect(Self.html.contains("a direct quotation both carry: shown, not counted as copy"))
        #expect(Self.html.contains("<span class=\"q\">“We need a meeting"))
        #expect(Self.markdown.contains("<em>“We need a meeting at the leadership level to really ensure peace,”</em>"))
        #expect(Self.markdown.contains("<summary>3 aligned passages: 2 copy, 1 not counted</summary>"))
        // The pair's word count covers its two copy passages only: 15 + 12 the same.
        #expect(Self.markdown.contains("- **Words:** 27 words the same, 4 changed, 0 added, 2 dropped"))
    }

    @Test func multiLinePassagesKeepTheirLines() {
        #expect(Self.markdown.contains("Try Our AI Features<br>Comments<br>Related Articles"))
        #expect(HTMLSides.texts(in: Self.html).contains("Try Our AI Features\nComments\nRelated Articles"))
    }

    @Test func overviewRanksClustersAndListsUncreditedReuse() throws {
        for report in [Self.markdown, Self.html] {
            let overview = try #require(report.range(of: "Overview</h2>") ?? report.range(of: "## Overview"))
            let ranking = try #require(report.range(of: "Clusters by spread", range: overview.upperBound..<report.endIndex))
            let uncredited = try #require(report.range(of: "Uncredited reuse", range: ranking.upperBound..<report.endIndex))
            let clusters = try #require(report.range(of: "Clusters</h2>") ?? report.range(of: "\n## Clusters\n"))
            #expect(uncredited.upperBound < clusters.lowerBound)
        }
        // Both clusters have two members and two outlets; the one with uncredited reuse ranks first.
        #expect(Self.markdown.contains("| 1 | [Kyiv shares draft agenda](#cluster-002_rewrite.2b.004_ap) | 2 | 2 | "
            + "12 h (date precision) | **1** | 004\\_ap · Nahar Net |"))
        #expect(Self.markdown.contains("1. [002\\_rewrite · Other Wire reused 004\\_ap · Nahar Net](#pair-002_rewrite~004_ap)"
            + " — partial, 38.0 % of the copy"))
        #expect(Self.html.contains("<li class=\"card alert\"><strong>1</strong> uncredited reuse</li>"))
        for relation in Relation.allCases {
            #expect(Self.html.contains("<span class=\"kind k-\(relation.rawValue)\">\(relation.rawValue)</span></td>"))
        }
    }

    @Test func clustersHaveAnchorsTimelineMatrixAndCreditedSource() throws {
        let anchor = "cluster-001_spun.2b.003_aggregator"
        #expect(Self.markdown.contains("<a id=\"\(anchor)\"></a>"))
        #expect(Self.html.contains("id=\"\(anchor)\">"))
        for report in [Self.markdown, Self.html] {
            #expect(report.contains("common credited source: Al Jazeera"))
            #expect(report.contains("no origin in the corpus"))
            let clusters = try #require(report.range(of: "Cluster 1"))
            let pairs = try #require(report.range(of: "Reuse pairs</h2>") ?? report.range(of: "## Reuse pairs"))
            #expect(clusters.lowerBound < pairs.lowerBound)
        }
        // Propagation: 003 at 10:15, 001 at 12:30, 001 copied from the earlier member.
        #expect(Self.markdown.contains("| 1 | [003\\_aggregator](#doc-003_aggregator) | Daily8 | 2025-07-22T10:15:00Z | earliest |"))
        #expect(Self.markdown.contains("| 2 | [001\\_spun](#doc-001_spun) | Spin Daily | 2025-07-22T12:30:00Z | \\+2 h 15 min | "
            + "[003\\_aggregator](#pair-001_spun~003_aggregator) | 87.3 % | credited |"))
        #expect(Self.html.components(separatedBy: "<svg class=\"timeline wide\"").count == 3)
        #expect(Self.html.components(separatedBy: "<svg class=\"timeline narrow\"").count == 3)
        #expect(Self.html.contains("<text class=\"note\" x=\"0\" y=\"102\">+2 h 15 min · 87 % reused · credited</text>"))
        // Matrix: 001 (row 2) has 87 % of its prose aligned to 003 (column 1).
        #expect(Self.html.contains("<td class=\"h9\"><a href=\"#pair-001_spun~003_aggregator\""))
        #expect(Self.html.contains("<td class=\"h5 unc\"><a href=\"#pair-002_rewrite~004_ap\""))
        #expect(Self.markdown.contains("| 2 001\\_spun | [87](#pair-001_spun~003_aggregator) | — |"))
        #expect(Self.markdown.contains("| 1 004\\_ap | — | **[45](#pair-002_rewrite~004_ap)** |"))
    }

    @Test func markdownTimelineIsAMermaidFlowchart() throws {
        let start = try #require(Self.markdown.range(of: "```mermaid\nflowchart LR\n"))
        let end = try #require(Self.markdown.range(of: "\n```", range: start.upperBound..<Self.markdown.endIndex))
        let diagram = Self.markdown[start.upperBound..<end.lowerBound]
        #expect(diagram.contains("  m1[\"1 #183; 004_ap<br>Nahar Net<br>origin #183; earliest #40;date precision#41;\"]"))
        #expect(diagram.contains("  m1 -->|\"38.0 % reused #183; uncredited\"| m2"))
        #expect(diagram.contains("  linkStyle 0 stroke:#a4161a,stroke-width:2px"))
        #expect(Self.markdown.contains("  m1 -->|\"87.3 % reused #183; credited\"| m2"))
        #expect(!Self.markdown.contains("-.-"), "a pair with a known direction gets one arrow, no dotted link")
    }

    @Test func uncreditedReuseIsFlaggedAndListedFirst() throws {
        #expect(Self.markdown.contains("### Uncredited reuse: 004\\_ap → 002\\_rewrite (partial)"))
        #expect(Self.markdown.contains("**Credited:** **no — uncredited reuse**"))
        #expect(Self.html.contains("<span class=\"flag uncredited\">uncredited reuse</span>"))
        for report in [Self.markdown, Self.html] {
            let reuse = try #require(report.range(of: "Reuse pairs</h2>") ?? report.range(of: "## Reuse pairs"))
            let uncredited = try #require(report.range(of: "id=\"pair-002_rewrite~004_ap\"", range: reuse.upperBound..<report.endIndex))
            let credited = try #require(report.range(of: "id=\"pair-001_spun~003_aggregator\"", range: reuse.upperBound..<report.endIndex))
            #expect(uncredited.lowerBound < credited.lowerBound)
        }
    }

    @Test func everyClusterPairAndPassageHasAnAnchor() {
        for pair in ReportFixture.report.pairs {
            let anchor = Anchors.pair(pair.a, pair.b)
            for report in [Self.markdown, Self.html] {
                #expect(report.contains("id=\"\(anchor)\""))
                for index in pair.passages.indices { #expect(report.contains("id=\"\(anchor)~p\(index + 1)\"")) }
            }
        }
        for cluster in ReportFixture.report.clusters {
            #expect(Self.html.contains("id=\"\(Anchors.cluster(cluster.id))\""))
        }
    }

    @Test func filtersAreClassesAndCSS() {
        // Outlets sorted: Daily8 o1, Nahar Net o2, Other Wire o3, Spin Daily o4.
        #expect(Self.html.contains("<article class=\"pair filterable uncredited r-partial c-no o2 o3\" id=\"pair-002_rewrite~004_ap\">"))
        #expect(Self.html.contains("<option value=\"o2\">Nahar Net</option>"))
        #expect(Self.html.contains("#filters:has(#f-outlet option[value=\"o2\"]:checked) ~ section .filterable:not(.o2) { display: none; }"))
        #expect(Self.html.contains("#filters:has(#f-credited option[value=\"c-no\"]:checked) ~ section .filterable:not(.c-no) { display: none; }"))
        #expect(Self.html.contains("<label id=\"f-text-label\" hidden>"))
    }

    @Test func pageIsSelfContainedUnderAContentSecurityPolicy() throws {
        let html = Self.html
        #expect(!html.contains("http-equiv=\"refresh\""))
        #expect(!html.contains(" src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url(http"))
        #expect(html.components(separatedBy: "<script").count == 2, "one script, ours")
        let style = try #require(Self.between(html, "<style>", "</style>"))
        let script = try #require(Self.between(html, "<script>", "</script>"))
        #expect(html.contains("style-src '\(HTMLReportRenderer.cspHash(style))'"))
        #expect(html.contains("script-src '\(HTMLReportRenderer.cspHash(script))'"))
        #expect(html.contains("default-src 'none'"))
        #expect(!script.contains("innerHTML") && !script.contains("eval(") && !script.contains("document.write"))
        #expect(html.contains("@media print"))
        #expect(html.contains("@media (max-width: 40rem)"))
    }

    @Test func scoresCoverageAndNotCopyPairsAreShown() {
        for report in [Self.markdown, Self.html] {
            #expect(report.contains("0.016 [0.000, 0.055]"))
            #expect(report.contains("21 of 64 bits"))
            #expect(report.contains("001\\_spun 87.3 %, 003") || report.contains("001_spun 87.3 %, 003"))
            #expect(report.contains("64.1 %"))
            #expect(report.lowercased().contains("shared quotations — not copy"))
            #expect(report.lowercased().contains("shared page template — not copy"))
            #expect(report.contains("Agencies (in boilerplate)"))
            #expect(report.contains("seeds/manifest.csv:7: published time"))
            #expect(report.contains(ReportFixture.report.documents[0].sha256))
            #expect(report.contains("syndetect scan --format all --output report seeds/"))
            #expect(report.contains("permutation\\_count | 256 |") || report.contains("permutation_count</td><td>256<"))
            #expect(report.contains("xxHash 0.8.2"))
        }
    }

    @Test func renderingIsDeterministic() {
        var shuffled = ReportFixture.input
        shuffled.texts = Dictionary(uniqueKeysWithValues: ReportFixture.texts.sorted { $0.key > $1.key })
        shuffled.report.pairs[0].coverage = Dictionary(
            uniqueKeysWithValues: shuffled.report.pairs[0].coverage.sorted { $0.key > $1.key })
        #expect(MarkdownReportRenderer.render(ReportFixture.input) == MarkdownReportRenderer.render(shuffled))
        #expect(HTMLReportRenderer.render(ReportFixture.input) == HTMLReportRenderer.render(shuffled))
        #expect(Self.markdown == MarkdownReportRenderer.render(ReportFixture.input))
        #expect(Self.html == HTMLReportRenderer.render(ReportFixture.input))
    }

    @Test func outOfRangeOffsetsAndMissingTextsDoNotTrap() {
        var input = ReportFixture.input
        input.report.pairs[1].passages.append(AlignedPassage(
            a: TextSpan(start: 250, end: 100_000), b: TextSpan(start: -4, end: 3), kind: .rewritten, similarity: 0.3))
        input.report.pairs[1].passages.append(AlignedPassage(
            a: TextSpan(start: 100_000, end: 100_001), b: TextSpan(start: 0, end: 0), kind: .edited, similarity: 0.3))
        input.texts["003_aggregator"] = nil
        let markdown = MarkdownReportRenderer.render(input)
        let html = HTMLReportRenderer.render(input)
        let length = ReportFixture.spun.unicodeScalars.count
        let tail = ReportFixture.cut(ReportFixture.spun, TextSpan(start: 250, end: length))
        #expect(html.contains("<div class=\"text\">\(tail)<span class=\"note\">\n"
            + "(offsets [250, 100000) lie outside the text of 001_spun (\(length) code points); "
            + "showing [250, \(length)))</span></div>"))
        #expect(html.contains("(text of 003_aggregator not available)"))
        #expect(markdown.contains("| \(tail)<br>*(offsets \\[250, 100000) lie outside the text of 001\\_spun "
            + "(\(length) code points); showing \\[250, \(length)))* |"))
        #expect(markdown.contains("*(text of 003\\_aggregator not available)*"))
    }

    @Test func emptyReportSaysSo() {
        var input = ReportFixture.input
        input.report.pairs = []
        input.report.clusters = []
        input.report.warnings = []
        let markdown = MarkdownReportRenderer.render(input)
        let html = HTMLReportRenderer.render(input)
        for report in [markdown, html] {
            #expect(report.contains("No documents reuse the same copy."))
            #expect(report.contains("No pair reuses copy."))
            #expect(report.contains("No input warnings."))
        }
    }

    @Test(arguments: ReportFormat.allCases)
    func renderedAsDispatchesToTheRenderer(_ format: ReportFormat) throws {
        let expected = switch format {
        case .markdown: Self.markdown
        case .html: Self.html
        case .json: try JSONReportWriter.render(ReportFixture.report)
        }
        #expect(try ReportFixture.input.rendered(as: format) == expected)
    }

    @Test func numbersAreFixed() {
        #expect(ReportNumbers.fixed(0.8735) == "0.874")
        #expect(ReportNumbers.fixed(0.1 + 0.2) == "0.300")
        #expect(ReportNumbers.fixed(-0.0001) == "0.000")
        #expect(ReportNumbers.fixed(1) == "1.000")
        #expect(ReportNumbers.fixed(2.5, digits: 0) == "3")
        #expect(ReportNumbers.percent(0.873) == "87.3 %")
        #expect(ReportNumbers.percent(1) == "100.0 %")
        #expect(ReportNumbers.lag(seconds: 0) == "+0 min")
        #expect(ReportNumbers.lag(seconds: 8100) == "+2 h 15 min")
        #expect(ReportNumbers.lag(seconds: 93_600) == "+1 d 2 h")
    }

    @Test func anchorsAreSafeAndDistinct() {
        #expect(Anchors.slug("001_a-b") == "001_a-b")
        #expect(Anchors.slug("a b\"<") == "a.20.b.22..3c.")
        #expect(Anchors.pair("a~b", "c") != Anchors.pair("a", "b~c"))
        #expect(Anchors.slug("a.b") != Anchors.slug("a.2e.b"))
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}

/// The passage sides of an HTML report as plain text: tags removed, entities decoded.
enum HTMLSides {
    static func texts(in html: String) -> [String] {
        html.components(separatedBy: "<div class=\"text\">").dropFirst().map { piece in
            plain(String(piece[..<piece.range(of: "</div>")!.lowerBound]))
        }
    }

    static func plain(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
