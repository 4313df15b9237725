import Testing
@testable import SyndicationScan

/// A sentence's fingerprint keys leave out the common shingles and nothing else: the keys of
/// a profile given common shingles are the keys of the same profile with those shingles taken
/// out of its sentences and nothing common, whichever form the common set takes. A profile made
/// for fingerprints only has the full profile's sentences, exclusions and shingles, so the same
/// keys.
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
        for (a, b) in try AlignmentShortcutTests.profilePairs() {
            for full in [a, b] {
                let boilerplate = full.boilerplate
                let sketch = DocumentProfile(
                    id: full.id, text: full.text, boilerplate: boilerplate, title: nil,
                    shingleSize: ScanParameters().sentenceShingleSize, sentenceSets: nil, forFingerprints: true)
                let plain = DocumentProfile(
                    id: full.id, text: full.text, boilerplate: boilerplate, title: nil,
                    shingleSize: ScanParameters().sentenceShingleSize)
                #expect(sketch.sentences.map(\.span) == plain.sentences.map(\.span))
                #expect(sketch.sentences.map(\.isExcluded) == plain.sentences.map(\.isExcluded))
                #expect(sketch.sentences.map(\.wordCount) == plain.sentences.map(\.wordCount))
                #expect(sketch.sentences.map(\.shingles) == plain.sentences.map(\.shingles))
                #expect(fingerprints.keys(of: sketch, common: []).map(\.key) == fingerprints.keys(of: plain, common: []).map(\.key))
                #expect(sketch.quotations.isEmpty && sketch.sentences.allSatisfy(\.words.isEmpty))
                if !plain.quotations.isEmpty { quoted += 1 }
            }
        }
        // Some of the documents quote, so leaving quotations out was put to the test.
        #expect(quoted > 0)
    }
}
