import SyndicationEngine

/// Aligns the passages two documents share, sentence by sentence.
///
/// Seed, extend, filter, after Sanchez-Perez, Sidorov & Gelbukh (2014), "A Winning Approach to
/// Text Alignment for Text Reuse Detection at PAN 2014":
/// 1. **Seeds**: sentence pairs whose character-shingle sets are similar enough (Jaccard at
///    least ``seedThreshold``, or one sentence mostly contained in the other, for merged or
///    split sentences), or whose words are (tf-isf cosine at least ``wordCosineThreshold``,
///    for reordered or translated wording). Character shingles survive spinning and light
///    edits that break every word 5-shingle. Boilerplate and the title line never seed.
/// 2. **Extension**: seeds within ``maximumGap`` sentences of each other in *both*
///    documents join one passage, so a run of reworded sentences with a few dropped or
///    rewritten beyond recognition still aligns as one passage.
/// 3. **Filter**: within a passage, a sentence seeded with several sentences of the other
///    document keeps only its strongest match and that match's neighbours (a sentence that
///    merely resembles one far away would stretch the passage over prose nobody copied);
///    passages claim each sentence once (strongest first); a copy passage less alike in
///    character shingles than a seed must share half its distinct words
///    (``minimumWordDice``); a passage whose every seed is driven by quoted words alone is a
///    shared quotation, not copy.
/// 4. **Ends**: a copy passage whose words are copied verbatim is trimmed to the words the
///    two sides share, so a copy glued into the middle of a sentence does not carry the rest
///    of that sentence with it (``trimmedToVerbatim(_:_:in:trigrams:sharing:)``).
/// 5. **Growth**: a copy passage with at least two seeded sentences on one side takes in the
///    unclaimed prose sentence pair just outside each end, one pair at a time, while the two are
///    alike at a lower bar than a seed's (tf-isf cosine ``edgeGrowthCosine``), so the reworded
///    first or last sentence of a translated or spun copy is not cut off (`EdgeGrowth.swift`).
public struct PassageAligner: Sendable {
    /// Least passage similarity of a `verbatim` passage.
    public static let verbatimSimilarity = 0.97
    /// Least passage similarity of an `edited` passage; below it a passage is `rewritten`.
    /// Light edits (house style, a changed word per sentence) keep character-shingle Jaccard
    /// above it; synonym spinning and paraphrase (measured medians 0.67 and 0.50 on WireBench
    /// dev) fall below.
    public static let editedSimilarity = 0.75

    /// Least tf-isf cosine of two sentences' words for a seed that character shingles missed.
    /// Sanchez-Perez et al. (2014) seed at 0.33; such a low bar also pairs sentences that merely
    /// name the same people and places, which ``minimumWordDice`` then screens per passage.
    public var wordCosineThreshold: Double = 0.3
    /// Least Dice coefficient of the two spans' word sets for a copy passage whose character
    /// shingles are less alike than a seed's (``seedThreshold``): reworded or reordered copy
    /// keeps most of its words (PAN random obfuscation: typically 0.6–0.9), while two reports
    /// on the same subject share their names but little else.
    public var minimumWordDice: Double = 0.5

    /// Least character-shingle Jaccard of a seed.
    public var seedThreshold: Double
    /// Most sentences between two seeds of one passage.
    public var maximumGap: Int

    /// An aligner with the given settings.
    public init(seedThreshold: Double = 0.25, maximumGap: Int = 3) {
        self.seedThreshold = seedThreshold
        self.maximumGap = maximumGap
    }

    /// A pair of similar sentences.
    public struct Seed: Hashable, Sendable {
        /// Sentence index in the first document.
        public var first: Int
        /// Sentence index in the second document.
        public var second: Int
        /// Character-shingle Jaccard of the two sentences.
        public var similarity: Double
        /// Whether the words outside quotations are similar too (not only a shared quote).
        public var isProse: Bool
    }

    /// The seeds of two documents, sorted by position in the first, then the second.
    ///
    /// - Complexity: O(shared shingle postings), through an inverted index of `b`.
    public func seeds(_ a: DocumentProfile, _ b: DocumentProfile) -> [Seed] {
        seeding(a, b).seeds
    }

    /// Worker threads the seeding of two long documents may take (0: one per core); the seeds
    /// do not depend on it. A scan's verifier sets it to the scan's: its pairs are verified
    /// on the workers already, but the last of them, or the one pair of two very long
    /// documents, would otherwise keep a single core busy.
    public var threads: Int = 1

