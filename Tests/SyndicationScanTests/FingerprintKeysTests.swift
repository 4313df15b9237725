import SyndicationEngine
import Testing
@testable import SyndicationScan

/// A sentence's fingerprint keys leave out the common shingles and nothing else: the keys of
/// a profile given common shingles are the keys of the same profile with those shingles taken
/// out of its sentences and nothing common, whichever form the common set takes. A profile made
/// for fingerprints only has the full profile's sentences, exclusions and shingles (as sets, or
/// as hashes in text order with repeats), so the same keys.
@Suite struct FingerprintKeysTests {
    @Test func commonShinglesAreLeftOutAndNothingElse() {
        let fingerprints = PassageFingerprints()
        let profiles = FrequentShinglesTests.profiles
        // Shingles that many sentences hold, so that some sentences lose enough to fall under
        // eight and others keep most.
        let common = FrequentShingles.held(byAtLeast: 30, in: profiles, threads: 1)
        #expect(!common.isEmpty)
        var changed = 0
        for profile in profiles {
            var stripped = profile
            for index in stripped.sentences.indices {
                stripped.sentences[index].shingles.removeAll { common.contains($0) }
            }
            let expected = fingerprints.keys(of: stripped, common: [])
            let keys = fingerprints.keys(of: profile, common: common)
            #expect(keys.map(\.key) == expected.map(\.key))
            #expect(keys.map(\.sentence) == expected.map(\.sentence))
            let tabled = fingerprints.keys(of: profile, common: ShingleTable(common))
            #expect(tabled.map(\.key) == keys.map(\.key) && tabled.map(\.sentence) == keys.map(\.sentence))
            // Nothing common: the table and the set agree too.
            #expect(fingerprints.keys(of: profile, common: ShingleTable([UInt64]())).map(\.key)
                == fingerprints.keys(of: profile, common: []).map(\.key))
            if fingerprints.keys(of: profile, common: []).map(\.key) != keys.map(\.key) { changed += 1 }
        }
        // The common set made a difference to most documents.
        #expect(changed > profiles.count / 2)
    }

    @Test func aFingerprintProfileHasTheFullProfilesSentencesAndKeys() throws {
        let fingerprints = PassageFingerprints()
        var quoted = 0
        var inTextOrder = 0
        for (a, b) in try AlignmentShortcutTests.profilePairs() {
            for full in [a, b] {
                let boilerplate = full.boilerplate
                let plain = DocumentProfile(
                    id: full.id, text: full.text, boilerplate: boilerplate, title: nil,
                    shingleSize: ScanParameters().sentenceShingleSize)
                let plainKeys = fingerprints.keys(of: plain, common: [])
                for form in [FingerprintShingles.sets, .hashes] {
                    let sketch = DocumentProfile(
                        id: full.id, text: full.text, boilerplate: boilerplate, title: nil,
                        shingleSize: ScanParameters().sentenceShingleSize, sentenceSets: nil, fingerprints: form)
                    #expect(sketch.sentences.map(\.span) == plain.sentences.map(\.span))
                    #expect(sketch.sentences.map(\.isExcluded) == plain.sentences.map(\.isExcluded))
                    #expect(sketch.sentences.map(\.wordCount) == plain.sentences.map(\.wordCount))
                    if form == .sets {
                        #expect(sketch.sentences.map(\.shingles) == plain.sentences.map(\.shingles))
                    } else {
                        #expect(sketch.sentences.map { Set($0.shingles) } == plain.sentences.map { Set($0.shingles) })
                        inTextOrder += sketch.sentences.count { $0.shingles != $0.shingles.sorted() }
                    }
                    let keys = fingerprints.keys(of: sketch, common: [])
                    #expect(keys.map(\.key) == plainKeys.map(\.key) && keys.map(\.sentence) == plainKeys.map(\.sentence))
                    #expect(sketch.quotations.isEmpty && sketch.sentences.allSatisfy(\.words.isEmpty))
                }
                if !plain.quotations.isEmpty { quoted += 1 }
            }
        }
        // Some of the documents quote, so leaving quotations out was put to the test; the
        // hashes form is not the sets under another name.
        #expect(quoted > 0)
        #expect(inTextOrder > 0)
    }

    /// Sentences that repeat a few words: their hashes in text order run past eight while their
    /// distinct shingles do not, so keys must count distinct hashes, as the sets' length does.
    @Test func repeatsDoNotMakeAShortSentenceLong() {
        let fingerprints = PassageFingerprints()
        let text = AnalyzedText(
            "The council voted on Tuesday to close the harbour ferry for the winter.\n\n"
                + "Ha ha ha ha ha ha ha ha ha ha ha ha.\n\nNo no no no no no no no no no.\n\n"
                + "The mayor said the ferry would run again in the spring, when the storms end.")
        let sets = DocumentProfile(
            id: "r", text: text, boilerplate: [], title: nil, shingleSize: ScanParameters().sentenceShingleSize,
            sentenceSets: nil, fingerprints: .sets)
        let hashes = DocumentProfile(
            id: "r", text: text, boilerplate: [], title: nil, shingleSize: ScanParameters().sentenceShingleSize,
            sentenceSets: nil, fingerprints: .hashes)
        // The repeated sentences have at least six words and at least eight hashes, but fewer
        // than eight distinct shingles.
        let spans = hashes.sentences.map { String(text.scalars[$0.span.start..<$0.span.end].map(Character.init)) }
        #expect(hashes.sentences.count == 4, "\(spans)")
        for sentence in hashes.sentences[1...2] {
            #expect(sentence.wordCount >= 6)
            #expect(sentence.shingles.count >= 8)
            #expect(Set(sentence.shingles).count < 8)
        }
        let keys = fingerprints.keys(of: hashes, common: [])
        #expect(keys.map(\.key) == fingerprints.keys(of: sets, common: []).map(\.key))
        // Only the two plain sentences are keyed.
        #expect(Set(keys.map(\.sentence)) == [0, 3])
    }

    @Test func distinctHashesAreCountedUpToTheBar() {
        func holds(_ values: [UInt64]) -> Bool {
            values.withUnsafeBufferPointer { PassageFingerprints.holds(distinct: 8, $0) }
        }
        #expect(!holds(Array(repeating: 7, count: 40)))
        #expect(!holds(Array(1...7)))
        #expect(holds(Array(1...8)))
        #expect(!holds((0..<70).map { UInt64($0 % 7) }))
        #expect(holds((0..<70).map { UInt64($0 % 7) } + [99]))
        #expect(holds([5, 5, 1, 2, 2, 3, 4, 6, 1, 7, 9]))
    }
}
