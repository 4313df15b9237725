import Foundation
import SyndicationScan

/// Renders a report as one self-contained HTML page.
///
/// The page opens with an overview (counts by relation, clusters ranked by spread, uncredited
/// reuse), then filters, clusters (propagation timeline as inline SVG, similarity matrix),
/// reuse pairs (passages side by side with word-level differences marked), quotes and
/// boilerplate, documents and the evidence needed to reproduce the findings.
///
/// Nothing is loaded from elsewhere: the style sheet and a small script are inline, and a
/// content security policy allows exactly those two (by hash) and nothing else, so the page
/// works from `file://` and no text from the input could run even if it slipped through.
/// It does not: every piece of input text — ids, titles, outlets, URLs, credits, warnings,
/// passages — is escaped for text and attribute contexts, and URLs become links only when
/// they are `http` or `https`. Without the script everything is shown and the outlet, relation
/// and credit filters still work (they are CSS); the script adds text search and a count.
/// Filters hide clusters and pairs, never the documents table or the evidence.
public enum HTMLReportRenderer {
    /// The report as an HTML document, ending in a newline. The same input gives the same bytes.
    ///
    /// - Complexity: O(*n* · *D*) in the size of the report and the texts of paired documents,
    ///   *D* the differing words of a passage.
    public static func render(_ input: ReportInput) -> String {
        var html = ""
        write(input, to: &html)
        return html
    }

