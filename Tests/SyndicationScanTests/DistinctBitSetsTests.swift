import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``SentenceShingleIndex/distinctSets(_:words:)`` finds each different bit set once, at its
/// first copy, with the number of its copies, as a plain dictionary of the sets does: on
/// generated sets of one to five words, drawn from a few so that many repeat, and on the
/// indexes of the fixture pairs (``VerifierShortcutTests/pairs()``).
@Suite struct DistinctBitSetsTests {
    /// The plain count: the sets, keyed by their words, in first-met order.
    static func plainDistinct(_ bits: [UInt64], words: Int) -> (sets: [Int32], multiplicity: [Int32]) {
        var first: [[UInt64]: Int] = [:]
        var sets: [Int32] = [], multiplicity: [Int32] = []
        for set in 0..<(bits.count / words) {
            let key = Array(bits[set * words..<(set + 1) * words])
            if let known = first[key] {
                multiplicity[known] += 1
            } else {
                first[key] = sets.count
                sets.append(Int32(set))
                multiplicity.append(1)
            }
        }
        return (sets, multiplicity)
    }

    @Test(arguments: 1...5) func distinctSetsEqualThePlainCount(words: Int) {
        var generator = SeededGenerator(state: UInt64(31 + words))
        for round in 0..<40 {
            // A pool of sets, some differing in one word only, drawn with repeats.
            let poolSize = 1 + round * 3
            var pool: [[UInt64]] = []
            for index in 0..<poolSize {
                if index > 0, Bool.random(using: &generator) {
                    var near = pool[Int.random(in: 0..<pool.count, using: &generator)]
                    near[Int.random(in: 0..<words, using: &generator)] ^= 1 << UInt64.random(in: 0..<64, using: &generator)
                    pool.append(near)
                } else {
                    pool.append((0..<words).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) & (round % 2 == 0 ? 0xFF : .max) })
                }
            }
            let count = Int.random(in: 0...300, using: &generator)
            let bits = (0..<count).flatMap { _ in pool[Int.random(in: 0..<pool.count, using: &generator)] }
            let found = bits.withUnsafeBufferPointer { SentenceShingleIndex.distinctSets($0, words: words) }
            let plain = Self.plainDistinct(bits, words: words)
            #expect(found.sets == plain.sets, "round \(round)")
            #expect(found.multiplicity == plain.multiplicity, "round \(round)")
        }
    }

    @Test func indexesHoldTheirDistinctSets() throws {
        var repeated = 0, wide = 0
        for (a, b) in try VerifierShortcutTests.pairs() {
            for profile in [a, b] {
                guard let index = SentenceShingleIndex(profile) else { continue }
                let plain = Self.plainDistinct(index.sentenceBits, words: index.wordsPerShingle)
                #expect(index.distinctSets == plain.sets)
                #expect(index.setMultiplicity == plain.multiplicity)
                #expect(index.setMultiplicity.reduce(0, +) == Int32(index.sentenceBits.count / index.wordsPerShingle))
                repeated += index.setMultiplicity.filter { $0 > 1 }.count
                if index.wordsPerShingle > 1 { wide += 1 }
            }
        }
        // Sets do repeat, and indexes of bit sets of several words are among them.
        #expect(repeated > 100)
        #expect(wide > 0)
    }

    /// ``SentenceShingleIndex/repeats(among:)``, read off the distinct sets, against every
    /// set read one by one, for random sets of sentences.
    @Test func repeatsAmongSentencesCountEverySet() throws {
        var generator = SeededGenerator(state: 88)
        var positive = 0
        for (a, b) in try VerifierShortcutTests.pairs() {
            for profile in [a, b] {
                guard let index = SentenceShingleIndex(profile) else { continue }
                let words = index.wordsPerShingle
                for _ in 0..<8 {
                    var mask = (0..<words).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
                    var plain = 0
                    for set in 0..<(index.sentenceBits.count / words) {
                        var holders = 0
                        for word in 0..<words { holders += (index.sentenceBits[set * words + word] & mask[word]).nonzeroBitCount }
                        if holders > 1 { plain += holders - 1 }
                    }
                    let counted = mask.withUnsafeMutableBufferPointer { index.repeats(among: $0.baseAddress!) }
                    #expect(counted == plain)
                    if plain > 0 { positive += 1 }
                }
            }
        }
        #expect(positive > 50)
    }
}
