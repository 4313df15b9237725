import Foundation
import SyndicationScan

/// The inline SVG propagation timeline of a cluster.
///
/// One row per dated member in publication order. On the left, the member (number, id,
/// outlet) and under it its lag, the share of it that is reused and whether it credits its
/// source; on the right, a dot placed by the time after the earliest member on a logarithmic
/// scale (copies minutes and days after the original both stay readable), with an elbow arrow
/// from the member each copy most likely came from. Colours: uncredited red, credited green,
/// undetermined grey, origin dark; a hollow dot marks a date-only time. Members without a
/// parsable time are left out (the members table lists them).
///
/// There are two drawings of the same chart: a wide one with the text beside the plot, and a
/// narrow one for phones with the text above each row's track; the style sheet shows one.
enum HTMLTimeline {
    /// Where things go in one drawing.
    struct Layout {
        let name: String
        let width: Int
        /// Left edge of the plot.
        let left: Int
        let rowHeight: Int
        /// Baselines of the two text lines and the track, from the top of a row.
        let labelY: Int, noteY: Int, trackY: Int
        /// Characters of the label and note lines before they are cut.
        let labelLimit: Int, noteLimit: Int

        static let wide = Layout(name: "wide", width: 640, left: 316, rowHeight: 40, labelY: 12, noteY: 28,
                                 trackY: 20, labelLimit: 38, noteLimit: 48)
        static let narrow = Layout(name: "narrow", width: 360, left: 10, rowHeight: 52, labelY: 12, noteY: 27,
                                   trackY: 40, labelLimit: 44, noteLimit: 54)
    }

    static let top = 34

    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    /// Both drawings, or nil when no member has a publication time.
    static func svg(_ view: ClusterView, _ outline: ReportOutline) -> String? {
        guard let wide = svg(view, outline, layout: .wide), let narrow = svg(view, outline, layout: .narrow) else {
            return nil
        }
        return wide + "\n" + narrow
    }

