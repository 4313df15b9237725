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
        for text in [textA, textB] {
            #expect(Self.markdown.contains("| \(text) |") || Self.markdown.contains(text))
            #expect(Self.html.contains(">\(text)</td>"))
        }
        #expect(Self.markdown.contains("| 001\\_spun \(first.a) | 003\\_aggregator \(first.b) |"))
        #expect(Self.html.contains("<th>001_spun \(first.a)</th><th>003_aggregator \(first.b)</th>"))
        #expect(Self.markdown.contains("**Passage 1** — rewritten, similarity 0.742"))
        #expect(Self.html.contains("Passage 1 — rewritten, similarity 0.742"))
    }

    @Test func multiLinePassagesKeepTheirLines() {
        #expect(Self.markdown.contains("Try Our AI Features<br>Comments<br>Related Articles"))
        #expect(Self.html.contains("Try Our AI Features\nComments\nRelated Articles</td>"))
    }

    @Test func clustersComeFirstWithAnchorsOriginAndCreditedSource() throws {
        let anchor = "cluster-001_spun.2b.003_aggregator"
        #expect(Self.markdown.contains("<a id=\"\(anchor)\"></a>"))
        #expect(Self.html.contains("<article class=\"cluster\" id=\"\(anchor)\">"))
        for report in [Self.markdown, Self.html] {
            #expect(report.contains("common credited source: Al Jazeera"))
            #expect(report.contains("no origin in the corpus"))
            let clusters = try #require(report.range(of: "Clusters"))
            let pairs = try #require(report.range(of: "Reuse pairs", range: clusters.upperBound..<report.endIndex))
            #expect(clusters.lowerBound < pairs.lowerBound)
        }
        // Propagation: 003 at 10:15, 001 at 12:30.
        #expect(Self.markdown.contains("1. 003\\_aggregator — 2025-07-22T10:15:00Z — earliest"))
        #expect(Self.markdown.contains("2. 001\\_spun — 2025-07-22T12:30:00Z — +2 h 15 min"))
        #expect(Self.html.contains("<svg class=\"timeline\""))
    }

    @Test func uncreditedReuseIsFlaggedAndListedFirst() throws {
        #expect(Self.markdown.contains("### Uncredited reuse: 004\\_ap → 002\\_rewrite (partial)"))
        #expect(Self.markdown.contains("**Credited:** **no — uncredited reuse**"))
        #expect(Self.html.contains("<span class=\"flag uncredited\">uncredited reuse</span>"))
        for report in [Self.markdown, Self.html] {
            let uncredited = try #require(report.range(of: "id=\"pair-002_rewrite~004_ap\""))
            let credited = try #require(report.range(of: "id=\"pair-001_spun~003_aggregator\""))
            #expect(uncredited.lowerBound < credited.lowerBound)
        }
    }

    @Test func scoresCoverageAndNotCopyPairsAreShown() {
        for report in [Self.markdown, Self.html] {
            #expect(report.contains("0.016 [0.000, 0.055]"))
            #expect(report.contains("21 of 64 bits"))
            #expect(report.contains("87.3 %, 003"))
            #expect(report.contains("64.1 %"))
            #expect(report.lowercased().contains("shared quotations — not copy"))
            #expect(report.lowercased().contains("shared page template — not copy"))
            #expect(report.contains("Agencies (in boilerplate)"))
            #expect(report.contains("seeds/manifest.csv:7: published time"))
            #expect(report.contains(ReportFixture.report.documents[0].sha256))
            #expect(report.contains("syndetect scan --format all --output report seeds/"))
            #expect(report.contains("permutation\\_count | 256 |") || report.contains("permutation_count</td><td>256<"))
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
        #expect(html.contains("<td data-label=\"001_spun [250, 100000)\">\(tail)<span class=\"note\">\n"
            + "(offsets [250, 100000) lie outside the text of 001_spun (\(length) code points); "
            + "showing [250, \(length)))</span></td>"))
        #expect(html.contains("(text of 003_aggregator not available)"))
        #expect(markdown.contains("| \(tail)<br>*(offsets \\[250, 100000) lie outside the text of 001\\_spun "
            + "(\(length) code points); showing \\[250, \(length)))* |"))
        #expect(markdown.contains("*(text of 003\\_aggregator not available)*"))
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
}
