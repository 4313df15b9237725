import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``SentenceShingleIndex`` keeps each set of sentences that hold shingles together once
/// (``SentenceShingleIndex/sentenceBits``, made by hash-consing as the sentences are read),
/// with the number of shingles that keep it: on the indexes of the fixture pairs
/// (``VerifierShortcutTests/pairs()``) and of generated documents whose sentences repeat,
/// each shingle's set is the plain set of the sentences that hold it, the sets kept are
/// distinct, and their counts are the plain counts of shingles per set.
@Suite struct DistinctBitSetsTests {
    /// The sentences that hold each of `index`'s shingles, read off `profile`'s sentences one
    /// by one: the plain holders, as bit sets of the index's layout.
    static func plainHolders(_ index: SentenceShingleIndex, _ profile: DocumentProfile) -> [[UInt64]] {
        var holders: [UInt64: [UInt64]] = [:]
        for (number, sentence) in profile.sentences.enumerated() where !sentence.isExcluded {
            for hash in sentence.shingles {
                holders[hash, default: [UInt64](repeating: 0, count: index.wordsPerShingle)][number / 64] |= 1 << UInt64(number % 64)
            }
        }
        return index.shingles.map { holders[$0]! }
    }

    /// The bit set of shingle `k` of `index`: its one sentence's bit, or its set.
    static func holders(of k: Int, in index: SentenceShingleIndex) -> [UInt64] {
        let words = index.wordsPerShingle
        let owner = Int(index.owners[k])
        if owner >= 0 {
            var bits = [UInt64](repeating: 0, count: words)
            bits[owner / 64] |= 1 << UInt64(owner % 64)
            return bits
        }
        let set = -1 - owner
        return Array(index.sentenceBits[set * words..<(set + 1) * words])
    }

    /// Profiles whose sentences repeat: sentences drawn from a few, so that shingles are held
    /// by several sentences in many combinations, some of more than 64 sentences.
    static func repetitiveProfiles() -> [DocumentProfile] {
        var generator = SeededGenerator(state: 57)
        let pool = [
            "The minister said the plan would go ahead next week.", "Shares in the company fell sharply on Monday.",
            "Officials said the talks would resume.", "The plan would go ahead, officials said.",
            "Shares fell as the talks stalled.", "Rain is expected later in the week.",
        ]
        return (0..<24).map { round in
            let count = round % 4 == 0 ? 70 + round * 3 : 2 + round * 2
            let text = (0..<count).map { _ in pool[Int.random(in: 0..<(2 + round % 5), using: &generator)] }.joined(separator: " ")
            return DocumentProfile(id: "r\(round)", text: AnalyzedText(text), boilerplate: [], title: nil, shingleSize: 5)
        }
    }

    static func profiles() throws -> [DocumentProfile] {
        try VerifierShortcutTests.pairs().flatMap { [$0.0, $0.1] } + repetitiveProfiles()
    }

    @Test func indexesKeepEachSetOfHoldersOnce() throws {
        var repeated = 0, wide = 0
        for profile in try Self.profiles() {
            guard let index = SentenceShingleIndex(profile) else { continue }
            let words = index.wordsPerShingle
            let plain = Self.plainHolders(index, profile)
            var kept: [Int: Int32] = [:]
            for k in index.shingles.indices {
                #expect(Self.holders(of: k, in: index) == plain[k])
                let owner = Int(index.owners[k])
                if owner < 0 {
                    kept[-1 - owner, default: 0] += 1
                    #expect(plain[k].map(\.nonzeroBitCount).reduce(0, +) > 1)
                }
            }
            // The sets kept, in order, each with its count of shingles, and no two alike.
            #expect(index.distinctSets == kept.keys.sorted().map { Int32($0) })
            #expect(index.setMultiplicity == kept.keys.sorted().map { kept[$0]! })
            let sets = index.distinctSets.map { Array(index.sentenceBits[Int($0) * words..<(Int($0) + 1) * words]) }
            #expect(Set(sets).count == sets.count)
            repeated += index.setMultiplicity.filter { $0 > 1 }.count
            if words > 1 { wide += 1 }
        }
        // Sets do repeat, and indexes of bit sets of several words are among them.
        #expect(repeated > 100)
        #expect(wide > 0)
    }

    /// ``SentenceShingleIndex/repeats(among:)``, read off the distinct sets, against every
    /// shingle's holders read one by one, for random sets of sentences.
    @Test func repeatsAmongSentencesCountEveryShingle() throws {
        var generator = SeededGenerator(state: 88)
        var positive = 0
        for profile in try Self.profiles() {
            guard let index = SentenceShingleIndex(profile) else { continue }
            let words = index.wordsPerShingle
            let plainSets = Self.plainHolders(index, profile)
            for _ in 0..<8 {
                var mask = (0..<words).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
                var plain = 0
                for set in plainSets {
                    var holders = 0
                    for word in 0..<words { holders += (set[word] & mask[word]).nonzeroBitCount }
                    if holders > 1 { plain += holders - 1 }
                }
                let counted = mask.withUnsafeMutableBufferPointer { index.repeats(among: $0.baseAddress!) }
                #expect(counted == plain)
                if plain > 0 { positive += 1 }
            }
        }
        #expect(positive > 50)
    }
}
