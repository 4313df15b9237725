import Foundation

/// A `manifest.csv`: per-file metadata with columns `id`, `file`, `outlet`, `url`, `published`
/// and `title`, in any order and any subset, as long as `id` or `file` is there to say which
/// document a row is about. Other columns are ignored; empty cells say nothing.
struct Manifest {
    /// One row of the manifest.
    struct Row {
        /// The 1-based line the row starts on.
        var line: Int
        var id: String?
        var file: String?
        var outlet: String?
        var url: String?
        var published: String?
        var title: String?
    }

    var rows: [Row]
    var warnings: [Diagnostic]
    /// Whether the header names a `file` column.
    var hasFileColumn: Bool

    static let knownColumns = ["id", "file", "outlet", "url", "published", "title"]

    /// Reads a manifest from its decoded text; `path` names it in warnings.
    init(text: String, path: String) {
        let table = CSVTable(parsing: text)
        var warnings: [Diagnostic] = []
        if let line = table.unterminatedQuoteLine {
            warnings.append(Diagnostic(
                file: path, line: line,
                message: "a quoted field opened here is never closed; the rest of the file was read as that field"))
        }
        let columns = Self.knownColumns.map { table.column(named: $0) }
        hasFileColumn = columns[1] != nil
        guard columns[0] != nil || columns[1] != nil else {
            if !table.header.isEmpty || !table.records.isEmpty {
                warnings.append(Diagnostic(
                    file: path, line: 1,
                    message: "the manifest has neither an 'id' nor a 'file' column, so no row can be matched to a document; it was ignored"))
            }
            self.rows = []
            self.warnings = warnings
            return
        }
        rows = table.records.map { record in
            func value(_ column: Int?) -> String? {
                guard let column, column < record.fields.count else { return nil }
                let trimmed = record.fields[column].trimmingWhitespace()
                return trimmed.isEmpty ? nil : trimmed
            }
            return Row(
                line: record.line, id: value(columns[0]), file: value(columns[1]),
                outlet: value(columns[2]), url: value(columns[3]), published: value(columns[4]),
                title: value(columns[5]))
        }
        for row in rows where row.id == nil && row.file == nil {
            warnings.append(Diagnostic(
                file: path, line: row.line,
                message: "this manifest row has neither an id nor a file, so it matches no document"))
        }
        self.warnings = warnings
    }
}

extension Manifest.Row {
    /// Overrides `document`'s metadata with this row's non-empty cells. An unparsable
    /// `published` cell leaves the time unset and adds a warning against `manifestPath`.
    func apply(to document: inout Document, manifestPath: String, warnings: inout [Diagnostic]) {
        if let id { document.id = id }
        if let outlet { document.outlet = outlet }
        if let url { document.url = url }
        if let title { document.title = title }
        if let published {
            if let time = PublicationTime(iso8601: published) {
                document.published = time
            } else {
                document.published = nil
                warnings.append(Diagnostic(
                    file: manifestPath, line: line,
                    message: "'\(published)' is not an ISO-8601 date or time; the document is kept without a publication time"))
            }
        }
    }

    /// The warning for a row that names `file` (at `relative` in the folder `root`) when no
    /// readable file of the folder matches it, or nil when the file is one of `known` (a file
    /// the walk found, which says its own problem).
    func unmatchedFileWarning(_ file: String, relative: String, root: String, known: Set<String>, manifestPath: String) -> Diagnostic? {
        guard !known.contains(relative) else { return nil }
        let exists = FileManager.default.fileExists(atPath: CorpusReader.join(root, relative))
        return Diagnostic(
            file: manifestPath, line: line,
            message: exists
                ? "this row names '\(file)', which is not a .txt or .md file of the folder; the row was ignored"
                : "this row names '\(file)', which does not exist; the row was ignored")
    }

    /// The warning for a row whose `id` matches no file of the folder.
    func unmatchedIDWarning(_ id: String, manifestPath: String) -> Diagnostic {
        Diagnostic(file: manifestPath, line: line, message: "this row's id '\(id)' matches no file of the folder; the row was ignored")
    }
}
