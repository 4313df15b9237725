/// What a census holds of the records it reads until the reading ends: each record without its
/// text, with its census entry and whole-text sketch, packed a run of consecutive records at a
/// time (``Part``) on the worker that made them.
///
/// Each record is made on the worker that parsed or derived it (its text is freed there), and
/// packed there into a part's flat arrays, so that nothing is copied on the reading thread
/// between batches, when the workers would wait for it, and no record keeps arrays of its own
/// until the reading ends. The census arrays are gathered from here once the reading ends, in
/// id order, on all workers.
struct CensusRecords {
    /// One record as a worker makes it, before it is packed.
    struct Record {
        /// The document, its `text` empty.
        var document: Document
        /// Where the document lies in the source.
        var location: RecordLocation
        /// The file it came from (which orders documents sharing an id).
        var file: String
        /// Its line in that file, when a file holds several documents.
        var line: Int?
        /// Its census entry.
        var entry: CorpusCensus.Entry
        /// Its whole-text sketch, when the census makes them.
        var sketch: CorpusCensus.WholeTextSketch?
    }

    /// The records of a run of consecutive ones, field by field; a record's lines and b-bit
    /// signature stand in flat arrays shared by the part.
    struct Part {
        var documents: [Document] = []
        var locations: [RecordLocation] = []
        var files: [String] = []
        var lines: [Int?] = []
        var textKeys: [TextKey] = []
        var lengths: [Int] = []
        /// Where each record's lines start in ``lineKeys`` and ``isFurniture``, and last their count.
        var lineStarts: [Int] = [0]
        var lineKeys: [UInt64] = []
        var isFurniture: [Bool] = []
        /// Each record's band keys (records with sketches only).
        var bandKeys: [[UInt64]] = []
        /// The b-bit signatures, ``signatureWidth`` positions a record (records with sketches only).
        var compacted: [UInt16] = []
        var isEmpty: [Bool] = []
        /// Positions of a b-bit signature.
        var signatureWidth = 0

        /// `records` packed, in order.
        init(_ records: [Record]) {
            documents.reserveCapacity(records.count)
            locations.reserveCapacity(records.count)
            files.reserveCapacity(records.count)
            lines.reserveCapacity(records.count)
            textKeys.reserveCapacity(records.count)
            lengths.reserveCapacity(records.count)
            lineStarts.reserveCapacity(records.count + 1)
            lineKeys.reserveCapacity(records.reduce(0) { $0 + $1.entry.lineKeys.count })
            isFurniture.reserveCapacity(lineKeys.capacity)
            for record in records {
                documents.append(record.document)
                locations.append(record.location)
                files.append(record.file)
                lines.append(record.line)
                textKeys.append(record.entry.textKey)
                lengths.append(record.entry.length)
                lineKeys += record.entry.lineKeys
                isFurniture += record.entry.isFurniture
                lineStarts.append(lineKeys.count)
                if let sketch = record.sketch {
                    bandKeys.append(sketch.bandKeys)
                    signatureWidth = sketch.compacted.count
                    compacted += sketch.compacted
                    isEmpty.append(sketch.isEmpty)
                }
            }
        }

        var count: Int { documents.count }
    }

    /// The parts, in reading order.
    private(set) var parts: [Part] = []
    /// Where each part starts in reading order, and last the number of records.
    private(set) var starts: [Int] = [0]

    /// The number of records.
    var count: Int { starts[starts.count - 1] }

    /// Keeps `parts` as the next records.
    mutating func append(_ parts: [Part]) {
        for part in parts where part.count > 0 {
            self.parts.append(part)
            starts.append(count + part.count)
        }
    }

    /// Empties the records, freeing their parts on up to `threads` workers.
    mutating func release(threads: Int) {
        var owned: [Part?] = parts.map { $0 }
        parts = []
        starts = [0]
        ParallelWork.release(&owned, threads: threads)
    }

    /// The part holding the record at `index` in reading order, and its place there (a binary
    /// search among the parts).
    func place(of index: Int) -> (part: Int, offset: Int) {
        var low = 0, high = parts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low, index - starts[low])
    }

    /// What `read` takes from the part holding the record at `index`, given its place there.
    @inline(__always)
    private func field<Value>(_ index: Int, _ read: (Part, Int) -> Value) -> Value {
        let (part, offset) = place(of: index)
        return read(parts[part], offset)
    }

    func document(_ index: Int) -> Document { field(index) { $0.documents[$1] } }
    func location(_ index: Int) -> RecordLocation { field(index) { $0.locations[$1] } }
    func file(_ index: Int) -> String { field(index) { $0.files[$1] } }
    func line(_ index: Int) -> Int? { field(index) { $0.lines[$1] } }
    func textKey(_ index: Int) -> TextKey { field(index) { $0.textKeys[$1] } }
    func length(_ index: Int) -> Int { field(index) { $0.lengths[$1] } }

    /// The record's line keys.
    func lineKeys(_ index: Int) -> ArraySlice<UInt64> {
        field(index) { part, offset in part.lineKeys[part.lineStarts[offset]..<part.lineStarts[offset + 1]] }
    }

    /// Whether each of the record's lines is furniture.
    func isFurniture(_ index: Int) -> ArraySlice<Bool> {
        field(index) { part, offset in part.isFurniture[part.lineStarts[offset]..<part.lineStarts[offset + 1]] }
    }

    /// The record's band keys (every record has a sketch when any has).
    func bandKeys(_ index: Int) -> [UInt64] { field(index) { $0.bandKeys[$1] } }

    /// The record's b-bit signature and whether its signature is empty.
    func signature(_ index: Int) -> (compacted: ArraySlice<UInt16>, isEmpty: Bool) {
        field(index) { part, offset in
            let width = part.signatureWidth
            return (part.compacted[(offset * width)..<((offset + 1) * width)], part.isEmpty[offset])
        }
    }
}
