import SyndicationEngine

/// Verifies a candidate pair: exact scores, estimates with bounds, aligned passages, coverage
/// and what kind of sharing it is.
///
/// Direction, credit and cluster are decided later, over all pairs, by ``ProvenanceResolver``.
public struct PairVerifier: Sendable {
    /// The scan's settings.
    public var parameters: ScanParameters
    /// The sentence aligner.
    public var aligner: PassageAligner

    /// A verifier with the given settings.
    public init(parameters: ScanParameters) {
        self.parameters = parameters
        self.aligner = PassageAligner(
            seedThreshold: parameters.sentenceSeedThreshold, maximumGap: parameters.maximumGapSentences)
        aligner.threads = parameters.threads
    }

    /// The finding for `a` and `b` (ids in that order), or nil when they share nothing worth
    /// reporting.
    public func verify(_ a: PreparedDocument, _ b: PreparedDocument) -> PairFinding? {
        // A document the scan did not index (it stands in one pair) is indexed here: its
        // twins with the other side's sentences, and the shortcuts they allow, then cost less
        // than per-pair postings (the same passages, by construction). The first document's
        // table and bit sets are built only if a step reads them (``DeferredShingleIndex``):
        // a verbatim copy's seeds and passages come from the second document's index and the
        // twins alone.
        verify(a, b, indexes: (a.deferredShingleIndex, b.shingleIndex ?? SentenceShingleIndex(b.profile)))
    }

    /// ``verify(_:_:)`` with the sentence shingle indexes of `a` (built when first read) and
    /// `b` given: a caller that verifies several pairs of one document on one thread builds
    /// its index at most once, and only if a pair reads it. Nil for a profile of more than
    /// ``SentenceShingleIndex/sentenceLimit`` sentences.
    func verify(
        _ a: PreparedDocument, _ b: PreparedDocument, indexes: (a: DeferredShingleIndex?, b: SentenceShingleIndex?)
    ) -> PairFinding? {
        // A copy passage shorter than the least copy a pair needs is chance resemblance (a
        // stock phrase, two sentences on the same subject), even beside real copy: Sanchez-Perez
        // et al. (2014) likewise drop short passages. Dropped passages do not count towards it.
        // Passages that passed on their own may then be joined into one condensed copy (a
        // summary); joining never makes a pair out of passages too short to count.
        let (indexA, indexB) = indexes
        let wordsA = indexA?.sentenceWords, wordsB = indexB?.sentenceWords
        var passages = PassageAligner.joinedCondensations(aligner.align(a.profile, b.profile, deferred: (indexA, indexB)).filter { passage in
            !passage.kind.isCopy || min(a.profile.proseWords(in: passage.a, sentenceWords: wordsA),
                                        b.profile.proseWords(in: passage.b, sentenceWords: wordsB))
                >= parameters.minimumCopyWords
        }, a.profile, b.profile)
        let copy = passages.filter(\.kind.isCopy)
        let copyWordsA = copy.reduce(0) { $0 + a.profile.proseWords(in: $1.a, sentenceWords: wordsA) }
        let copyWordsB = copy.reduce(0) { $0 + b.profile.proseWords(in: $1.b, sentenceWords: wordsB) }
        // One shared sentence is weak evidence (a teaser repeats a page's first sentence; two
        // reports may share a stock phrase): ask for two aligned sentences on one side at least
        // (a sentence split in two counts), or one long run.
        let copySentences = max(
            copy.reduce(0) { $0 + a.profile.proseSentenceCount(in: $1.a) },
            copy.reduce(0) { $0 + b.profile.proseSentenceCount(in: $1.b) })
        let copyWords = min(copyWordsA, copyWordsB)
        let isReuse = copyWords >= parameters.minimumCopyWords
            && (copySentences >= 2 || copyWords >= 50)
        if !isReuse {
            // Too little to be copy: what was aligned is at most shared phrasing.
            passages = passages.filter { $0.kind == .quote }
        }
        passages += sharedBoilerplate(a, b)
        guard !passages.isEmpty else { return nil }

        let coverageA = isReuse ? Self.share(copy.map(\.a), of: a.profile) : 0
        let coverageB = isReuse ? Self.share(copy.map(\.b), of: b.profile) : 0
        let relation: Relation
        if isReuse {
            relation = Self.relation(copy: copy, coverage: (coverageA, coverageB), a: a.profile, b: b.profile)
        } else if passages.contains(where: { $0.kind == .quote }) {
            relation = .quotes
        } else {
            relation = .boilerplate
        }
        let estimate = (try? a.minhash.jaccard(with: b.minhash, confidenceZ: parameters.confidenceZ))
        let overlap = Self.overlap(a.shingles, b.shingles)
        let scores = PairScores(
            jaccard: Self.rounded(overlap.jaccard),
            containmentAInB: Self.rounded(overlap.containmentAInB),
            containmentBInA: Self.rounded(overlap.containmentBInA),
            minhash: JaccardBounds(
                estimate: Self.rounded(estimate?.estimate ?? 0), lower: Self.rounded(estimate?.lower ?? 0),
                upper: Self.rounded(estimate?.upper ?? 1)),
            simhashDistance: (try? a.simhash.distance(to: b.simhash)) ?? 64)
        let ordered = passages.map {
            AlignedPassage(a: $0.a, b: $0.b, kind: $0.kind, similarity: Self.rounded($0.similarity))
        }.sorted { lhs, rhs in
            (lhs.kind.isCopy ? 0 : 1, lhs.a, lhs.b) < (rhs.kind.isCopy ? 0 : 1, rhs.a, rhs.b)
        }
        return PairFinding(
            a: a.id, b: b.id, relation: relation, source: nil, derived: nil, credited: nil,
            scores: scores,
            coverage: [a.id: Self.rounded(coverageA), b.id: Self.rounded(coverageB)],
            passages: ordered)
    }

