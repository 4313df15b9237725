import SyndicationEngine

/// An attribution found in a text: "according to Al Jazeera", "(Reuters)", "Source: Stern".
public struct Credit: Codable, Hashable, Sendable {
    /// How the attribution is phrased.
    public enum Form: String, Codable, Hashable, Sendable, CaseIterable {
        /// "according to X"
        case accordingTo = "according_to"
        /// "as per X"
        case asPer = "as_per"
        /// "X reported", "X said in a report", "reported by X"
        case reported
        /// "LONDON (X) -", "(X)" opening a paragraph
        case dateline
        /// "(X)", "— X" or "- X" closing the text or a paragraph
        case endLine = "end_line"
        /// "Source: X", "Via X"
        case sourceLine = "source_line"
        /// "By X staff", "By X"
        case byline
        /// "This story was originally published by X", "first appeared in X"
        case originallyPublished = "originally_published"
        /// An agency named alone on a line, such as "dpa" or "AFP".
        case agency
    }

    /// The credited outlet, canonicalised ("AP" and "Associated Press" are both
    /// "Associated Press").
    public var name: String
    /// Where the attribution stands in the text.
    public var span: TextSpan
    /// How it is phrased.
    public var form: Form
    /// Whether it stands in boilerplate (a teaser or page template) rather than the body.
    public var inBoilerplate: Bool

    /// A credit with the given fields.
    public init(name: String, span: TextSpan, form: Form, inBoilerplate: Bool = false) {
        self.name = name
        self.span = span
        self.form = form
        self.inBoilerplate = inBoilerplate
    }

    enum CodingKeys: String, CodingKey {
        case name, span, form
        case inBoilerplate = "in_boilerplate"
    }
}
