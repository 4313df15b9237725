import Foundation
import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``PassageAligner/align(_:_:indexes:)`` (seeds through ``SentenceShingleIndex``, what a scan
/// uses) gives the same passages as ``PassageAligner/align(_:_:)`` (seeds through
/// ``ShinglePostings``), pair by pair: over the fixture texts and generated copies of them —
/// verbatim, with words substituted, dropped and inserted, sentences shuffled, truncated,
/// with lines of their own or boilerplate added — and over documents past 64 sentences.
@Suite struct ShingleIndexAlignmentTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The texts of the fixture folders, in name order.
    static func fixtureTexts() throws -> [String] {
        var texts: [String] = []
        for folder in ["alignment", "behaviours", "seeds", "wirebench-slice", "injection"] {
            let directory = root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".txt") }.sorted()
            for name in names {
                texts.append(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            }
        }
        return texts
    }

    /// A copy of `text` changed the way syndicated copies are.
    static func variant(of text: String, kind: Int, using generator: inout SeededGenerator) -> String {
        var lines = text.components(separatedBy: "\n")
        let vocabulary = ["council", "river", "said", "the", "officials", "market", "Monday", "growth", "report", "new"]
        switch kind {
        case 0:
            return text
        case 1, 2:  // Word edits at 5 % or 25 %.
            let rate = kind == 1 ? 0.05 : 0.25
            lines = lines.map { line in
                var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                var index = 0
                while index < words.count {
                    if Double.random(in: 0..<1, using: &generator) < rate {
                        switch Int.random(in: 0..<3, using: &generator) {
                        case 0: words[index] = vocabulary.randomElement(using: &generator)!
                        case 1: words.remove(at: index); continue
                        default: words.insert(vocabulary.randomElement(using: &generator)!, at: index); index += 1
                        }
                    }
                    index += 1
                }
                return words.joined(separator: " ")
            }
        case 3:  // Lines shuffled.
            lines.shuffle(using: &generator)
        case 4:  // Truncated.
            lines = Array(lines.prefix(max(1, lines.count * Int.random(in: 4...9, using: &generator) / 10)))
        case 5:  // Lines of its own before and after.
            lines = ["Breaking news from our correspondent in the field today.", "Read more:"] + lines
                + ["Sign up to our daily newsletter for the top stories every morning.", "All rights reserved."]
        default:  // A sentence repeated, another rewritten.
            if let line = lines.randomElement(using: &generator) { lines.insert(line, at: lines.count / 2) }
            if !lines.isEmpty { lines[0] = "An entirely different opening sentence replaces the first one here." }
        }
        return lines.joined(separator: "\n")
    }

    /// The profile of `text`, its first line taken as the title, and every third line marked as
    /// boilerplate when `boilerplate` is set.
    static func profile(_ text: String, id: String, boilerplate: Bool) -> DocumentProfile {
        let analysed = AnalyzedText(text)
        let spans = boilerplate ? analysed.lines.enumerated().filter { $0.offset % 3 == 2 }.map(\.element) : []
        let title = text.split(separator: "\n").first.map(String.init)
        return DocumentProfile(id: id, text: analysed, boilerplate: spans, title: title, shingleSize: 5)
    }

    /// Checks that the indexes align `a` and `b` as the postings do, with the first index built
    /// at once and built on first need (``DeferredShingleIndex``); whether the deferred index
    /// was never built.
    @discardableResult
    static func expectSameAlignment(_ a: DocumentProfile, _ b: DocumentProfile, _ label: String) -> Bool {
        let aligner = PassageAligner()
        let expected = aligner.align(a, b)
        let indexed = aligner.align(a, b, indexes: (SentenceShingleIndex(a), SentenceShingleIndex(b)))
        #expect(indexed == expected, "\(label)")
        let deferred = DeferredShingleIndex(a)
        #expect(aligner.align(a, b, deferred: (deferred, SentenceShingleIndex(b))) == expected, "\(label), deferred")
        return deferred.map { !$0.isBuilt } ?? false
    }

    @Test func indexedSeedsAlignFixturesAndTheirCopiesAsThePostingsDo() throws {
        let texts = try Self.fixtureTexts()
        #expect(texts.count >= 50)
        var generator = SeededGenerator(state: 42)
        var pairs = 0
        var copyPairs = 0
        var unbuilt = 0
        for (index, text) in texts.enumerated() {
            for kind in 0..<7 {
                let copy = Self.variant(of: text, kind: kind, using: &generator)
                let boilerplate = (index + kind) % 4 == 0
                let a = Self.profile(text, id: "a", boilerplate: boilerplate)
                let b = Self.profile(copy, id: "b", boilerplate: boilerplate && kind % 2 == 0)
                if Self.expectSameAlignment(a, b, "fixture \(index), variant \(kind)") { unbuilt += 1 }
                if Self.expectSameAlignment(b, a, "variant \(kind) of fixture \(index), reversed") { unbuilt += 1 }
                if PassageAligner().align(a, b).contains(where: \.kind.isCopy) { copyPairs += 1 }
                pairs += 2
            }
            // And with the next fixture: unrelated texts, or texts on one subject.
            let other = texts[(index + 1) % texts.count]
            Self.expectSameAlignment(
                Self.profile(text, id: "a", boilerplate: false), Self.profile(other, id: "b", boilerplate: false),
                "fixtures \(index) and \(index + 1)")
            pairs += 1
        }
        #expect(pairs > 500)
        // The comparison covers copy, not only pairs that share nothing.
        #expect(copyPairs > texts.count * 4)
        // And copies aligned without building the first document's table (verbatim ones).
        #expect(unbuilt > texts.count)
    }

    @Test func aDeferredIndexReadsAsTheIndexBuiltAtOnce() throws {
        for text in try Self.fixtureTexts().prefix(20) {
            let profile = Self.profile(text, id: "a", boilerplate: text.count % 3 == 0)
            guard let index = SentenceShingleIndex(profile), let deferred = DeferredShingleIndex(profile) else {
                Issue.record("a fixture past the sentence limit")
                continue
            }
            #expect(!deferred.isBuilt)
            #expect(deferred.sentenceCount == index.sentenceCount)
            #expect(deferred.sentenceWords == index.sentenceWords)
            #expect(deferred.wordFrequencies.sentenceCount == index.wordFrequencies.sentenceCount)
            #expect(deferred.wordFrequencies.wordStarts == index.wordFrequencies.wordStarts)
            #expect(deferred.wordFrequencies.ownCounts == index.wordFrequencies.ownCounts)
            for sentence in profile.sentences {
                for word in sentence.words {
                    #expect(deferred.wordFrequencies.count(of: word) == index.wordFrequencies.count(of: word))
                }
            }
            let built = deferred.index
            #expect(deferred.isBuilt)
            #expect(built.shingles == index.shingles && built.owners == index.owners && built.slots == index.slots)
            #expect(built.sentenceBits == index.sentenceBits && built.distinctSets == index.distinctSets)
        }
        #expect(DeferredShingleIndex(Self.profile(
            try Self.fixtureTexts().joined(separator: "\n"), id: "c", boilerplate: false)) == nil)
    }

    @Test func indexedSeedsAlignLongDocumentsAsThePostingsDo() throws {
        let texts = try Self.fixtureTexts()
        // Past 64 sentences (bit sets of several words), and past the index's sentence limit.
        let long = texts.prefix(15).joined(separator: "\n")
        let longer = texts.joined(separator: "\n")
        var generator = SeededGenerator(state: 7)
        let edited = Self.variant(of: long, kind: 1, using: &generator)
        let a = Self.profile(long, id: "a", boilerplate: false)
        let b = Self.profile(edited, id: "b", boilerplate: true)
        #expect(a.sentences.count > 64)
        #expect(SentenceShingleIndex(a) != nil)
        Self.expectSameAlignment(a, b, "long, edited")
        Self.expectSameAlignment(b, Self.profile(texts[3], id: "c", boilerplate: false), "long and short")
        let c = Self.profile(longer, id: "c", boilerplate: false)
        #expect(c.sentences.count > SentenceShingleIndex.sentenceLimit)
        #expect(SentenceShingleIndex(c) == nil)
        // Without an index on one side, the postings are used.
        #expect(PassageAligner().align(c, a, indexes: (nil, SentenceShingleIndex(a))) == PassageAligner().align(c, a))
    }

    @Test func theIndexCountsEachSentencePairsSharedShingles() {
        let a = DocumentProfile(
            id: "a", text: AnalyzedText("""
                The council met on Monday to discuss the bridge over the river. Nothing else happened at the meeting that day.
                Engineers said the steel frame had been tested against floods and high winds during the long winter months.
                """), boilerplate: [], title: nil, shingleSize: 5)
        let b = DocumentProfile(
            id: "b", text: AnalyzedText("""
                A different opening line entirely, about the weather in the hills and the valleys.
                The council met on Monday to discuss the bridge over the river. Engineers tested the frame.
                """), boilerplate: [], title: nil, shingleSize: 5)
        guard let indexA = SentenceShingleIndex(a), let indexB = SentenceShingleIndex(b) else {
            Issue.record("no index")
            return
        }
        let counts = indexA.sharedCounts(with: indexB)
        #expect(counts.count == a.sentences.count * b.sentences.count)
        for i in a.sentences.indices {
            for j in b.sentences.indices {
                let expected = a.sentences[i].isExcluded || b.sentences[j].isExcluded
                    ? 0 : SortedHashSet.intersectionCount(a.sentences[i].shingles, b.sentences[j].shingles)
                #expect(Int(counts[i * b.sentences.count + j]) == expected, "sentences \(i), \(j)")
            }
        }
        #expect(counts.contains { $0 > 0 })
    }

    /// A shingle's place in the index is its rank among the table's filled slots, so that
    /// walking one index's shingles probes another's table from start to end; each shingle
    /// keeps its own holders under the new numbering.
    @Test func placesFollowTheTablesSlots() throws {
        let text = try Self.fixtureTexts().first { $0.count > 2_000 } ?? ""
        let profile = DocumentProfile(id: "a", text: AnalyzedText(text), boilerplate: [], title: nil, shingleSize: 5)
        let index = try #require(SentenceShingleIndex(profile))
        #expect(index.shingles.count > 500)
        let placesBySlot = index.slots.filter { $0 >= 0 }
        #expect(placesBySlot.elementsEqual(0..<Int32(index.shingles.count)))
        var holders: [UInt64: Set<Int>] = [:]
        for (number, sentence) in profile.sentences.enumerated() where !sentence.isExcluded {
            for shingle in sentence.shingles { holders[shingle, default: []].insert(number) }
        }
        #expect(Set(index.shingles) == Set(holders.keys))
        index.withLookup { lookup in
            for (place, shingle) in index.shingles.enumerated() {
                #expect(lookup.place(of: shingle) == place)
                let owner = Int(index.owners[place])
                let held: Set<Int> = owner >= 0 ? [owner] : Set((0..<index.sentenceCount).filter { sentence in
                    let word = index.sentenceBits[(-1 - owner) * index.wordsPerShingle + sentence / 64]
                    return word & (1 << UInt64(sentence % 64)) != 0
                })
                #expect(held == holders[shingle], "shingle \(place)")
            }
        }
    }
}
