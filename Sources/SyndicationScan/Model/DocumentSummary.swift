/// One scanned document as the report lists it.
public struct DocumentSummary: Codable, Hashable, Sendable {
    /// The document's id.
    public var id: String
    /// Its headline, when known.
    public var title: String?
    /// Its outlet, when known.
    public var outlet: String?
    /// Its URL, when known.
    public var url: String?
    /// Its publication time as given, when known.
    public var published: String?
    /// Lower-case hex SHA-256 of the text's UTF-8 bytes, to check the input is the same.
    public var sha256: String
    /// Length of the text in code points.
    public var length: Int
    /// The attributions found in the text.
    public var credits: [Credit]
    /// Where the document came from (file, or file and line).
    public var origin: String

    /// A summary with the given fields.
    public init(
        id: String, title: String?, outlet: String?, url: String?, published: String?,
        sha256: String, length: Int, credits: [Credit], origin: String
    ) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.sha256 = sha256
        self.length = length
        self.credits = credits
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        case id, title, outlet, url, published, sha256, length, credits, origin
    }

    // Absent values are written as `null`, so every document has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(url, forKey: .url)
        try container.encode(published, forKey: .published)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(length, forKey: .length)
        try container.encode(credits, forKey: .credits)
        try container.encode(origin, forKey: .origin)
    }
}
