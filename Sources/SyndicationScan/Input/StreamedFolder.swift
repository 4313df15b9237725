import Foundation

extension StreamedCorpus {
    /// A folder of text files with an optional `manifest.csv`, planned for streaming: the
    /// walk and the manifest's rows are held, the texts are not.
    ///
    /// A manifest row applies as ``CorpusReader`` applies it: a row with a `file` to the
    /// readable file at that relative path; a row with only an `id` to the first readable
    /// file (in path order) whose name gives that id; a document's rows in manifest order.
    struct FolderInput: Sendable {
        /// The folder, as given.
        let root: String
        /// Relative paths of its text files, in walk order.
        let files: [String]
        /// Problems of the walk.
        let walkWarnings: [Diagnostic]
        /// The manifest's path, whether or not there is one.
        let manifestPath: String
        /// The manifest's rows (none without a manifest).
        let rows: [Manifest.Row]
        /// Problems reading and parsing the manifest.
        let manifestWarnings: [Diagnostic]
        /// File index → the rows that name it by `file`, in row order.
        let rowsByFile: [Int: [Int]]
        /// File id → the rows without a `file` that name it by `id`, in row order.
        let rowsByID: [String: [Int]]
        /// File id → the files with that id, in walk order, for ids some row names.
        let filesByID: [String: [Int]]

        init(root: String) {
            self.root = root
            let walk = FolderWalk(root: root, extensions: CorpusReader.textExtensions)
            files = walk.files
            walkWarnings = walk.warnings
            manifestPath = CorpusReader.join(root, CorpusReader.manifestName)
            var warnings: [Diagnostic] = []
            var rows: [Manifest.Row] = []
            if FileManager.default.fileExists(atPath: manifestPath),
               let text = CorpusReader.text(at: manifestPath, warnings: &warnings)
            {
                let manifest = Manifest(text: text, path: manifestPath)
                warnings += manifest.warnings
                rows = manifest.rows
            }
            self.rows = rows
            manifestWarnings = warnings
            let indexOfFile = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var rowsByFile: [Int: [Int]] = [:]
            var rowsByID: [String: [Int]] = [:]
            for (index, row) in rows.enumerated() {
                if let file = row.file {
                    if let fileIndex = indexOfFile[CorpusReader.normalizedRelativePath(file)] {
                        rowsByFile[fileIndex, default: []].append(index)
                    }
                } else if let id = row.id {
                    rowsByID[id, default: []].append(index)
                }
            }
            var filesByID: [String: [Int]] = [:]
            if !rowsByID.isEmpty {
                for (index, file) in files.enumerated() {
                    let id = CorpusReader.fileID(file)
                    if rowsByID[id] != nil { filesByID[id, default: []].append(index) }
                }
            }
            self.rowsByFile = rowsByFile
            self.rowsByID = rowsByID
            self.filesByID = filesByID
        }

        /// The full path of file `index`, which is also its document's origin.
        func path(of index: Int) -> String { CorpusReader.join(root, files[index]) }

        /// The rows that apply to readable file `index`, in row order; `isFirstWithID` says
        /// whether no earlier file with its id was readable.
        func rows(for index: Int, isFirstWithID: Bool) -> [Int] {
            var applying = rowsByFile[index] ?? []
            if isFirstWithID, let byID = rowsByID[CorpusReader.fileID(files[index])] {
                applying = (applying + byID).sorted()
            }
            return applying
        }

        /// `document` with `rows` applied; their warnings are dropped (``readAll`` gives them
        /// once, in manifest order).
        func applying(_ rows: [Int], to document: Document) -> Document {
            var document = document
            var ignored: [Diagnostic] = []
            for row in rows { self.rows[row].apply(to: &document, manifestPath: manifestPath, warnings: &ignored) }
            return document
        }

