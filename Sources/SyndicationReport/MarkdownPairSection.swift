import SyndicationScan

/// The pair sections of the Markdown report: reuse pairs with their passages side by side in
/// `<details>`, then pairs that share only quotations or page template.
enum MarkdownPairSection {
    private static func e(_ text: String) -> String { MarkdownText.escape(text) }

    static func reusePairs(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        lines += ["## Reuse pairs", ""]
        if outline.reusePairs.isEmpty {
            lines += ["No pair reuses copy.", ""]
        } else {
            lines += ["Uncredited first. Passages show the source on the left when it is known. Words are compared "
                      + "case- and punctuation-blind: <del>only on the left</del> (or changed), <ins>only on the "
                      + "right</ins> (or changed), <em>“direct quotations”</em> (shown, not counted as copy).", ""]
        }
        for view in outline.reusePairs { pair(view, outline, into: &lines) }
    }

    static func sharedPairs(_ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        lines += ["## Quotes and boilerplate (not copy)", ""]
        if outline.sharedPairs.isEmpty {
            lines += ["No pair shares only quotations or page template.", ""]
        } else {
            lines += ["These pairs share only direct quotations or page furniture (templates, teasers, notices). "
                      + "They are listed so nothing is hidden, and never counted as reuse.", ""]
        }
        for view in outline.sharedPairs { pair(view, outline, into: &lines) }
    }

    private static func pair(_ view: PairView, _ outline: ReportOutline, into lines: inout MarkdownLines<some TextOutputStream>) {
        let pair = view.pair
        let verdict = view.verdict
        let known = pair.source != nil && pair.derived != nil
        lines += ["<a id=\"\(view.anchor)\"></a>", "",
                  "### \(verdict.prefix(1).uppercased() + verdict.dropFirst()): \(e(view.direction)) (\(pair.relation.rawValue))",
                  ""]
        for (id, role) in [(view.leftID, known ? "Source" : "A"), (view.rightID, known ? "Copy" : "B")] {
            let summary = outline.document(id)?.summary
            lines.append("- **\(role):** [\(e(id))](#\(Anchors.document(id)))"
                + (summary?.outlet.map { " · \(e($0))" } ?? "") + (summary?.published.map { " · \(e($0))" } ?? "")
                + (summary?.title.map { " — “\(e($0))”" } ?? ""))
        }
        if pair.relation.isReuse {
            lines.append("- **Credited:** " + (pair.credited == false ? "**no — uncredited reuse**" : view.creditedText))
            if !known { lines.append("- **Direction:** not determined") }
            lines.append("- **Coverage:** " + (view.coverage.isEmpty ? "not given" : view.coverage.map {
                "\(e($0.id)) \(ReportNumbers.percent($0.share))"
            }.joined(separator: ", ")))
            lines.append("- **Words:** \(view.copyCounts.summary)")
            if let cluster = outline.cluster(of: view) {
                lines.append("- **Cluster:** [Cluster \(cluster.number)](#\(cluster.anchor))")
            }
        }
        lines.append("- **Scores:** " + view.scoreLines(escape: e).map { "\($0.label) \($0.value)" }.joined(separator: " · "))

        let copies = view.passages.count { $0.passage.kind.isCopy }
        var summary = view.passages.count == 1 ? "1 aligned passage" : "\(view.passages.count) aligned passages"
        if pair.relation.isReuse && view.notCountedCount > 0 { summary += ": \(copies) copy, \(view.notCountedCount) not counted" }
        let open = pair.relation.isReuse && outline.passagesStartOpen
        lines += ["", open ? "<details open>" : "<details>", "<summary>\(summary)</summary>", ""]
        for passage in view.passages {
            let kind = passage.passage.kind
            var caption = "<a id=\"\(passage.anchor)\"></a>**Passage \(passage.number)** — \(kind.rawValue), similarity "
                + ReportNumbers.fixed(passage.passage.similarity)
            switch kind {
            case .quote: caption += " · a direct quotation both carry: shown, not counted as copy"
            case .boilerplate: caption += " · page furniture both carry: shown, not counted as copy"
            default: if let counts = passage.diff?.counts { caption += " · " + counts.summary }
            }
            let leftHead = "\(e(view.leftID))\(known ? " (source)" : "") \(passage.left.span)"
            let rightHead = "\(e(view.rightID))\(known ? " (copy)" : "") \(passage.right.span)"
            if passage.isIdentical, let segments = passage.diff?.left {
                lines += [caption, "", MarkdownText.row(["\(leftHead) and \(rightHead): the same words"]),
                          MarkdownText.row(["---"]), MarkdownText.row([cell(passage.left, segments, left: true)]), ""]
                continue
            }
            lines += [caption, "",
                      MarkdownText.row([leftHead, rightHead]),
                      MarkdownText.row(["---", "---"]),
                      MarkdownText.row([cell(passage.left, passage.diff?.left, left: true),
                                        cell(passage.right, passage.diff?.right, left: false)]), ""]
        }
        lines += ["</details>", ""]
    }

    /// A passage side as a table cell: the marked-up text with line breaks as `<br>`, and any note.
    private static func cell(_ excerpt: Excerpt, _ segments: [PassageDiff.Segment]?, left: Bool) -> String {
        var text = segments.map { Self.text($0, left: left) } ?? MarkdownText.inline(excerpt.text)
        if let note = excerpt.note {
            text += (text.isEmpty ? "" : "<br>") + "*(" + MarkdownText.escape(note) + ")*"
        }
        return text.isEmpty ? "*(empty)*" : text
    }

    /// Segments as Markdown: `<del>` and `<ins>` around words only one side has (or changed),
    /// `<em>` around quotations; the text inside escaped.
    static func text(_ segments: [PassageDiff.Segment], left: Bool) -> String {
        var result = ""
        for segment in segments {
            var inner = MarkdownText.inline(segment.text)
            if segment.mark != .same && !inner.isEmpty {
                inner = left ? "<del>\(inner)</del>" : "<ins>\(inner)</ins>"
            }
            result += segment.quoted ? "<em>\(inner)</em>" : inner
        }
        return result.trimmingSpaces()
    }
}

extension String {
    /// The text without leading and trailing spaces, which a table cell would drop anyway.
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
