import SyndicationEngine

/// Condensed copy: one document keeps a few sentences of a long passage of the other side by
/// side (a summary, an abstract, a digest paragraph).
extension PassageAligner {
    /// Most code points between two passages in the document where a condensed copy (a
    /// summary) keeps them together.
    public static let condensedNearGap = 300
    /// Most code points between the same two passages in the document they condense.
    public static let condensedFarGap = 2_500
    /// Least ratio of the longer side to the shorter of two passages joined as a condensation.
    public static let condensedRatio = 2.0
    /// Most ratio of a passage's longer side to its shorter for it to count as copied one for
    /// one (an excerpt, see ``condensedExcerptLength``).
    public static let excerptEvenness = 1.25
    /// Code points on its shorter side past which a passage copied one for one is an excerpt,
    /// not a sentence or two a summary keeps: two passages each copied one for one, one of
    /// them longer than this, are two excerpts and are not joined. PAN 2013 training: 300
    /// took summary 0.485 → 0.479 (its extractive summaries keep sentences of 160–500 code
    /// points one for one); 500 left it at 0.485 and took no obfuscation 0.9574 → 0.9577.
    public static let condensedExcerptLength = 500

    /// Copy passages joined where one document condenses the other: two passages, in the same
    /// order in both documents, that lie at most ``condensedNearGap`` code points apart in one
    /// and at most ``condensedFarGap`` apart in the other, with the joined passage at least
    /// ``condensedRatio`` times longer on one side than on the other. A summary keeps a few
    /// sentences of a long passage next to each other (Sanchez-Perez, Sidorov & Gelbukh 2014
    /// align summaries with a larger gap on the source side); without joining, one summary is
    /// reported as two or three short passages. Other passages are returned as they are.
    /// `passages` must be sorted by position in the first document.
    ///
    /// Two passages that are each copied one for one (sides within ``excerptEvenness`` of each
    /// other), one of them longer than ``condensedExcerptLength`` on its shorter side, are not
    /// joined: they are two excerpts copied separately and set side by side (PAN 2013 no
    /// obfuscation, susp 00119/src 02609: 1,525 and 326 code points copied whole from 2,172
    /// apart), and joining them reported the source prose between them as copied.
    ///
    /// Given the documents' profiles, two passages are not joined where furniture or
    /// boilerplate separates them in the document that keeps them close (a summary is one
    /// stretch of prose; a copy's last paragraph and a "Related articles" teaser are not), or
    /// boilerplate separates them in the other.
    public static func joinedCondensations(
        _ passages: [AlignedPassage], _ a: DocumentProfile? = nil, _ b: DocumentProfile? = nil
    ) -> [AlignedPassage] {
        func separated(_ profile: DocumentProfile?, _ from: Int, _ to: Int, furniture: Bool) -> Bool {
            guard let profile, from < to else { return false }
            let gap = TextSpan(start: from, end: to)
            return profile.sentences.contains { ($0.isBoilerplate || (furniture && $0.isExcluded)) && $0.span.overlap(with: gap) > 0 }
        }
        var result: [AlignedPassage] = []
        for passage in passages {
            guard passage.kind.isCopy, let index = result.lastIndex(where: \.kind.isCopy) else {
                result.append(passage)
                continue
            }
            let last = result[index]
            let gapA = passage.a.start - last.a.end, gapB = passage.b.start - last.b.end
            let inOrder = gapA >= 0 && gapB >= 0
            let nearA = gapA <= condensedNearGap && gapB <= condensedFarGap
            let nearB = gapB <= condensedNearGap && gapA <= condensedFarGap
            let condensed = (nearA || nearB)
                && !separated(a, last.a.end, passage.a.start, furniture: nearA)
                && !separated(b, last.b.end, passage.b.start, furniture: nearB)
            var joined = last
            joined.a = last.a.union(passage.a)
            joined.b = last.b.union(passage.b)
            let longer = Double(max(joined.a.length, joined.b.length))
            let shorter = Double(max(1, min(joined.a.length, joined.b.length)))
            guard inOrder, condensed, !areExcerpts(last, passage), longer >= condensedRatio * shorter else {
                result.append(passage)
                continue
            }
            let lengthLast = Double(last.a.length), lengthNew = Double(passage.a.length)
            joined.similarity = (last.similarity * lengthLast + passage.similarity * lengthNew)
                / max(1, lengthLast + lengthNew)
            joined.kind = joined.similarity >= verbatimSimilarity ? .verbatim
                : joined.similarity >= editedSimilarity ? .edited : .rewritten
            result[index] = joined
        }
        return result
    }

