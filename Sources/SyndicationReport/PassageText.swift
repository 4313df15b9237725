import SyndicationEngine
import SyndicationScan

/// The text of one side of an aligned passage, cut from the document by code-point offsets.
struct Excerpt: Hashable {
    /// The passage text; empty when the text is not available.
    var text: String
    /// The span the report gives.
    var span: TextSpan
    /// Why the text shown differs from the span, when it does (offsets out of range, text
    /// missing); nil when the span was cut as given.
    var note: String?
}

/// Document texts as arrays of code points, so that passages are cut by the report's offsets.
struct DocumentTexts {
    private var scalars: [String: [Unicode.Scalar]] = [:]

    /// The texts of `ids`, looked up in `texts`.
    init(texts: [String: String], ids: some Sequence<String>) {
        for id in ids where scalars[id] == nil {
            if let text = texts[id] { scalars[id] = Array(text.unicodeScalars) }
        }
    }

    /// Whether the text of `id` is known.
    func has(_ id: String) -> Bool { scalars[id] != nil }

    /// The code points `span` of document `id`, clamped to the text; never traps.
    func excerpt(_ span: TextSpan, of id: String) -> Excerpt {
        guard let scalars = scalars[id] else {
            return Excerpt(text: "", span: span, note: "text of \(id) not available")
        }
        let start = min(max(span.start, 0), scalars.count)
        let end = min(max(span.end, start), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        var note: String?
        if start != span.start || end != span.end {
            note = "offsets \(span) lie outside the text of \(id) (\(scalars.count) code points); "
                + "showing [\(start), \(end))"
        }
        return Excerpt(text: String(view), span: span, note: note)
    }
}