    /// ``SortedHashSet/jaccard(_:_:)`` and ``SortedHashSet/containment(of:in:)`` both ways of
    /// two sorted sets, from one intersection rather than three.
    static func overlap(
        _ a: [UInt64], _ b: [UInt64]
    ) -> (jaccard: Double, containmentAInB: Double, containmentBInA: Double) {
        let shared = SortedHashSet.intersectionCount(a, b)
        let union = a.count + b.count - shared
        return (union == 0 ? 0 : Double(shared) / Double(union),
                a.isEmpty ? 0 : Double(shared) / Double(a.count),
                b.isEmpty ? 0 : Double(shared) / Double(b.count))
    }

    /// The relation of a pair with enough copy.
    static func relation(
        copy: [AlignedPassage], coverage: (Double, Double), a: DocumentProfile, b: DocumentProfile
    ) -> Relation {
        // Partial: neither document is mostly this copy (a round-up page, a shared section).
        if max(coverage.0, coverage.1) < 0.8 { return .partial }
        // Weigh each passage's kind by its length in the shorter document's terms (in locals: a
        // table by kind would hash each passage's).
        var total = 0, verbatim = 0, rewritten = 0, hasVerbatim = false
        for passage in copy {
            let weight = min(passage.a.length, passage.b.length)
            total += weight
            switch passage.kind {
            case .verbatim: verbatim += weight; hasVerbatim = true
            case .rewritten: rewritten += weight
            default: break
            }
        }
        if hasVerbatim, Double(verbatim) >= 0.9 * Double(total) { return .verbatim }
        return Double(rewritten) > 0.5 * Double(total) ? .rewritten : .edited
    }

    /// Passages of boilerplate lines the two documents both carry, consecutive lines merged.
    func sharedBoilerplate(_ a: PreparedDocument, _ b: PreparedDocument) -> [AlignedPassage] {
        guard !a.boilerplateLines.isEmpty, !b.boilerplateLines.isEmpty else { return [] }
        var positions: [UInt64: Int] = [:]
        for (index, line) in b.boilerplateLines.enumerated() where positions[line.key] == nil {
            positions[line.key] = index
        }
        var result: [AlignedPassage] = []
        var previous: (Int, Int)?
        for (index, line) in a.boilerplateLines.enumerated() {
            guard let match = positions[line.key] else { previous = nil; continue }
            if let (lastA, lastB) = previous, lastA == index - 1, lastB == match - 1, var last = result.popLast() {
                last.a = last.a.union(line.span)
                last.b = last.b.union(b.boilerplateLines[match].span)
                result.append(last)
            } else {
                result.append(AlignedPassage(
                    a: line.span, b: b.boilerplateLines[match].span, kind: .boilerplate, similarity: 1))
            }
            previous = (index, match)
        }
        return result
    }

    /// The share of a document's prose that `spans` cover.
    static func share(_ spans: [TextSpan], of profile: DocumentProfile) -> Double {
        guard profile.proseLength > 0 else { return 0 }
        let merged = TextSpan.merged(spans)
        let covered = merged.reduce(0) { $0 + profile.proseOverlap(with: $1) }
        return min(1, Double(covered) / Double(profile.proseLength))
    }

    /// A score rounded to four decimals, so reports print the same digits everywhere.
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

extension DocumentProfile {
    /// Prose sentences that overlap `span`.
    func proseSentenceCount(in span: TextSpan) -> Int {
        sentences.withUnsafeBufferPointer { sentences in
            var count = 0
            for index in sentences.indices where !sentences[index].isExcluded && sentences[index].span.overlap(with: span) > 0 {
                count &+= 1
            }
            return count
        }
    }

    /// Words of prose sentences that lie inside `span`.
    ///
    /// Given `sentenceWords` (``SentenceShingleIndex/sentenceWords``: the words of each
    /// sentence's whole span), a sentence that lies wholly inside `span` takes its count from
    /// there instead of searching the text's tokens: the same count, since the part of the
    /// sentence inside `span` is then the sentence's span.
    func proseWords(in span: TextSpan, sentenceWords: [Int32]? = nil) -> Int {
        let whole = sentenceWords.flatMap { $0.count == sentences.count ? $0 : nil }
        return sentences.withUnsafeBufferPointer { sentences in
            var total = 0
            for index in sentences.indices {
                let sentence = sentences[index].span
                guard !sentences[index].isExcluded, sentence.overlap(with: span) > 0 else { continue }
                if let whole, span.start <= sentence.start, sentence.end <= span.end {
                    total &+= Int(whole[index])
                } else {
                    total &+= text.tokenRange(in: TextSpan(
                        start: max(span.start, sentence.start), end: min(span.end, sentence.end))).count
                }
            }
            return total
        }
    }
}

extension TextSpan {
    /// Sorted, non-overlapping spans covering the same code points as `spans`.
    public static func merged(_ spans: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        for span in spans.sorted() {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1] = last.union(span)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
