import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``ShinglePostings`` lists exactly the sentences that hold a hash, in sentence order, through
/// the growth of its table; and the seeding that reads it
/// (``PassageAligner/seeding(_:_:)``) finds the seeds and near misses, in the order, that
/// judging every sentence pair one by one finds, on one worker or split over several.
@Suite struct ShinglePostingsTests {
    /// A document of `sentences` sentences of words drawn from a vocabulary of `words` (a
    /// small one repeats shingles across sentences), each fourth sentence copied from earlier on.
    static func document(sentences: Int, seed: UInt64, words: Int = 300) -> String {
        var generator = SeededGenerator(state: seed)
        let vocabulary = (0..<words).map { index in
            String((0..<(3 + index % 6)).map { _ in "abcdefghijklmnoprstuvwy".randomElement(using: &generator)! })
        }
        var lines: [String] = []
        for index in 0..<sentences {
            if index % 4 == 3, let earlier = lines.randomElement(using: &generator) {
                lines.append(earlier)
                continue
            }
            let words = (0..<Int.random(in: 6...16, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            lines.append(words.joined(separator: " ").capitalized + ".")
        }
        return lines.joined(separator: " ")
    }

    static func profile(_ text: String) -> DocumentProfile {
        DocumentProfile(id: "d", text: AnalyzedText(text), boilerplate: [], title: nil, shingleSize: 5)
    }

    /// Shingles and words of a document whose sentences share many (long runs), and
    /// shingles of one whose sentences share few: most of its hashes distinct, more than half
    /// as many as its postings, which the table, sized at first for a quarter,
    /// doubles to hold.
    @Test(arguments: [(.shingles, 400, 300), (.words, 400, 300), (.shingles, 400, 20_000), (.shingles, 3, 300)]
        as [(PassageAligner.SentenceSet, Int, Int)])
    func postingsListEachHashsHoldersInSentenceOrder(set: PassageAligner.SentenceSet, sentences: Int, words: Int) {
        let profile = Self.profile(Self.document(sentences: sentences, seed: 11, words: words))
        // Every other sentence indexed: the postings hold only those asked for.
        let indexed = profile.sentences.indices.filter { $0 % 2 == 0 }
        let postings = ShinglePostings(profile, of: set, sentences: indexed)
        var expected: [UInt64: [Int]] = [:]
        var total = 0
        for index in indexed {
            let hashes = profile.sentences.withUnsafeBufferPointer { set.hashes(of: $0, index) }
            total += hashes.count
            for hash in hashes { expected[hash, default: []].append(index) }
        }
        #expect(expected.count > 20)
        if words > 1_000 {
            #expect(2 * expected.count > total)
        } else if sentences > 100 {
            // Many hashes several sentences hold, so runs longer than one are read.
            #expect(expected.values.contains { $0.count > 3 })
        }
        for (hash, holders) in expected {
            var listed: [Int] = []
            postings.forEachSentence(holding: hash) { listed.append($0) }
            #expect(listed == holders)
            #expect(postings.run(of: hash).count == holders.count)
        }
        // Hashes nobody holds: nothing listed.
        var generator = SeededGenerator(state: 3)
        for _ in 0..<1_000 {
            let hash = UInt64.random(in: .min ... .max, using: &generator)
            guard expected[hash] == nil else { continue }
            #expect(postings.run(of: hash).isEmpty)
        }
    }

    @Test func postingsOfNoSentenceHoldNothing() {
        let profile = Self.profile(Self.document(sentences: 5, seed: 2))
        let postings = ShinglePostings(profile, of: .shingles, sentences: [])
        for hash in profile.sentences[0].shingles { #expect(postings.run(of: hash).isEmpty) }
    }

    /// The seeds and near misses of two long documents (past the index's sentence limit, so
    /// the postings path), against every sentence pair judged in order.
    @Test func seedingFindsWhatJudgingEveryPairFinds() {
        let text = Self.document(sentences: 300, seed: 5)
        var generator = SeededGenerator(state: 9)
        // A copy with words dropped here and there, and sentences of another document.
        let edited = text.split(separator: " ").filter { _ in Int.random(in: 0..<9, using: &generator) != 0 }
            .joined(separator: " ") + " " + Self.document(sentences: 60, seed: 6)
        let a = Self.profile(text), b = Self.profile(edited)
        #expect(a.sentences.count > SentenceShingleIndex.sentenceLimit)
        let aligner = PassageAligner()
        let found = aligner.seeding(a, b)
        var seeds: [PassageAligner.Seed] = []
        var nearMisses: [PassageAligner.SentencePair] = []
        let weights = LazyWordWeights(a, b)
        for i in a.sentences.indices where !a.sentences[i].isExcluded {
            for j in b.sentences.indices where !b.sentences[j].isExcluded {
                let shared = SortedHashSet.intersectionCount(a.sentences[i].shingles, b.sentences[j].shingles)
                guard shared > 0, !aligner.isChance(shared: shared, a.sentences[i].shingles.count, b.sentences[j].shingles.count)
                else { continue }
                aligner.judge(i, a.sentences[i], j, b.sentences[j], shared: shared, weights: weights, seeds: &seeds, nearMisses: &nearMisses)
            }
        }
        #expect(seeds.count > 100)
        #expect(nearMisses.count > 100)
        // Compared whole, in order (told apart by count and first difference, not printed whole).
        #expect(found.seeds.count == seeds.count)
        #expect(found.seeds.indices.first { found.seeds[$0] != seeds[$0] } == nil)
        #expect(found.nearMisses.count == nearMisses.count)
        #expect(found.nearMisses.indices.first { found.nearMisses[$0] != nearMisses[$0] } == nil)

        // Split over workers (each run of `a`'s sentences with weights of its own; 7 threads
        // give the most a pair takes, ``PassageAligner/maximumSeedingWorkers``): the same.
        for threads in [2, 3, 7] {
            var split = aligner
            split.threads = threads
            split.parallelSeedingPairs = 0
            let parts = split.seeding(a, b)
            #expect(parts.seeds == found.seeds, "\(threads) threads")
            #expect(parts.nearMisses == found.nearMisses, "\(threads) threads")
        }
    }
}
