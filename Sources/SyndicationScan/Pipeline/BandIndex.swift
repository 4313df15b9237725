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
    /// A document's key in one band.
    struct Entry {
        var key: UInt64
        var document: Int32
    }

    func candidatePairs(keys: [[UInt64]], threads: Int = 1) -> Result {
        let bandCount = keys.reduce(0) { max($0, $1.count) }
        let bands = ParallelWork.map(count: bandCount, threads: threads) { band in
            var entries: [Entry] = []
            entries.reserveCapacity(keys.count)
            for (document, list) in keys.enumerated() where band < list.count {
                entries.append(Entry(key: list[band], document: Int32(document)))
            }
            // Entries go in by document, so a stable sort keeps each bucket's in document order.
            Self.group(&entries)
            var pairs: [CandidatePair] = []
            var buckets = CappedBuckets(maximumSize: maximumBucketSize)
            buckets.forEachBucket(in: entries, sameBucket: { $0.key == $1.key }, document: \.document) { bucket in
                for i in bucket.indices {
                    for j in (i + 1)..<bucket.endIndex where bucket[i].document != bucket[j].document {
                        pairs.append(CandidatePair(Int(bucket[i].document), Int(bucket[j].document)))
                    }
                }
            }
            RadixSort.sort(&pairs)
            var unique: [CandidatePair] = []
            unique.reserveCapacity(pairs.count)
            for pair in pairs where unique.last != pair { unique.append(pair) }
            return (pairs: unique, skippedBuckets: buckets.skippedBuckets, skippedDocuments: buckets.skippedDocumentNumbers)
        }
        var pairs = bands.flatMap(\.pairs)
        RadixSort.sort(&pairs)
        var unique: [CandidatePair] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return Result(
            pairs: unique, skippedBuckets: bands.reduce(0) { $0 + $1.skippedBuckets },
            skippedDocuments: Set(bands.flatMap(\.skippedDocuments)).sorted())
    }

    /// The bits of a band key that ``group(_:)`` sorts by: three 11-bit digits.
    static let sortedKeyBits = 33
    /// The bits ``group(_:)`` sorts by below ``shortSortLimit`` entries: two 11-bit digits.
    /// Among *n* random keys about *n*²/2²³ pairs share those bits (a few hundred at most
    /// there), far less work to sort apart than a third pass over every entry.
    static let shortSortedKeyBits = 22
    /// Entries from which ``group(_:)`` sorts by ``sortedKeyBits``.
    static let shortSortLimit = 1 << 16

    /// Orders `entries` so that those of each key are neighbours, in their first order: a
    /// stable sort by the low ``sortedKeyBits`` bits of the key (``shortSortedKeyBits`` for
    /// fewer than ``shortSortLimit`` entries; the order of the buckets is free, since their
    /// pairs are sorted afterwards), then, in the rare run of one such sub-key that holds
    /// several keys, a stable sort of the run by the whole key.
    ///
    /// - Complexity: O(*n*) for *n* entries, plus O(*k* log *k*) for a run of *k* mixed keys.
    static func group(_ entries: inout [Entry]) {
        let bits = entries.count < shortSortLimit ? shortSortedKeyBits : sortedKeyBits
        let mask: UInt64 = 1 << bits - 1
        RadixSort.sort(&entries, keyBits: bits) { $0.key & mask }
        var start = 0
        while start < entries.count {
            let first = entries[start].key
            var end = start + 1
            var mixed = false
            while end < entries.count {
                let next = entries[end].key
                guard next & mask == first & mask else { break }
                if next != first { mixed = true }
                end += 1
            }
            if mixed {
                // A stable sort: equal keys keep their order.
                let run = entries[start..<end].enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
                entries.replaceSubrange(start..<end, with: run.map(\.element))
            }
            start = end
        }
    }
}
