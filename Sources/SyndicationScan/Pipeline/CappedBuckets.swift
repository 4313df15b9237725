/// Walks the buckets of a sorted array of (bucket, document) entries — runs of neighbours in
/// the same bucket — skipping buckets over a size cap, as both candidate stages (document
/// bands and sentence fingerprints) do. Skipped buckets are counted and their documents
/// remembered, so a scan can say what it left out instead of going quadratic silently.
struct CappedBuckets {
    /// The largest bucket handed on; larger ones are skipped.
    var maximumSize: Int
    /// Buckets over the cap so far.
    private(set) var skippedBuckets = 0
    /// Documents in at least one skipped bucket.
    private(set) var skippedDocuments = Set<Int32>()

    /// A walker skipping buckets of more than `maximumSize` entries.
    init(maximumSize: Int) {
        self.maximumSize = maximumSize
    }

    /// Calls `body` with each bucket of two to ``maximumSize`` entries of `entries` (sorted so
    /// that a bucket's entries are adjacent); `sameBucket` tells whether two neighbours share
    /// one, `document` whose entry it is.
    mutating func forEachBucket<Entry>(
        in entries: [Entry], sameBucket: (Entry, Entry) -> Bool, document: (Entry) -> Int32,
        _ body: (ArraySlice<Entry>) -> Void
    ) {
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, sameBucket(entries[start], entries[end]) { end += 1 }
            if end - start > maximumSize {
                skippedBuckets += 1
                for entry in entries[start..<end] { skippedDocuments.insert(document(entry)) }
            } else if end - start > 1 {
                body(entries[start..<end])
            }
            start = end
        }
    }

    /// ``skippedDocuments`` as ascending document numbers.
    var skippedDocumentNumbers: [Int] { skippedDocuments.map { Int($0) }.sorted() }
}
