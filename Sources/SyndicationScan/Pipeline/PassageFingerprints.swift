import Synchronization
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
/// collide in buckets of their own, or in the same order near one another in both documents
/// (``pointsAtCopy(_:rareCollisions:)``). A sentence pair of character-shingle Jaccard *s* collides with probability
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
    /// How far apart (in sentences, in both documents) colliding sentences may lie and still
    /// count together toward ``minimumCollisions`` (``isPassage(_:)``); nil: anywhere.
    public var maximumSentenceGap: Int? = 4

    /// Fingerprints with the default settings.
    public init() {}

    /// The shingles common enough to leave out, from a deterministic sample of `profiles`,
    /// counted on up to `threads` workers (0: one per core; the same set at any count).
    public func commonShingles(_ profiles: [DocumentProfile], threads: Int = 1) -> Set<UInt64> {
        let stride = max(1, profiles.count / sampleSize)
        let sample = Swift.stride(from: 0, to: profiles.count, by: stride).map { profiles[$0] }
        let sentences = sample.reduce(0) { total, profile in total + profile.sentences.count { !$0.isExcluded } }
        let limit = max(5, Int(Double(sentences) * commonShingleShare))
        return FrequentShingles.held(byAtLeast: limit, in: sample, threads: threads)
    }

    /// The bucket keys of one document's sentences, as (key, sentence index) pairs.
    public func keys(of profile: DocumentProfile, common: Set<UInt64>) -> [(key: UInt64, sentence: Int32)] {
        keys(of: profile, filtering: !common.isEmpty, isCommon: common.contains)
    }

    /// ``keys(of:common:)`` with the common shingles in a ``ShingleTable`` (made once for a
    /// whole pass; no SipHash per shingle).
    func keys(of profile: DocumentProfile, common: ShingleTable) -> [(key: UInt64, sentence: Int32)] {
        keys(of: profile, filtering: common.count > 0, isCommon: common.contains)
    }

    /// The bucket keys of `profile`'s sentences, leaving out the shingles `isCommon` names
    /// when `filtering` (without it, as when nothing is common, each sentence's shingles are
    /// read in place, not copied and looked up one by one).
    @inline(__always)
    private func keys(
        of profile: DocumentProfile, filtering: Bool, isCommon: (UInt64) -> Bool
    ) -> [(key: UInt64, sentence: Int32)] {
        var result: [(key: UInt64, sentence: Int32)] = []
        let rowMinima = RowMinima(rows: bandCount * rowsPerBand)
        var minima = [UInt64](repeating: .max, count: rowMinima.rows)
        // Sentences are read in place: copying one retains each of its arrays.
        profile.sentences.withUnsafeBufferPointer { sentences in
            let longest = filtering ? sentences.indices.reduce(0) { max($0, sentences[$1].shingles.count) } : 0
            // Room for the kept shingles of the longest sentence, written without a branch.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: longest) { kept in
                for index in sentences.indices where !sentences[index].isExcluded && sentences[index].wordCount >= minimumWords {
                    sentences[index].shingles.withUnsafeBufferPointer { shingles in
                        var values = shingles
                        if filtering {
                            var count = 0
                            for shingle in shingles {
                                kept[count] = shingle
                                count &+= isCommon(shingle) ? 0 : 1
                            }
                            values = UnsafeBufferPointer(rebasing: kept[0..<count])
                        }
                        guard Self.holds(distinct: 8, values) else { return }
                        minima.withUnsafeMutableBufferPointer { rowMinima.minima(of: values, into: $0) }
                        for band in 0..<bandCount {
                            var key = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
                            for row in 0..<rowsPerBand { key = Self.mix(key ^ minima[band * rowsPerBand + row]) }
                            result.append((key, Int32(index)))
                        }
                    }
                }
            }
        }
        return result
    }

    /// Whether `values` hold at least `count` distinct hashes, read only until that many are
    /// seen: their number when they are a sorted set, and the same answer for a sentence's
    /// hashes in text order with repeats (``FingerprintShingles/hashes``).
    @inline(__always)
    static func holds(distinct count: Int, _ values: UnsafeBufferPointer<UInt64>) -> Bool {
        guard values.count >= count else { return false }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { seen in
            var distinct = 0
            for value in values where !UnsafeBufferPointer(rebasing: seen[0..<distinct]).contains(value) {
                seen[distinct] = value
                distinct &+= 1
                if distinct == count { return true }
            }
            return false
        }
    }

    /// Candidate document pairs (indices, first < second), sorted, the number of oversized
    /// buckets skipped, and the documents with a sentence in one, ascending.
    public func candidatePairs(
        keys: [[(key: UInt64, sentence: Int32)]]
    ) -> (pairs: [CandidatePair], skippedBuckets: Int, skippedDocuments: [Int]) {
        let store = SentenceKeyStore(partitionCount: 1, memoryLimit: .max)
        for (document, list) in keys.enumerated() { store.append(document: Int32(document), keys: list, bandCount: bandCount) }
        let result = candidatePairs(store, threads: 1)
        return (result.pairs, result.skippedBuckets, result.skippedDocuments)
    }

    /// What the sentence-fingerprint stage found.
    struct Candidates {
        /// Pairs of documents sharing a passage, sorted.
        var pairs: [CandidatePair]
        /// Buckets over ``PassageFingerprints/maximumBucketSize``.
        var skippedBuckets: Int
        /// Documents with a sentence in a skipped bucket, ascending.
        var skippedDocuments: [Int]
        /// Colliding sentence pairs counted (after de-duplicating across bands).
        var sentencePairs: Int
        /// Why the colliding sentence pairs could not be spilled, if they could not (they
        /// were then kept in memory).
        var spillError: String? = nil
    }

    /// The candidate pairs of the keys in `store`, joined partition by partition (`threads`
    /// partitions at a time): in each bucket of at most ``maximumBucketSize`` sentences,
    /// every two sentences of different documents collide; sentences colliding in band 0
    /// are counted there only (unless a later band's bucket holds just the two), so an
    /// identical sentence pair counts once rather than once per band. Documents whose
    /// collisions point at copy (``pointsAtCopy(_:rareCollisions:)``) are candidates.
    func candidatePairs(_ store: SentenceKeyStore, threads: Int) -> Candidates {
        let maximumBucketSize = self.maximumBucketSize
        // Colliding sentence pairs, by a hash of their two documents: all of one document
        // pair's collisions meet in one partition, spilled past the same budget as the keys,
        // in the memory of the keys' partitions as they are read.
        let collisions = SpillingPartitions<SentenceCollision>(
            partitionCount: Self.collisionPartitionCount,
            memoryLimit: store.memoryBudget,
            label: "syndetect-sentence-pairs", blocks: store.blocks)
        var skippedBuckets = 0
        var skippedDocuments = Set<Int32>()
        var partition = 0
        let width = max(1, threads <= 0 ? ParallelWork.coreCount : threads)
        // Each group's collisions are filed (which may write to disk) while the next group's
        // partitions are joined, in group order on one worker at a time; groups of two
        // partitions a worker, so that the others' joins outlast the filing.
        var unfiled: [([[SentenceCollision]], CappedBuckets)] = []
        let groupSize = 2 * width
        // Arrays kept from one partition to the next: a worker takes a set for each partition it
        // joins and puts it back (no more sets than workers ever in use).
        let workspaces = Mutex((0..<width).map { _ in JoinWorkspace() })
        func withWorkspace<Result>(_ body: (JoinWorkspace) -> Result) -> Result {
            let workspace = workspaces.withLock { $0.popLast() } ?? JoinWorkspace()
            defer { workspaces.withLock { $0.append(workspace) } }
            return body(workspace)
        }
        func fileUnfiled() {
            for (pairs, buckets) in unfiled {
                collisions.append(partitioned: pairs)
                skippedBuckets += buckets.skippedBuckets
                skippedDocuments.formUnion(buckets.skippedDocuments)
            }
        }
        while partition < store.partitionCount {
            let group = partition..<min(store.partitionCount, partition + groupSize)
            let found = ParallelWork.map(count: group.count, threads: width, alongside: fileUnfiled) { offset in
              withWorkspace { workspace in
                store.records(of: group.lowerBound + offset, into: &workspace.records)
                RadixSort.group(&workspace.records, scratch: &workspace.scratch, by: { $0.key }) {
                    ($0.document, $0.sentence) < ($1.document, $1.sentence)
                }
                // By the partition they are filed in (sorted out here, on the workers).
                var pairs = [[SentenceCollision]](repeating: [], count: Self.collisionPartitionCount)
                var buckets = CappedBuckets(maximumSize: maximumBucketSize)
                buckets.forEachBucket(in: workspace.records, sameBucket: { $0.key == $1.key }, document: \.document) { bucket in
                    let isFirstBand = bucket[bucket.startIndex].key == bucket[bucket.startIndex].firstBandKey
                    let isRare = bucket.count == 2
                    for i in bucket.indices {
                        for j in (i + 1)..<bucket.endIndex where bucket[i].document != bucket[j].document {
                            if !isFirstBand, !isRare, bucket[i].firstBandKey == bucket[j].firstBandKey { continue }
                            let documents = UInt64(UInt32(bucket[i].document)) << 32 | UInt64(UInt32(bucket[j].document))
                            let sentences = UInt64(UInt32(bucket[i].sentence)) << 33 | UInt64(UInt32(bucket[j].sentence)) << 1
                            pairs[Self.collisionPartition(of: documents)].append(
                                SentenceCollision(documents: documents, sentences: sentences | (isRare ? 1 : 0)))
                        }
                    }
                }
                return (pairs, buckets)
              }
            }
            unfiled = found
            for joined in group { store.release(joined) }
            partition = group.upperBound
        }
        fileUnfiled()
        var result: [CandidatePair] = []
        var counted = 0
        partition = 0
        while partition < collisions.partitionCount {
            let group = partition..<min(collisions.partitionCount, partition + width)
            let found = ParallelWork.map(count: group.count, threads: width) { offset in
                withWorkspace { workspace in
                    collisions.records(of: group.lowerBound + offset, into: &workspace.collisions)
                    return candidates(among: &workspace.collisions, scratch: &workspace.collisionScratch)
                }
            }
            for (pairs, sentencePairs) in found {
                result += pairs
                counted += sentencePairs
            }
            for read in group { collisions.release(read) }
            partition = group.upperBound
        }
        collisions.removeFiles()
        RadixSort.sort(&result)
        return Candidates(
            pairs: result, skippedBuckets: skippedBuckets,
            skippedDocuments: skippedDocuments.map { Int($0) }.sorted(), sentencePairs: counted,
            spillError: collisions.spillError)
    }

    /// One worker's arrays in ``candidatePairs(_:threads:)``, reused for every partition it
    /// joins: a partition at a million articles is tens of megabytes, which fresh arrays
    /// would have the system fault in page by page each time (most of the stage's system time).
    final class JoinWorkspace: @unchecked Sendable {
        var records: [SentenceKeyStore.Record] = []
        var scratch: [SentenceKeyStore.Record] = []
        var collisions: [SentenceCollision] = []
        var collisionScratch: [SentenceCollision] = []
    }

    /// Two sentences of two documents that collided: the documents' numbers (the first in the
    /// high half) and the sentences' indices (the first's above bit 33, the second's above
    /// bit 1), bit 0 set when they collided in a bucket of just the two.
    struct SentenceCollision: Sendable {
        var documents: UInt64
        var sentences: UInt64
    }

    /// Partitions of colliding sentence pairs.
    static let collisionPartitionCount = 64

    /// The partition of the collisions of `documents`: top bits of its mix.
    @inline(__always)
    static func collisionPartition(of documents: UInt64) -> Int {
        Int(mix(documents) >> 58)
    }

    /// The document pairs among `collisions` (all collisions of each document pair present,
    /// in any order) that ``pointsAtCopy(_:rareCollisions:)``, in an order fixed by the pairs
    /// alone (not sorted), and the number of distinct sentence pairs counted.
    func candidates(among collisions: [SentenceCollision]) -> (pairs: [CandidatePair], sentencePairs: Int) {
        var sentencePairs = collisions
        var scratch: [SentenceCollision] = []
        return candidates(among: &sentencePairs, scratch: &scratch)
    }

    /// ``candidates(among:)`` that groups `collisions` in place, through `scratch` (both
    /// arrays' storage kept for the caller's next partition; their contents left undefined).
    func candidates(
        among sentencePairs: inout [SentenceCollision], scratch: inout [SentenceCollision]
    ) -> (pairs: [CandidatePair], sentencePairs: Int) {
        // Each document pair's collisions together (by a bijective mix of the pair, whose low
        // bits spread), in sentence order.
        RadixSort.group(&sentencePairs, scratch: &scratch, by: { Self.mix($0.documents) }) { $0.sentences < $1.sentences }
        var result: [CandidatePair] = []
        var counted = 0
        var start = 0
        var chain: [(UInt32, UInt32)] = []
        while start < sentencePairs.count {
            var end = start + 1
            while end < sentencePairs.count, sentencePairs[end].documents == sentencePairs[start].documents { end += 1 }
            chain.removeAll(keepingCapacity: true)
            var rare = 0
            for index in start..<end {
                let sentences = sentencePairs[index].sentences
                // Sorted: a pair's common (flag 0) and rare (flag 1) collisions are neighbours.
                if index + 1 < end, sentencePairs[index + 1].sentences >> 1 == sentences >> 1 { continue }
                chain.append((UInt32(truncatingIfNeeded: sentences >> 33), UInt32(truncatingIfNeeded: (sentences >> 1) & 0xFFFF_FFFF)))
                rare += Int(sentences & 1)
            }
            counted += chain.count
            if pointsAtCopy(chain, rareCollisions: rare) {
                let documents = sentencePairs[start].documents
                result.append(CandidatePair(unordered: Int(documents >> 32), Int(documents & 0xFFFF_FFFF)))
            }
            start = end
        }
        return (result, counted)
    }

    /// Whether two documents whose colliding sentence pairs are `pairs` (sorted, distinct;
    /// see ``isPassage(_:)``) are candidates, `rareCollisions` of those pairs having collided
    /// in a bucket holding just the two sentences: when ``minimumCollisions`` collisions are
    /// rare, or when they form a passage.
    ///
    /// A sentence only two documents share links them wherever it stands (two articles
    /// quoting one speaker); a sentence many documents share is a stock sentence unless its
    /// neighbours come along, as inverse document frequency discounts common words (Spärck
    /// Jones 1972).
    public func pointsAtCopy(_ pairs: [(UInt32, UInt32)], rareCollisions: Int) -> Bool {
        rareCollisions >= max(1, minimumCollisions) || isPassage(pairs)
    }

    /// Whether the colliding sentence pairs of two documents, (sentence of one, sentence of
    /// the other) sorted and distinct, point at a shared passage: at least
    /// ``minimumCollisions`` of them form a chain in which each next pair comes later in
    /// *both* documents by at most ``maximumSentenceGap`` sentences. With no gap set, any
    /// ``minimumCollisions`` distinct pairs do.
    ///
    /// Copied text, however edited, keeps its sentences in order and together; articles that
    /// merely draw on one pool of stock sentences share them scattered. The same idea makes
    /// alignment tools chain nearby seed matches before aligning (passim: Smith, Cordell &
    /// Mullen 2015; BLAST's two-hit rule: Altschul et al. 1997).
    ///
    /// - Complexity: O(*n* · *w*) for *n* pairs and *w* pairs within the gap of one another.
    public func isPassage(_ pairs: [(UInt32, UInt32)]) -> Bool {
        guard pairs.count >= minimumCollisions else { return false }
        guard let gap = maximumSentenceGap.map(UInt32.init) else { return true }
        if minimumCollisions <= 1 { return !pairs.isEmpty }
        var length = [Int](repeating: 1, count: pairs.count)
        for p in pairs.indices {
            var q = p - 1
            while q >= 0, pairs[q].0 + gap >= pairs[p].0 {
                if pairs[q].0 < pairs[p].0, pairs[q].1 < pairs[p].1, pairs[q].1 + gap >= pairs[p].1 {
                    length[p] = max(length[p], length[q] + 1)
                    if length[p] >= minimumCollisions { return true }
                }
                q -= 1
            }
        }
        return false
    }

    /// A 64-bit finaliser (the MurmurHash3 fmix64 constants; ``RowMinima/mix(_:)``).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 { RowMinima.mix(value) }
}
