import SyndicationEngine
import SyndicationReport
import SyndicationScan

/// A small synthetic scan: four documents, a credited rewritten pair and an uncredited partial
/// pair (each its own cluster), a quotes pair and a boilerplate pair.
enum ReportFixture {
    static let spun = """
        🇺🇦 Kyiv — Ukrainian President Z Zelenskyy has proposed a new round of peace peace talks \
        with Russia next week, according to Al Jazeera.

        “We need a meeting at the leadership level to really ensure peace,” Zelenskyy said in \
        his evening address.

        The Kremlin said it was open to the idea but warned that a deal deal would take time.
        """

    static let aggregator = """
        Ukrainian President Volodymyr Zelenskyy has proposed a new round of peace talks with \
        Russia next week, Al Jazeera reported.

        “We need a meeting at the leadership level to really ensure peace,” Zelenskyy said.

        The Kremlin said it was open to talks but that an agreement would take time.

        Try Our AI Features
        Comments
        Related Articles
        Markets slide as oil rises — Agencies
        """

    static let rewrite = """
        Kyiv wants another round of negotiations. In a video message the president said: “We \
        need a meeting at the leadership level to really ensure peace.” Moscow’s reply was cautious.
        Officials in Kyiv shared the draft agenda with reporters on Tuesday, saying the talks \
        could open in Istanbul.
        """

    static let wire = """
        KYIV (AP) — Officials in Kyiv shared the draft agenda with reporters on Tuesday, saying \
        the talks could open in Istanbul. A second paragraph of AP copy follows here.

        Try Our AI Features
        Comments
        Related Articles
        Ceasefire holds in the south — Agencies
        """

    static let texts = [
        "001_spun": spun, "002_rewrite": rewrite, "003_aggregator": aggregator, "004_ap": wire,
    ]

    static let command = "syndetect scan --format all --output report seeds/"

    /// The code-point span of the first occurrence of `needle` in `text`.
    static func span(of needle: String, in text: String) -> TextSpan {
        let haystack = Array(text.unicodeScalars), pattern = Array(needle.unicodeScalars)
        for start in 0...(haystack.count - pattern.count)
        where Array(haystack[start..<start + pattern.count]) == pattern {
            return TextSpan(start: start, end: start + pattern.count)
        }
        fatalError("\(needle) is not in the text")
    }