    /// Sentence pairs (the first document's sentences times the second's) from which seeding
    /// through postings is split over ``threads``: the pairs that share a shingle, seeding's
    /// work, grow with them. News articles and PAN 2013's documents (its largest pair about
    /// 1.8 million, by a rough sentence count) stay below it and are seeded on their pair's
    /// own worker, as before.
    var parallelSeedingPairs = 1 << 22

    /// Most workers the seeding of one pair is split over: each holds word weight tables of
    /// its own, a double for every word of the two documents and two for every sentence (two
    /// 20 MB documents of 2.8 million words each: about 50 MB a worker), so a machine of many
    /// cores does not multiply them past a few.
    static let maximumSeedingWorkers = 4

    /// The seeds of `a` and `b`; the sentence pairs that share a tenth of their character
    /// shingles without seeding (where ``windowSeeds(_:existing:_:_:weights:)`` looks); and the
    /// pair's word weights, so that a second pass reuses all three.
    ///
    /// Long documents' sentences are seeded in runs of `a`'s sentences on up to ``threads``
    /// workers, each with word weights of its own (a weight table fills in as it is read), and
    /// the runs' seeds and near misses joined in order: the same as one run gives.
    func seeding(
        _ a: DocumentProfile, _ b: DocumentProfile
    ) -> (seeds: [Seed], nearMisses: [SentencePair], weights: LazyWordWeights) {
        let postings = ShinglePostings(b)
        let shingleCountsB = b.sentences.map(\.shingles.count)
        let workers = Swift.min(threads <= 0 ? ParallelWork.coreCount : threads, Self.maximumSeedingWorkers, a.sentences.count)
        guard workers > 1, a.sentences.count &* b.sentences.count >= parallelSeedingPairs else {
            let weights = LazyWordWeights(a, b)
            let found = seeding(a.sentences.indices, of: a, b, postings: postings, shingleCounts: shingleCountsB, weights: weights)
            return (found.seeds, found.nearMisses, weights)
        }
        let frequencies = (SentenceWordFrequencies(a), SentenceWordFrequencies(b))
        let bounds = (0...workers).map { a.sentences.count &* $0 / workers }
        let parts = ParallelWork.map(count: workers, threads: workers) { part in
            seeding(
                bounds[part]..<bounds[part + 1], of: a, b, postings: postings, shingleCounts: shingleCountsB,
                weights: LazyWordWeights(frequencies: frequencies))
        }
        return (parts.flatMap(\.seeds), parts.flatMap(\.nearMisses), LazyWordWeights(frequencies: frequencies))
    }

