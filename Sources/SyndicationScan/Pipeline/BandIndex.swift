import SyndicationEngine

/// Document-level LSH over band keys kept in one flat array: the candidates ``LSHIndex``
/// gives for the same signatures and bucket cap, in 16 bytes per document and band instead
/// of a dictionary per band.
///
/// A band's key is XXH3-64 of its *r* signature values' bytes seeded with the band index,
/// exactly as ``LSHIndex`` computes it (Indyk & Motwani 1998; Leskovec, Rajaraman & Ullman,
/// *Mining of Massive Datasets*, ch. 3). Buckets of more than ``maximumBucketSize`` documents
/// are skipped, counted, and the documents in them remembered, so the scan can say so.
struct BandIndex: Sendable {
    /// The banding.
    var parameters: LSHParameters
    /// The largest bucket that still yields candidates.
    var maximumBucketSize: Int

    /// What banding found: the pairs, and what was skipped.
    struct Result {
        /// Distinct pairs of documents sharing a bucket of at most the cap, sorted.
        var pairs: [CandidatePair]
        /// Buckets over the cap.
        var skippedBuckets: Int
        /// Documents in at least one skipped bucket, ascending.
        var skippedDocuments: [Int]
    }

    /// Candidate pairs of the documents whose band keys are `keys` (by document number).
    func candidatePairs(keys: [[UInt64]]) -> Result {
        struct Entry {
            var key: UInt64
            var band: Int32
            var document: Int32
        }
        var entries: [Entry] = []
        entries.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        for (document, list) in keys.enumerated() {
            for (band, key) in list.enumerated() { entries.append(Entry(key: key, band: Int32(band), document: Int32(document))) }
        }
        entries.sort { ($0.band, $0.key, $0.document) < ($1.band, $1.key, $1.document) }
        var pairs: [CandidatePair] = []
        var buckets = CappedBuckets(maximumSize: maximumBucketSize)
        buckets.forEachBucket(in: entries, sameBucket: { $0.key == $1.key && $0.band == $1.band }, document: \.document) { bucket in
            for i in bucket.indices {
                for j in (i + 1)..<bucket.endIndex where bucket[i].document != bucket[j].document {
                    pairs.append(CandidatePair(Int(bucket[i].document), Int(bucket[j].document)))
                }
            }
        }
        pairs.sort()
        var unique: [CandidatePair] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return Result(pairs: unique, skippedBuckets: buckets.skippedBuckets, skippedDocuments: buckets.skippedDocumentNumbers)
    }
}
