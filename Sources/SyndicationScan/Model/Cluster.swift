/// Documents that reuse the same copy.
public struct Cluster: Codable, Hashable, Sendable {
    /// An id made from the sorted member ids, so it does not depend on input order.
    public var id: String
    /// The member believed to be the original, or nil when none can be named.
    public var origin: String?
    /// An outlet outside the corpus that every member credits, when there is one.
    public var externalSource: String?
    /// Member ids, sorted.
    public var members: [String]

    /// A cluster with the given fields.
    public init(id: String, origin: String?, externalSource: String?, members: [String]) {
        self.id = id
        self.origin = origin
        self.externalSource = externalSource
        self.members = members
    }

    enum CodingKeys: String, CodingKey {
        case id, origin, members
        case externalSource = "external_source"
    }

    // Absent values are written as `null`, so every cluster has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(origin, forKey: .origin)
        try container.encode(externalSource, forKey: .externalSource)
        try container.encode(members, forKey: .members)
    }
}
