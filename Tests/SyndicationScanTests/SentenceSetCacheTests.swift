import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// Profiles that take the sets of sentences met before from a ``SentenceSetCache`` equal the
/// profiles made without one, whatever the cache holds: generated texts share most of their
/// sentences (pieces drawn from a short list, with quotations, datelines, lists, non-ASCII
/// words), caches of one entry, of a few (many replacements) and of many are shared by
/// profile after profile, and every field of every profile is compared.
@Suite struct SentenceSetCacheTests {
    /// Whether two profiles are equal in every field.
    static func expectEqual(_ cached: DocumentProfile, _ plain: DocumentProfile) {
        #expect(cached.quotations == plain.quotations)
        #expect(cached.titleLine == plain.titleLine)
        #expect(cached.proseLength == plain.proseLength)
        #expect(cached.sentences.count == plain.sentences.count)
        for (left, right) in zip(cached.sentences, plain.sentences) {
            #expect(left.span == right.span)
            #expect(left.tokens == right.tokens)
            #expect(left.shingles == right.shingles)
            #expect(left.proseShingles == right.proseShingles)
            #expect(left.proseWordCount == right.proseWordCount)
            #expect(left.words == right.words)
            #expect(left.isExcluded == right.isExcluded)
            #expect(left.isBoilerplate == right.isBoilerplate)
            #expect(left.spanWordCount == right.spanWordCount)
        }
    }

    @Test(arguments: [1, 8, 1 << 12])
    func cachedProfilesEqualPlainProfiles(capacity: Int) {
        var generator = SeededGenerator(seed: 0x5E75 &+ UInt64(capacity))
        let cache = SentenceSetCache(shingleSize: 5, capacity: capacity)
        var found = 0
        for _ in 0..<400 {
            let text = AnalyzedText(DocumentProfileFastPathTests.text(&generator))
            let plain = DocumentProfile(id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5)
            // Sentences filed before this profile is made: those it takes from the cache.
            for sentence in plain.sentences {
                let first = Int(text.tokens[sentence.tokens.lowerBound].foldedStart)
                let last = Int(text.tokens[sentence.tokens.upperBound - 1].foldedEnd)
                let filed = text.folded.withUnsafeBytes { folded in
                    let bytes = UnsafeRawBufferPointer(rebasing: folded[first..<last])
                    return cache.sets(of: bytes, key: SentenceSetCache.key(of: bytes), wordCount: sentence.tokens.count)
                }
                if filed != nil { found += 1 }
            }
            let cached = DocumentProfile(
                id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5, sentenceSets: cache)
            Self.expectEqual(cached, plain)
        }
        // The cache is read, more so the larger it is.
        #expect(found > (capacity == 1 ? 10 : capacity == 8 ? 300 : 1_000))
    }

    /// A cache filed by profiles of another shingle size is not read.
    @Test func cacheOfAnotherShingleSizeIsNotRead() {
        var generator = SeededGenerator(seed: 0x0515)
        let cache = SentenceSetCache(shingleSize: 4)
        for _ in 0..<50 {
            let text = AnalyzedText(DocumentProfileFastPathTests.text(&generator))
            let cached = DocumentProfile(id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5, sentenceSets: cache)
            Self.expectEqual(cached, DocumentProfile(id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5))
        }
    }

    /// Sentences whose bytes agree but for their words (the same folded bytes, other word
    /// counts) and sentences with long and non-ASCII words: each takes its own sets.
    @Test func sentencesWithEqualBytesOnlyTakeTheirOwnSets() {
        let cache = SentenceSetCache(shingleSize: 5, capacity: 4)
        let texts = [
            "Alpha beta gamma delta.", "Alpha beta gamma delta!", "ALPHA, beta; gamma — delta?",
            "\u{FDFA} said the man twice.", "\u{FDFA} said the man twice.", "Ｆinal ﬁnal final.",
            String(repeating: "word ", count: 60) + "end.", String(repeating: "word ", count: 60) + "end!",
            String(repeating: "x", count: 300) + " y.", String(repeating: "x", count: 300) + " z.",
        ]
        for _ in 0..<3 {
            for source in texts {
                let text = AnalyzedText(source)
                Self.expectEqual(
                    DocumentProfile(id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5, sentenceSets: cache),
                    DocumentProfile(id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5))
            }
        }
    }

    /// The eight-at-a-time byte comparison and space count equal the byte-by-byte ones.
    @Test func wordAtATimeLoopsEqualByteLoops() {
        var generator = SeededGenerator(seed: 0xB17E)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 40)
            // Mostly spaces and a few other bytes, with every byte value now and then.
            let bytes = (0..<count).map { _ -> UInt8 in
                let roll = generator.next()
                return roll % 3 == 0 ? 0x20 : roll % 7 == 0 ? UInt8(truncatingIfNeeded: roll >> 8) : UInt8(0x1F + roll % 3)
            }
            var other = bytes
            if !other.isEmpty, generator.next() % 2 == 0 {
                let index = Int(generator.next() % UInt64(other.count))
                other[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            bytes.withUnsafeBytes { left in
                other.withUnsafeBytes { right in
                    #expect(SentenceSetCache.equal(left, right) == (bytes == other))
                    #expect(SentenceSetCache.spaceCount(left) == bytes.filter { $0 == 0x20 }.count)
                }
            }
        }
    }
}