    /// Whether `passage` is copied one for one: its two sides within ``excerptEvenness`` of
    /// each other in length (a condensation makes one side much shorter).
    static func isOneForOne(_ passage: AlignedPassage) -> Bool {
        Double(max(passage.a.length, passage.b.length)) <= excerptEvenness * Double(max(1, min(passage.a.length, passage.b.length)))
    }

    /// Whether two copy passages are excerpts copied separately rather than parts of one
    /// condensation (see ``joinedCondensations(_:_:_:)``).
    static func areExcerpts(_ first: AlignedPassage, _ second: AlignedPassage) -> Bool {
        let longest = max(min(first.a.length, first.b.length), min(second.a.length, second.b.length))
        return isOneForOne(first) && isOneForOne(second) && longest > condensedExcerptLength
    }
}

extension PassageAligner {
    /// Least seeded sentences on the condensed side of a condensed copy found from seeds.
    public static let condensedChainLength = 3
    /// Most sentence positions from one seeded sentence of a condensed copy to the next on the
    /// condensed side (2: one unseeded sentence between them at most).
    public static let condensedSentenceStep = 2
    /// Most code points between two consecutive seeds' sentences on the condensed document's
    /// source side.
    public static let condensedSourceGap = 3_000
    /// Least share of the condensed side's sentences, from the first seeded one to the last,
    /// that seed.
    public static let condensedDensity = 0.6
    /// Least steps of a chain that condense (advance at least ``condensedRatio`` times further
    /// on the source side than on the condensed side), and their least share of all steps.
    public static let condensedSteps = 2
    /// See ``condensedSteps``.
    public static let condensedStepShare = 0.5
    /// Least character-shingle Jaccard of a chain's seeds: a summary sentence keeps some of its
    /// source sentence's wording, while seeds found by word cosine alone (0.1 and below) are
    /// what reports on one subject share (PAN 2013 no obfuscation: 0.9364 with them, 0.9368
    /// without; summary 0.515 and 0.485).
    public static let condensedSeedSimilarity = 0.15
    /// Least ratio of a condensed copy's source span to its condensed span (with the copy
    /// passages it takes in) for the source side to reach ``strongCondensationReach`` mean
    /// steps further at both ends instead of one.
    public static let strongCondensationRatio = 3.0
    /// Mean steps the source side of a strong condensation (``strongCondensationRatio``)
    /// reaches beyond its first and last seed. A summary that condenses its source three to
    /// one or more leaves more of it between its first sentence and the source's start (and
    /// after its last) than a mean step: PAN 2013 training, summary 0.485 → 0.501, other
    /// subsets unchanged (two steps for every chain: summary 0.505, random 0.8852 → 0.8849).
    public static let strongCondensationReach = 2.0

