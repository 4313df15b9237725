import SyndicationEngine

/// Everything a scan found, in the shape of the JSON report (`syndetect-report/1`).
///
/// Markdown, HTML and JSON reports all render this one value. Arrays are sorted (documents by
/// id, pairs by their ids, clusters by id) so the same input gives byte-identical output.
public struct ScanReport: Codable, Hashable, Sendable {
    /// The format tag, `syndetect-report/1`.
    public var format: String
    /// The tool that wrote the report.
    public var tool: ToolInfo
    /// The settings that reproduce the findings.
    public var parameters: ScanParameters
    /// Every document scanned, by id; for a corpus larger than the scan's document-list limit,
    /// only the documents in ``pairs`` and ``clusters`` (then ``documentCount`` is set).
    public var documents: [DocumentSummary]
    /// The number of documents scanned, when ``documents`` lists only those in findings;
    /// absent (nil) when it lists them all.
    public var documentCount: Int?
    /// Every pair that shares anything worth reporting (copy, quotes or boilerplate).
    public var pairs: [PairFinding]
    /// Groups of documents that reuse the same copy.
    public var clusters: [Cluster]
    /// Problems met while reading the input; the rest was scanned.
    public var warnings: [Diagnostic]

    enum CodingKeys: String, CodingKey {
        case format, tool, parameters, documents
        case documentCount = "document_count"
        case pairs, clusters, warnings
    }

    /// The format tag this version writes.
    public static let formatTag = "syndetect-report/1"

    /// A report with the given parts.
    public init(
        tool: ToolInfo, parameters: ScanParameters, documents: [DocumentSummary],
        pairs: [PairFinding], clusters: [Cluster], warnings: [Diagnostic]
    ) {
        self.format = Self.formatTag
        self.tool = tool
        self.parameters = parameters
        self.documents = documents
        self.pairs = pairs
        self.clusters = clusters
        self.warnings = warnings
    }
}

/// The tool and library versions behind a report.
public struct ToolInfo: Codable, Hashable, Sendable {
    /// Always `syndetect`.
    public var name: String
    /// syndetect's version.
    public var version: String
    /// The linked libxxhash's version.
    public var xxhashVersion: String

    /// This build's tool information.
    public static var current: ToolInfo {
        ToolInfo(name: "syndetect", version: syndetectVersion, xxhashVersion: XXHash.libraryVersion)
    }

    /// Tool information with the given versions.
    public init(name: String, version: String, xxhashVersion: String) {
        self.name = name
        self.version = version
        self.xxhashVersion = xxhashVersion
    }

    enum CodingKeys: String, CodingKey {
        case name, version
        case xxhashVersion = "xxhash_version"
    }
}

/// syndetect's version, as `--version` prints it.
public let syndetectVersion = "0.1.0"
