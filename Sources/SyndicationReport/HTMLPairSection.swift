import SyndicationScan

/// The pair sections of the HTML report: reuse pairs with their passages side by side and
/// word-level differences marked, then pairs that share only quotations or page template.
enum HTMLPairSection {
    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    static func reusePairs(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        html += "<section id=\"reuse\">\n<h2>Reuse pairs</h2>\n"
        if outline.reusePairs.isEmpty {
            html += "<p>No pair reuses copy.</p>\n"
        } else {
            html += "<p class=\"legend\">Uncredited first. Passages show the source on the left when it is known. "
                + "Marks, words compared case- and punctuation-blind: <del>only on the left</del> "
                + "<ins>only on the right</ins> <del class=\"chg\">changed</del>→<ins class=\"chg\">changed</ins> "
                + "<span class=\"q\">“direct quotation”</span> (shown, not counted as copy).</p>\n"
        }
        for view in outline.reusePairs { pair(view, outline, into: &html) }
        html += "</section>\n"
    }

    static func sharedPairs(_ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        html += "<section id=\"not-copy\">\n<h2>Quotes and boilerplate (not copy)</h2>\n"
        if outline.sharedPairs.isEmpty {
            html += "<p>No pair shares only quotations or page template.</p>\n"
        } else {
            html += "<p>These pairs share only direct quotations or page furniture (templates, teasers, notices). "
                + "They are listed so nothing is hidden, and never counted as reuse.</p>\n"
        }
        for view in outline.sharedPairs { pair(view, outline, into: &html) }
        html += "</section>\n"
    }

    private static func pair(_ view: PairView, _ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        let pair = view.pair
        let isReuse = pair.relation.isReuse
        html += "<article class=\"pair filterable \(view.verdictClass) \(HTMLReportRenderer.tokens(view, outline))\" "
            + "id=\"\(view.anchor)\">\n"
        html += "<h3><span class=\"flag \(view.verdictClass)\">\(view.verdict)</span> "
            + "<a href=\"#\(view.anchor)\">\(e(view.direction))</a> "
            + "<span class=\"kind k-\(pair.relation.rawValue)\">\(pair.relation.rawValue)</span></h3>\n"
        let known = pair.source != nil && pair.derived != nil
        html += "<ul class=\"docs\">\n"
        for (id, role) in [(view.leftID, known ? "source" : "a"), (view.rightID, known ? "copy" : "b")] {
            let summary = outline.document(id)?.summary
            html += "<li><span class=\"role\">\(role)</span> <a class=\"mono\" href=\"#\(Anchors.document(id))\">\(e(id))</a>"
                + (summary?.outlet.map { " · \(e($0))" } ?? "") + (summary?.published.map { " · \(e($0))" } ?? "")
                + (summary?.title.map { " — “\(e($0))”" } ?? "") + "</li>\n"
        }
        html += "</ul>\n"
        if isReuse {
            html += "<dl class=\"facts\">\n<dt>Credited</dt><dd>"
                + (pair.credited == false ? "<strong class=\"alert\">no — uncredited reuse</strong>" : view.creditedText)
                + "</dd>\n"
            if !known { html += "<dt>Direction</dt><dd>not determined</dd>\n" }
            html += "<dt>Coverage</dt><dd>" + (view.coverage.isEmpty ? "not given" : view.coverage.map {
                "\(e($0.id)) \(ReportNumbers.percent($0.share))"
            }.joined(separator: ", ")) + "</dd>\n"
            html += "<dt>Words</dt><dd>\(view.copyCounts.summary)</dd>\n"
            if let cluster = outline.cluster(of: view) {
                html += "<dt>Cluster</dt><dd><a href=\"#\(cluster.anchor)\">Cluster \(cluster.number)</a></dd>\n"
            }
            html += "</dl>\n"
        }
        html += "<details class=\"scores\"><summary>Scores</summary>\n<dl class=\"facts\">\n"
        html += view.scoreLines(escape: e).map { "<dt>\($0.label)</dt><dd>\($0.value)</dd>\n" }.joined()
        html += "</dl>\n</details>\n"

        let copies = view.passages.count { $0.passage.kind.isCopy }
        var summary = view.passages.count == 1 ? "1 aligned passage" : "\(view.passages.count) aligned passages"
        if isReuse && view.notCountedCount > 0 { summary += ": \(copies) copy, \(view.notCountedCount) not counted" }
        let open = isReuse && outline.passagesStartOpen
        html += "<details class=\"passages\"\(open ? " open" : "")><summary>\(summary)</summary>\n"
        for passage in view.passages { figure(passage, view, outline, into: &html) }
        html += "</details>\n</article>\n"
    }

