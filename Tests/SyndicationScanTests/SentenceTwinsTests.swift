import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``SentenceTwins`` and what is read off them give what the plain computations give, over the
/// fixture pairs and generated copies of them (``VerifierShortcutTests/pairs()``):
/// - a twin holds exactly its sentence's shingles, and every sentence with such a sentence on
///   the other side has a twin;
/// - shared counts with twin rows read off the other document, and the other rows looked up,
///   equal the merge's (``SentenceShingleIndex/sharedCounts(with:)``), with all twins, with
///   some of them dropped at random, and with none;
/// - two ranges the twins say hold the same shingles have the Jaccard the flat table counts;
/// - range overlaps counted through the twins that lie in the other range equal the flat
///   table's, whatever the sentences without such a twin.
@Suite struct SentenceTwinsTests {
    /// `twins` with each pair kept with probability `keep`.
    static func thinned(_ twins: SentenceTwins, keep: Double, using generator: inout SeededGenerator) -> SentenceTwins {
        var ofA = twins.ofA, ofB = [Int32](repeating: -1, count: twins.ofB.count)
        var paired = 0
        for i in ofA.indices where ofA[i] >= 0 {
            if Double.random(in: 0..<1, using: &generator) < keep {
                paired += 1
                if ofB[Int(ofA[i])] < 0 { ofB[Int(ofA[i])] = Int32(i) }
            } else {
                ofA[i] = -1
            }
        }
        return SentenceTwins(ofA: ofA, ofB: ofB, pairedCount: paired)
    }

    @Test func twinsHoldTheSameShinglesAndNoneIsMissed() throws {
        var paired = 0, unpaired = 0
        for (a, b) in try VerifierShortcutTests.pairs() {
            let twins = SentenceTwins(a, b)
            #expect(twins.ofA.count == a.sentences.count && twins.ofB.count == b.sentences.count)
            #expect(twins.pairedCount == twins.ofA.filter { $0 >= 0 }.count)
            for (i, sentence) in a.sentences.enumerated() {
                let eligible = !sentence.isExcluded && !sentence.shingles.isEmpty
                let matches = b.sentences.indices.filter {
                    !b.sentences[$0].isExcluded && b.sentences[$0].shingles == sentence.shingles
                }
                if twins.ofA[i] >= 0 {
                    let j = Int(twins.ofA[i])
                    #expect(eligible && matches.contains(j), "sentence \(i)")
                    paired += 1
                } else {
                    #expect(!eligible || matches.isEmpty, "sentence \(i)")
                    unpaired += 1
                }
            }
            for (j, twin) in twins.ofB.enumerated() where twin >= 0 {
                #expect(twins.ofA[Int(twin)] == Int32(j))
            }
        }
        // Both outcomes are checked.
        #expect(paired > 1_000)
        #expect(unpaired > 1_000)
    }

    @Test func hashArraysAreEqualAsArraysAre() {
        var generator = SeededGenerator(state: 61)
        for _ in 0..<500 {
            let count = Int.random(in: 0...40, using: &generator)
            let left = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
            var right = left
            switch Int.random(in: 0..<4, using: &generator) {
            case 0 where !right.isEmpty: right[Int.random(in: 0..<right.count, using: &generator)] ^= 1 << UInt64.random(in: 0..<64, using: &generator)
            case 1: right.append(UInt64.random(in: 0...UInt64.max, using: &generator))
            case 2 where !right.isEmpty: right.removeLast()
            default: break
            }
            #expect(SentenceTwins.areEqual(left, right) == (left == right))
            #expect(SentenceTwins.areEqual(left, left))
        }
        #expect(SentenceTwins.areEqual([], []))
    }

