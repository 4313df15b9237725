import SyndicationScan

/// The clusters section of the Markdown report: per cluster its facts, a Mermaid propagation
/// diagram, the members table (the diagram's content as text) and the similarity matrix.
enum MarkdownClusterSection {
    private static func e(_ text: String) -> String { MarkdownText.escape(text) }

    static func render(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        lines += ["## Clusters", ""]
        if outline.clusters.isEmpty { lines += ["No documents reuse the same copy.", ""] }
        for view in outline.clusters { cluster(view, outline, into: &lines) }
    }

    private static func cluster(_ view: ClusterView, _ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        let cluster = view.cluster
        lines += ["<a id=\"\(view.anchor)\"></a>", "",
                  "### Cluster \(view.number)" + (view.headline.map { ": \(e($0))" } ?? ""), "",
                  "- **Cluster id:** \(e(cluster.id))",
                  "- **Origin:** \(e(cluster.origin.map(outline.label) ?? view.originText))"]
        if let source = cluster.externalSource {
            lines.append("- **common credited source: \(e(source))**")
        }
        lines.append("- **Spread:** \(cluster.members.count) documents, \(view.outletCount) "
            + (view.outletCount == 1 ? "outlet" : "outlets") + (view.spanText.map { ", over \(e($0))" } ?? ""))
        lines.append("- **Uncredited:** " + (view.uncreditedCount == 0 ? "none"
            : "**\(view.uncreditedCount) reuse \(view.uncreditedCount == 1 ? "pair" : "pairs")**"))
        lines += ["", "**Propagation** (arrows from the member each copy most likely came from; red: uncredited, "
                  + "green: credited):", ""]
        lines += mermaid(view, outline)
        lines.append("")
        members(view, into: &lines)
        matrix(view, into: &lines)
        if !view.pairs.isEmpty {
            lines += ["**Pairs:**", ""]
            lines += view.pairs.map {
                "- [\(e($0.direction))](#\($0.anchor)) — \($0.pair.relation.rawValue), \($0.verdict)"
            }
            lines.append("")
        }
    }

    /// A left-to-right flowchart: one node per member in timeline order, an arrow from each
    /// copy's likely source labelled with its lag and reused share, dotted where only the
    /// sharing is known. Labels are escaped with ``MermaidText``; node names are `m1`, `m2`, ….
    static func mermaid(_ view: ClusterView, _ outline: ReportOutline) -> [String] {
        var lines = ["```mermaid", "flowchart LR"]
        var node: [String: String] = [:]
        for (index, entry) in view.timeline.enumerated() {
            node[entry.id] = "m\(index + 1)"
            var label = ["\(index + 1) · \(HTMLTimeline.truncated(entry.id, to: 40))"]
            if let outlet = entry.document?.summary.outlet { label.append(HTMLTimeline.truncated(outlet, to: 40)) }
            label.append(entry.isOrigin ? "origin · \(entry.lagText)" : entry.lagText)
            lines.append("  m\(index + 1)[\(MermaidText.label(label))]")
        }
        var links: [(index: Int, uncredited: Bool)] = []
        var drawn: Set<String> = []
        for entry in view.timeline {
            guard let pair = entry.pair, let parent = entry.parent, let from = node[parent], let to = node[entry.id] else { continue }
            let share = entry.share.map(ReportNumbers.percent) ?? ""
            lines.append("  \(from) -->|\(MermaidText.label(["\(share) reused · \(entry.creditText)"]))| \(to)")
            links.append((links.count, pair.pair.credited == false))
            drawn.insert(pair.anchor)
        }
        // Members whose source is not known: a dotted link for the sharing, once per pair.
        for entry in view.timeline where entry.parent == nil {
            guard let pair = entry.pair, drawn.insert(pair.anchor).inserted, let to = node[entry.id],
                  let from = node[pair.pair.a == entry.id ? pair.pair.b : pair.pair.a] else { continue }
            let share = entry.share.map(ReportNumbers.percent) ?? ""
            lines.append("  \(from) -.-|\(MermaidText.label(["\(share) shared"]))| \(to)")
            links.append((links.count, pair.pair.credited == false))
        }
        lines += ["  classDef origin fill:#17202a,color:#ffffff,stroke:#17202a",
                  "  classDef uncredited fill:#fde2e2,stroke:#a4161a",
                  "  classDef credited fill:#e3f2e5,stroke:#1b5e20"]
        for (index, entry) in view.timeline.enumerated() {
            let style = entry.isOrigin ? "origin" : entry.creditText == "uncredited" ? "uncredited"
                : entry.creditText == "credited" ? "credited" : nil
            if let style { lines.append("  class m\(index + 1) \(style)") }
        }
        let red = links.filter(\.uncredited).map { String($0.index) }
        if !red.isEmpty { lines.append("  linkStyle \(red.joined(separator: ",")) stroke:#a4161a,stroke-width:2px") }
        lines.append("```")
        return lines
    }

    private static func members(_ view: ClusterView, into lines: inout MarkdownLines<some TextOutputStream>) {
        lines += [MarkdownText.row(["#", "member", "outlet", "published", "lag", "copied from", "reused", "credit"]),
                  MarkdownText.row(["---:", "---", "---", "---", "---", "---", "---:", "---"])]
        for (index, entry) in view.timeline.enumerated() {
            let copiedFrom: String
            if entry.isOrigin {
                copiedFrom = "origin"
            } else if let parent = entry.parent, let pair = entry.pair {
                copiedFrom = "[\(e(parent))](#\(pair.anchor))"
            } else if let pair = entry.pair {
                copiedFrom = "shares copy with [\(e(pair.pair.a == entry.id ? pair.pair.b : pair.pair.a))](#\(pair.anchor))"
            } else {
                copiedFrom = "—"
            }
            lines.append(MarkdownText.row([
                String(index + 1), "[\(e(entry.id))](#\(Anchors.document(entry.id)))",
                e(entry.document?.summary.outlet ?? "unknown"), e(entry.published ?? "unknown"), e(entry.lagText),
                copiedFrom, entry.share.map(ReportNumbers.percent) ?? "—",
                entry.creditText == "uncredited" ? "**uncredited**" : entry.creditText,
            ]))
        }
        lines.append("")
    }

    private static func matrix(_ view: ClusterView, into lines: inout MarkdownLines<some TextOutputStream>) {
        guard view.timeline.count > 1 else { return }
        lines += ["**Similarity matrix**: the share (%) of the row member's prose aligned to the column member as "
                  + "copy; bold: uncredited; q: quotations only, b: page template only (not copy).", ""]
        lines.append(MarkdownText.row(["member"] + view.timeline.indices.map { String($0 + 1) }))
        lines.append(MarkdownText.row(["---"] + Array(repeating: "---:", count: view.timeline.count)))
        for (row, entry) in view.timeline.enumerated() {
            var cells = ["\(row + 1) \(e(entry.id))"]
            for (column, cell) in view.matrix[row].enumerated() {
                switch cell {
                case nil: cells.append(row == column ? "—" : "")
                case .reuse(let share, let pair)?:
                    let value = "[\(Int((share * 100).rounded()))](#\(pair.anchor))"
                    cells.append(pair.pair.credited == false ? "**\(value)**" : value)
                case .notCopy(let pair)?:
                    cells.append("[\(pair.pair.relation == .quotes ? "q" : "b")](#\(pair.anchor))")
                }
            }
            lines.append(MarkdownText.row(cells))
        }
        lines.append("")
    }
}