    private static func figure(_ passage: PairView.Passage, _ view: PairView, _ outline: ReportOutline, into html: inout ReportText<some TextOutputStream>) {
        let kind = passage.passage.kind
        html += "<figure class=\"passage k-\(kind.rawValue)\(kind.isCopy ? "" : " notcounted")\" id=\"\(passage.anchor)\">\n"
        html += "<figcaption><a href=\"#\(passage.anchor)\">Passage \(passage.number)</a> "
            + "<span class=\"kind k-\(kind.rawValue)\">\(kind.rawValue)</span> similarity "
            + ReportNumbers.fixed(passage.passage.similarity)
        switch kind {
        case .quote: html += " · a direct quotation both carry: shown, not counted as copy"
        case .boilerplate: html += " · page furniture both carry: shown, not counted as copy"
        default: if let counts = passage.diff?.counts { html += " · " + counts.summary }
        }
        html += "</figcaption>\n"
        let known = view.pair.source != nil && view.pair.derived != nil
        if passage.isIdentical, let segments = passage.diff?.left {
            html += "<div class=\"sides one\">\n<div class=\"side\"><div class=\"head\">\(e(view.leftID))"
                + (known ? " (source)" : "") + " <span class=\"mono\">\(passage.left.span)</span> and \(e(view.rightID))"
                + (known ? " (copy)" : "") + " <span class=\"mono\">\(passage.right.span)</span>: the same words</div>\n"
                + "<div class=\"text\">\(text(segments, left: true))</div></div>\n"
            html += "</div>\n</figure>\n"
            return
        }
        html += "<div class=\"sides\">\n"
        for (isLeft, excerpt, id, role, segments) in [
            (true, passage.left, view.leftID, known ? "source" : "", passage.diff?.left),
            (false, passage.right, view.rightID, known ? "copy" : "", passage.diff?.right),
        ] {
            html += "<div class=\"side\"><div class=\"head\">\(e(id))" + (role.isEmpty ? "" : " (\(role))")
                + " <span class=\"mono\">\(excerpt.span)</span></div>\n<div class=\"text\">"
            html += segments.map { text($0, left: isLeft) } ?? e(excerpt.text)
            if let note = excerpt.note {
                html += "<span class=\"note\">" + (excerpt.text.isEmpty ? "" : "\n") + "(\(e(note)))</span>"
            } else if excerpt.text.isEmpty {
                html += "<span class=\"note\">(empty)</span>"
            }
            html += "</div></div>\n"
        }
        html += "</div>\n</figure>\n"
    }

    /// Marked-up passage text: `<del>`/`<ins>` around words only one side has (class `chg`
    /// where the other side has different words), `<span class="q">` around quotations.
    static func text(_ segments: [PassageDiff.Segment], left: Bool) -> String {
        var html = ""
        for segment in segments {
            var inner = HTMLText.escape(segment.text)
            switch segment.mark {
            case .same: break
            case .changed: inner = left ? "<del class=\"chg\">\(inner)</del>" : "<ins class=\"chg\">\(inner)</ins>"
            case .removed: inner = "<del>\(inner)</del>"
            case .added: inner = "<ins>\(inner)</ins>"
            }
            html += segment.quoted ? "<span class=\"q\">\(inner)</span>" : inner
        }
        return html
    }
}