    @Test func countsThroughTwinsEqualTheMerge() throws {
        var generator = SeededGenerator(state: 23)
        var looked = 0, merged = 0, unasked = 0
        for (a, b) in try VerifierShortcutTests.pairs() {
            guard let indexA = SentenceShingleIndex(a), let indexB = SentenceShingleIndex(b) else { continue }
            let expected = indexA.sharedCounts(with: indexB)
            let all = SentenceTwins(a, b)
            for twins in [all, Self.thinned(all, keep: 0.7, using: &generator), Self.thinned(all, keep: 0.2, using: &generator),
                          Self.thinned(all, keep: 0, using: &generator)] {
                let counts = a.sentences.withUnsafeBufferPointer { sentencesA in
                    b.sentences.withUnsafeBufferPointer { sentencesB in
                        indexA.sharedCounts(with: indexB, twins: twins, sentencesA, sentencesB)
                    }
                }
                #expect(counts == expected)
                // Which way the counts were made.
                let unpaired = a.sentences.indices.filter { twins.ofA[$0] < 0 && !a.sentences[$0].isExcluded }
                    .reduce(0) { $0 + a.sentences[$1].shingles.count }
                // Made with the first index asked for only where it is read: never, when every
                // sentence with shingles has a twin.
                var asked = false
                let deferredCounts = a.sentences.withUnsafeBufferPointer { sentencesA in
                    b.sentences.withUnsafeBufferPointer { sentencesB in
                        SentenceShingleIndex.sharedCounts(
                            rows: a.sentences.count, distinctShingles: { asked = true; return indexA.shingles.count },
                            fallback: { asked = true; return indexA.sharedCounts(with: indexB) },
                            with: indexB, twins: twins, sentencesA, sentencesB)
                    }
                }
                #expect(deferredCounts == expected)
                // With the first index not built, every sentence without a twin (all, when none
                // has one) looked up in the second's table, and the first never asked for.
                var unbuiltAsked = false
                let unbuiltCounts = a.sentences.withUnsafeBufferPointer { sentencesA in
                    b.sentences.withUnsafeBufferPointer { sentencesB in
                        SentenceShingleIndex.sharedCounts(
                            rows: a.sentences.count, distinctShingles: nil,
                            fallback: { unbuiltAsked = true; return indexA.sharedCounts(with: indexB) },
                            with: indexB, twins: twins, sentencesA, sentencesB)
                    }
                }
                #expect(unbuiltCounts == expected)
                #expect(!unbuiltAsked)
                if twins.pairedCount > 0 && unpaired == 0 {
                    #expect(!asked)
                    unasked += 1
                }
                if twins.pairedCount > 0 && unpaired <= min(indexA.shingles.count, indexB.shingles.count) {
                    looked += 1
                } else {
                    merged += 1
                }
            }
        }
        #expect(looked > 30)
        #expect(merged > 30)
        #expect(unasked > 10)
    }

