import SyndicationScan

/// The clusters section of the HTML report: per cluster its facts, propagation timeline,
/// members, similarity matrix and pairs.
enum HTMLClusterSection {
    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    static func render(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        html += "<section id=\"clusters\">\n<h2>Clusters</h2>\n"
        if outline.clusters.isEmpty { html += "<p>No documents reuse the same copy.</p>\n" }
        for view in outline.clusters { cluster(view, outline, into: &html) }
        html += "</section>\n"
    }

    private static func cluster(_ view: ClusterView, _ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        let cluster = view.cluster
        html += "<article class=\"cluster filterable \(HTMLReportRenderer.clusterTokens(view, outline))\" id=\"\(view.anchor)\">\n"
        html += "<h3><a href=\"#\(view.anchor)\">Cluster \(view.number)</a>"
            + (view.headline.map { ": \(e($0))" } ?? "") + "</h3>\n"
        html += "<dl class=\"facts\">\n<dt>Cluster id</dt><dd class=\"mono\">\(e(cluster.id))</dd>\n"
        html += "<dt>Origin</dt><dd>\(e(cluster.origin.map(outline.label) ?? view.originText))</dd>\n"
        if let source = cluster.externalSource {
            html += "<dt>Credited source</dt><dd class=\"source\">common credited source: \(e(source))</dd>\n"
        }
        html += "<dt>Spread</dt><dd>\(cluster.members.count) documents, \(view.outletCount) "
            + (view.outletCount == 1 ? "outlet" : "outlets") + (view.spanText.map { ", over \(e($0))" } ?? "") + "</dd>\n"
        html += "<dt>Uncredited</dt><dd>" + (view.uncreditedCount == 0 ? "none"
            : "<strong class=\"alert\">\(view.uncreditedCount) reuse \(view.uncreditedCount == 1 ? "pair" : "pairs")</strong>")
            + "</dd>\n</dl>\n"

        html += "<h4>Propagation</h4>\n"
        if let svg = HTMLTimeline.svg(view, outline) {
            html += "<div class=\"chart\">\(svg)</div>\n"
            let undated = view.timeline.filter { $0.offset == nil }.map(\.id)
            if !undated.isEmpty {
                html += "<p class=\"muted\">Not on the chart, without a publication time: \(e(undated.joined(separator: ", "))).</p>\n"
            }
        } else {
            html += "<p class=\"muted\">No member has a publication time, so no timeline is drawn.</p>\n"
        }
        members(view, outline, into: &html)
        matrix(view, into: &html)

        if !view.pairs.isEmpty {
            html += "<h4>Pairs</h4>\n<ul class=\"pairlist\">\n"
            for pair in view.pairs {
                html += "<li><a href=\"#\(pair.anchor)\">\(e(pair.direction))</a> "
                    + "<span class=\"kind k-\(pair.pair.relation.rawValue)\">\(pair.pair.relation.rawValue)</span> "
                    + "<span class=\"flag \(pair.verdictClass)\">\(pair.verdict)</span></li>\n"
            }
            html += "</ul>\n"
        }
        html += "</article>\n"
    }

    /// The members in timeline order: the table the chart draws, readable without it.
    private static func members(_ view: ClusterView, _ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        html += "<div class=\"scroll\"><table class=\"members\">\n<tr><th class=\"num\">#</th><th>member</th><th>outlet</th>"
            + "<th>published</th><th>lag</th><th>copied from</th><th class=\"num\">reused</th><th>credit</th></tr>\n"
        for (index, entry) in view.timeline.enumerated() {
            let summary = entry.document?.summary
            let creditClass = entry.isOrigin ? "origin" : entry.pair?.verdictClass ?? "undetermined"
            html += "<tr><td class=\"num\">\(index + 1)</td>"
                + "<td class=\"mono nowrap\"><a href=\"#\(Anchors.document(entry.id))\">\(e(entry.id))</a></td>"
                + "<td>\(e(summary?.outlet ?? "unknown"))</td><td class=\"nowrap\">\(e(entry.published ?? "unknown"))</td>"
                + "<td>\(e(entry.lagText))</td>"
            if entry.isOrigin {
                html += "<td>origin</td>"
            } else if let parent = entry.parent, let pair = entry.pair {
                html += "<td class=\"mono nowrap\"><a href=\"#\(pair.anchor)\">\(e(parent))</a></td>"
            } else if let pair = entry.pair {
                let other = pair.pair.a == entry.id ? pair.pair.b : pair.pair.a
                html += "<td>shares copy with <a class=\"mono\" href=\"#\(pair.anchor)\">\(e(other))</a></td>"
            } else {
                html += "<td>—</td>"
            }
            html += "<td class=\"num nowrap\">\(entry.share.map(ReportNumbers.percent) ?? "—")</td>"
                + "<td><span class=\"flag \(creditClass)\">\(entry.creditText)</span></td></tr>\n"
        }
        html += "</table></div>\n"
    }

    /// The member × member heat map: the share of the row member's prose aligned to the column
    /// member as copy; `q` and `b` where only quotations or page template are shared.
    private static func matrix(_ view: ClusterView, into html: inout ReportText<some TextOutputStream>) {
        guard view.timeline.count > 1 else { return }
        html += "<h4>Similarity matrix</h4>\n<p class=\"muted\">Each cell: the share of the row member's prose that "
            + "is aligned to the column member as copy. Outlined: uncredited. q: quotations only, b: page template "
            + "only (not copy). Members numbered as above.</p>\n"
        html += "<div class=\"scroll\"><table class=\"matrix\">\n<tr><th></th>"
        html += view.timeline.indices.map { "<th class=\"num\">\($0 + 1)</th>" }.joined() + "</tr>\n"
        for (row, entry) in view.timeline.enumerated() {
            html += "<tr><th class=\"rowhead\"><span class=\"num\">\(row + 1)</span> \(e(entry.id))</th>"
            for (column, cell) in view.matrix[row].enumerated() {
                let other = view.timeline[column].id
                switch cell {
                case nil:
                    html += row == column ? "<td class=\"self\">—</td>" : "<td class=\"none\"></td>"
                case .reuse(let share, let pair)?:
                    let level = Int((share * 10).rounded())
                    let title = "\(entry.id): \(ReportNumbers.percent(share)) of its prose aligned to \(other) "
                        + "(\(pair.pair.relation.rawValue), \(pair.creditedText == "no" ? "uncredited" : "credited: \(pair.creditedText)"))"
                    html += "<td class=\"h\(level)\(pair.pair.credited == false ? " unc" : "")\">"
                        + "<a href=\"#\(pair.anchor)\" title=\"\(e(title))\">\(Int((share * 100).rounded()))</a></td>"
                case .notCopy(let pair)?:
                    let letter = pair.pair.relation == .quotes ? "q" : "b"
                    html += "<td class=\"notcopy\"><a href=\"#\(pair.anchor)\" title=\"\(e(pair.verdict))\">\(letter)</a></td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</table></div>\n"
    }
}