    static func svg(_ view: ClusterView, _ outline: ReportOutline, layout: Layout) -> String? {
        let rows = view.timeline.enumerated().filter { $0.element.offset != nil }
        guard !rows.isEmpty else { return nil }
        let (width, rowHeight) = (layout.width, layout.rowHeight)
        let (left, right) = (layout.left, width - 14)
        let longest = Double(rows.compactMap(\.element.offset).max() ?? 0) / 60
        func x(_ offset: Int64) -> Int {
            guard longest > 0 else { return left }
            let fraction = log1p(Double(max(offset, 0)) / 60) / log1p(longest)
            return left + Int((fraction * Double(right - left)).rounded())
        }
        func y(_ row: Int) -> Int { top + row * rowHeight + layout.trackY }
        let height = top + rows.count * rowHeight + 20
        let id = "tl\(view.number)" + layout.name.prefix(1)
        var svg = "<svg class=\"timeline \(layout.name)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-t\">\n"
        svg += "<title id=\"\(id)-t\">Propagation of cluster \(view.number) by publication time</title>\n<defs>\n"
        for (suffix, colour) in [("u", "#a4161a"), ("c", "#1b5e20"), ("n", "#6b7075")] {
            svg += "<marker id=\"\(id)-\(suffix)\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"\(colour)\"/></marker>\n"
        }
        svg += "</defs>\n"

        // Axis: ticks at round lags, skipping any that would crowd the previous one.
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"22\" x2=\"\(right)\" y2=\"22\"/>\n"
        var lastTick = -1000
        let ticks: [(Int64, String)] = [(0, "0"), (10, "10 min"), (60, "1 h"), (360, "6 h"), (1440, "1 d"),
                                        (4320, "3 d"), (10080, "7 d"), (43200, "30 d")]
        for (minutes, label) in ticks where Double(minutes) <= longest || minutes == 0 {
            let tickX = x(minutes * 60)
            guard tickX - lastTick >= 44 || minutes == 0 else { continue }
            lastTick = tickX
            let anchor = minutes == 0 ? "start" : tickX > right - 20 ? "end" : "middle"
            svg += "<line class=\"grid\" x1=\"\(tickX)\" y1=\"22\" x2=\"\(tickX)\" y2=\"\(height - 18)\"/>"
                + "<text class=\"tick\" x=\"\(tickX)\" y=\"15\" text-anchor=\"\(anchor)\">\(label)</text>\n"
        }
        if layout.left > 100 { svg += "<text class=\"tick\" x=\"0\" y=\"15\">member · lag · reused · credit</text>\n" }

        let rowOf = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.element.id, $0) })
        for row in rows.indices where row % 2 == 1 && layout.left > 100 {
            svg += "<rect class=\"stripe\" x=\"0\" y=\"\(top + row * rowHeight - 4)\" width=\"\(width)\" height=\"\(rowHeight)\"/>\n"
        }
        // Edges first, so dots are drawn over them.
        for (row, (_, entry)) in rows.enumerated() {
            guard let parent = entry.parent, let parentRow = rowOf[parent],
                  let parentOffset = rows[parentRow].element.offset, let offset = entry.offset else { continue }
            let (fromX, fromY, toX, toY) = (x(parentOffset), y(parentRow), x(offset), y(row))
            let marker = "\(id)-" + (entry.pair?.pair.credited == false ? "u" : entry.pair?.pair.credited == true ? "c" : "n")
            let down = toY > fromY
            let (startY, sign) = down ? (fromY + 7, 1) : (fromY - 7, -1)
            let path: String
            if abs(toX - fromX) > 16 {
                let bend = toY - sign * 6, step = toX > fromX ? 6 : -6
                path = "M\(fromX),\(startY) V\(bend) Q\(fromX),\(toY) \(fromX + step),\(toY) H\(toX - (toX > fromX ? 8 : -8))"
            } else {
                path = "M\(fromX),\(startY) V\(toY - sign * 8)"
            }
            svg += "<path class=\"edge \(edgeClass(entry))\" d=\"\(path)\" marker-end=\"url(#\(marker))\"/>\n"
        }
        for (row, (number, entry)) in rows.enumerated() {
            let rowTop = top + row * rowHeight
            let dotX = x(entry.offset ?? 0), dotY = y(row)
            svg += "<g class=\"member \(edgeClass(entry))\"><title>\(e(tooltip(entry, outline)))</title>\n"
            let label = truncated("\(number + 1)  " + outline.label(entry.id), to: layout.labelLimit)
            svg += "<line class=\"track\" x1=\"\(left)\" y1=\"\(dotY)\" x2=\"\(right)\" y2=\"\(dotY)\"/>\n"
            svg += "<text class=\"label\" x=\"0\" y=\"\(rowTop + layout.labelY)\">\(e(label))</text>\n"
            svg += "<text class=\"note\" x=\"0\" y=\"\(rowTop + layout.noteY)\">"
                + "\(e(truncated(annotation(entry), to: layout.noteLimit)))</text>\n"
            svg += "<circle class=\"dot\(entry.approximate ? " approx" : "")\" cx=\"\(dotX)\" cy=\"\(dotY)\" "
                + "r=\"\(entry.isOrigin ? 7 : 6)\"/></g>\n"
        }
        svg += "<text class=\"caption\" x=\"0\" y=\"\(height - 4)\">Time after the earliest member (log scale); "
            + "hollow dot: date-only time</text>\n"
        return svg + "</svg>"
    }

    private static func edgeClass(_ entry: ClusterView.Entry) -> String {
        if entry.isOrigin { return "origin" }
        switch entry.pair?.pair.credited {
        case false?: return "uncredited"
        case true?: return "credited"
        case nil: return "undetermined"
        }
    }

    /// `+10 min · 84 % reused · uncredited`, `≈ +1 d · …` for date-only times, or
    /// `origin · earliest`.
    static func annotation(_ entry: ClusterView.Entry) -> String {
        var lag = "time unknown"
        if let offset = entry.offset {
            lag = (entry.approximate ? "≈ " : "") + (offset == 0 ? "earliest" : ReportNumbers.lag(seconds: offset))
        }
        if entry.isOrigin { return "origin · " + lag }
        var parts = [lag]
        if let share = entry.share {
            parts.append(ReportNumbers.fixed(share * 100, digits: 0) + " %" + (entry.parent != nil ? " reused" : " shared"))
        }
        parts.append(entry.creditText)
        return parts.joined(separator: " · ")
    }

    private static func tooltip(_ entry: ClusterView.Entry, _ outline: ReportOutline) -> String {
        var text = outline.label(entry.id) + ", published " + (entry.published ?? "unknown")
        if let title = entry.document?.summary.title { text += ", “\(title)”" }
        if let parent = entry.parent { text += "; copied from \(parent)" }
        return text + "; " + entry.lagText + "; " + entry.creditText
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
