import SyndicationScan

/// Renders a report as GitHub-flavoured Markdown.
///
/// Sections: header (tool, counts, warnings), clusters, reuse pairs with their aligned passages
/// side by side, quotes and boilerplate, documents, evidence. Every piece of input text is
/// escaped with ``MarkdownText`` so that no raw HTML, link or table break comes from the input;
/// the only HTML in the output is the renderer's own anchors and `<details>` blocks.
public enum MarkdownReportRenderer {
    /// The report as Markdown, ending in a newline. The same input gives the same bytes.
    ///
    /// - Complexity: O(*n*) in the size of the report and the texts of paired documents.
    public static func render(_ input: ReportInput) -> String {
        let outline = ReportOutline(input)
        var lines: [String] = []
        header(outline, into: &lines)
        clusters(outline, into: &lines)
        reusePairs(outline, into: &lines)
        sharedPairs(outline, into: &lines)
        documents(outline, into: &lines)
        evidence(outline, into: &lines)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func e(_ text: String) -> String { MarkdownText.escape(text) }

    private static func header(_ outline: ReportOutline, into lines: inout [String]) {
        let tool = outline.report.tool
        lines += [
            "# syndetect report", "",
            "\(e(tool.name)) \(e(tool.version)) · xxHash \(e(tool.xxhashVersion)) · "
                + "format \(e(outline.report.format))", "",
        ]
        let counts = outline.relationCounts
        lines.append(MarkdownText.row(["documents", "pairs"] + counts.map { $0.relation.rawValue }
            + ["clusters", "uncredited reuse"]))
        lines.append(MarkdownText.row(Array(repeating: "---:", count: counts.count + 4)))
        lines.append(MarkdownText.row(
            [String(outline.report.documents.count), String(outline.report.pairs.count)]
                + counts.map { String($0.count) }
                + [String(outline.clusters.count), String(outline.uncreditedCount)]))
        lines.append("")
        let warnings = outline.report.warnings
        if warnings.isEmpty {
            lines += ["No warnings.", ""]
        } else {
            lines += ["**Warnings (\(warnings.count))**", ""]
            lines += warnings.map { "- " + e($0.description) }
            lines.append("")
        }
    }

    private static func clusters(_ outline: ReportOutline, into lines: inout [String]) {
        lines += ["## Clusters", ""]
        if outline.clusters.isEmpty { lines += ["No documents reuse the same copy.", ""] }
        for view in outline.clusters {
            let cluster = view.cluster
            lines += [
                "<a id=\"\(view.anchor)\"></a>", "",
                "### Cluster \(e(cluster.id)) (\(cluster.members.count) members)", "",
                "- **Origin:** \(e(view.originText))",
            ]
            if let source = cluster.externalSource {
                lines.append("- **common credited source: \(e(source))**")
            }
            if !view.pairs.isEmpty {
                lines.append("- **Pairs:** " + view.pairs.map {
                    "[\($0.pair.relation.rawValue), \(e($0.direction))](#\($0.anchor))"
                }.joined(separator: ", "))
            }
            lines += ["", MarkdownText.row(["member", "outlet", "published", "credits"]),
                      MarkdownText.row(Array(repeating: "---", count: 4))]
            for member in view.members {
                let summary = member.document?.summary
                lines.append(MarkdownText.row([
                    e(member.id) + (member.isOrigin ? " (origin)" : ""),
                    e(summary?.outlet ?? "unknown"), e(summary?.published ?? "unknown"),
                    e(member.document.map { $0.credits.isEmpty ? "none" : $0.credits.joined(separator: ", ") }
                        ?? "document not in report"),
                ]))
            }
            lines += ["", "Propagation by publication time:", ""]
            for (index, entry) in view.timeline.enumerated() {
                lines.append("\(index + 1). \(e(entry.id)) — \(e(entry.published ?? "unknown")) — \(entry.lagText)")
            }
            lines.append("")
        }
    }

    private static func reusePairs(_ outline: ReportOutline, into lines: inout [String]) {
        lines += ["## Reuse pairs", ""]
        if outline.reusePairs.isEmpty { lines += ["No pair reuses copy.", ""] }
        for view in outline.reusePairs {
            let pair = view.pair
            let verdict = view.verdict
            lines += [
                "<a id=\"\(view.anchor)\"></a>", "",
                "### \(verdict.prefix(1).uppercased() + verdict.dropFirst()): \(e(view.direction)) (\(pair.relation.rawValue))",
                "",
                "- **Relation:** \(pair.relation.rawValue)",
                "- **Direction:** " + (pair.source != nil && pair.derived != nil
                    ? "\(e(pair.source!)) (source) → \(e(pair.derived!)) (derived)"
                    : "not determined (\(e(pair.a)) ↔ \(e(pair.b)))"),
                "- **Credited:** " + (pair.credited == false ? "**no — uncredited reuse**" : view.creditedText),
            ]
            lines += view.scoreLines(escape: e).map { "- **\($0.label):** \($0.value)" }
            lines.append("- **Coverage:** " + coverageText(view))
            lines += ["", "<details>", "<summary>\(passageCount(view.passages.count))</summary>", ""]
            for (index, passage) in view.passages.enumerated() {
                lines += [
                    "**Passage \(index + 1)** — \(passage.passage.kind.rawValue), similarity "
                        + ReportNumbers.fixed(passage.passage.similarity), "",
                    MarkdownText.row(["\(e(pair.a)) \(passage.a.span)", "\(e(pair.b)) \(passage.b.span)"]),
                    MarkdownText.row(["---", "---"]),
                    MarkdownText.row([cell(passage.a), cell(passage.b)]), "",
                ]
            }
            lines += ["</details>", ""]
        }
    }

    private static func sharedPairs(_ outline: ReportOutline, into lines: inout [String]) {
        lines += ["## Quotes and boilerplate (not copy)", ""]
        if outline.sharedPairs.isEmpty { lines += ["No pair shares only quotations or page template.", ""] }
        for view in outline.sharedPairs {
            let pair = view.pair
            let verdict = view.verdict
            lines += [
                "<a id=\"\(view.anchor)\"></a>", "",
                "### \(verdict.prefix(1).uppercased() + verdict.dropFirst()): \(e(pair.a)) ↔ \(e(pair.b))", "",
                view.scoreLines(escape: e).map { "\($0.label) \($0.value)" }.joined(separator: " · "), "",
                MarkdownText.row(["kind", e(pair.a), e(pair.b), "similarity", "text in \(e(pair.a))"]),
                MarkdownText.row(["---", "---", "---", "---:", "---"]),
            ]
            for passage in view.passages {
                lines.append(MarkdownText.row([
                    passage.passage.kind.rawValue, passage.a.span.description, passage.b.span.description,
                    ReportNumbers.fixed(passage.passage.similarity), cell(passage.a),
                ]))
            }
            lines.append("")
        }
    }

    private static func documents(_ outline: ReportOutline, into lines: inout [String]) {
        lines += ["## Documents", "",
                  MarkdownText.row(["id", "title", "outlet", "published", "length", "sha256", "credits"]),
                  MarkdownText.row(["---", "---", "---", "---", "---:", "---", "---"])]
        for view in outline.documents {
            let summary = view.summary
            lines.append(MarkdownText.row([
                e(summary.id), e(summary.title ?? ""), e(summary.outlet ?? ""), e(summary.published ?? ""),
                String(summary.length), e(String(summary.sha256.prefix(12))),
                e(view.credits.joined(separator: ", ")),
            ]))
        }
        lines.append("")
    }

    private static func evidence(_ outline: ReportOutline, into lines: inout [String]) {
        lines += ["## Evidence and reproduction", "", "### Parameters", "",
                  MarkdownText.row(["parameter", "value"]), MarkdownText.row(["---", "---"])]
        lines += outline.report.parameters.reportRows.map { MarkdownText.row([e($0.name), e($0.value)]) }
        lines += ["", "### Inputs", "",
                  MarkdownText.row(["id", "origin", "url", "sha256"]), MarkdownText.row(["---", "---", "---", "---"])]
        for summary in outline.report.documents {
            lines.append(MarkdownText.row([e(summary.id), e(summary.origin), e(summary.url ?? ""), e(summary.sha256)]))
        }
        lines += ["", "### Command", ""]
        if let command = outline.input.command {
            lines += [MarkdownText.codeBlock(command), ""]
        } else {
            lines += ["The command was not recorded.", ""]
        }
    }

    private static func passageCount(_ count: Int) -> String {
        count == 1 ? "1 aligned passage" : "\(count) aligned passages"
    }

    private static func coverageText(_ view: PairView) -> String {
        let coverage = view.coverage
        if coverage.isEmpty { return "not given" }
        return coverage.map { "\(e($0.id)) \(ReportNumbers.percent($0.share))" }.joined(separator: ", ")
    }

    /// A passage side as a table cell: the text with line breaks as `<br>`, and any note.
    private static func cell(_ excerpt: Excerpt) -> String {
        var text = MarkdownText.escape(excerpt.text, lineBreak: "<br>")
        if let note = excerpt.note {
            text += (text.isEmpty ? "" : "<br>") + "*(" + MarkdownText.escape(note) + ")*"
        }
        return text.isEmpty ? "*(empty)*" : text
    }
}
