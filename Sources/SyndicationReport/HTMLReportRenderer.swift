import SyndicationScan

/// Renders a report as one self-contained HTML page.
///
/// The page has the same sections as the Markdown report, inline CSS (phone-width layout and a
/// print style sheet), no script and no external resource. Every cluster, pair and document has
/// an `id` anchor (see the `#cluster-…` and `#pair-…` links). Every piece of input text — ids,
/// titles, outlets, URLs, credits, warnings, passages — is escaped for text and attribute
/// contexts; URLs become links only when they are `http` or `https`.
public enum HTMLReportRenderer {
    /// The report as an HTML document, ending in a newline. The same input gives the same bytes.
    ///
    /// - Complexity: O(*n*) in the size of the report and the texts of paired documents.
    public static func render(_ input: ReportInput) -> String {
        let outline = ReportOutline(input)
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>syndetect report</title>
        <style>
        \(HTMLStylesheet.css)
        </style>
        </head>
        <body>
        <main>

        """
        header(outline, into: &html)
        clusters(outline, into: &html)
        reusePairs(outline, into: &html)
        sharedPairs(outline, into: &html)
        documents(outline, into: &html)
        evidence(outline, into: &html)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    private static func header(_ outline: ReportOutline, into html: inout String) {
        let tool = outline.report.tool
        html += "<header>\n<h1>syndetect report</h1>\n"
        html += "<p class=\"tool\">\(e(tool.name)) \(e(tool.version)) · xxHash \(e(tool.xxhashVersion)) · "
            + "format \(e(outline.report.format))</p>\n"
        let counts = outline.relationCounts
        html += "<div class=\"scroll\"><table class=\"counts\">\n<tr>"
        html += (["documents", "pairs"] + counts.map(\.relation.rawValue) + ["clusters", "uncredited reuse"])
            .map { "<th class=\"num\">\($0)</th>" }.joined()
        html += "</tr>\n<tr>"
        html += ([outline.report.documents.count, outline.report.pairs.count] + counts.map(\.count)
            + [outline.clusters.count, outline.uncreditedCount]).map { "<td class=\"num\">\($0)</td>" }.joined()
        html += "</tr>\n</table></div>\n"
        let warnings = outline.report.warnings
        if warnings.isEmpty {
            html += "<p>No warnings.</p>\n"
        } else {
            html += "<section id=\"warnings\">\n<h2>Warnings (\(warnings.count))</h2>\n<ul>\n"
            html += warnings.map { "<li class=\"mono\">\(e($0.description))</li>\n" }.joined()
            html += "</ul>\n</section>\n"
        }
        html += "<nav>\n<ul>\n"
        html += "<li><a href=\"#clusters\">Clusters (\(outline.clusters.count))</a></li>\n"
        html += "<li><a href=\"#reuse\">Reuse pairs (\(outline.reusePairs.count))</a></li>\n"
        html += "<li><a href=\"#not-copy\">Quotes and boilerplate (\(outline.sharedPairs.count))</a></li>\n"
        html += "<li><a href=\"#documents\">Documents (\(outline.documents.count))</a></li>\n"
        html += "<li><a href=\"#evidence\">Evidence and reproduction</a></li>\n"
        html += "</ul>\n</nav>\n</header>\n"
    }

    private static func clusters(_ outline: ReportOutline, into html: inout String) {
        html += "<section id=\"clusters\">\n<h2>Clusters</h2>\n"
        if outline.clusters.isEmpty { html += "<p>No documents reuse the same copy.</p>\n" }
        for view in outline.clusters {
            let cluster = view.cluster
            html += "<article class=\"cluster\" id=\"\(view.anchor)\">\n"
            html += "<h3><a href=\"#\(view.anchor)\">Cluster \(e(cluster.id))</a> "
                + "(\(cluster.members.count) members)</h3>\n<dl class=\"facts\">\n"
            html += "<dt>Origin</dt><dd>\(e(view.originText))</dd>\n"
            if let source = cluster.externalSource {
                html += "<dt>Credited source</dt><dd class=\"source\">common credited source: \(e(source))</dd>\n"
            }
            if !view.pairs.isEmpty {
                html += "<dt>Pairs</dt><dd>" + view.pairs.map {
                    "<a href=\"#\($0.anchor)\">\($0.pair.relation.rawValue), \(e($0.direction))</a>"
                }.joined(separator: ", ") + "</dd>\n"
            }
            html += "</dl>\n<div class=\"scroll\"><table>\n"
            html += "<tr><th>member</th><th>outlet</th><th>published</th><th>credits</th></tr>\n"
            for member in view.members {
                let summary = member.document?.summary
                let credits = member.document.map { $0.credits.isEmpty ? "none" : $0.credits.joined(separator: ", ") }
                html += "<tr><td><a href=\"#\(Anchors.document(member.id))\">\(e(member.id))</a>"
                    + (member.isOrigin ? " (origin)" : "") + "</td>"
                    + "<td>\(e(summary?.outlet ?? "unknown"))</td><td>\(e(summary?.published ?? "unknown"))</td>"
                    + "<td>\(e(credits ?? "document not in report"))</td></tr>\n"
            }
            html += "</table></div>\n<p>Propagation by publication time:</p>\n"
            if let svg = HTMLTimeline.svg(view) { html += svg + "\n" }
            html += "<ol>\n"
            html += view.timeline.map {
                "<li>\(e($0.id)) — \(e($0.published ?? "unknown")) — \(e($0.lagText))</li>\n"
            }.joined()
            html += "</ol>\n</article>\n"
        }
        html += "</section>\n"
    }

    private static func reusePairs(_ outline: ReportOutline, into html: inout String) {
        html += "<section id=\"reuse\">\n<h2>Reuse pairs</h2>\n"
        if outline.reusePairs.isEmpty { html += "<p>No pair reuses copy.</p>\n" }
        for view in outline.reusePairs {
            let pair = view.pair
            let flagClass = pair.credited == false ? "uncredited" : pair.credited == true ? "credited" : "undetermined"
            html += "<article class=\"pair \(flagClass)\" id=\"\(view.anchor)\">\n"
            html += "<h3><span class=\"flag \(flagClass)\">\(view.verdict)</span> "
                + "<a href=\"#\(view.anchor)\">\(e(view.direction))</a> (\(pair.relation.rawValue))</h3>\n"
            html += "<dl class=\"facts\">\n<dt>Relation</dt><dd>\(pair.relation.rawValue)</dd>\n<dt>Direction</dt><dd>"
            if let source = pair.source, let derived = pair.derived {
                html += "\(e(source)) (source) → \(e(derived)) (derived)"
            } else {
                html += "not determined (\(e(pair.a)) ↔ \(e(pair.b)))"
            }
            html += "</dd>\n<dt>Credited</dt><dd>"
                + (pair.credited == false ? "<strong>no — uncredited reuse</strong>" : view.creditedText) + "</dd>\n"
            html += scoreFacts(view)
            html += "</dl>\n"
            for (index, passage) in view.passages.enumerated() {
                let labelA = "\(pair.a) \(passage.a.span)", labelB = "\(pair.b) \(passage.b.span)"
                html += "<div class=\"scroll\"><table class=\"passage\">\n"
                html += "<caption>Passage \(index + 1) — \(passage.passage.kind.rawValue), similarity "
                    + "\(ReportNumbers.fixed(passage.passage.similarity))</caption>\n"
                html += "<thead><tr><th>\(e(labelA))</th><th>\(e(labelB))</th></tr></thead>\n"
                html += "<tbody><tr><td data-label=\"\(e(labelA))\">\(cell(passage.a))</td>"
                    + "<td data-label=\"\(e(labelB))\">\(cell(passage.b))</td></tr></tbody>\n"
                html += "</table></div>\n"
            }
            html += "</article>\n"
        }
        html += "</section>\n"
    }

    private static func sharedPairs(_ outline: ReportOutline, into html: inout String) {
        html += "<section id=\"not-copy\">\n<h2>Quotes and boilerplate (not copy)</h2>\n"
        if outline.sharedPairs.isEmpty { html += "<p>No pair shares only quotations or page template.</p>\n" }
        for view in outline.sharedPairs {
            let pair = view.pair
            html += "<article class=\"pair notcopy\" id=\"\(view.anchor)\">\n"
            html += "<h3><span class=\"flag notcopy\">\(view.verdict)</span> "
                + "<a href=\"#\(view.anchor)\">\(e(pair.a)) ↔ \(e(pair.b))</a></h3>\n"
            html += "<p class=\"muted\">" + view.scoreLines(escape: e).map { "\($0.label) \($0.value)" }
                .joined(separator: " · ") + "</p>\n"
            html += "<div class=\"scroll\"><table>\n<tr><th>kind</th><th>\(e(pair.a))</th><th>\(e(pair.b))</th>"
                + "<th class=\"num\">similarity</th><th>text in \(e(pair.a))</th></tr>\n"
            for passage in view.passages {
                html += "<tr><td>\(passage.passage.kind.rawValue)</td><td class=\"mono\">\(passage.a.span)</td>"
                    + "<td class=\"mono\">\(passage.b.span)</td>"
                    + "<td class=\"num\">\(ReportNumbers.fixed(passage.passage.similarity))</td>"
                    + "<td class=\"text\">\(cell(passage.a))</td></tr>\n"
            }
            html += "</table></div>\n</article>\n"
        }
        html += "</section>\n"
    }

    private static func documents(_ outline: ReportOutline, into html: inout String) {
        html += "<section id=\"documents\">\n<h2>Documents</h2>\n<div class=\"scroll\"><table>\n"
        html += "<tr><th>id</th><th>title</th><th>outlet</th><th>published</th><th class=\"num\">length</th>"
            + "<th>sha256</th><th>credits</th></tr>\n"
        for view in outline.documents {
            let summary = view.summary
            html += "<tr id=\"\(view.anchor)\"><td>\(e(summary.id))</td><td>\(e(summary.title ?? ""))</td>"
                + "<td>\(e(summary.outlet ?? ""))</td><td>\(e(summary.published ?? ""))</td>"
                + "<td class=\"num\">\(summary.length)</td><td class=\"mono\">\(e(String(summary.sha256.prefix(12))))</td>"
                + "<td>\(e(view.credits.joined(separator: ", ")))</td></tr>\n"
        }
        html += "</table></div>\n</section>\n"
    }

    private static func evidence(_ outline: ReportOutline, into html: inout String) {
        html += "<section id=\"evidence\">\n<h2>Evidence and reproduction</h2>\n<h3>Parameters</h3>\n"
        html += "<div class=\"scroll\"><table>\n<tr><th>parameter</th><th>value</th></tr>\n"
        html += outline.report.parameters.reportRows.map {
            "<tr><td class=\"mono\">\(e($0.name))</td><td>\(e($0.value))</td></tr>\n"
        }.joined()
        html += "</table></div>\n<h3>Inputs</h3>\n<div class=\"scroll\"><table>\n"
        html += "<tr><th>id</th><th>origin</th><th>url</th><th>sha256</th></tr>\n"
        for summary in outline.report.documents {
            html += "<tr><td>\(e(summary.id))</td><td>\(e(summary.origin))</td>"
                + "<td>\(summary.url.map(HTMLText.url) ?? "")</td>"
                + "<td class=\"mono hash\">\(e(summary.sha256))</td></tr>\n"
        }
        html += "</table></div>\n<h3>Command</h3>\n"
        if let command = outline.input.command {
            html += "<pre><code>\(e(command))</code></pre>\n"
        } else {
            html += "<p>The command was not recorded.</p>\n"
        }
        html += "</section>\n"
    }

    private static func scoreFacts(_ view: PairView) -> String {
        var html = view.scoreLines(escape: e).map { "<dt>\($0.label)</dt><dd>\($0.value)</dd>\n" }.joined()
        let coverage = view.coverage
        html += "<dt>Coverage</dt><dd>" + (coverage.isEmpty ? "not given" : coverage.map {
            "\(e($0.id)) \(ReportNumbers.percent($0.share))"
        }.joined(separator: ", ")) + "</dd>\n"
        return html
    }

    /// A passage side: the escaped text, and any note about its offsets.
    private static func cell(_ excerpt: Excerpt) -> String {
        var html = e(excerpt.text)
        if let note = excerpt.note {
            html += "<span class=\"note\">" + (excerpt.text.isEmpty ? "" : "\n") + "(\(e(note)))</span>"
        }
        return html.isEmpty ? "<span class=\"note\">(empty)</span>" : html
    }
}
