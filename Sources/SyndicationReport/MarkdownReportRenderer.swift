import SyndicationScan

/// Renders a report as GitHub-flavoured Markdown.
///
/// The same sections as the HTML report: overview (counts by relation, clusters ranked by
/// spread, uncredited reuse), clusters (a Mermaid propagation diagram, the members table and
/// the similarity matrix), reuse pairs with their passages side by side in collapsible
/// `<details>` (word-level differences as `<del>` and `<ins>`, quotations in `<em>`), quotes and
/// boilerplate, documents, evidence.
///
/// Every piece of input text is escaped with ``MarkdownText`` (or ``MermaidText`` inside
/// diagrams) so that no raw HTML, link, table break or diagram statement comes from the input;
/// the only HTML in the output is the renderer's own anchors, `<details>`, `<br>`, `<del>`,
/// `<ins>` and `<em>`. The command is shown verbatim in a fenced code block.
public enum MarkdownReportRenderer {
    /// The report as Markdown, ending in a newline. The same input gives the same bytes.
    ///
    /// - Complexity: O(*n* · *D*) in the size of the report and the texts of paired documents,
    ///   *D* the differing words of a passage.
    public static func render(_ input: ReportInput) -> String {
        var markdown = ""
        write(input, to: &markdown)
        return markdown
    }

    /// Writes the Markdown ``render(_:)`` returns to `output` line by line as it is made
    /// (``MarkdownLines``), never holding it whole.
    ///
    /// - Complexity: as ``render(_:)``; memory beyond `output` is the report's outline.
    public static func write<Output: TextOutputStream>(_ input: ReportInput, to output: inout Output) {
        let outline = ReportOutline(input)
        var lines = MarkdownLines(output)
        header(outline, into: &lines)
        overview(outline, into: &lines)
        MarkdownClusterSection.render(outline, into: &lines)
        MarkdownPairSection.reusePairs(outline, into: &lines)
        MarkdownPairSection.sharedPairs(outline, into: &lines)
        documents(outline, into: &lines)
        evidence(outline, into: &lines)
        output = lines.finish()
    }

    private static func e(_ text: String) -> String { MarkdownText.escape(text) }

    private static func header(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        let tool = outline.report.tool
        lines += [
            "# syndetect report", "",
            "\(e(tool.name)) \(e(tool.version)) · xxHash \(e(tool.xxhashVersion)) · "
                + "format \(e(outline.report.format))", "",
            "[Overview](#overview) · [Clusters (\(outline.clusters.count))](#clusters) · "
                + "[Reuse pairs (\(outline.reusePairs.count))](#reuse-pairs) · "
                + "[Quotes and boilerplate (\(outline.sharedPairs.count))](#quotes-and-boilerplate-not-copy) · "
                + "[Documents (\(outline.documents.count))](#documents) · [Evidence](#evidence-and-reproduction)", "",
        ]
    }

