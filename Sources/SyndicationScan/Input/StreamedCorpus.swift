import Foundation

/// Any mix of folders, CSV manifests, text files and JSON Lines files as a streamed
/// ``DocumentSource``: only the list of files and the manifests' rows are held; the texts are
/// read a batch at a time, on the scan's threads, and read again by location.
///
/// The documents, origins and warnings are the ones ``CorpusReader`` gives for the same paths
/// (see there for what each kind of path holds), in the same order: per path, a folder's walk
/// problems, then its files' problems in path order, then its manifest's; a CSV manifest's
/// problems row by row. JSON Lines files are read as ``JSONLinesCorpus`` reads them. Duplicate
/// ids are left to the scan, which keeps the first in path-and-line order, as ``CorpusReader``
/// does.
///
/// A record's location is the index of its path among ``paths`` and, for a JSON Lines file,
/// its byte range; for any other input, the index of the file in that input's list.
public struct StreamedCorpus: DocumentSource {
    /// The paths, as given.
    public let paths: [String]
    /// Files read at a time (and parsed in parallel).
    public var batchSize: Int
    private let inputs: [Input]
    private let jsonLines: JSONLinesCorpus

    /// What one path holds, as planned before reading.
    enum Input: Sendable {
        /// A path that does not exist: one warning, no documents.
        case missing
        /// A JSON Lines file, read by ``JSONLinesCorpus``.
        case jsonLines
        /// A folder's text files, and its `manifest.csv` if it has one.
        case folder(FolderInput)
        /// A CSV manifest given as input: the files its rows name.
        case manifest(ManifestInput)
        /// One text file.
        case textFile
    }

    /// Plans the reading of `paths`: walks the folders and reads the manifests, but no text.
    ///
    /// - Complexity: O(*f*) in the number of files and manifest rows.
    public init(paths: [String], batchSize: Int = 1_024) {
        self.paths = paths
        self.batchSize = max(1, batchSize)
        self.jsonLines = JSONLinesCorpus(paths: paths)
        self.inputs = paths.map { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
            if isDirectory.boolValue { return .folder(FolderInput(root: path)) }
            switch CorpusReader.pathExtension(path) {
            case "jsonl", "ndjson": return .jsonLines
            case "csv": return .manifest(ManifestInput(path: path))
            default: return .textFile
            }
        }
    }

    public func readAll(threads: Int, _ body: ([SourceRecord]) -> Void) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (index, input) in inputs.enumerated() {
            let path = paths[index]
            switch input {
            case .missing:
                warnings.append(Diagnostic(file: path, message: "there is no such file or folder"))
            case .jsonLines:
                jsonLines.read(path, input: Int32(index), threads: threads, warnings: &warnings, body)
            case .folder(let folder):
                folder.readAll(input: Int32(index), batchSize: batchSize, threads: threads, warnings: &warnings, body)
            case .manifest(let manifest):
                manifest.readAll(input: Int32(index), batchSize: batchSize, threads: threads, warnings: &warnings, body)
            case .textFile:
                if let document = CorpusReader.textDocument(at: path, origin: path, warnings: &warnings) {
                    body([SourceRecord(location: RecordLocation(input: Int32(index), offset: 0), document: document, file: path, line: nil)])
                }
            }
        }
        return warnings
    }

    public func documents(at locations: [RecordLocation], threads: Int) -> [Document] {
        let lines = locations.indices.filter {
            if case .jsonLines = inputs[Int(locations[$0].input)] { return true } else { return false }
        }
        var fromLines = jsonLines.documents(at: lines.map { locations[$0] }, threads: threads).makeIterator()
        let isLine = Set(lines)
        let fromFiles = ParallelWork.map(count: locations.count, threads: threads) { index -> Document? in
            guard !isLine.contains(index) else { return nil }
            let location = locations[index]
            let path = paths[Int(location.input)]
            var ignored: [Diagnostic] = []
            switch inputs[Int(location.input)] {
            case .folder(let folder): return folder.document(at: Int(location.offset))
            case .manifest(let manifest): return manifest.document(at: Int(location.offset))
            case .textFile: return CorpusReader.textDocument(at: path, origin: path, warnings: &ignored)
            case .missing, .jsonLines: return nil
            }
        }
        return locations.indices.map { index in
            if isLine.contains(index) { return fromLines.next()! }
            // A file changed under the scan: keep the place, say what happened.
            return fromFiles[index] ?? Document(id: "", text: "", origin: paths[Int(locations[index].input)])
        }
    }

    /// Reads `count` items a batch at a time, `read` on the threads, and hands the documents
    /// on in item order with their warnings in item order.
    static func readBatches(
        count: Int, batchSize: Int, threads: Int, input: Int32, warnings: inout [Diagnostic],
        read: (Int) -> (document: Document?, file: String, warnings: [Diagnostic]),
        accept: (Int, Document) -> Document = { $1 },
        _ body: ([SourceRecord]) -> Void
    ) {
        var start = 0
        while start < count {
            let end = min(count, start + batchSize)
            let items = ParallelWork.map(count: end - start, threads: threads) { read(start + $0) }
            var records: [SourceRecord] = []
            records.reserveCapacity(items.count)
            for (offset, item) in items.enumerated() {
                warnings += item.warnings
                guard let document = item.document else { continue }
                records.append(SourceRecord(
                    location: RecordLocation(input: input, offset: Int64(start + offset)),
                    document: accept(start + offset, document), file: item.file, line: nil))
            }
            if !records.isEmpty { body(records) }
            start = end
        }
    }
}

/// The source for a scan's inputs: JSON Lines files alone are streamed by
/// ``JSONLinesCorpus``; any other input or mix by ``StreamedCorpus``. Neither holds the texts.
public func documentSource(for paths: [String]) -> any DocumentSource {
    if !paths.isEmpty, paths.allSatisfy(JSONLinesCorpus.accepts) {
        return JSONLinesCorpus(paths: paths)
    }
    return StreamedCorpus(paths: paths)
}