    /// `passages` with condensed copies found from `seeds`: a summary keeps a few sentences of a
    /// long passage, each rewritten, side by side, so its seeds lie a sentence apart in the
    /// summary and many sentences apart in the source — too far apart for the extension
    /// (``maximumGap``), and each too short for the 25-word passage minimum on its own.
    ///
    /// A condensed copy is a chain of prose seeds (character-shingle Jaccard at least
    /// ``condensedSeedSimilarity``), in the same order in both documents, with
    /// - at least ``condensedChainLength`` seeded sentences on the condensed side, at most
    ///   ``condensedSentenceStep`` positions apart, no furniture or boilerplate between them,
    ///   and at least ``condensedDensity`` of the sentences they span seeded;
    /// - on the other side, at most ``condensedSourceGap`` code points from one seed's sentence
    ///   to the next, and no boilerplate between them;
    /// - at least ``condensedSteps`` steps (and ``condensedStepShare`` of them) that advance
    ///   ``condensedRatio`` times further on the source side than on the condensed side, and a
    ///   source span ``condensedRatio`` times longer than the condensed span.
    /// Two reports on one subject share a sentence or two, not a run of consecutive sentences
    /// each matching, in order, prose spread over the other; verbatim copy advances sentence
    /// for sentence and is left to the extension. Sanchez-Perez, Sidorov & Gelbukh (2014)
    /// likewise align summaries with a larger gap on the source side.
    ///
    /// A seed with one sentence inside a copy passage and the other outside it contradicts that
    /// passage and is ignored. Copy passages a condensed copy overlaps in both documents become
    /// part of it; one that it overlaps in one document only contradicts it, and the chain is
    /// dropped. The source side reaches a mean step further at both ends, or
    /// ``strongCondensationReach`` steps where it is ``strongCondensationRatio`` times the
    /// condensed side or more (see ``widened(_:by:in:)``).
    ///
    /// Given the pair's word weights, a second pass then looks for condensed paragraphs: each
    /// short paragraph holding a seed's condensed side also links its sentences to source
    /// sentences below the seed bar (``condensedParagraphLinks(_:_:_:weights:)``), and chains
    /// holding such links are kept when they read as a summary throughout that paragraph of
    /// most of the source (``chainedCondensations(_:links:weak:_:_:)``).
    func condensedCopies(
        _ passages: [AlignedPassage], seeds: [Seed], _ a: DocumentProfile, _ b: DocumentProfile,
        weights: LazyWordWeights? = nil
    ) -> [AlignedPassage] {
        let prose = Self.consistentLinks(
            seeds.filter { $0.isProse && $0.similarity >= Self.condensedSeedSimilarity }, passages, a, b)
        let found = chainedCondensations(passages, links: prose, weak: nil, a, b)
        guard let weights, !prose.isEmpty else { return found }
        let weak = condensedParagraphLinks(prose, a, b, weights: weights, passages: found)
        guard !weak.isEmpty else { return found }
        let links = Self.consistentLinks((prose + weak).sorted { ($0.first, $0.second) < ($1.first, $1.second) }, found, a, b)
        return chainedCondensations(found, links: links, weak: Set(weak), a, b)
    }

    /// `links` without those that have one sentence inside a copy passage of `passages` and the
    /// other outside it.
    static func consistentLinks(
        _ links: [Seed], _ passages: [AlignedPassage], _ a: DocumentProfile, _ b: DocumentProfile
    ) -> [Seed] {
        let copies = passages.filter(\.kind.isCopy)
        return links.filter { seed in
            !copies.contains { passage in
                (a.sentences[seed.first].span.overlap(with: passage.a) > 0)
                    != (b.sentences[seed.second].span.overlap(with: passage.b) > 0)
            }
        }
    }