    /// The seeds and near misses of the sentences `rows` of `a` with those of `b`, whose
    /// shingles `postings` index and whose shingle counts are `shingleCounts`: in order of `a`'s
    /// sentences, then `b`'s.
    private func seeding(
        _ rows: Range<Int>, of a: DocumentProfile, _ b: DocumentProfile, postings: ShinglePostings, shingleCounts shingleCountsB: [Int],
        weights: LazyWordWeights
    ) -> (seeds: [Seed], nearMisses: [SentencePair]) {
        var result: [Seed] = []
        var candidates: [SentencePair] = []
        // Each sentence's runs of postings, found first: the probes of one sentence's shingles
        // do not wait on each other, so their cache misses overlap (a long document's table
        // outgrows the cache), which they cannot while each run is walked as it is found.
        var runs: [Range<Int>] = []
        let columns = b.sentences.count
        // The shared count of each sentence of `b`, and the sentences counted (at most all of
        // them), in plain memory: the walk of the postings is this scan's innermost loop, and
        // an array there is checked for bounds and for being shared at every step.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 &* Swift.max(1, columns)) { memory in
            let counts = memory.baseAddress!, touched = counts + columns
            counts.initialize(repeating: 0, count: columns)
            // Sentences are read in place: copying one retains each of its arrays.
            a.sentences.withUnsafeBufferPointer { sentencesA in
                b.sentences.withUnsafeBufferPointer { sentencesB in
                    postings.withPostings { holders in
                        for i in rows where !sentencesA[i].isExcluded {
                            runs.removeAll(keepingCapacity: true)
                            for shingle in sentencesA[i].shingles {
                                let run = postings.run(of: shingle)
                                if !run.isEmpty { runs.append(run) }
                            }
                            var touchedCount = 0
                            for run in runs {
                                for place in run {
                                    let j = Int(holders[place])
                                    if counts[j] == 0 {
                                        touched[touchedCount] = Int32(truncatingIfNeeded: j)
                                        touchedCount &+= 1
                                    }
                                    counts[j] &+= 1
                                }
                            }
                            // Judged in the order met, each pair on its own; what this sentence
                            // adds is then put in the order of `b`'s sentences (cheaper than
                            // sorting every sentence it shares a shingle with).
                            let seedsBefore = result.count, missesBefore = candidates.count
                            let leftCount = sentencesA[i].shingles.count
                            for place in 0..<touchedCount {
                                let j = Int(touched[place])
                                let shared = Int(counts[j])
                                counts[j] = 0
                                guard !isChance(shared: shared, leftCount, shingleCountsB[j]) else { continue }
                                judge(
                                    i, sentencesA.baseAddress! + i, j, sentencesB.baseAddress! + j, shared: shared,
                                    weights: weights, seeds: &result, nearMisses: &candidates)
                            }
                            if result.count - seedsBefore > 1 { result[seedsBefore...].sort { $0.second < $1.second } }
                            if candidates.count - missesBefore > 1 { candidates[missesBefore...].sort { $0.second < $1.second } }
                        }
                    }
                }
            }
        }
        return (result, candidates)
    }

    /// Judges sentence `i` of one document against sentence `j` of the other, which share
    /// `shared` character shingles: a seed (``seed(_:_:_:_:shared:weights:)``) joins `seeds`;
    /// a pair that shares a tenth of the smaller sentence's shingles without seeding joins
    /// `nearMisses`, where the window pass looks.
    func judge(
        _ i: Int, _ left: DocumentProfile.Sentence, _ j: Int, _ right: DocumentProfile.Sentence, shared: Int,
        weights: LazyWordWeights, seeds: inout [Seed], nearMisses: inout [SentencePair]
    ) {
        withUnsafePointer(to: left) { left in
            withUnsafePointer(to: right) { right in
                judge(i, left, j, right, shared: shared, weights: weights, seeds: &seeds, nearMisses: &nearMisses)
            }
        }
    }

    /// ``judge(_:_:_:_:shared:weights:seeds:nearMisses:)`` of two sentences read in place (a
    /// sentence passed by value is copied, which retains each of its arrays).
    @inline(__always)
    func judge(
        _ i: Int, _ left: UnsafePointer<DocumentProfile.Sentence>, _ j: Int, _ right: UnsafePointer<DocumentProfile.Sentence>,
        shared: Int, weights: LazyWordWeights, seeds: inout [Seed], nearMisses: inout [SentencePair]
    ) {
        if let seed = seed(i, left, j, right, shared: shared, weights: weights) {
            seeds.append(seed)
        } else if !right.pointee.isExcluded && 10 * shared >= min(left.pointee.shingles.count, right.pointee.shingles.count) {
            nearMisses.append(SentencePair(first: i, second: j))
        }
    }

    /// Least tf-isf cosine of two windows of ``windowSpan`` consecutive sentences for a window
    /// seed (see ``align(_:_:)``).
    public var windowCosine: Double = 0.4
    /// Sentences per window of a window seed.
    public var windowSpan: Int = 2

    /// Seeds from windows of ``windowSpan`` sentences starting at or just before each candidate
    /// sentence pair (one that shares a tenth of its character shingles), added to `existing`.
    func windowSeeds(
        _ candidates: [SentencePair], existing: [Seed], _ a: DocumentProfile, _ b: DocumentProfile,
        weights: LazyWordWeights
    ) -> [Seed] {
        var seen = Set(existing.map { SentencePair(first: $0.first, second: $0.second) })
        var added: [Seed] = []
        // Each window is made once: near misses next to each other share their windows.
        var windowsA = [SentenceWindow??](repeating: nil, count: a.sentences.count)
        var windowsB = [SentenceWindow??](repeating: nil, count: b.sentences.count)
        func window(_ cache: inout [SentenceWindow??], _ profile: DocumentProfile, _ start: Int) -> SentenceWindow? {
            if let known = cache[start] { return known }
            let made = SentenceWindow(profile, start: start, span: windowSpan, weights: weights)
            cache[start] = .some(made)
            return made
        }
        for candidate in candidates {
            let i = candidate.first, j = candidate.second
            for (da, db) in [(0, 0), (-1, -1), (-1, 0), (0, -1)] {
                let startA = i + da, startB = j + db
                guard startA >= 0, startB >= 0,
                      let left = window(&windowsA, a, startA), let right = window(&windowsB, b, startB),
                      left.isUnquoted && right.isUnquoted else { continue }
                let (cosine, dice) = left.similarity(right, weights: weights)
                guard cosine >= windowCosine && dice >= windowCosine * 0.8 else { continue }
                for offset in 0..<windowSpan {
                    let p = startA + offset, q = startB + offset
                    guard p < a.sentences.count, q < b.sentences.count,
                          !a.sentences[p].isExcluded, !b.sentences[q].isExcluded,
                          seen.insert(SentencePair(first: p, second: q)).inserted else { continue }
                    let shared = SortedHashSet.intersectionCount(a.sentences[p].shingles, b.sentences[q].shingles)
                    let union = a.sentences[p].shingles.count + b.sentences[q].shingles.count - shared
                    added.append(Seed(first: p, second: q, similarity: union == 0 ? 0 : Double(shared) / Double(union), isProse: true))
                }
                break
            }
        }
        guard !added.isEmpty else { return existing }
        return (existing + added).sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// A sentence of the first document and one of the second, by index: a near miss, or
    /// a seed's place. Held as 32-bit indexes (a document of more sentences is not aligned
    /// sentence by sentence): two long documents can hold tens of millions of near misses.
    struct SentencePair: Hashable {
        private var firstIndex: Int32
        private var secondIndex: Int32

        init(first: Int, second: Int) {
            firstIndex = Int32(first)
            secondIndex = Int32(second)
        }

        /// The sentence of the first document.
        var first: Int { Int(firstIndex) }
        /// The sentence of the second document.
        var second: Int { Int(secondIndex) }
    }

    /// The seed that sentence `i` of one document and sentence `j` of the other make, sharing
    /// `shared` character shingles, or nil (see ``judge(_:_:_:_:shared:weights:seeds:nearMisses:)``).
    func seed(
        _ i: Int, _ left: UnsafePointer<DocumentProfile.Sentence>, _ j: Int, _ right: UnsafePointer<DocumentProfile.Sentence>,
        shared: Int, weights: LazyWordWeights
    ) -> Seed? {
        let union = left.pointee.shingles.count + right.pointee.shingles.count - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        let smaller = min(left.pointee.shingles.count, right.pointee.shingles.count)
        let containment = smaller == 0 ? 0 : Double(shared) / Double(smaller)
        let shortest = min(left.pointee.wordCount, right.pointee.wordCount)
        // Short sentences match by chance; ask more of them.
        let threshold = shortest < 6 ? max(0.5, seedThreshold) : seedThreshold
        var isSeed = jaccard >= threshold || (shortest >= 6 && containment >= 0.65 && jaccard >= threshold / 2)
        let byShingles = isSeed
        if !isSeed && shortest >= 4 && 6 * shared >= smaller {
            // Reordered or reworded beyond character shingles (shuffled words, a translation
            // round trip): the same words, weighted by rarity, in either order.
            let (cosine, dice) = weights.value.similarity(a: i, left, b: j, right)
            isSeed = cosine >= wordCosineThreshold && dice >= wordCosineThreshold * 0.8
        }
        guard isSeed else { return nil }
        // A sentence with no quoted word keeps its shingles as its prose shingles (the same
        // array): for two such sentences the prose shares what the sentences share.
        let proseShared = Self.isWhole(left.pointee.proseShingles, of: left.pointee.shingles)
            && Self.isWhole(right.pointee.proseShingles, of: right.pointee.shingles)
            ? shared : SortedHashSet.intersectionCount(left.pointee.proseShingles, right.pointee.proseShingles)
        let proseSmaller = min(left.pointee.proseShingles.count, right.pointee.proseShingles.count)
        let proseUnion = left.pointee.proseShingles.count + right.pointee.proseShingles.count - proseShared
        let proseJaccard = proseUnion == 0 ? 0 : Double(proseShared) / Double(proseUnion)
        let proseContainment = proseSmaller == 0 ? 0 : Double(proseShared) / Double(proseSmaller)
        // Prose-driven only when the words outside quotations carry most of the match: a
        // shared quotation in a similar attribution frame ("…," the leader said) is a quote.
        // A seed found by its words rather than its character shingles is prose when neither
        // sentence quotes anything (its shingles would not pass the shingle test by design).
        let unquoted = left.pointee.proseWordCount == left.pointee.wordCount
            && right.pointee.proseWordCount == right.pointee.wordCount
        let isProse = (!byShingles && unquoted) || (min(left.pointee.proseWordCount, right.pointee.proseWordCount) >= 4
            && 2 * proseShared >= shared
            && (proseJaccard >= threshold || (proseContainment >= 0.65 && proseJaccard >= threshold / 2)))
        // A match outside the prose must come from a quotation on at least one side (a quote
        // may be carried as indirect speech on the other); anything else is chance.
        let quotedWords = max(
            left.pointee.wordCount - left.pointee.proseWordCount, right.pointee.wordCount - right.pointee.proseWordCount)
        guard isProse || quotedWords >= 5 else { return nil }
        return Seed(first: i, second: j, similarity: jaccard, isProse: isProse)
    }

    /// Whether `part` is `whole` itself: the same storage (so the same hashes), as a sentence's
    /// prose shingles are its shingles when it quotes nothing. Only identity is checked, never
    /// contents, so a `false` costs nothing but the plain intersection it stands in for.
    @inline(__always)
    static func isWhole(_ part: [UInt64], of whole: [UInt64]) -> Bool {
        part.count == whole.count && part.withUnsafeBufferPointer { part in
            whole.withUnsafeBufferPointer { part.baseAddress == $0.baseAddress }
        }
    }

    /// The aligned passages of two documents: copy (verbatim, edited, rewritten) and shared
    /// quotations, sorted by position in `a`.
    ///
    /// Where no sentence pair seeds a copy passage (short copy whose sentences were shuffled,
    /// split or translated apart), a second pass also seeds on windows of ``windowSpan``
    /// consecutive sentences whose pooled words reach tf-isf cosine ``windowCosine`` — a
    /// sentence-boundary-free view of the same words, after Sanchez-Perez, Sidorov & Gelbukh
    /// (2014). Its passages face the same filters (word Dice, 25-word minimum downstream);
    /// it runs only when the first pass found no copy, so it never stretches a found passage.
    public func align(_ a: DocumentProfile, _ b: DocumentProfile) -> [AlignedPassage] {
        aligned(seeding(a, b), a, b)
    }

    /// The passages of `a` and `b` from their first seeding (``seeding(_:_:)``, or the same
    /// seeds and near misses found through ``SentenceShingleIndex``): passages from the seeds;
    /// when they hold no copy, window seeds among the near misses; then condensed copies.
    func aligned(
        _ first: (seeds: [Seed], nearMisses: [SentencePair], weights: LazyWordWeights),
        _ a: DocumentProfile, _ b: DocumentProfile, indexes: ShingleIndexes? = nil
    ) -> [AlignedPassage] {
        let found = passages(first.seeds, a, b, weights: first.weights, indexes: indexes)
        guard !found.contains(where: \.kind.isCopy), !first.nearMisses.isEmpty else {
            return condensedCopies(found, seeds: first.seeds, a, b, weights: first.weights)
        }
        let widened = windowSeeds(first.nearMisses, existing: first.seeds, a, b, weights: first.weights)
        guard widened.count > first.seeds.count else { return condensedCopies(found, seeds: first.seeds, a, b, weights: first.weights) }
        let windowed = passages(widened, a, b, weights: first.weights, indexes: indexes)
        return condensedCopies(
            windowed.contains(where: \.kind.isCopy) ? windowed : found, seeds: first.seeds, a, b, weights: first.weights)
    }

    /// The passages that `seeds` (of `a` and `b`, sorted) extend to; copy passages then grow
    /// at their edges (``grownEdges(_:_:_:_:_:claimedA:claimedB:weights:)``, by `weights`).
    func passages(
        _ seeds: [Seed], _ a: DocumentProfile, _ b: DocumentProfile, weights: LazyWordWeights,
        indexes: ShingleIndexes? = nil
    ) -> [AlignedPassage] {
        guard !seeds.isEmpty else { return [] }
        let groups = extend(seeds).map { group in
            let strongest = Self.strongestMatches(group)
            return (seeds: strongest, weight: weight(strongest, a))
        }
        // Strongest groups claim their sentences first.
        let ranked = groups.sorted { lhs, rhs in
            lhs.weight != rhs.weight
                ? lhs.weight > rhs.weight : (lhs.seeds[0].first, lhs.seeds[0].second) < (rhs.seeds[0].first, rhs.seeds[0].second)
        }.map(\.seeds)
        var claimedA = SentenceClaims(count: a.sentences.count)
        var claimedB = SentenceClaims(count: b.sentences.count)
        var passages: [AlignedPassage] = []
        for group in ranked {
            let kept = group.filter { !claimedA.contains($0.first) && !claimedB.contains($0.second) }
            guard !kept.isEmpty else { continue }
            for run in splitAtExcluded(kept, a, b) {
                // The sentences the run spans on each side, in one walk.
                var firstA = Int.max, lastA = Int.min, firstB = Int.max, lastB = Int.min
                for seed in run {
                    firstA = min(firstA, seed.first); lastA = max(lastA, seed.first)
                    firstB = min(firstB, seed.second); lastB = max(lastB, seed.second)
                }
                for index in firstA...lastA { claimedA.insert(index) }
                for index in firstB...lastB { claimedB.insert(index) }
                var found = passage(run, firstA...lastA, firstB...lastB, a, b, indexes: indexes)
                if found.kind.isCopy && found.similarity < seedThreshold
                    && Self.wordDice(firstA...lastA, a, firstB...lastB, b) < minimumWordDice {
                    // Not copy; the quotations its seeds share are still shared quotations.
                    let quoted = run.filter { !$0.isProse }
                    guard let first = quoted.first else { continue }
                    let rangeA = quoted.reduce(first.first...first.first) { min($0.lowerBound, $1.first)...max($0.upperBound, $1.first) }
                    let rangeB = quoted.reduce(first.second...first.second) { min($0.lowerBound, $1.second)...max($0.upperBound, $1.second) }
                    found = passage(quoted, rangeA, rangeB, a, b, indexes: indexes)
                } else if found.kind.isCopy, let grown = grownEdges(
                    run, firstA...lastA, firstB...lastB, a, b, claimedA: claimedA, claimedB: claimedB, weights: weights) {
                    for index in grown.a { claimedA.insert(index) }
                    for index in grown.b { claimedB.insert(index) }
                    found = passage(run, grown.a, grown.b, a, b, indexes: indexes)
                }
                passages.append(found)
            }
        }
        return Self.mergedOverlaps(passages)
    }

    /// The Dice coefficient of the distinct words of two sentence ranges (excluded sentences
    /// left out).
    static func wordDice(
        _ rangeA: ClosedRange<Int>, _ a: DocumentProfile, _ rangeB: ClosedRange<Int>, _ b: DocumentProfile
    ) -> Double {
        let words = unionCounts(rangeA, a, rangeB, b, of: .words)
        guard words.a > 0 || words.b > 0 else { return 0 }
        return Double(2 * words.shared) / Double(words.a + words.b)
    }

    /// Passages sorted by position in `a`, with passages of the same kind that overlap or
    /// touch in both documents merged into one (a passage the claiming order cut in two), and
    /// passages that overlap another in one document only dropped in favour of the longer.
    static func mergedOverlaps(_ passages: [AlignedPassage]) -> [AlignedPassage] {
        var result: [AlignedPassage] = []
        for passage in passages.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            guard var last = result.last else { result.append(passage); continue }
            let touchesA = passage.a.start <= last.a.end + 2
            let touchesB = passage.b.start <= last.b.end + 2 && passage.b.end + 2 >= last.b.start
            if touchesA && touchesB && passage.kind.isCopy == last.kind.isCopy {
                let lengthLast = Double(last.a.length), lengthNew = Double(passage.a.length)
                last.similarity = (last.similarity * lengthLast + passage.similarity * lengthNew) / max(1, lengthLast + lengthNew)
                last.a = last.a.union(passage.a)
                last.b = last.b.union(passage.b)
                if passage.kind.isCopy && passage.kind != last.kind {
                    last.kind = last.similarity >= verbatimSimilarity ? .verbatim
                        : last.similarity >= editedSimilarity ? .edited : .rewritten
                }
                result[result.count - 1] = last
            } else if passage.a.overlap(with: last.a) > 0 {
                if passage.a.length > last.a.length { result[result.count - 1] = passage }
            } else {
                result.append(passage)
            }
        }
        return result
    }

    /// The seeds of a group without the weaker matches of a sentence that has several: each
    /// sentence keeps its strongest match and the seeds next to it in the other document (a
    /// sentence split in two, or two merged into one), and drops matches farther away.
    /// The strongest seed of the group always stays.
    static func strongestMatches(_ group: [Seed]) -> [Seed] {
        guard group.count > 1 else { return group }
        func stronger(_ lhs: Seed, than rhs: Seed?) -> Bool {
            guard let rhs else { return true }
            return lhs.similarity != rhs.similarity
                ? lhs.similarity > rhs.similarity : (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
        // The strongest seed of each sentence, by sentence index less the group's lowest: its
        // place in the group, -1 for none yet (one scratch block for both sides).
        var lowFirst = Int.max, highFirst = Int.min, lowSecond = Int.max, highSecond = Int.min
        for seed in group {
            lowFirst = min(lowFirst, seed.first); highFirst = max(highFirst, seed.first)
            lowSecond = min(lowSecond, seed.second); highSecond = max(highSecond, seed.second)
        }
        let firsts = highFirst - lowFirst + 1, seconds = highSecond - lowSecond + 1
        return group.withUnsafeBufferPointer { seeds in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: firsts + seconds) { scratch in
                scratch.initialize(repeating: -1)
                let bestOfFirst = scratch.baseAddress!, bestOfSecond = bestOfFirst + firsts
                for place in seeds.indices {
                    let seed = seeds[place]
                    let first = seed.first - lowFirst, second = seed.second - lowSecond
                    if stronger(seed, than: bestOfFirst[first] < 0 ? nil : seeds[bestOfFirst[first]]) { bestOfFirst[first] = place }
                    if stronger(seed, than: bestOfSecond[second] < 0 ? nil : seeds[bestOfSecond[second]]) { bestOfSecond[second] = place }
                }
                return seeds.filter { seed in
                    abs(seeds[bestOfFirst[seed.first - lowFirst]].second - seed.second) <= 1
                        && abs(seeds[bestOfSecond[seed.second - lowSecond]].first - seed.first) <= 1
                }
            }
        }
    }

    /// The sentences of one document that passages have claimed: a flag per sentence.
    struct SentenceClaims {
        private var flags: [Bool]

        /// No sentence of `count` claimed.
        init(count: Int) {
            flags = [Bool](repeating: false, count: count)
        }

        /// Whether sentence `index` is claimed (false for an index outside the document).
        @inline(__always)
        func contains(_ index: Int) -> Bool {
            flags.indices.contains(index) && flags[index]
        }

        /// Claims sentence `index`.
        @inline(__always)
        mutating func insert(_ index: Int) {
            flags[index] = true
        }
    }

    /// Groups seeds that lie within ``maximumGap`` sentences of each other in both documents.
    ///
    /// Union-find over the seeds (sorted by their first sentence), read in place; each group
    /// holds its seeds in seed order and is made at its size.
    func extend(_ seeds: [Seed]) -> [[Seed]] {
        let count = seeds.count
        guard count > 0 else { return [] }
        let reach = maximumGap + 1
        return seeds.withUnsafeBufferPointer { seeds in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { buffer in
                let parent = buffer.baseAddress!, groupOf = parent + count
                for index in 0..<count { parent[index] = index }
                func root(_ index: Int) -> Int {
                    var index = index
                    while parent[index] != index {
                        parent[index] = parent[parent[index]]
                        index = parent[index]
                    }
                    return index
                }
                for s in 0..<count {
                    let first = seeds[s].first, second = seeds[s].second
                    var t = s &+ 1
                    while t < count, seeds[t].first - first <= reach {
                        let distance = abs(seeds[t].second - second)
                        if distance <= reach, seeds[t].first != first || distance == 1 {
                            let left = root(s), right = root(t)
                            if left != right { parent[max(left, right)] = min(left, right) }
                        }
                        t &+= 1
                    }
                }
                // A group's root is its first seed (a union keeps the lower root), so groups
                // open in the order of their roots. Each seed's root is kept as its parent.
                var sizes: [Int] = []
                for index in 0..<count {
                    let first = root(index)
                    parent[index] = first
                    if first == index {
                        groupOf[index] = sizes.count
                        sizes.append(1)
                    } else {
                        sizes[groupOf[first]] &+= 1
                    }
                }
                var groups = sizes.map { size in
                    var group: [Seed] = []
                    group.reserveCapacity(size)
                    return group
                }
                for index in 0..<count { groups[groupOf[parent[index]]].append(seeds[index]) }
                return groups
            }
        }
    }

    func weight(_ group: [Seed], _ a: DocumentProfile) -> Double {
        group.reduce(0) { $0 + $1.similarity * Double(a.sentences[$1.first].wordCount) }
    }

    /// Splits a group where boilerplate (a template line, an advertisement) separates its seeds
    /// in either document. Furniture of the text's own (a subheading) does not split a passage.
    ///
    /// A group is mostly in seed order already (seeds are sorted, and groups keep their order);
    /// its seeds are distinct pairs, so the sorted order is one and a group already in it is
    /// taken as it is. Each run is cut from the ordered seeds once.
    func splitAtExcluded(_ group: [Seed], _ a: DocumentProfile, _ b: DocumentProfile) -> [[Seed]] {
        let inOrder = zip(group, group.dropFirst()).allSatisfy { ($0.first, $0.second) < ($1.first, $1.second) }
        let ordered = inOrder ? group : group.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        // Sentences are read in place: copying one retains each of its arrays.
        return a.sentences.withUnsafeBufferPointer { sentencesA in
            b.sentences.withUnsafeBufferPointer { sentencesB in
                var runs: [[Seed]] = []
                var start = 0
                for index in ordered.indices.dropFirst() {
                    let previous = ordered[index - 1], seed = ordered[index]
                    let excludedBetweenA = (min(previous.first, seed.first)...max(previous.first, seed.first))
                        .contains { sentencesA[$0].isBoilerplate }
                    let excludedBetweenB = (min(previous.second, seed.second)...max(previous.second, seed.second))
                        .contains { sentencesB[$0].isBoilerplate }
                    if excludedBetweenA || excludedBetweenB {
                        runs.append(Array(ordered[start..<index]))
                        start = index
                    }
                }
                runs.append(Array(ordered[start...]))
                return runs
            }
        }
    }

    /// The passage that `run` aligns over sentences `rangeA` of `a` and `rangeB` of `b`; given
    /// the documents' shingle indexes (`indexes`, for these profiles), its similarity is
    /// counted through them where that is cheaper (``shingleJaccard(_:_:_:_:indexes:)``).
    func passage(
        _ run: [Seed], _ rangeA: ClosedRange<Int>, _ rangeB: ClosedRange<Int>,
        _ a: DocumentProfile, _ b: DocumentProfile, indexes: ShingleIndexes? = nil
    ) -> AlignedPassage {
        let isQuote = !run.contains(where: \.isProse)
        var spanA = a.sentences[rangeA.lowerBound].span.union(a.sentences[rangeA.upperBound].span)
        var spanB = b.sentences[rangeB.lowerBound].span.union(b.sentences[rangeB.upperBound].span)
        if isQuote {
            spanA = Self.narrowToQuotations(spanA, a.quotations)
            spanB = Self.narrowToQuotations(spanB, b.quotations)
        } else {
            (spanA, spanB) = Self.trimmedToVerbatim(spanA, rangeA, in: a, spanB, rangeB, in: b, twins: indexes?.twins)
        }
        // Similarity of the prose the passage spans: a sentence one side dropped counts as an
        // edit; furniture inside it (an advertisement or "Related: …" line) does not.
        let similarity = Self.shingleJaccard(rangeA, a, rangeB, b, indexes: indexes)
        let kind: AlignedPassage.Kind
        if isQuote {
            kind = .quote
        } else if similarity >= Self.verbatimSimilarity {
            kind = .verbatim
        } else if similarity >= Self.editedSimilarity {
            kind = .edited
        } else {
            kind = .rewritten
        }
        return AlignedPassage(a: spanA, b: spanB, kind: kind, similarity: similarity)
    }

    /// The smallest span covering the quotations inside `span`, or `span` when it has none.
    static func narrowToQuotations(_ span: TextSpan, _ quotations: [TextSpan]) -> TextSpan {
        let inside = quotations.filter { $0.overlap(with: span) > 0 }
        guard let first = inside.first, let last = inside.last else { return span }
        return TextSpan(start: max(span.start, first.start), end: min(span.end, last.end))
    }
}
