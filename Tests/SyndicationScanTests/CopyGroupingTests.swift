import Testing
@testable import SyndicationScan

/// Copy groups come from a cheap key of each text, confirmed with SHA-256: identical texts
/// share a representative, different texts never do, even when their keys collide.
@Suite struct CopyGroupingTests {
    static let texts = ["First story text.", "Second story text.", "First story text.", "Third one.", "Second story text."]

    static func census() -> (CorpusCensus, DocumentList) {
        let documents = texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element, origin: "d\($0.offset)") }
        let source = DocumentList(documents)
        let census = CorpusCensus.take(of: source, threads: 2) { _ in }
        return (census, source)
    }

    @Test func identicalTextsShareARepresentative() {
        let (census, _) = Self.census()
        #expect(census.representative == [0, 1, 0, 3, 1])
    }

    /// Keys forced to collide for every text: SHA-256 still tells them apart.
    @Test func collidingKeysAreSplitBySHA256() {
        var (census, source) = Self.census()
        census.textKeys = Array(repeating: census.textKeys[3], count: census.count)
        census.groupCopies(source, threads: 2)
        #expect(census.representative == [0, 1, 0, 3, 1])
    }

    /// The digests the report prints are the texts' SHA-256: the census makes those of copy
    /// groups' members, the rest come from the texts read again.
    @Test func digestsAreTheTextsSHA256() {
        let (census, source) = Self.census()
        #expect(Set(census.knownDigests.keys) == [0, 1, 2, 4])
        let digests = census.digests(at: [4, 0, 1, 3], in: source, threads: 2)
        #expect(digests.map(\.hex) == [4, 0, 1, 3].map { SHA256.hexDigest(of: Self.texts[$0]) })
    }

    /// A digest the scan made where it held the text is taken as given: the text is not read
    /// again (a stand-in digest shows which one was used); the census's own come first.
    @Test func knownDigestsAreNotMadeAgain() {
        let (census, source) = Self.census()
        let standIn = TextDigest("not the text")
        let digests = census.digests(at: [3, 0], in: source, threads: 2, known: { _ in standIn })
        #expect(digests == [standIn, TextDigest(Self.texts[0])])
        #expect(TextDigest(Self.texts[3]).hex == SHA256.hexDigest(of: Self.texts[3]))
    }
}
