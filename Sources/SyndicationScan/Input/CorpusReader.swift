import Foundation

/// The documents of a corpus and the problems met while reading it.
public struct CorpusReadResult: Sendable {
    /// The documents read, sorted by id; ids are unique.
    public var documents: [Document]
    /// Problems with the input, in the order they were met; the rest of the input was read.
    public var warnings: [Diagnostic]

    /// A result with the given parts.
    public init(documents: [Document], warnings: [Diagnostic]) {
        self.documents = documents
        self.warnings = warnings
    }
}

/// Reads the documents of a corpus from folders, JSON Lines files, CSV manifests and single
/// text files.
///
/// Each path given to ``read(_:)`` is one of:
/// - **a folder**: every `.txt` and `.md` file under it, recursively, in path order. Hidden
///   files and folders (names starting with `.`) are passed over, and a folder reached again
///   through a symbolic link is read only once. A document's id is its file's name without
///   the extension, its title the first non-empty line, its text the whole decoded file, and
///   its origin the folder path as given joined with the file's relative path. A
///   `manifest.csv` directly in the folder adds or overrides metadata (see below).
/// - **a `.jsonl` file**: one JSON object per line with a string `id` and `text`, and optional
///   `outlet`, `url`, `published` (ISO-8601) and `title`; origin `path:line`. Blank lines are
///   passed over; a bad line is a warning and the rest is read.
/// - **a `.csv` manifest**: its rows' `file` cells name text files relative to the CSV's
///   folder, and its other cells give their metadata.
/// - **any other file**: one text document, as a file in a folder would be.
///
/// A manifest has a header row naming any of `id`, `file`, `outlet`, `url`, `published` and
/// `title`, in any order; it needs `id` or `file` to match a row to a document (`file` is the
/// path relative to the manifest's folder). Its cells follow RFC 4180 quoting. Empty cells say
/// nothing; others override what the file gave, including the id.
///
/// Text is decoded as ``DecodedText`` describes: UTF-8 by default, a UTF-8 byte-order mark is
/// dropped (offsets count from the code point after it), UTF-16 is read by its byte-order mark,
/// and invalid bytes become U+FFFD with a warning. Binary files, files whose text is empty or
/// white space, unreadable files and missing paths are warnings and are left out.
///
/// When two documents share an id, the first in path-and-line order is kept and a warning
/// names both places. Documents come back sorted by id, so the result does not depend on the
/// order of the paths or of the file system.
public struct CorpusReader: Sendable {
    /// File extensions (lower-case, without the dot) read from a folder.
    public static let textExtensions: Set<String> = ["txt", "md"]

    /// The name of the manifest a folder may hold.
    public static let manifestName = "manifest.csv"

    /// A reader.
    public init() {}

    /// Reads every document under `paths`.
    ///
    /// - Complexity: O(*n*) in the total size of the input.
    public func read(_ paths: [String]) -> CorpusReadResult {
        var candidates: [Candidate] = []
        var warnings: [Diagnostic] = []
        for path in paths {
            readInput(path, into: &candidates, warnings: &warnings)
        }
        return Self.resolve(candidates, warnings: warnings)
    }

    /// A document read, with the place that orders it among documents sharing its id.
    struct Candidate {
        var document: Document
        var file: String
        var line: Int?
    }

