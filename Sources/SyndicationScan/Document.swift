import SyndicationEngine

/// One article of a corpus, as read: its identity, metadata and full text.
public struct Document: Hashable, Sendable {
    /// The corpus-wide identifier (file stem, JSONL `id`).
    public var id: String
    /// The headline: the JSONL `title`, the manifest's, or a text file's first line.
    public var title: String?
    /// The publishing outlet or site, when known.
    public var outlet: String?
    /// Where the article was published, when known.
    public var url: String?
    /// When it was published, when known.
    public var published: PublicationTime?
    /// The whole text that offsets index: a text file's whole decoded content, or JSONL `text`.
    public var text: String
    /// Where the document came from, such as `corpus.jsonl:12` or `seeds/001.txt`.
    public var origin: String

    /// A document with the given fields.
    public init(
        id: String, title: String? = nil, outlet: String? = nil, url: String? = nil,
        published: PublicationTime? = nil, text: String, origin: String
    ) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.text = text
        self.origin = origin
    }
}
