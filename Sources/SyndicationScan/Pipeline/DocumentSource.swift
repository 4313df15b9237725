/// Where a scan's documents come from: read from start to end in batches, and read again
/// by location.
///
/// A scan reads its source twice from start to end (once to count lines for boilerplate,
/// once to sketch) and then re-reads only the documents that are in a candidate pair, so a
/// source never needs to hold the whole corpus in memory (``JSONLinesCorpus`` does not).
public protocol DocumentSource: Sendable {
    /// Calls `body` with consecutive batches of the source's documents, each with where it
    /// lies and the place that orders it among documents that share its id. Returns the
    /// problems met while reading, in reading order.
    ///
    /// Every call reads the same records in the same order.
    func readAll(threads: Int, _ body: ([SourceRecord]) -> Void) -> [Diagnostic]

    /// The documents at `locations` (as ``readAll(threads:_:)`` gave them), in that order.
    func documents(at locations: [RecordLocation], threads: Int) -> [Document]
}

/// Records a worker transforms and packs at a time when a source is read in parts (small
/// enough to balance the workers, large enough that a part's flat arrays are worth making).
let recordsPerPart = 128

extension DocumentSource {
    /// Calls `body` with the parts of each batch of ``readAll(threads:_:)``, in order: a worker
    /// transforms a run of ``recordsPerPart`` consecutive records and packs what it made
    /// (`pack`), on up to `threads` workers after the batch is read; with `readsAhead`, the
    /// source reads on (``ReadAhead``) while `body`, `transform` and `pack` work. What `body`
    /// gets does not depend on that choice. Parts of no record are left out.
    /// ``JSONLinesCorpus`` has its own, which transforms where it parses.
    func readAll<Output, Packed>(
        threads: Int, readsAhead: Bool, transforming transform: (SourceRecord) -> Output,
        packing pack: ([Output]) -> Packed, _ body: ([Packed]) -> Void
    ) -> [Diagnostic] {
        let size = recordsPerPart
        func each(_ batch: [SourceRecord]) {
            let partCount = (batch.count + size - 1) / size
            body(ParallelWork.map(count: partCount, threads: threads) { part in
                pack(batch[(part * size)..<min(batch.count, (part + 1) * size)].map(transform))
            })
        }
        return readsAhead ? ReadAhead().readAll(self, threads: threads, each) : readAll(threads: threads, each)
    }
}

/// One document as a ``DocumentSource`` read it.
public struct SourceRecord: Sendable {
    /// Where it lies, to read it again.
    public var location: RecordLocation
    /// The document.
    public var document: Document
    /// The file it came from, which orders it (by UTF-8 bytes) among documents sharing its id.
    public var file: String
    /// Its line in that file, when a file holds several documents.
    public var line: Int?

    /// A record with the given parts.
    public init(location: RecordLocation, document: Document, file: String, line: Int?) {
        self.location = location
        self.document = document
        self.file = file
        self.line = line
    }
}

/// Documents already in memory, as a ``DocumentSource``; their ids must be distinct.
public struct DocumentList: DocumentSource {
    /// The documents.
    public var documents: [Document]
    /// Problems met while they were read, reported as the source's own.
    public var warnings: [Diagnostic]

    /// A source of `documents`, with the `warnings` met reading them.
    public init(_ documents: [Document], warnings: [Diagnostic] = []) {
        self.documents = documents
        self.warnings = warnings
    }

    public func readAll(threads: Int, _ body: ([SourceRecord]) -> Void) -> [Diagnostic] {
        let batchSize = 4_096
        var start = 0
        while start < documents.count {
            let end = min(documents.count, start + batchSize)
            body((start..<end).map { SourceRecord(location: RecordLocation(offset: Int64($0)), document: documents[$0], file: "", line: nil) })
            start = end
        }
        return warnings
    }

    public func documents(at locations: [RecordLocation], threads: Int) -> [Document] {
        locations.map { documents[Int($0.offset)] }
    }
}

/// Where a source's record lies: which of its inputs, at which byte offset and length, and
/// on which line. A source defines what the numbers mean; the scan only hands them back.
public struct RecordLocation: Hashable, Sendable {
    /// The index of the input (file) among the source's inputs.
    public var input: Int32
    /// The byte offset of the record in the input (for in-memory sources, its index).
    public var offset: Int64
    /// The record's length in bytes.
    public var length: Int32
    /// The 1-based line, or 0.
    public var line: Int32

    /// A location with the given parts.
    public init(input: Int32 = 0, offset: Int64, length: Int32 = 0, line: Int32 = 0) {
        self.input = input
        self.offset = offset
        self.length = length
        self.line = line
    }
}