    private static func overview(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        let report = outline.report
        lines += ["## Overview", "",
                  MarkdownText.row(["documents", "clusters", "reuse pairs", "uncredited reuse", "quotes or boilerplate only"]),
                  MarkdownText.row(Array(repeating: "---:", count: 5)),
                  MarkdownText.row([String(report.documents.count), String(outline.clusters.count),
                                    String(outline.reusePairs.count), String(outline.uncreditedCount),
                                    String(outline.sharedPairs.count)]), ""]
        lines += ["### Pairs by relation", "", MarkdownText.row(["relation", "pairs", "meaning"]),
                  MarkdownText.row(["---", "---:", "---"])]
        for (relation, count) in outline.relationCounts {
            lines.append(MarkdownText.row([relation.rawValue, String(count), HTMLReportRenderer.relationMeaning(relation)]))
        }
        lines += ["", "### Clusters by spread", ""]
        if outline.clusters.isEmpty {
            lines += ["No documents reuse the same copy.", ""]
        } else {
            lines += [MarkdownText.row(["#", "story", "members", "outlets", "spread over", "uncredited pairs", "origin"]),
                      MarkdownText.row(["---:", "---", "---:", "---:", "---", "---:", "---"])]
            for view in outline.clusters {
                let origin = view.cluster.origin.map(outline.label)
                    ?? view.cluster.externalSource.map { "outside: \($0)" } ?? "not named"
                lines.append(MarkdownText.row([
                    String(view.number), "[\(e(view.headline ?? view.cluster.id))](#\(view.anchor))",
                    String(view.cluster.members.count), String(view.outletCount), e(view.spanText ?? "—"),
                    view.uncreditedCount > 0 ? "**\(view.uncreditedCount)**" : "0", e(origin),
                ]))
            }
            lines.append("")
        }
        lines += ["### Uncredited reuse", ""]
        let uncredited = outline.uncreditedPairs
        if uncredited.isEmpty {
            lines += ["Every reuse pair credits its source, or the credit could not be determined.", ""]
        } else {
            for (index, view) in uncredited.enumerated() {
                let pair = view.pair
                let text = pair.derived != nil
                    ? "\(e(outline.label(view.rightID))) reused \(e(outline.label(view.leftID)))"
                    : "\(e(outline.label(pair.a))) and \(e(outline.label(pair.b))) share copy"
                let share = pair.derived.flatMap { pair.coverage[$0] }
                lines.append("\(index + 1). [\(text)](#\(view.anchor)) — \(pair.relation.rawValue)"
                    + (share.map { ", \(ReportNumbers.percent($0)) of the copy" } ?? ""))
            }
            lines.append("")
        }
        let warnings = report.warnings
        if warnings.isEmpty {
            lines += ["No input warnings.", ""]
        } else {
            lines += ["**Input warnings (\(warnings.count))**", ""]
            lines += warnings.map { "- " + e($0.description) }
            lines.append("")
        }
    }

    private static func documents(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        lines += ["## Documents", "",
                  MarkdownText.row(["id", "title", "outlet", "published", "length", "credits"]),
                  MarkdownText.row(["---", "---", "---", "---", "---:", "---"])]
        for view in outline.documents {
            let summary = view.summary
            lines.append(MarkdownText.row([
                "<a id=\"\(view.anchor)\"></a>" + e(summary.id), e(summary.title ?? ""), e(summary.outlet ?? ""),
                e(summary.published ?? ""), String(summary.length), e(view.credits.joined(separator: ", ")),
            ]))
        }
        lines.append("")
    }

    private static func evidence(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        let report = outline.report
        let tool = report.tool
        lines += ["## Evidence and reproduction", "",
                  "- **Tool:** \(e(tool.name)) \(e(tool.version))", "- **xxHash:** \(e(tool.xxhashVersion))",
                  "- **Format:** \(e(report.format))", "", "### Command", ""]
        if let command = outline.input.command {
            lines += [MarkdownText.codeBlock(command), "",
                      "Run it with the same inputs (their SHA-256 below) and the same version: the findings are "
                        + "byte-identical at any thread count; add `--format json` to compare the JSON report.", ""]
        } else {
            lines += ["The command was not recorded.", ""]
        }
        lines += ["### Parameters", "", MarkdownText.row(["parameter", "value"]), MarkdownText.row(["---", "---"])]
        lines += report.parameters.reportRows.map { MarkdownText.row([e($0.name), e($0.value)]) }
        lines += ["", "### Inputs", "", "SHA-256 of each document's text (UTF-8).", "",
                  MarkdownText.row(["id", "origin", "url", "sha256"]), MarkdownText.row(["---", "---", "---", "---"])]
        for summary in report.documents {
            lines.append(MarkdownText.row([e(summary.id), e(summary.origin), e(summary.url ?? ""), e(summary.sha256)]))
        }
        lines.append("")
    }
}