        func readAll(
            input: Int32, batchSize: Int, threads: Int, warnings: inout [Diagnostic], _ body: ([SourceRecord]) -> Void
        ) {
            warnings += walkWarnings
            var readable = [Bool](repeating: false, count: files.count)
            var firstReadableWithID: [String: Int] = [:]
            StreamedCorpus.readBatches(
                count: files.count, batchSize: batchSize, threads: threads, input: input, warnings: &warnings,
                read: { index in
                    let origin = path(of: index)
                    var problems: [Diagnostic] = []
                    let document = CorpusReader.textDocument(at: origin, origin: origin, warnings: &problems)
                    return (document, origin, problems)
                },
                accept: { index, document in
                    readable[index] = true
                    var isFirst = false
                    let id = CorpusReader.fileID(files[index])
                    if rowsByID[id] != nil, firstReadableWithID[id] == nil {
                        firstReadableWithID[id] = index
                        isFirst = true
                    }
                    return applying(rows(for: index, isFirstWithID: isFirst), to: document)
                },
                body)
            warnings += manifestWarnings
            let known = Set(files)
            let indexOfFile = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for row in rows {
                let matched: Bool
                if let file = row.file {
                    let relative = CorpusReader.normalizedRelativePath(file)
                    matched = indexOfFile[relative].map { readable[$0] } ?? false
                    if !matched, let warning = row.unmatchedFileWarning(
                        file, relative: relative, root: root, known: known, manifestPath: manifestPath) {
                        warnings.append(warning)
                    }
                } else if let id = row.id {
                    matched = firstReadableWithID[id] != nil
                    if !matched { warnings.append(row.unmatchedIDWarning(id, manifestPath: manifestPath)) }
                } else {
                    matched = false
                }
                if matched {
                    // Only the row's own problems (an unreadable time) are wanted here.
                    var scratch = Document(id: "", text: "", origin: "")
                    row.apply(to: &scratch, manifestPath: manifestPath, warnings: &warnings)
                }
            }
        }

        /// File `index`'s document with its rows applied, or nil when it cannot be read.
        func document(at index: Int) -> Document? {
            guard index < files.count else { return nil }
            let origin = path(of: index)
            var ignored: [Diagnostic] = []
            guard let document = CorpusReader.textDocument(at: origin, origin: origin, warnings: &ignored) else {
                return nil
            }
            let id = CorpusReader.fileID(files[index])
            var isFirst = false
            if let candidates = filesByID[id] {
                // Rare: a row names this id; it applies only if no earlier file with it is readable.
                isFirst = candidates.prefix { $0 < index }.allSatisfy { earlier in
                    let path = path(of: earlier)
                    return CorpusReader.textDocument(at: path, origin: path, warnings: &ignored) == nil
                }
            }
            return applying(rows(for: index, isFirstWithID: isFirst), to: document)
        }
    }

    /// A CSV manifest given as input, planned for streaming: its rows are held, the texts
    /// they name are not.
    struct ManifestInput: Sendable {
        /// The manifest, as given.
        let path: String
        /// Its folder, which relative `file` cells start from.
        let folder: String
        /// Its rows (none when it has no `file` column).
        let rows: [Manifest.Row]
        /// Problems reading and parsing it, including a missing `file` column.
        let planWarnings: [Diagnostic]

        init(path: String) {
            self.path = path
            folder = (path as NSString).deletingLastPathComponent
            var warnings: [Diagnostic] = []
            var rows: [Manifest.Row] = []
            if let text = CorpusReader.text(at: path, warnings: &warnings) {
                let manifest = Manifest(text: text, path: path)
                warnings += manifest.warnings
                if manifest.hasFileColumn {
                    rows = manifest.rows
                } else {
                    warnings.append(Diagnostic(
                        file: path, line: 1,
                        message: "a CSV manifest given as input needs a 'file' column naming the text files to read; nothing was read from it"))
                }
            }
            self.rows = rows
            planWarnings = warnings
        }

        func readAll(
            input: Int32, batchSize: Int, threads: Int, warnings: inout [Diagnostic], _ body: ([SourceRecord]) -> Void
        ) {
            warnings += planWarnings
            StreamedCorpus.readBatches(
                count: rows.count, batchSize: batchSize, threads: threads, input: input, warnings: &warnings,
                read: { index in
                    var problems: [Diagnostic] = []
                    let (document, location) = read(row: index, warnings: &problems)
                    return (document, location, problems)
                },
                body)
        }

        /// Row `index`'s document and the file it came from, or nil with the row's problems.
        func read(row index: Int, warnings: inout [Diagnostic]) -> (Document?, String) {
            let row = rows[index]
            guard let file = row.file else {
                if row.id != nil {
                    warnings.append(Diagnostic(file: path, line: row.line, message: "this row names no file to read; it was ignored"))
                }
                return (nil, "")
            }
            let location = file.hasPrefix("/") ? file : CorpusReader.join(folder, CorpusReader.normalizedRelativePath(file))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory), !isDirectory.boolValue else {
                warnings.append(Diagnostic(
                    file: path, line: row.line,
                    message: "this row names '\(file)', which does not exist or is a folder; the row was ignored"))
                return (nil, location)
            }
            guard var document = CorpusReader.textDocument(at: location, origin: location, warnings: &warnings) else {
                return (nil, location)
            }
            row.apply(to: &document, manifestPath: path, warnings: &warnings)
            return (document, location)
        }

        /// Row `index`'s document, or nil when it cannot be read.
        func document(at index: Int) -> Document? {
            guard index < rows.count else { return nil }
            var ignored: [Diagnostic] = []
            return read(row: index, warnings: &ignored).0
        }
    }
}