    /// `passages` with the condensed copies that chains of `prose` links form; given `weak`
    /// links (``condensedParagraphLinks(_:_:_:weights:)``), only chains that hold one and read
    /// as a condensed paragraph (``isCondensedParagraph(_:shortIsA:weak:absorbing:_:_:)``),
    /// whose source side reaches whole paragraphs and covers ``condensedSourceShare`` of
    /// the source's prose.
    func chainedCondensations(
        _ passages: [AlignedPassage], links prose: [Seed], weak: Set<Seed>?, _ a: DocumentProfile, _ b: DocumentProfile
    ) -> [AlignedPassage] {
        guard prose.count >= Self.condensedChainLength else { return passages }
        var chains: [(rangeA: ClosedRange<Int>, rangeB: ClosedRange<Int>, seeds: [Seed], shortIsA: Bool, step: Double)] = []
        for shortIsA in [true, false] {
            let links = prose.map { shortIsA ? (short: $0.first, long: $0.second) : (short: $0.second, long: $0.first) }
            let long = shortIsA ? b : a
            for chain in Self.condensedChains(links, short: shortIsA ? a : b, long: long) {
                let shortRange = links[chain[0]].short...links[chain[chain.count - 1]].short
                let longRange = links[chain[0]].long...links[chain[chain.count - 1]].long
                let rangeA = shortIsA ? shortRange : longRange, rangeB = shortIsA ? longRange : shortRange
                guard !chains.contains(where: { $0.rangeA.overlaps(rangeA) || $0.rangeB.overlaps(rangeB) }) else { continue }
                if let weak, !chain.contains(where: { weak.contains(prose[$0]) }) { continue }
                let step = Double(long.sentences[longRange.upperBound].span.start - long.sentences[longRange.lowerBound].span.start)
                    / Double(chain.count - 1)
                chains.append((rangeA, rangeB, chain.map { prose[$0] }, shortIsA, step))
            }
        }
        guard !chains.isEmpty else { return passages }
        var result = passages
        for chain in chains {
            var rangeA = chain.rangeA, rangeB = chain.rangeB
            let spanA = a.sentences[rangeA.lowerBound].span.union(a.sentences[rangeA.upperBound].span)
            let spanB = b.sentences[rangeB.lowerBound].span.union(b.sentences[rangeB.upperBound].span)
            let overlapping = result.indices.filter {
                result[$0].kind.isCopy && (result[$0].a.overlap(with: spanA) > 0 || result[$0].b.overlap(with: spanB) > 0)
            }
            // A copy passage that overlaps the chain in one document only aligns that prose
            // elsewhere: the chain contradicts it and is dropped. So is a chain over verbatim
            // copy, which the extension aligns sentence for sentence (a chain there only adds
            // weak seeds around it). Other passages it overlaps in both become part of it.
            guard overlapping.allSatisfy({
                result[$0].kind != .verbatim && result[$0].a.overlap(with: spanA) > 0 && result[$0].b.overlap(with: spanB) > 0
            }) else { continue }
            if let weak {
                guard isCondensedParagraph(chain.seeds, shortIsA: chain.shortIsA, weak: weak,
                                           absorbing: overlapping.map { result[$0] }, a, b) else { continue }
            }
            for index in overlapping {
                guard let coveredA = Self.sentenceRange(of: result[index].a, in: a),
                      let coveredB = Self.sentenceRange(of: result[index].b, in: b) else { continue }
                rangeA = min(rangeA.lowerBound, coveredA.lowerBound)...max(rangeA.upperBound, coveredA.upperBound)
                rangeB = min(rangeB.lowerBound, coveredB.lowerBound)...max(rangeB.upperBound, coveredB.upperBound)
            }
            let before = result
            for index in overlapping.reversed() { result.remove(at: index) }
            // The first and last summary sentences each stand for about one step of the source
            // too: the source side reaches a mean step further at both ends (two where the
            // summary condenses three to one or more), within its paragraphs and short of
            // other copy passages.
            let long = chain.shortIsA ? b : a
            let longRange = chain.shortIsA ? rangeB : rangeA
            let others = result.filter(\.kind.isCopy).map { chain.shortIsA ? $0.b : $0.a }
            func taken(_ index: Int) -> Bool { others.contains { $0.overlap(with: long.sentences[index].span) > 0 } }
            let short = chain.shortIsA ? a : b, shortRange = chain.shortIsA ? rangeA : rangeB
            let shortLength = short.sentences[shortRange.upperBound].span.end - short.sentences[shortRange.lowerBound].span.start
            let longLength = long.sentences[longRange.upperBound].span.end - long.sentences[longRange.lowerBound].span.start
            let reach = Double(longLength) >= Self.strongCondensationRatio * Double(shortLength) ? Self.strongCondensationReach : 1
            let widened = Self.widened(longRange, by: reach * chain.step, in: long)
            var lower = widened.lowerBound, upper = widened.upperBound
            if let last = (lower..<longRange.lowerBound).last(where: taken) { lower = last + 1 }
            if let first = (longRange.upperBound + 1..<upper + 1).first(where: taken) { upper = first - 1 }
            if weak != nil {
                // A condensed paragraph condenses whole paragraphs of most of its source.
                let source = Self.wholeParagraphs(lower...upper, in: long, taken: taken)
                guard Double(Self.proseLength(source, in: long)) >= Self.condensedSourceShare * Double(max(1, long.proseLength)) else {
                    result = before
                    continue
                }
                lower = source.lowerBound; upper = source.upperBound
            }
            if chain.shortIsA { rangeB = lower...upper } else { rangeA = lower...upper }
            result.append(passage(chain.seeds, rangeA, rangeB, a, b))
        }
        return Self.mergedOverlaps(result)
    }