    /// Writes the HTML document ``render(_:)`` returns to `output` as it is made, about 64 kB
    /// at a time (``ReportText``), never holding it whole.
    ///
    /// - Complexity: as ``render(_:)``; memory beyond `output` is the report's outline.
    public static func write<Output: TextOutputStream>(_ input: ReportInput, to output: inout Output) {
        let outline = ReportOutline(input)
        let css = HTMLStylesheet.css + "\n" + HTMLFilters.css(outline)
        let script = HTMLFilters.script
        let policy = "default-src 'none'; style-src '\(cspHash(css))'; script-src '\(cspHash(script))'; "
            + "img-src data:; base-uri 'none'; form-action 'none'"
        var html = ReportText(output)
        html += """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="referrer" content="no-referrer">
        <title>syndetect report: \(count(outline.report.documents.count, "document")), \(count(outline.reusePairs.count, "reuse pair"))</title>
        <style>\(css)</style>
        </head>
        <body>
        <header class="top">
        <h1>syndetect report</h1>

        """
        header(outline, into: &html)
        html += "</header>\n<main>\n"
        html += HTMLFilters.form(outline)
        overview(outline, into: &html)
        HTMLClusterSection.render(outline, into: &html)
        HTMLPairSection.reusePairs(outline, into: &html)
        HTMLPairSection.sharedPairs(outline, into: &html)
        documents(outline, into: &html)
        evidence(outline, into: &html)
        html += "</main>\n<script>\(script)</script>\n</body>\n</html>\n"
        output = html.finish()
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    /// `1 document`, `2 documents`.
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `sha256-<base64>` of `text`'s UTF-8, as a content security policy names inline code.
    static func cspHash(_ text: String) -> String {
        "sha256-" + Data(SHA256.digest(of: Array(text.utf8))).base64EncodedString()
    }

    private static func header(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        let tool = outline.report.tool
        html += "<p class=\"tool\">\(e(tool.name)) \(e(tool.version)) · xxHash \(e(tool.xxhashVersion)) · "
            + "format \(e(outline.report.format))</p>\n"
        html += "<nav aria-label=\"Sections\">\n<ul>\n"
        html += "<li><a href=\"#overview\">Overview</a></li>\n"
        html += "<li><a href=\"#clusters\">Clusters (\(outline.clusters.count))</a></li>\n"
        html += "<li><a href=\"#reuse\">Reuse pairs (\(outline.reusePairs.count))</a></li>\n"
        html += "<li><a href=\"#not-copy\">Quotes and boilerplate (\(outline.sharedPairs.count))</a></li>\n"
        html += "<li><a href=\"#documents\">Documents (\(outline.documents.count))</a></li>\n"
        html += "<li><a href=\"#evidence\">Evidence</a></li>\n"
        html += "</ul>\n</nav>\n"
    }

    private static func overview(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        let report = outline.report
        html += "<section id=\"overview\">\n<h2>Overview</h2>\n<ul class=\"cards\">\n"
        let cards: [(Int, String, String)] = [
            (report.documents.count, "documents", ""),
            (outline.clusters.count, "clusters", ""),
            (outline.reusePairs.count, "reuse pairs", ""),
            (outline.uncreditedCount, "uncredited reuse", outline.uncreditedCount > 0 ? " alert" : ""),
            (outline.sharedPairs.count, "quotes or boilerplate only", ""),
        ]
        for (count, label, extra) in cards {
            html += "<li class=\"card\(extra)\"><strong>\(count)</strong> \(label)</li>\n"
        }
        html += "</ul>\n<h3>Pairs by relation</h3>\n<div class=\"scroll\"><table class=\"counts\">\n"
        html += "<tr><th>relation</th><th class=\"num\">pairs</th><th>meaning</th></tr>\n"
        let largest = max(outline.relationCounts.map(\.count).max() ?? 0, 1)
        for (relation, count) in outline.relationCounts {
            let width = Int((Double(count) / Double(largest) * 20).rounded(.up))
            html += "<tr><td><span class=\"kind k-\(relation.rawValue)\">\(relation.rawValue)</span></td>"
                + "<td class=\"num\">\(count)</td><td><span class=\"bar w\(width)\"></span>"
                + "\(relationMeaning(relation))</td></tr>\n"
        }
        html += "</table></div>\n"

        html += "<h3>Clusters by spread</h3>\n"
        if outline.clusters.isEmpty {
            html += "<p>No documents reuse the same copy.</p>\n"
        } else {
            html += "<div class=\"scroll\"><table class=\"ranking\">\n<tr><th class=\"num\">#</th><th>story</th>"
                + "<th class=\"num\">members</th><th class=\"num\">outlets</th><th>spread over</th>"
                + "<th class=\"num\">uncredited pairs</th><th>origin</th></tr>\n"
            for view in outline.clusters {
                html += "<tr class=\"filterable \(clusterTokens(view, outline))\"><td class=\"num\">\(view.number)</td>"
                    + "<td class=\"text\"><a href=\"#\(view.anchor)\">\(e(view.headline ?? view.cluster.id))</a></td>"
                    + "<td class=\"num\">\(view.cluster.members.count)</td><td class=\"num\">\(view.outletCount)</td>"
                    + "<td>\(e(view.spanText ?? "—"))</td>"
                    + "<td class=\"num\(view.uncreditedCount > 0 ? " alert" : "")\">\(view.uncreditedCount)</td>"
                    + "<td class=\"text\">\(e(view.cluster.origin.map(outline.label) ?? view.cluster.externalSource.map { "outside: \($0)" } ?? "not named"))</td></tr>\n"
            }
            html += "</table></div>\n"
        }

        html += "<h3>Uncredited reuse</h3>\n"
        let uncredited = outline.uncreditedPairs
        if uncredited.isEmpty {
            html += "<p>Every reuse pair credits its source, or the credit could not be determined.</p>\n"
        } else {
            html += "<ol class=\"uncredited-list\">\n"
            for view in uncredited {
                let pair = view.pair
                let share = pair.derived.flatMap { pair.coverage[$0] }
                html += "<li class=\"filterable \(tokens(view, outline))\"><a href=\"#\(view.anchor)\">"
                html += pair.derived != nil
                    ? "\(e(outline.label(view.rightID))) reused \(e(outline.label(view.leftID)))"
                    : "\(e(outline.label(pair.a))) and \(e(outline.label(pair.b))) share copy"
                html += "</a> — \(pair.relation.rawValue)"
                    + (share.map { ", \(ReportNumbers.percent($0)) of the copy" } ?? "") + "</li>\n"
            }
            html += "</ol>\n"
        }

        let warnings = report.warnings
        if warnings.isEmpty {
            html += "<p class=\"muted\">No input warnings.</p>\n"
        } else {
            html += "<h3 id=\"warnings\">Input warnings (\(warnings.count))</h3>\n<ul>\n"
            html += warnings.map { "<li class=\"mono\">\(e($0.description))</li>\n" }.joined()
            html += "</ul>\n"
        }
        html += "</section>\n"
    }

    /// One line on what a relation means, for the counts table.
    static func relationMeaning(_ relation: Relation) -> String {
        switch relation {
        case .verbatim: return "the same copy, word for word"
        case .edited: return "the same copy, lightly edited"
        case .rewritten: return "the same copy, reworded"
        case .partial: return "part of one reuses part of the other"
        case .quotes: return "only direct quotations shared — not copy"
        case .boilerplate: return "only page template shared — not copy"
        }
    }

    /// Filter classes of a pair: its relation, credit and the outlets of both documents.
    static func tokens(_ view: PairView, _ outline: ReportOutline) -> String {
        (view.filterTokens + outline.outletTokens([view.pair.a, view.pair.b])).joined(separator: " ")
    }

    /// Filter classes of a cluster: its members' outlets and its pairs' relations and credits.
    static func clusterTokens(_ view: ClusterView, _ outline: ReportOutline) -> String {
        let pairTokens = Set(view.pairs.flatMap(\.filterTokens))
        return (pairTokens.sorted() + outline.outletTokens(view.memberIDs)).joined(separator: " ")
    }

    private static func documents(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        html += "<section id=\"documents\">\n<h2>Documents</h2>\n<div class=\"scroll\"><table class=\"documents\">\n"
        html += "<tr><th>id</th><th>title</th><th>outlet</th><th>published</th><th class=\"num\">length</th>"
            + "<th>credits</th></tr>\n"
        for view in outline.documents {
            let summary = view.summary
            html += "<tr id=\"\(view.anchor)\"><td class=\"mono text\">\(e(summary.id))</td><td class=\"text\">\(e(summary.title ?? ""))</td>"
                + "<td class=\"text\">\(e(summary.outlet ?? ""))</td><td class=\"nowrap\">\(e(summary.published ?? ""))</td>"
                + "<td class=\"num\">\(summary.length)</td><td>\(e(view.credits.joined(separator: ", ")))</td></tr>\n"
        }
        html += "</table></div>\n</section>\n"
    }

    private static func evidence(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        let report = outline.report
        let tool = report.tool
        html += "<section id=\"evidence\">\n<h2>Evidence and reproduction</h2>\n"
        html += "<dl class=\"facts\">\n<dt>Tool</dt><dd>\(e(tool.name)) \(e(tool.version))</dd>\n"
            + "<dt>xxHash</dt><dd>\(e(tool.xxhashVersion))</dd>\n<dt>Format</dt><dd>\(e(report.format))</dd>\n</dl>\n"
        html += "<h3>Command</h3>\n"
        if let command = outline.input.command {
            html += "<pre><code>\(e(command))</code></pre>\n"
            html += "<p>Run it with the same inputs (their SHA-256 below) and the same version: the findings are "
                + "byte-identical at any thread count; add <code>--format json</code> to compare the JSON report.</p>\n"
        } else {
            html += "<p>The command was not recorded.</p>\n"
        }
        html += "<h3>Parameters</h3>\n<div class=\"scroll\"><table>\n<tr><th>parameter</th><th>value</th></tr>\n"
        html += report.parameters.reportRows.map {
            "<tr><td class=\"mono\">\(e($0.name))</td><td>\(e($0.value))</td></tr>\n"
        }.joined()
        html += "</table></div>\n<h3>Inputs</h3>\n<p>SHA-256 of each document's text (UTF-8).</p>\n"
        html += "<div class=\"scroll\"><table class=\"inputs\">\n<tr><th>id</th><th>origin</th><th>url</th><th>sha256</th></tr>\n"
        for summary in report.documents {
            html += "<tr><td class=\"mono text\">\(e(summary.id))</td><td class=\"text\">\(e(summary.origin))</td>"
                + "<td class=\"url\">\(summary.url.map(HTMLText.url) ?? "")</td>"
                + "<td class=\"mono hash\">\(e(summary.sha256))</td></tr>\n"
        }
        html += "</table></div>\n</section>\n"
    }
}
