import SyndicationEngine

/// Document-level LSH over band keys sorted band by band: the candidates ``LSHIndex`` gives
/// for the same signatures and bucket cap, in 16 bytes per document for each band being
/// sorted (one per worker) instead of a dictionary per band.
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

    /// Candidate pairs of the documents whose band keys are `keys` (by document number),
    /// band by band on up to `threads` workers (bands share no bucket).
    func candidatePairs(keys: [[UInt64]], threads: Int = 1) -> Result {
        struct Entry {
            var key: UInt64
            var document: Int32
        }
        let bandCount = keys.reduce(0) { max($0, $1.count) }
        let bands = ParallelWork.map(count: bandCount, threads: threads) { band in
            var entries: [Entry] = []
            entries.reserveCapacity(keys.count)
            for (document, list) in keys.enumerated() where band < list.count {
                entries.append(Entry(key: list[band], document: Int32(document)))
            }
            // Entries go in by document, so a stable sort by key orders them by (key, document).
            RadixSort.sort(&entries) { $0.key }
            var pairs: [CandidatePair] = []
            var buckets = CappedBuckets(maximumSize: maximumBucketSize)
            buckets.forEachBucket(in: entries, sameBucket: { $0.key == $1.key }, document: \.document) { bucket in
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
            return (pairs: unique, skippedBuckets: buckets.skippedBuckets, skippedDocuments: buckets.skippedDocumentNumbers)
        }
        var pairs = bands.flatMap(\.pairs)
        ParallelWork.sort(&pairs, threads: threads, by: <)
        var unique: [CandidatePair] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return Result(
            pairs: unique, skippedBuckets: bands.reduce(0) { $0 + $1.skippedBuckets },
            skippedDocuments: Set(bands.flatMap(\.skippedDocuments)).sorted())
    }
}
