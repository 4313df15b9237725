import Foundation
import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// The shortcuts of verifying a pair give what the plain computations give, over the fixture
/// texts and generated copies of them (``AlignmentShortcutTests/profilePairs()``):
/// - the shared-shingle counts of two ``SentenceShingleIndex``es, through each shingle's one
///   sentence where it has one, equal intersecting each sentence pair's shingles;
/// - the words of each sentence's span counted in one walk equal `tokenRange(in:)`, and copy
///   words summed from them equal searching the tokens sentence by sentence;
/// - trigram marks from one table of both sides equal looking each trigram up in a table of
///   the other side's, and so do the trimmed spans (also where both sides hold the same words
///   and nothing is hashed);
/// - a seed's prose shingles share what its shingles share when neither sentence quotes;
/// - range overlaps counted through the two indexes equal the flat table's;
/// - a pair's Jaccard and containments from one intersection equal ``SortedHashSet``'s.
@Suite struct VerifierShortcutTests {
    /// Fixture pairs, and two long documents (bit sets of several words).
    static func pairs() throws -> [(DocumentProfile, DocumentProfile)] {
        let texts = try ShingleIndexAlignmentTests.fixtureTexts()
        var generator = SeededGenerator(state: 5)
        let long = texts.prefix(15).joined(separator: "\n")
        let edited = ShingleIndexAlignmentTests.variant(of: long, kind: 1, using: &generator)
        // Verbatim copies too, with lines of their own around them (as syndicated copy is).
        let verbatim = texts.prefix(12).map { text in
            (ShingleIndexAlignmentTests.profile(text, id: "a", boilerplate: false),
             ShingleIndexAlignmentTests.profile(
                "Our correspondent filed this report today.\n" + text + "\nMore on this story later.", id: "b", boilerplate: false))
        }
        return try AlignmentShortcutTests.profilePairs() + verbatim + [(
            ShingleIndexAlignmentTests.profile(long, id: "a", boilerplate: false),
            ShingleIndexAlignmentTests.profile(edited, id: "b", boilerplate: true))]
    }

