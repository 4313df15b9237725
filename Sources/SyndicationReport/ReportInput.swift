import SyndicationScan

/// What every renderer takes: the report, the texts its offsets index, and the command that
/// reproduces it.
public struct ReportInput: Sendable {
    /// The findings to render.
    public var report: ScanReport
    /// Each document's full text by document id; the report's code-point offsets index these.
    /// A document without text is still listed, with its passages marked as unavailable.
    public var texts: [String: String]
    /// The command line that reproduces the report, shown in the evidence section.
    public var command: String?

    /// An input with the given parts.
    public init(report: ScanReport, texts: [String: String], command: String? = nil) {
        self.report = report
        self.texts = texts
        self.command = command
    }
}

/// The forms a report can be written in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// GitHub-flavoured Markdown, from ``MarkdownReportRenderer``.
    case markdown
    /// One self-contained HTML page, from ``HTMLReportRenderer``.
    case html
    /// The `syndetect-report/1` JSON document, from ``JSONReportWriter``.
    case json

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        }
    }
}

extension ReportInput {
    /// The report rendered in `format`.
    ///
    /// - Throws: An `EncodingError` from ``JSONReportWriter`` when a score is not finite.
    public func rendered(as format: ReportFormat) throws -> String {
        switch format {
        case .markdown: return MarkdownReportRenderer.render(self)
        case .html: return HTMLReportRenderer.render(self)
        case .json: return try JSONReportWriter.render(report)
        }
    }
}

extension ReportInput {
    /// Writes the report in `format` to `output` as it is made: JSON a block of documents,
    /// pairs and clusters at a time, encoded on up to `threads` workers
    /// (``JSONReportWriter/write(_:to:threads:)``), Markdown and HTML section by section from
    /// the report's outline (``MarkdownReportRenderer/write(_:to:)``,
    /// ``HTMLReportRenderer/write(_:to:)``).
    ///
    /// - Throws: An `EncodingError` from ``JSONReportWriter`` when a score is not finite.
    public func write<Output: TextOutputStream>(as format: ReportFormat, to output: inout Output, threads: Int = 1) throws {
        switch format {
        case .json: try JSONReportWriter.write(report, to: &output, threads: threads)
        case .markdown: MarkdownReportRenderer.write(self, to: &output)
        case .html: HTMLReportRenderer.write(self, to: &output)
        }
    }
}
