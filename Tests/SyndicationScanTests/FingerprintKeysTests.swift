import Testing
@testable import SyndicationScan

/// A sentence's fingerprint keys leave out the common shingles and nothing else: the keys of
/// a profile given common shingles are the keys of the same profile with those shingles taken
/// out of its sentences and nothing common, whichever form the common set takes.
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
}
