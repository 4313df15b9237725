/// The inline SVG propagation timeline of a cluster: one row per dated member, a dot placed by
/// its lag after the earliest member. Members without a parsable time are left out (the list
/// below the chart names them).
enum HTMLTimeline {
    static func svg(_ view: ClusterView) -> String? {
        let dated = view.timeline.filter { $0.offset != nil }
        guard !dated.isEmpty else { return nil }
        let width = 640, left = 12, right = 628, rowHeight = 34
        let span = dated.compactMap(\.offset).max() ?? 0
        let height = dated.count * rowHeight + 6
        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "height=\"\(height)\" role=\"img\" aria-label=\"Propagation of cluster "
            + "\(HTMLText.escape(view.cluster.id)) by publication time\">\n"
        for (row, entry) in dated.enumerated() {
            let top = row * rowHeight
            let fraction = span > 0 ? Double(entry.offset!) / Double(span) : 0
            let x = left + Int((fraction * Double(right - left)).rounded())
            let isOrigin = entry.id == view.cluster.origin
            svg += "<text x=\"\(left)\" y=\"\(top + 14)\">\(HTMLText.escape(entry.id)) — "
                + "\(HTMLText.escape(entry.lagText))</text>\n"
            svg += "<line class=\"track\" x1=\"\(left)\" y1=\"\(top + 25)\" x2=\"\(right)\" y2=\"\(top + 25)\"/>\n"
            svg += "<circle class=\"dot\(isOrigin ? " origin" : "")\" cx=\"\(x)\" cy=\"\(top + 25)\" r=\"6\"/>\n"
        }
        return svg + "</svg>"
    }
}