    /// The code points `span` of `text`, as the report's offsets mean them.
    static func cut(_ text: String, _ span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[span.start..<span.end])
        return String(view)
    }

    static func summary(
        _ id: String, title: String, outlet: String, url: String?, published: String,
        credits: [Credit]
    ) -> DocumentSummary {
        let text = texts[id]!
        return DocumentSummary(
            id: id, title: title, outlet: outlet, url: url, published: published,
            sha256: SHA256.hexDigest(of: text), length: text.unicodeScalars.count, credits: credits,
            origin: "seeds/\(id).txt")
    }

    static func passage(
        _ a: String, in textA: String, _ b: String, in textB: String, kind: AlignedPassage.Kind,
        similarity: Double
    ) -> AlignedPassage {
        AlignedPassage(a: span(of: a, in: textA), b: span(of: b, in: textB), kind: kind, similarity: similarity)
    }

    static let quote = "“We need a meeting at the leadership level to really ensure peace,”"
    static let template = "Try Our AI Features\nComments\nRelated Articles"
    static let agenda = "Officials in Kyiv shared the draft agenda with reporters on Tuesday, saying the talks could open in Istanbul."

    static var report: ScanReport {
        let documents = [
            summary("001_spun", title: "Zelenskyy proposes new round of talks", outlet: "Spin Daily",
                    url: "https://spin.example/world/ukraine?id=1&ref=feed", published: "2025-07-22T12:30:00Z",
                    credits: [Credit(name: "Al Jazeera", span: span(of: "according to Al Jazeera", in: spun),
                                     form: .accordingTo)]),
            summary("002_rewrite", title: "Kyiv wants new negotiations", outlet: "Other Wire", url: nil,
                    published: "2025-07-22T14:00:00+02:00", credits: []),
            summary("003_aggregator", title: "Ukraine proposes new peace talks with Russia", outlet: "Daily8",
                    url: "https://daily8.example/news/1", published: "2025-07-22T10:15:00Z",
                    credits: [
                        Credit(name: "Al Jazeera", span: span(of: "Al Jazeera reported", in: aggregator), form: .reported),
                        Credit(name: "Agencies", span: span(of: "— Agencies", in: aggregator), form: .endLine,
                               inBoilerplate: true),
                    ]),
            summary("004_ap", title: "Kyiv shares draft agenda", outlet: "Nahar Net", url: "http://naharnet.example/a",
                    published: "2025-07-22",
                    credits: [
                        Credit(name: "Associated Press", span: span(of: "(AP)", in: wire), form: .dateline),
                        Credit(name: "Agencies", span: span(of: "— Agencies", in: wire), form: .endLine,
                               inBoilerplate: true),
                    ]),
        ]
        let rewritten = PairFinding(
            a: "001_spun", b: "003_aggregator", relation: .rewritten, source: nil, derived: nil, credited: true,
            scores: PairScores(jaccard: 0.014, containmentAInB: 0.086, containmentBInA: 0.0625,
                               minhash: JaccardBounds(estimate: 0.0156, lower: 0, upper: 0.055), simhashDistance: 21),
            coverage: ["003_aggregator": 0.6412, "001_spun": 0.873],
            passages: [
                passage("Ukrainian President Z Zelenskyy has proposed a new round of peace peace talks with Russia next week",
                        in: spun,
                        "Ukrainian President Volodymyr Zelenskyy has proposed a new round of peace talks with Russia next week",
                        in: aggregator, kind: .rewritten, similarity: 0.7421),
                passage(quote, in: spun, quote, in: aggregator, kind: .quote, similarity: 1),
                passage("The Kremlin said it was open to the idea but warned that a deal deal would take time.", in: spun,
                        "The Kremlin said it was open to talks but that an agreement would take time.", in: aggregator,
                        kind: .rewritten, similarity: 0.5),
            ])
        let partial = PairFinding(
            a: "002_rewrite", b: "004_ap", relation: .partial, source: "004_ap", derived: "002_rewrite", credited: false,
            scores: PairScores(jaccard: 0.21, containmentAInB: 0.4, containmentBInA: 0.3333,
                               minhash: JaccardBounds(estimate: 0.2188, lower: 0.1, upper: 0.35), simhashDistance: 17),
            coverage: ["004_ap": 0.45, "002_rewrite": 0.38],
            passages: [passage(agenda, in: rewrite, agenda, in: wire, kind: .verbatim, similarity: 1)])
        let quotes = PairFinding(
            a: "001_spun", b: "002_rewrite", relation: .quotes, source: nil, derived: nil, credited: nil,
            scores: PairScores(jaccard: 0.02, containmentAInB: 0.05, containmentBInA: 0.06,
                               minhash: JaccardBounds(estimate: 0.0234, lower: 0, upper: 0.07), simhashDistance: 25),
            coverage: [:],
            passages: [passage(quote, in: spun, "“We need a meeting at the leadership level to really ensure peace.”",
                               in: rewrite, kind: .quote, similarity: 0.9412)])
        let boilerplate = PairFinding(
            a: "003_aggregator", b: "004_ap", relation: .boilerplate, source: nil, derived: nil, credited: nil,
            scores: PairScores(jaccard: 0.08, containmentAInB: 0.1, containmentBInA: 0.19,
                               minhash: JaccardBounds(estimate: 0.0781, lower: 0.02, upper: 0.15), simhashDistance: 24),
            coverage: [:],
            passages: [passage(template, in: aggregator, template, in: wire, kind: .boilerplate, similarity: 1)])
        var parameters = ScanParameters()
        parameters.permutationCount = 256
        return ScanReport(
            tool: ToolInfo(name: "syndetect", version: "0.1.0", xxhashVersion: "0.8.2"),
            parameters: parameters, documents: documents,
            pairs: [quotes, rewritten, partial, boilerplate],
            clusters: [
                Cluster(id: "001_spun+003_aggregator", origin: nil, externalSource: "Al Jazeera",
                        members: ["001_spun", "003_aggregator"]),
                Cluster(id: "002_rewrite+004_ap", origin: "004_ap", externalSource: nil,
                        members: ["002_rewrite", "004_ap"]),
            ],
            warnings: [Diagnostic(file: "seeds/manifest.csv", line: 7, message: "published time \"yesterday\" is not ISO-8601; ignored")])
    }

    static var input: ReportInput { ReportInput(report: report, texts: texts, command: command) }
}