    @Test func indexCountsEqualSentenceIntersections() throws {
        var compared = 0, shared = 0, severalOwners = 0
        for (a, b) in try Self.pairs() {
            guard let indexA = SentenceShingleIndex(a), let indexB = SentenceShingleIndex(b) else {
                Issue.record("no index")
                continue
            }
            severalOwners += indexA.owners.filter { $0 < 0 }.count
            let counts = indexA.sharedCounts(with: indexB)
            for i in a.sentences.indices {
                for j in b.sentences.indices {
                    let expected = a.sentences[i].isExcluded || b.sentences[j].isExcluded
                        ? 0 : SortedHashSet.intersectionCount(a.sentences[i].shingles, b.sentences[j].shingles)
                    #expect(Int(counts[i * b.sentences.count + j]) == expected, "sentences \(i), \(j)")
                    if expected > 0 { shared += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
        #expect(shared > 1_000)
        // Both ways of counting are taken.
        #expect(severalOwners > 100)
    }

    @Test func sentenceWordsEqualTokenRanges() throws {
        var checked = 0
        for (a, b) in try Self.pairs() {
            for profile in [a, b] {
                var reversed = profile
                reversed.sentences.reverse()
                // In text order (walked) and out of it (searched).
                for sample in [profile, reversed] {
                    let counts = SentenceShingleIndex.wordCounts(of: sample)
                    #expect(counts.count == sample.sentences.count)
                    for (index, sentence) in sample.sentences.enumerated() {
                        #expect(Int(counts[index]) == sample.text.tokenRange(in: sentence.span).count)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 5_000)
    }

    @Test func copyWordsFromSentenceWordsEqualTokenSearch() throws {
        var generator = SeededGenerator(state: 9)
        var checked = 0, partial = 0
        for (a, b) in try Self.pairs() {
            for profile in [a, b] where !profile.sentences.isEmpty {
                guard let index = SentenceShingleIndex(profile) else { continue }
                for _ in 0..<8 {
                    let lower = Int.random(in: 0..<profile.sentences.count, using: &generator)
                    let upper = Int.random(in: lower..<profile.sentences.count, using: &generator)
                    let whole = profile.sentences[lower].span.union(profile.sentences[upper].span)
                    // Whole sentences, and cut inside the first and last (as trimmed copy is).
                    let cut = TextSpan(
                        start: whole.start + Int.random(in: 0...max(0, profile.sentences[lower].span.length / 2), using: &generator),
                        end: whole.end - Int.random(in: 0...max(0, profile.sentences[upper].span.length / 2), using: &generator))
                    for span in [whole, cut] where span.start <= span.end {
                        #expect(profile.proseWords(in: span, sentenceWords: index.sentenceWords) == profile.proseWords(in: span))
                        if span != whole { partial += 1 }
                        checked += 1
                    }
                }
                // Counts made for other sentences are not used.
                let span = profile.sentences[0].span
                #expect(profile.proseWords(in: span, sentenceWords: [7]) == profile.proseWords(in: span))
            }
        }
        #expect(checked > 1_000)
        #expect(partial > 300)
    }

    @Test func trimmingFromOneTableEqualsTablesOfEachSide() throws {
        var generator = SeededGenerator(state: 13)
        var checked = 0, trimmed = 0, same = 0
        for (a, b) in try Self.pairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            for round in 0..<6 {
                var rangeA = a.randomSentenceRange(using: &generator)
                var rangeB = b.randomSentenceRange(using: &generator)
                if round == 0 && b.sentences.count == a.sentences.count + 2 {
                    // All of a, and the same sentences of its copy in b (a line before and after).
                    rangeA = 0...(a.sentences.count - 1)
                    rangeB = 1...a.sentences.count
                }
                let (lowerA, upperA) = (rangeA.lowerBound, rangeA.upperBound)
                let (lowerB, upperB) = (rangeB.lowerBound, rangeB.upperBound)
                guard a.sentences[lowerA].tokens.lowerBound <= a.sentences[upperA].tokens.upperBound,
                      b.sentences[lowerB].tokens.lowerBound <= b.sentences[upperB].tokens.upperBound else { continue }
                let spanA = a.sentences[lowerA].span.union(a.sentences[upperA].span)
                let spanB = b.sentences[lowerB].span.union(b.sentences[upperB].span)
                let trigramsA = PassageAligner.edgeTrigrams(rangeA, a), trigramsB = PassageAligner.edgeTrigrams(rangeB, b)
                let tableA = ShingleTable(trigramsA), tableB = ShingleTable(trigramsB)
                PassageAligner.sharedTrigrams(trigramsA, trigramsB) { marksA, marksB in
                    #expect(marksA.map { $0 != 0 } == trigramsA.map { tableB.contains($0) })
                    #expect(marksB.map { $0 != 0 } == trigramsB.map { tableA.contains($0) })
                }
                let expected = (
                    PassageAligner.trimmedToVerbatim(spanA, rangeA, in: a, trigrams: trigramsA, sharing: tableB),
                    PassageAligner.trimmedToVerbatim(spanB, rangeB, in: b, trigrams: trigramsB, sharing: tableA))
                let found = PassageAligner.trimmedToVerbatim(spanA, rangeA, in: a, spanB, rangeB, in: b)
                #expect(found.0 == expected.0 && found.1 == expected.1)
                if PassageAligner.haveSameWords(rangeA, a, rangeB, b) {
                    // Words alike, so trigrams alike, place by place.
                    #expect(trigramsA == trigramsB)
                    same += 1
                }
                if expected.0 != spanA || expected.1 != spanB { trimmed += 1 }
                checked += 1
            }
        }
        #expect(checked > 300)
        // Spans are trimmed in some of them, so both outcomes are compared, and some sides
        // hold the same words (where nothing is hashed).
        #expect(trimmed > 10)
        #expect(same >= 10)
    }

    @Test func unquotedSentencesShareTheirShinglesAsProse() throws {
        var whole = 0, quoted = 0
        for (a, b) in try Self.pairs() {
            for left in a.sentences.prefix(20) {
                for right in b.sentences.prefix(20) {
                    let isWhole = PassageAligner.isWhole(left.proseShingles, of: left.shingles)
                        && PassageAligner.isWhole(right.proseShingles, of: right.shingles)
                    if isWhole {
                        #expect(SortedHashSet.intersectionCount(left.proseShingles, right.proseShingles)
                            == SortedHashSet.intersectionCount(left.shingles, right.shingles))
                        whole += 1
                    } else {
                        quoted += 1
                    }
                }
                // A sentence with a quoted word keeps prose shingles of its own.
                #expect(PassageAligner.isWhole(left.proseShingles, of: left.shingles) == (left.proseWordCount == left.wordCount))
            }
        }
        #expect(whole > 1_000)
        #expect(quoted > 100)
    }

    @Test func rangeOverlapsThroughTheIndexesEqualTheFlatTable() throws {
        var generator = SeededGenerator(state: 17)
        var checked = 0, overlapping = 0
        for (a, b) in try Self.pairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            guard let indexA = SentenceShingleIndex(a), let indexB = SentenceShingleIndex(b) else { continue }
            for round in 0..<6 {
                // Whole documents first (where the indexes are used), then random ranges.
                let rangeA = round == 0 ? 0...(a.sentences.count - 1) : a.randomSentenceRange(using: &generator)
                let rangeB = round == 0 ? 0...(b.sentences.count - 1) : b.randomSentenceRange(using: &generator)
                let expected = PassageAligner.unionCounts(rangeA, a, rangeB, b, of: .shingles)
                let counted = PassageAligner.unionCounts(rangeA, indexA, rangeB, indexB)
                #expect(counted == expected)
                #expect(PassageAligner.shingleJaccard(
                    rangeA, a, rangeB, b, indexes: ShingleIndexes(a: indexA, b: indexB))
                    == PassageAligner.shingleJaccard(rangeA, a, rangeB, b))
                if expected.shared > 0 { overlapping += 1 }
                checked += 1
            }
        }
        #expect(checked > 300)
        #expect(overlapping > checked / 4)
    }

    @Test func pairScoresFromOneIntersectionEqualTheSetFunctions() throws {
        var checked = 0
        var generator = SeededGenerator(state: 19)
        for (a, b) in try Self.pairs() {
            let left = SortedHashSet.make(a.sentences.flatMap(\.words))
            var right = SortedHashSet.make(b.sentences.flatMap(\.words))
            if Bool.random(using: &generator) { right = [] }
            for (x, y) in [(left, right), (right, left), (left, left), ([], [])] {
                let overlap = PairVerifier.overlap(x, y)
                #expect(overlap.jaccard == SortedHashSet.jaccard(x, y))
                #expect(overlap.containmentAInB == SortedHashSet.containment(of: x, in: y))
                #expect(overlap.containmentBInA == SortedHashSet.containment(of: y, in: x))
                checked += 1
            }
        }
        #expect(checked > 100)
    }
    /// ``PairVerifier/relation(copy:coverage:a:b:)`` as it was first written: the weight of each
    /// kind in a table.
    static func plainRelation(_ copy: [AlignedPassage], coverage: (Double, Double)) -> Relation {
        if max(coverage.0, coverage.1) < 0.8 { return .partial }
        var weights: [AlignedPassage.Kind: Int] = [:]
        for passage in copy { weights[passage.kind, default: 0] += min(passage.a.length, passage.b.length) }
        let total = weights.values.reduce(0, +)
        if let verbatim = weights[.verbatim], Double(verbatim) >= 0.9 * Double(total) { return .verbatim }
        let rewritten = weights[.rewritten] ?? 0
        return Double(rewritten) > 0.5 * Double(total) ? .rewritten : .edited
    }

    @Test func theRelationWeighsKindsAsATableDoes() throws {
        var generator = SeededGenerator(state: 19)
        let profile = ShingleIndexAlignmentTests.profile("One sentence here.", id: "a", boilerplate: false)
        let kinds: [AlignedPassage.Kind] = [.verbatim, .edited, .rewritten]
        for round in 0..<2_000 {
            let copy = (0..<(round % 6)).map { _ in
                let start = Int.random(in: 0..<50, using: &generator)
                return AlignedPassage(
                    a: TextSpan(start: start, end: start + Int.random(in: 0..<40, using: &generator)),
                    b: TextSpan(start: start, end: start + Int.random(in: 0..<40, using: &generator)),
                    kind: kinds.randomElement(using: &generator)!, similarity: 1)
            }
            let coverage = (Double.random(in: 0.7...1, using: &generator), Double.random(in: 0.7...1, using: &generator))
            #expect(PairVerifier.relation(copy: copy, coverage: coverage, a: profile, b: profile)
                == Self.plainRelation(copy, coverage: coverage))
        }
    }
}
