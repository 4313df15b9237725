import SyndicationScan

/// A document with its credits as listed.
struct DocumentView {
    let summary: DocumentSummary
    let anchor: String
    /// Credited outlets in order of first mention, one each; a name credited only in
    /// boilerplate is marked so.
    let credits: [String]

    init(_ summary: DocumentSummary) {
        self.summary = summary
        anchor = Anchors.document(summary.id)
        credits = Self.creditNames(summary.credits)
    }

    static func creditNames(_ credits: [Credit]) -> [String] {
        var names: [String] = []
        var inBody: Set<String> = []
        for credit in credits {
            if !names.contains(credit.name) { names.append(credit.name) }
            if !credit.inBoilerplate { inBody.insert(credit.name) }
        }
        return names.map { inBody.contains($0) ? $0 : "\($0) (in boilerplate)" }
    }
}