    @Test func rangesOfTwinsHaveTheJaccardTheTableCounts() throws {
        var generator = SeededGenerator(state: 29)
        var same = 0, checked = 0
        for (a, b) in try VerifierShortcutTests.pairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            let twins = SentenceTwins(a, b)
            var ranges: [(ClosedRange<Int>, ClosedRange<Int>)] = []
            // Each sentence with its twin, runs of them, and random ranges.
            for i in a.sentences.indices where twins.ofA[i] >= 0 {
                let j = Int(twins.ofA[i])
                let length = Int.random(in: 0...4, using: &generator)
                ranges.append((i...i, j...j))
                ranges.append((i...min(a.sentences.count - 1, i + length), j...min(b.sentences.count - 1, j + length)))
                ranges.append((max(0, i - length)...i, max(0, j - length)...j))
            }
            for _ in 0..<6 { ranges.append((a.randomSentenceRange(using: &generator), b.randomSentenceRange(using: &generator))) }
            for (rangeA, rangeB) in ranges {
                let plain = PassageAligner.unionCounts(rangeA, a, rangeB, b, of: .shingles)
                let union = plain.a + plain.b - plain.shared
                let expected = union == 0 ? 0 : Double(plain.shared) / Double(union)
                if let found = PassageAligner.sameShingles(rangeA, a, rangeB, b, twins: twins) {
                    #expect(found == expected, "\(rangeA), \(rangeB)")
                    #expect(plain.a == plain.shared && plain.b == plain.shared)
                    same += 1
                }
                checked += 1
            }
        }
        #expect(same > 500)
        #expect(checked > same + 300)
    }

    @Test func rangeCountsThroughTwinsEqualTheTable() throws {
        var generator = SeededGenerator(state: 43)
        var checked = 0, mixed = 0
        for (a, b) in try VerifierShortcutTests.pairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            guard let indexA = SentenceShingleIndex(a), let indexB = SentenceShingleIndex(b) else { continue }
            let twins = SentenceTwins(a, b)
            var ranges: [(ClosedRange<Int>, ClosedRange<Int>)] = []
            for i in a.sentences.indices where twins.ofA[i] >= 0 && Int.random(in: 0..<3, using: &generator) == 0 {
                let j = Int(twins.ofA[i])
                // Runs around a twin, reaching past it unevenly on the two sides.
                let before = Int.random(in: 0...3, using: &generator), after = Int.random(in: 0...3, using: &generator)
                ranges.append((max(0, i - before)...min(a.sentences.count - 1, i + after),
                               max(0, j - Int.random(in: 0...3, using: &generator))...min(b.sentences.count - 1, j + after)))
            }
            ranges.append((0...(a.sentences.count - 1), 0...(b.sentences.count - 1)))
            for _ in 0..<4 { ranges.append((a.randomSentenceRange(using: &generator), b.randomSentenceRange(using: &generator))) }
            for (rangeA, rangeB) in ranges {
                let expected = PassageAligner.unionCounts(rangeA, a, rangeB, b, of: .shingles)
                let counted = a.sentences.withUnsafeBufferPointer { sentencesA in
                    b.sentences.withUnsafeBufferPointer { sentencesB in
                        PassageAligner.twinCounts(
                            rangeA, sentencesA, indexA, rangeB, sentencesB, indexB, twins: twins, limit: .max)
                    }
                }
                guard let counted else {
                    #expect(twins.pairedCount == 0)
                    continue
                }
                #expect(counted == expected, "\(rangeA), \(rangeB)")
                if PassageAligner.sameShingles(rangeA, a, rangeB, b, twins: twins) == nil && expected.shared > 0 { mixed += 1 }
                checked += 1
            }
        }
        #expect(checked > 500)
        // Ranges whose sentences are not all twins of each other, sharing some shingles.
        #expect(mixed > 200)
    }

    @Test func flatCountsFilingTwinsOnceEqualThePlainTable() throws {
        var generator = SeededGenerator(state: 47)
        var checked = 0, mixed = 0
        for (a, b) in try VerifierShortcutTests.pairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            let twins = SentenceTwins(a, b)
            var ranges: [(ClosedRange<Int>, ClosedRange<Int>)] = [(0...(a.sentences.count - 1), 0...(b.sentences.count - 1))]
            for i in a.sentences.indices where twins.ofA[i] >= 0 && Int.random(in: 0..<3, using: &generator) == 0 {
                let j = Int(twins.ofA[i])
                // Runs around a twin whose ends cut some twins off from theirs.
                ranges.append((max(0, i - Int.random(in: 0...3, using: &generator))...min(a.sentences.count - 1, i + Int.random(in: 0...3, using: &generator)),
                               max(0, j - Int.random(in: 0...3, using: &generator))...min(b.sentences.count - 1, j + Int.random(in: 0...3, using: &generator))))
            }
            for _ in 0..<4 { ranges.append((a.randomSentenceRange(using: &generator), b.randomSentenceRange(using: &generator))) }
            for (rangeA, rangeB) in ranges {
                let expected = PassageAligner.unionCounts(rangeA, a, rangeB, b, of: .shingles)
                let counted = PassageAligner.unionCounts(rangeA, a, rangeB, b, twins: twins)
                #expect(counted == expected, "\(rangeA), \(rangeB)")
                let filedOnce = rangeA.contains { twins.ofA[$0] >= 0 && rangeB.contains(Int(twins.ofA[$0])) }
                if filedOnce && PassageAligner.sameShingles(rangeA, a, rangeB, b, twins: twins) == nil { mixed += 1 }
                checked += 1
            }
        }
        #expect(checked > 500)
        // Ranges where some twins were filed once and other sentences as before.
        #expect(mixed > 200)
    }
}