    /// Keeps the first of each id in path-and-line order and sorts the survivors by id.
    static func resolve(_ candidates: [Candidate], warnings: [Diagnostic]) -> CorpusReadResult {
        var warnings = warnings
        let ordered = candidates.sorted { lhs, rhs in
            if lhs.file != rhs.file { return lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) }
            return (lhs.line ?? 0) < (rhs.line ?? 0)
        }
        var kept: [String: Candidate] = [:]
        for candidate in ordered {
            let id = candidate.document.id
            if let first = kept[id] {
                warnings.append(Diagnostic(
                    file: candidate.file, line: candidate.line,
                    message: "the id '\(id)' was already read from \(first.document.origin); this document was skipped"))
            } else {
                kept[id] = candidate
            }
        }
        let documents = kept.values.map(\.document).sorted {
            $0.id.utf8.lexicographicallyPrecedes($1.id.utf8)
        }
        return CorpusReadResult(documents: documents, warnings: warnings)
    }

    private func readInput(_ path: String, into candidates: inout [Candidate], warnings: inout [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            warnings.append(Diagnostic(file: path, message: "there is no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            readFolder(path, into: &candidates, warnings: &warnings)
            return
        }
        switch Self.pathExtension(path) {
        case "jsonl", "ndjson":
            guard let data = Self.contents(of: path, warnings: &warnings) else { return }
            JSONLinesReader(path: path).read(data, into: &candidates, warnings: &warnings)
        case "csv":
            readManifestFile(path, into: &candidates, warnings: &warnings)
        default:
            if let document = Self.textDocument(at: path, origin: path, warnings: &warnings) {
                candidates.append(Candidate(document: document, file: path, line: nil))
            }
        }
    }

    // MARK: Folders

    private func readFolder(_ root: String, into candidates: inout [Candidate], warnings: inout [Diagnostic]) {
        let walk = FolderWalk(root: root, extensions: Self.textExtensions)
        warnings += walk.warnings
        var byRelativePath: [String: Int] = [:]
        var byID: [String: Int] = [:]
        var folderCandidates: [Candidate] = []
        for relative in walk.files {
            let origin = Self.join(root, relative)
            guard let document = Self.textDocument(at: origin, origin: origin, warnings: &warnings)
            else { continue }
            byRelativePath[relative] = folderCandidates.count
            if byID[document.id] == nil { byID[document.id] = folderCandidates.count }
            folderCandidates.append(Candidate(document: document, file: origin, line: nil))
        }
        let manifestPath = Self.join(root, Self.manifestName)
        if FileManager.default.fileExists(atPath: manifestPath),
           let text = Self.text(at: manifestPath, warnings: &warnings)
        {
            let manifest = Manifest(text: text, path: manifestPath)
            warnings += manifest.warnings
            let known = Set(walk.files)
            for row in manifest.rows {
                let index: Int?
                if let file = row.file {
                    let relative = Self.normalizedRelativePath(file)
                    index = byRelativePath[relative]
                    if index == nil, let warning = row.unmatchedFileWarning(
                        file, relative: relative, root: root, known: known, manifestPath: manifestPath) {
                        warnings.append(warning)
                    }
                } else if let id = row.id {
                    index = byID[id]
                    if index == nil { warnings.append(row.unmatchedIDWarning(id, manifestPath: manifestPath)) }
                } else {
                    index = nil
                }
                if let index {
                    row.apply(to: &folderCandidates[index].document, manifestPath: manifestPath,
                              warnings: &warnings)
                }
            }
        }
        candidates += folderCandidates
    }

    // MARK: CSV manifests

    private func readManifestFile(_ path: String, into candidates: inout [Candidate], warnings: inout [Diagnostic]) {
        guard let text = Self.text(at: path, warnings: &warnings) else { return }
        let manifest = Manifest(text: text, path: path)
        warnings += manifest.warnings
        guard manifest.hasFileColumn else {
            warnings.append(Diagnostic(
                file: path, line: 1,
                message: "a CSV manifest given as input needs a 'file' column naming the text files to read; nothing was read from it"))
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        for row in manifest.rows {
            guard let file = row.file else {
                if row.id != nil {
                    warnings.append(Diagnostic(
                        file: path, line: row.line, message: "this row names no file to read; it was ignored"))
                }
                continue
            }
            let location = file.hasPrefix("/") ? file : Self.join(folder, Self.normalizedRelativePath(file))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory),
                  !isDirectory.boolValue
            else {
                warnings.append(Diagnostic(
                    file: path, line: row.line,
                    message: "this row names '\(file)', which does not exist or is a folder; the row was ignored"))
                continue
            }
            guard var document = Self.textDocument(at: location, origin: location, warnings: &warnings)
            else { continue }
            row.apply(to: &document, manifestPath: path, warnings: &warnings)
            candidates.append(Candidate(document: document, file: location, line: nil))
        }
    }

    // MARK: Files

    /// A document for one text file, or nil (with a warning) when it cannot be one.
    static func textDocument(at path: String, origin: String, warnings: inout [Diagnostic]) -> Document? {
        guard let text = text(at: path, warnings: &warnings) else { return nil }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            warnings.append(Diagnostic(file: path, message: "the file is empty or holds only white space; it was skipped"))
            return nil
        }
        return Document(id: fileID(path), title: firstLine(of: text), text: text, origin: origin)
    }

    /// The id a text file's document gets: its name without the extension (the whole name
    /// when that leaves nothing).
    static func fileID(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// A file's decoded text, or nil (with a warning) when it cannot be read or is binary.
    static func text(at path: String, warnings: inout [Diagnostic]) -> String? {
        guard let data = contents(of: path, warnings: &warnings) else { return nil }
        let decoded = DecodedText(decoding: data)
        if decoded.isBinary {
            warnings.append(Diagnostic(file: path, message: "the file \(decoded.problem ?? "is binary"); it was skipped"))
            return nil
        }
        if let problem = decoded.problem {
            warnings.append(Diagnostic(file: path, line: decoded.problemLine, message: "the file \(problem)"))
        }
        return decoded.text
    }

    static func contents(of path: String, warnings: inout [Diagnostic]) -> Data? {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            warnings.append(Diagnostic(file: path, message: "the file could not be read: \(error.localizedDescription)"))
            return nil
        }
    }

    /// The first non-empty line of `text`, trimmed.
    static func firstLine(of text: String) -> String? {
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                let trimmed = String(line).trimmingWhitespace()
                if !trimmed.isEmpty { return trimmed }
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        let trimmed = String(line).trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: Paths

    static func pathExtension(_ path: String) -> String {
        (path as NSString).pathExtension.lowercased()
    }

    /// `folder/relative`, without doubling a trailing slash, and just `relative` for "".
    static func join(_ folder: String, _ relative: String) -> String {
        if folder.isEmpty { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// A manifest's relative path with `./` prefixes, backslashes and doubled slashes tidied.
    static func normalizedRelativePath(_ path: String) -> String {
        var parts = path.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true)
        parts.removeAll { $0 == "." }
        return parts.joined(separator: "/")
    }
}
