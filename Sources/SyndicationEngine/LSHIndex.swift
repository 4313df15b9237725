/// Banded locality-sensitive hashing of MinHash signatures: finds the pairs of documents
/// likely to be similar without comparing every pair (Indyk & Motwani, STOC 1998; the
/// banding of Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3).
///
/// Band *j* of a signature is its values *j*·*r* ..< (*j* + 1)·*r*; its key is the XXH3-64 of
/// those values' bytes, seeded with *j*. Documents sharing a key in any band are candidates;
/// two documents of Jaccard similarity *J* become candidates with probability
/// ``LSHParameters/collisionProbability(jaccard:)``.
///
/// A bucket holding more than ``maximumBucketSize`` documents (a boilerplate-only band, a
/// flood of empty or identical texts) would yield a quadratic number of pairs; such buckets
/// are skipped and counted in ``oversizedBucketCount`` so the blow-up is reported, not paid.
/// Empty signatures estimate 0 against everything, so they are counted in
/// ``emptySignatureCount`` and not banded.
public struct LSHIndex: Sendable {
    /// The banding.
    public let parameters: LSHParameters
    /// The parameters every inserted signature must carry.
    public let minhash: MinHashParameters
    /// The largest bucket that still yields candidates.
    public let maximumBucketSize: Int

    /// The number of (band, key) buckets holding more than ``maximumBucketSize`` documents.
    public private(set) var oversizedBucketCount = 0
    /// The number of empty signatures inserted (and not banded).
    public private(set) var emptySignatureCount = 0
    /// The number of signatures inserted, empty ones included.
    public private(set) var count = 0

    /// One table per band, from band key to the ids holding it in insertion order.
    private var tables: [[UInt64: [Int]]]

    /// An empty index banding signatures made under `minhash`.
    ///
    /// - Precondition: `parameters.usedPermutationCount <= minhash.permutationCount` and
    ///   `maximumBucketSize >= 2`.
    public init(parameters: LSHParameters, minhash: MinHashParameters, maximumBucketSize: Int = 1_000) {
        precondition(
            parameters.usedPermutationCount <= minhash.permutationCount,
            "\(parameters) need \(parameters.usedPermutationCount) values; signatures have \(minhash.permutationCount)")
        precondition(maximumBucketSize >= 2, "a bucket of fewer than 2 documents yields no pair")
        self.parameters = parameters
        self.minhash = minhash
        self.maximumBucketSize = maximumBucketSize
        tables = Array(repeating: [:], count: parameters.bandCount)
    }

    /// Adds `signature` under `id`. Ids need not be distinct, but a pair of equal ids is never
    /// reported.
    ///
    /// - Throws: ``SketchError/incompatibleParameters(_:_:)`` if the signature was made under
    ///   other parameters than ``minhash``.
    /// - Complexity: O(*b*·*r*) amortised.
    public mutating func insert(_ signature: MinHashSignature, id: Int) throws {
        try checkCompatible(signature)
        count += 1
        if signature.isEmpty {
            emptySignatureCount += 1
            return
        }
        for band in 0..<parameters.bandCount {
            let size = Self.append(id, to: &tables[band][parameters.bandKey(of: signature, band: band), default: []])
            if size == maximumBucketSize + 1 { oversizedBucketCount += 1 }
        }
    }

    /// Every pair of distinct ids sharing a band bucket of at most ``maximumBucketSize``
    /// documents, each once, sorted.
    ///
    /// - Complexity: O(Σ over buckets of size²) plus sorting the pairs found.
    public func candidatePairs() -> [CandidatePair] {
        var pairs: [CandidatePair] = []
        for table in tables {
            for bucket in table.values where bucket.count > 1 && bucket.count <= maximumBucketSize {
                for i in 0..<(bucket.count - 1) {
                    for j in (i + 1)..<bucket.count where bucket[i] != bucket[j] {
                        pairs.append(CandidatePair(unordered: bucket[i], bucket[j]))
                    }
                }
            }
        }
        pairs.sort()
        var unique: [CandidatePair] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return unique
    }

    /// The sorted, distinct ids sharing a band bucket of at most ``maximumBucketSize``
    /// documents with `signature` (the signature's own id too, if it was inserted). Empty
    /// for an empty signature.
    ///
    /// - Throws: ``SketchError/incompatibleParameters(_:_:)`` if the signature was made under
    ///   other parameters than ``minhash``.
    /// - Complexity: O(*b*·*r* + candidates found · log).
    public func candidates(for signature: MinHashSignature) throws -> [Int] {
        try checkCompatible(signature)
        if signature.isEmpty { return [] }
        var ids: [Int] = []
        for band in 0..<parameters.bandCount {
            guard let bucket = tables[band][parameters.bandKey(of: signature, band: band)],
                  bucket.count <= maximumBucketSize else { continue }
            ids.append(contentsOf: bucket)
        }
        ids.sort()
        var unique: [Int] = []
        for id in ids where unique.last != id { unique.append(id) }
        return unique
    }

    /// Appends `id` to `bucket` in place and returns the bucket's new size.
    private static func append(_ id: Int, to bucket: inout [Int]) -> Int {
        bucket.append(id)
        return bucket.count
    }

    private func checkCompatible(_ signature: MinHashSignature) throws {
        guard signature.parameters == minhash else {
            throw SketchError.incompatibleParameters(minhash.description, signature.parameters.description)
        }
    }
}