    /// `range` with the sentences of `profile` that lie within `distance` code points before or
    /// after it, in the same line (paragraph) and not excluded.
    static func widened(_ range: ClosedRange<Int>, by distance: Double, in profile: DocumentProfile) -> ClosedRange<Int> {
        let sentences = profile.sentences
        func line(of index: Int) -> TextSpan? {
            profile.text.lines.first { $0.start <= sentences[index].span.start && sentences[index].span.start < $0.end }
        }
        var lower = range.lowerBound, upper = range.upperBound
        if let first = line(of: lower) {
            let start = sentences[lower].span.start
            while lower > 0, !sentences[lower - 1].isExcluded, sentences[lower - 1].span.start >= first.start,
                  Double(start - sentences[lower - 1].span.start) <= distance {
                lower -= 1
            }
        }
        if let last = line(of: upper) {
            let end = sentences[upper].span.end
            while upper + 1 < sentences.count, !sentences[upper + 1].isExcluded, sentences[upper + 1].span.end <= last.end,
                  Double(sentences[upper + 1].span.end - end) <= distance {
                upper += 1
            }
        }
        return lower...upper
    }

    /// The sentences that `span` overlaps, or nil when it overlaps none.
    static func sentenceRange(of span: TextSpan, in profile: DocumentProfile) -> ClosedRange<Int>? {
        guard let first = profile.sentences.firstIndex(where: { $0.span.overlap(with: span) > 0 }),
              let last = profile.sentences.lastIndex(where: { $0.span.overlap(with: span) > 0 }) else { return nil }
        return first...last
    }

