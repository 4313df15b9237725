import SyndicationEngine

/// Passage-level candidate generation: banded MinHash keys per sentence, so that documents
/// whose sentences are reworded one by one (spun, edited, translated back) become candidates
/// even when their document-level Jaccard is near zero.
///
/// Each prose sentence of at least ``minimumWords`` words is sketched over its character
/// shingles, leaving out *common* shingles (those in at least ``commonShingleShare`` of the
/// sentences of a sample of the corpus, such as `the p` or ` said`), which make unrelated
/// sentences collide. Its ``bandCount`` bands of ``rowsPerBand`` minima are bucket keys; two
/// documents are candidates when at least ``minimumCollisions`` distinct sentence pairs
/// collide. A sentence pair of character-shingle Jaccard *s* collides with probability
/// 1 − (1 − *s*^*r*)^*b* (Indyk & Motwani 1998; Broder 1997).
public struct PassageFingerprints: Sendable {
    /// Bands per sentence.
    public var bandCount: Int = 16
    /// Minima per band.
    public var rowsPerBand: Int = 2
    /// Sentences shorter than this are not sketched.
    public var minimumWords: Int = 6
    /// Share of sampled sentences a shingle must be in to be common.
    public var commonShingleShare: Double = 0.01
    /// Distinct colliding sentence pairs that make two documents candidates.
    public var minimumCollisions: Int = 2
    /// Buckets holding more sentences than this are skipped (and counted).
    public var maximumBucketSize: Int = 64
    /// Documents sampled to find common shingles.
    public var sampleSize: Int = 4000

    /// Fingerprints with the default settings.
    public init() {}

    /// The shingles common enough to leave out, from a deterministic sample of `profiles`.
    public func commonShingles(_ profiles: [DocumentProfile]) -> Set<UInt64> {
        let stride = max(1, profiles.count / sampleSize)
        var frequency: [UInt64: Int32] = [:]
        var sentences = 0
        for index in Swift.stride(from: 0, to: profiles.count, by: stride) {
            for sentence in profiles[index].sentences where !sentence.isExcluded {
                sentences += 1
                for shingle in sentence.shingles { frequency[shingle, default: 0] += 1 }
            }
        }
        let limit = Int32(max(5, Int(Double(sentences) * commonShingleShare)))
        return Set(frequency.filter { $0.value >= limit }.keys)
    }

    /// The bucket keys of one document's sentences, as (key, sentence index) pairs.
    public func keys(of profile: DocumentProfile, common: Set<UInt64>) -> [(key: UInt64, sentence: Int32)] {
        var result: [(UInt64, Int32)] = []
        let rows = bandCount * rowsPerBand
        var minima = [UInt64](repeating: .max, count: rows)
        for (index, sentence) in profile.sentences.enumerated()
        where !sentence.isExcluded && sentence.wordCount >= minimumWords {
            for row in 0..<rows { minima[row] = .max }
            var kept = 0
            for shingle in sentence.shingles where !common.contains(shingle) {
                kept += 1
                for row in 0..<rows {
                    let value = Self.mix(shingle &+ UInt64(row) &* 0x9E37_79B9_7F4A_7C15)
                    if value < minima[row] { minima[row] = value }
                }
            }
            guard kept >= 8 else { continue }
            for band in 0..<bandCount {
                var key = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
                for row in 0..<rowsPerBand { key = Self.mix(key ^ minima[band * rowsPerBand + row]) }
                result.append((key, Int32(index)))
            }
        }
        return result
    }

    /// Candidate document pairs (indices, first < second), sorted, the number of oversized
    /// buckets skipped, and the documents with a sentence in one, ascending.
    public func candidatePairs(
        keys: [[(key: UInt64, sentence: Int32)]]
    ) -> (pairs: [CandidatePair], skippedBuckets: Int, skippedDocuments: [Int]) {
        var entries: [(key: UInt64, document: Int32, sentence: Int32)] = []
        entries.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        for (document, list) in keys.enumerated() {
            for entry in list { entries.append((entry.key, Int32(document), entry.sentence)) }
        }
        entries.sort { ($0.key, $0.document, $0.sentence) < ($1.key, $1.document, $1.sentence) }
        var collisions: [UInt64] = []  // (first << 32 | second) per colliding sentence pair
        var sentencePairs: [(UInt64, UInt64)] = []
        var buckets = CappedBuckets(maximumSize: maximumBucketSize)
        buckets.forEachBucket(in: entries, sameBucket: { $0.key == $1.key }, document: \.document) { bucket in
            for i in bucket.indices {
                for j in (i + 1)..<bucket.endIndex where bucket[i].document != bucket[j].document {
                    let pair = UInt64(UInt32(bucket[i].document)) << 32 | UInt64(UInt32(bucket[j].document))
                    let sentences = UInt64(UInt32(bucket[i].sentence)) << 32 | UInt64(UInt32(bucket[j].sentence))
                    sentencePairs.append((pair, sentences))
                }
            }
        }
        sentencePairs.sort { $0 < $1 }
        var previous: (UInt64, UInt64)?
        for entry in sentencePairs where previous.map({ $0 != entry }) ?? true {
            collisions.append(entry.0)
            previous = entry
        }
        var result: [CandidatePair] = []
        var index = 0
        while index < collisions.count {
            var next = index + 1
            while next < collisions.count, collisions[next] == collisions[index] { next += 1 }
            if next - index >= minimumCollisions {
                result.append(CandidatePair(
                    unordered: Int(collisions[index] >> 32), Int(collisions[index] & 0xFFFF_FFFF)))
            }
            index = next
        }
        return (result, buckets.skippedBuckets, buckets.skippedDocumentNumbers)
    }

    /// A 64-bit finaliser (the MurmurHash3 fmix64 constants).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
