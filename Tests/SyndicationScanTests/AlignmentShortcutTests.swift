import Foundation
import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// The shortcuts that make verifying a pair cheap give what the plain computations give:
/// range overlaps through one flat table (``PassageAligner/unionCounts(_:_:_:_:of:)``) equal
/// sorting and merging the ranges' sets; word weights from per-document frequency tables
/// equal one table of the pair's words; and sentence pairs skipped as chance
/// (``PassageAligner/isChance(shared:_:_:)``) would neither seed nor be a near miss.
/// Over the fixture texts and generated copies of them (see ``ShingleIndexAlignmentTests``).
@Suite struct AlignmentShortcutTests {
    /// Fixture profiles paired with edited, shuffled and unrelated counterparts.
    static func profilePairs() throws -> [(DocumentProfile, DocumentProfile)] {
        let texts = try ShingleIndexAlignmentTests.fixtureTexts()
        var generator = SeededGenerator(state: 11)
        var pairs: [(DocumentProfile, DocumentProfile)] = []
        for (index, text) in texts.enumerated() {
            for kind in [1, 2, 3, 5, 6] {
                let copy = ShingleIndexAlignmentTests.variant(of: text, kind: kind, using: &generator)
                pairs.append((
                    ShingleIndexAlignmentTests.profile(text, id: "a", boilerplate: (index + kind) % 3 == 0),
                    ShingleIndexAlignmentTests.profile(copy, id: "b", boilerplate: kind == 5)))
            }
            pairs.append((
                ShingleIndexAlignmentTests.profile(text, id: "a", boilerplate: false),
                ShingleIndexAlignmentTests.profile(texts[(index + 1) % texts.count], id: "b", boilerplate: false)))
        }
        return pairs
    }

    /// The union of a range's sets (excluded sentences left out), sorted and distinct.
    static func union(_ range: ClosedRange<Int>, _ profile: DocumentProfile, words: Bool) -> [UInt64] {
        SortedHashSet.make(range.flatMap { index -> [UInt64] in
            let sentence = profile.sentences[index]
            return sentence.isExcluded ? [] : words ? sentence.words : sentence.shingles
        })
    }

    @Test func rangeOverlapsCountAsSortedUnionsDo() throws {
        var generator = SeededGenerator(state: 3)
        var checked = 0, overlapping = 0
        for (a, b) in try Self.profilePairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            for _ in 0..<6 {
                let rangeA = a.randomSentenceRange(using: &generator)
                let rangeB = b.randomSentenceRange(using: &generator)
                for words in [false, true] {
                    let setA = Self.union(rangeA, a, words: words)
                    let setB = Self.union(rangeB, b, words: words)
                    let counts = PassageAligner.unionCounts(
                        rangeA, a, rangeB, b, of: words ? .words : .shingles)
                    #expect(counts.a == setA.count)
                    #expect(counts.b == setB.count)
                    #expect(counts.shared == SortedHashSet.intersectionCount(setA, setB))
                    if !words {
                        #expect(PassageAligner.shingleJaccard(rangeA, a, rangeB, b)
                            == SortedHashSet.jaccard(setA, setB))
                    }
                    if counts.shared > 0 { overlapping += 1 }
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000)
        #expect(overlapping > checked / 4)
    }

    /// Word weights as one dictionary over both documents' seeding sentences.
    static func referenceWeights(_ a: DocumentProfile, _ b: DocumentProfile) -> (UInt64) -> Double {
        var frequency: [UInt64: Int] = [:]
        var sentences = 0
        for profile in [a, b] {
            for sentence in profile.sentences where !sentence.isExcluded {
                sentences += 1
                for word in sentence.words { frequency[word, default: 0] += 1 }
            }
        }
        let total = Double(max(sentences, 1))
        return { word in frequency[word].map { log(total / Double($0)) + 0.1 } ?? 0.1 }
    }

    @Test func wordWeightsFromDocumentTablesEqualOneTableOfThePair() throws {
        var compared = 0
        for (a, b) in try Self.profilePairs() {
            let reference = Self.referenceWeights(a, b)
            let weights = WordWeights(a, b)
            let words = a.sentences.flatMap(\.words) + b.sentences.flatMap(\.words) + [0, 1, 0xFFFF_FFFF_FFFF_FFFF]
            for word in words {
                #expect(weights.weight(word) == reference(word))
            }
            // The cosine and Dice of sentence pairs, each sum taken in ascending word order.
            for left in a.sentences.prefix(6) {
                for right in b.sentences.prefix(6) {
                    let (cosine, dice) = weights.similarity(left.words, right.words)
                    let shared = Set(left.words).intersection(right.words).sorted()
                    let norm = { (set: [UInt64]) in set.reduce(0.0) { $0 + reference($1) * reference($1) } }
                    if norm(left.words) > 0 && norm(right.words) > 0 {
                        let expectedDice = 2 * shared.reduce(0.0) { $0 + reference($1) }
                            / (left.words.reduce(0.0) { $0 + reference($1) } + right.words.reduce(0.0) { $0 + reference($1) })
                        #expect(dice == expectedDice)
                        #expect(cosine == norm(shared) / (norm(left.words).squareRoot() * norm(right.words).squareRoot()))
                        compared += 1
                    } else {
                        #expect(cosine == 0 && dice == 0)
                    }
                }
            }
        }
        #expect(compared > 1_000)
    }

    @Test func sentencePairsSkippedAsChanceWouldNeitherSeedNorNearMiss() throws {
        var skipped = 0, kept = 0
        for (a, b) in try Self.profilePairs() {
            let aligner = PassageAligner()
            let weights = LazyWordWeights(a, b)
            for (i, left) in a.sentences.enumerated() where !left.isExcluded {
                for (j, right) in b.sentences.enumerated() {
                    let shared = SortedHashSet.intersectionCount(left.shingles, right.shingles)
                    guard shared > 0 else { continue }
                    var seeds: [PassageAligner.Seed] = [], nearMisses: [PassageAligner.SentencePair] = []
                    aligner.judge(i, left, j, right, shared: shared, weights: weights, seeds: &seeds, nearMisses: &nearMisses)
                    if aligner.isChance(shared: shared, left.shingles.count, right.shingles.count) {
                        #expect(seeds.isEmpty && nearMisses.isEmpty, "sentences \(i), \(j)")
                        skipped += 1
                    } else {
                        kept += 1
                    }
                }
            }
        }
        // The shortcut is taken, and not for every pair.
        #expect(skipped > 1_000)
        #expect(kept > 1_000)
    }
}