    /// The condensed copies among `links` (sentence pairs of a condensed document `short` and
    /// its source `long`), as indices into `links` in chain order; chains share no sentence.
    ///
    /// The longest chain ending at each link, by dynamic programming over links sorted by
    /// position in `short`; among chains of one length, the most compact on the source side
    /// first. The same pass carries what ``isCondensation(_:short:long:)`` asks of each
    /// chain (its first link and its condensing steps), so a chain is only spelled out when it
    /// reads as a condensation: in verbatim copy every sentence ends a chain that does not.
    /// - Complexity: O(links × links within ``condensedSentenceStep`` sentences), plus the
    ///   length of each chain kept.
    static func condensedChains(
        _ links: [(short: Int, long: Int)], short: DocumentProfile, long: DocumentProfile
    ) -> [[Int]] {
        // Links made from seeds in seed order are mostly in order already (seeds are sorted by
        // their first sentence, then their second); links are distinct, so the order is one.
        let inOrder = zip(links, links.dropFirst()).allSatisfy { ($0.short, $0.long) < ($1.short, $1.long) }
        let order = inOrder ? Array(links.indices)
            : links.indices.sorted { (links[$0].short, links[$0].long) < (links[$1].short, links[$1].long) }
        // Per link (in `order`): the length of the longest chain ending there, where that chain
        // starts on the long side, and the link before it; the chain's first link (in `order`)
        // and how many of its steps condense. One buffer for the five.
        let count = order.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * Swift.max(1, count)) { buffer in
            let length = buffer.baseAddress!, start = length + count, previous = start + count
            let first = previous + count, condensing = first + count
            for t in 0..<count {
                length[t] = 1
                start[t] = 0
                previous[t] = -1
                first[t] = 0
                condensing[t] = 0
            }
            // Sentences are read in place: copying one retains each of its arrays. So are the
            // links, in order.
            short.sentences.withUnsafeBufferPointer { shortSentences in
              long.sentences.withUnsafeBufferPointer { longSentences in
                links.withUnsafeBufferPointer { links in
                  order.withUnsafeBufferPointer { order in
                    for t in 0..<count {
                        let current = links[order[t]]
                        start[t] = current.long
                        var u = t &- 1
                        while u >= 0 {
                            let before = links[order[u]]
                            guard current.short - before.short <= condensedSentenceStep else { break }
                            defer { u &-= 1 }
                            guard before.short < current.short, before.long < current.long,
                                  longSentences[current.long].span.start - longSentences[before.long].span.end <= condensedSourceGap,
                                  !(before.short + 1..<current.short).contains(where: { shortSentences[$0].isExcluded }),
                                  !(before.long + 1..<current.long).contains(where: { longSentences[$0].isBoilerplate })
                            else { continue }
                            if length[u] + 1 > length[t] || (length[u] + 1 == length[t] && start[u] > start[t]) {
                                length[t] = length[u] + 1
                                start[t] = start[u]
                                previous[t] = u
                            }
                        }
                        if previous[t] >= 0 {
                            first[t] = first[previous[t]]
                            let before = links[order[previous[t]]]
                            // ``condenses(_:_:short:long:)``, read in place.
                            let advanceShort = shortSentences[current.short].span.start - shortSentences[before.short].span.start
                            let advanceLong = longSentences[current.long].span.start - longSentences[before.long].span.start
                            condensing[t] = condensing[previous[t]] + (Double(advanceLong) >= condensedRatio * Double(advanceShort) ? 1 : 0)
                        } else {
                            first[t] = t
                        }
                    }
                  }
                }
              }
            }
            // A chain reads as a condensation only with ``condensedSteps`` condensing steps and
            // ``condensedChainLength`` links (``isCondensation(count:first:last:condensing:shortSentences:short:long:)``):
            // without one, there is nothing to rank (in verbatim copy, no step condenses).
            guard order.indices.contains(where: { length[$0] >= condensedChainLength && condensing[$0] >= condensedSteps }) else {
                return []
            }
            // Non-excluded sentences of `short` before each index, for a chain's density.
            var proseBefore = [0]
            proseBefore.reserveCapacity(short.sentences.count + 1)
            for sentence in short.sentences { proseBefore.append(proseBefore[proseBefore.count - 1] + (sentence.isExcluded ? 0 : 1)) }
            var used = Set<Int>()
            var chains: [[Int]] = []
            // Whether a chain reads as a condensation depends on its ends alone, so chains that do
            // not are left out before ranking: in verbatim copy that is every one of them.
            let ranked = order.indices.filter { t in
                guard length[t] >= condensedChainLength else { return false }
                let firstLink = links[order[first[t]]], lastLink = links[order[t]]
                return isCondensation(
                    count: length[t], first: firstLink, last: lastLink, condensing: condensing[t],
                    shortSentences: proseBefore[lastLink.short + 1] - proseBefore[firstLink.short], short: short, long: long)
            }.sorted {
                (-length[$0], links[order[$0]].long - start[$0], $0) < (-length[$1], links[order[$1]].long - start[$1], $1)
            }
            for t in ranked {
                var chain: [Int] = []
                var u = t
                while u >= 0 { chain.append(u); u = previous[u] }
                chain.reverse()
                guard !chain.contains(where: { used.contains(links[order[$0]].short) }) else { continue }
                for u in chain { used.insert(links[order[u]].short) }
                chains.append(chain.map { order[$0] })
            }
            return chains
        }
    }

    /// Whether a chain of sentence pairs (in order in both documents) reads as `short`
    /// condensing `long` (see ``condensedCopies(_:seeds:_:_:)``).
    static func isCondensation(
        _ chain: [(short: Int, long: Int)], short: DocumentProfile, long: DocumentProfile
    ) -> Bool {
        let first = chain[0], last = chain[chain.count - 1]
        return isCondensation(
            count: chain.count, first: first, last: last,
            condensing: zip(chain, chain.dropFirst()).filter { condenses($0, $1, short: short, long: long) }.count,
            shortSentences: (first.short...last.short).filter { !short.sentences[$0].isExcluded }.count,
            short: short, long: long)
    }

    /// ``isCondensation(_:short:long:)`` of a chain of `count` links from `first` to `last`,
    /// `condensing` of whose steps condense (``condenses(_:_:short:long:)``), spanning
    /// `shortSentences` non-excluded sentences of `short`.
    static func isCondensation(
        count: Int, first: (short: Int, long: Int), last: (short: Int, long: Int), condensing: Int,
        shortSentences: Int, short: DocumentProfile, long: DocumentProfile
    ) -> Bool {
        guard Double(count) >= condensedDensity * Double(max(1, shortSentences)) else { return false }
        let shortLength = short.sentences[last.short].span.end - short.sentences[first.short].span.start
        let longLength = long.sentences[last.long].span.end - long.sentences[first.long].span.start
        guard Double(longLength) >= condensedRatio * Double(shortLength) else { return false }
        return condensing >= condensedSteps && Double(condensing) >= condensedStepShare * Double(count - 1)
    }

    /// Whether the step from link `before` to link `next` condenses: it advances at least
    /// ``condensedRatio`` times further on the source side than on the condensed side.
    static func condenses(
        _ before: (short: Int, long: Int), _ next: (short: Int, long: Int), short: DocumentProfile, long: DocumentProfile
    ) -> Bool {
        let advanceShort = short.sentences[next.short].span.start - short.sentences[before.short].span.start
        let advanceLong = long.sentences[next.long].span.start - long.sentences[before.long].span.start
        return Double(advanceLong) >= condensedRatio * Double(advanceShort)
    }
}
