/// What a census holds of the records it reads until the reading ends: each record without its
/// text, with its census entry and whole-text sketch, in the batches the source gave them.
///
/// Each record is made on the worker that parsed or derived it (its text is freed there), and
/// a batch is kept as it came, so that nothing is copied on the reading thread between
/// batches, when the workers would wait for it. The census arrays are gathered from here once
/// the reading ends, in id order, on all workers.
struct CensusRecords {
    /// One record as the census keeps it.
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

    /// The batches, in reading order.
    private(set) var batches: [[Record]] = []
    /// Where each batch starts in reading order, and last the number of records.
    private(set) var starts: [Int] = [0]

    /// The number of records.
    var count: Int { starts[starts.count - 1] }

    /// Keeps `batch` as the next records.
    mutating func append(_ batch: [Record]) {
        guard !batch.isEmpty else { return }
        batches.append(batch)
        starts.append(count + batch.count)
    }

    /// Empties the records, freeing their batches on up to `threads` workers (a record holds
    /// several strings and arrays: freeing a million of them is work too).
    mutating func release(threads: Int) {
        var owned: [[Record]?] = batches.map { $0 }
        batches = []
        starts = [0]
        ParallelWork.release(&owned, threads: threads)
    }

    /// The record at `index` in reading order (a binary search among the batches).
    subscript(index: Int) -> Record {
        _read {
            var low = 0, high = batches.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= index { low = middle } else { high = middle - 1 }
            }
            yield batches[low][index - starts[low]]
        }
    }
}
