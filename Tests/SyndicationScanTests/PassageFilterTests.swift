import Testing
import SyndicationEngine
@testable import SyndicationScan

/// The filters that keep passages to the copy itself: one match per sentence, word-order
/// copies counted as prose, and no passage shorter than the least copy a pair needs.
@Suite struct PassageFilterTests {
    typealias Seed = PassageAligner.Seed

    static func seed(_ first: Int, _ second: Int, _ similarity: Double) -> Seed {
        Seed(first: first, second: second, similarity: similarity, isProse: true)
    }

    @Test func aSentenceKeepsItsStrongestMatchAndItsNeighbours() {
        let group = [
            Self.seed(0, 10, 0.9), Self.seed(1, 2, 0.3), Self.seed(1, 11, 0.8),
            // Sentence 2 split in two (12 and 13): both halves stay.
            Self.seed(2, 12, 0.5), Self.seed(2, 13, 0.45),
        ]
        let kept = PassageAligner.strongestMatches(group)
        #expect(kept == [Self.seed(0, 10, 0.9), Self.seed(1, 11, 0.8), Self.seed(2, 12, 0.5), Self.seed(2, 13, 0.45)])
    }

    @Test func aWeakerMatchFarFromTheStrongestNoLongerStretchesThePassage() {
        let a = AlignmentTests.profile(AlignmentTests.original, id: "a")
        // The copy, then a line of its own, then a sentence resembling the fourth one.
        let copy = AlignmentTests.original + "\nThe town band will play at the opening on Saturday afternoon."
            + "\nEngineers said the steel frame had been tested against floods."
        let b = AlignmentTests.profile(copy, id: "b")
        let copyPassages = PassageAligner().align(a, b).filter(\.kind.isCopy)
        #expect(copyPassages.count == 1)
        #expect(copyPassages.first?.b.end == AlignmentTests.original.unicodeScalars.count)
    }

    @Test func sentencesWithTheSameWordsInAnotherOrderSeedAsProse() {
        // Short words in reverse order: few character 5-grams survive (Jaccard 0.15).
        let a = AlignmentTests.profile("The old man and his dog ran to the big red hut by the sea at six.", id: "a")
        let b = AlignmentTests.profile("Six at the sea by hut red big the to ran dog his and man old the.", id: "b")
        let seeds = PassageAligner().seeds(a, b)
        #expect(seeds.count == 1)
        #expect(seeds.first?.isProse == true)
        #expect(seeds.first.map { $0.similarity < PassageAligner().seedThreshold } == true)
    }

    @Test func aShortResemblanceBesideRealCopyIsNotCopy() throws {
        let filler = (1...6).map { "Unrelated filler sentence number \($0) talks about the weather in the hills today." }
        let first = Document(id: "first", text: AlignmentTests.original + "\n" + filler.joined(separator: "\n")
            + "\nThe harbour master said the tide tables for the spring would be printed in March.", origin: "first")
        let second = Document(id: "second", text: AlignmentTests.original
            + "\nShoppers queued outside the new bakery for most of the morning.\n"
            + "The harbour master said the tide tables would be printed in March.", origin: "second")
        let finding = try #require(CorpusScanner().compare(first, second))
        #expect(finding.relation.isReuse)
        let copy = finding.passages.filter(\.kind.isCopy)
        #expect(copy.count == 1)
        #expect(copy.first?.a.end == AlignmentTests.original.unicodeScalars.count)
    }

    @Test func wordDiceCountsTheDistinctWordsOfBothRanges() {
        let a = AlignmentTests.profile("The cat sat on the mat.", id: "a")
        let b = AlignmentTests.profile("The dog sat on a log.", id: "b")
        // {the, cat, sat, on, mat} and {the, dog, sat, on, a, log} share three words.
        #expect(PassageAligner.wordDice(0...0, a, 0...0, b) == 6.0 / 11.0)
    }

    @Test func aParagraphCopiedWithItsWordsReversedIsCopy() {
        let sentences = [
            "The old man and his dog ran to the big red hut by the sea at six.",
            "He had a cup of tea and a bun as the sun set on the bay.",
            "Then the two of them sat by the fire and the dog slept on the rug.",
        ]
        let reversed = sentences.map { sentence in
            let words = sentence.dropLast().split(separator: " ").reversed().map { $0.lowercased() }
            return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
        }
        let a = AlignmentTests.profile(sentences.joined(separator: " "), id: "a")
        let b = AlignmentTests.profile(reversed.joined(separator: " "), id: "b")
        let copy = PassageAligner().align(a, b).filter(\.kind.isCopy)
        #expect(copy.count == 1)
        #expect(copy.first.map { $0.similarity < PassageAligner().seedThreshold } == true)
        #expect(copy.first?.b == TextSpan(start: 0, end: b.text.scalars.count))
    }
}
