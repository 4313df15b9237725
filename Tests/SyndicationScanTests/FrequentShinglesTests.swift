import SyndicationEngine
import Testing
import TestSupport
@testable import SyndicationScan

/// The coarse-then-exact count of common shingles finds exactly the shingles one table's count
/// does, however few counters the coarse count has (down to two, which all shingles share)
/// and however many workers count them.
@Suite struct FrequentShinglesTests {
    /// Documents of sentences drawn from a small vocabulary, a few words far more often than
    /// the rest, so that shingle counts spread from one to hundreds.
    static let profiles: [DocumentProfile] = {
        var generator = SeededGenerator(seed: 41)
        let vocabulary = ["the", "council", "said", "harbour", "of", "and", "ferry", "a", "new", "vote",
                          "in", "storm", "to", "mayor", "budget", "plan", "river", "bridge", "on", "week"]
        return (0..<60).map { number in
            let sentences = (0..<(4 + number % 7)).map { _ in
                let words = (0..<(6 + Int(generator.next() % 9))).map { _ in
                    // Squaring a uniform draw favours the first words of the vocabulary.
                    let draw = Double(generator.next() % 10_000) / 10_000
                    return vocabulary[Int(draw * draw * Double(vocabulary.count))]
                }
                return words.joined(separator: " ").capitalizedFirst + "."
            }
            return DocumentProfile(
                id: "d\(number)", text: AnalyzedText(sentences.joined(separator: " ")), boilerplate: [], title: nil,
                shingleSize: ScanParameters().sentenceShingleSize)
        }
    }()

    /// How many non-excluded sentences of `profiles` hold each shingle, by a dictionary.
    static func reference(_ profiles: [DocumentProfile]) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        for profile in profiles {
            for sentence in profile.sentences where !sentence.isExcluded {
                for shingle in sentence.shingles { counts[shingle, default: 0] += 1 }
            }
        }
        return counts
    }

    @Test(arguments: [1, 2, 3])
    func coarseCountsFindWhatOneTableFinds(_ threads: Int) throws {
        let counts = Self.reference(Self.profiles)
        // Limits at counts that shingles have (the bar is inclusive) and between them.
        let limits = Set(counts.values).sorted().suffix(12) + [5, 40, 41]
        for limit in limits {
            let expected = Set(counts.filter { $0.value >= limit }.keys)
            // Counters enough to keep most shingles apart, a few, and two for all; the default
            // size.
            for counterBits in [16, 4, 1] {
                let found = FrequentShingles.held(
                    byAtLeast: limit, in: Self.profiles, threads: threads, counterBits: counterBits)
                #expect(found == expected, "limit \(limit), 2^\(counterBits) counters, \(threads) threads")
            }
            #expect(FrequentShingles.held(byAtLeast: limit, in: Self.profiles, threads: threads) == expected)
        }
        // The test means something: some limits keep a few shingles, and not all.
        #expect(limits.contains { limit in (1..<counts.count).contains(counts.values.count { $0 >= limit }) })
    }

    @Test func nothingIsCommonInNothing() {
        #expect(FrequentShingles.held(byAtLeast: 5, in: [], threads: 2).isEmpty)
        #expect(FrequentShingles.held(byAtLeast: 1_000_000, in: Self.profiles, threads: 2, counterBits: 2).isEmpty)
    }

    @Test func theFingerprintsSampleCountsAtEveryThreadCount() {
        let fingerprints = PassageFingerprints()
        let one = fingerprints.commonShingles(Self.profiles, threads: 1)
        #expect(!one.isEmpty)
        #expect(fingerprints.commonShingles(Self.profiles, threads: 2) == one)
        #expect(fingerprints.commonShingles(Self.profiles, threads: 0) == one)
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
