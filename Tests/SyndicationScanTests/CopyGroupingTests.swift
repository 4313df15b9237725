import Testing
@testable import SyndicationScan

/// Copy groups come from a cheap key of each text, confirmed with SHA-256: identical texts
/// share a representative, different texts never do, even when their keys collide.
@Suite struct CopyGroupingTests {
    static let texts = ["First story text.", "Second story text.", "First story text.", "Third one.", "Second story text."]

    static func census(digestLimit: Int = 0) -> (CorpusCensus, DocumentList) {
        let documents = texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element, origin: "d\($0.offset)") }
        let source = DocumentList(documents)
        let census = CorpusCensus.take(of: source, threads: 2, digestLimit: digestLimit) { _ in }
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

    /// The digests the report prints are the texts' SHA-256, whether the census made them (the
    /// first `digestLimit` records) or they are made from the texts read again.
    @Test(arguments: [0, 2, 5])
    func digestsAreTheTextsSHA256(digestLimit: Int) {
        let (census, source) = Self.census(digestLimit: digestLimit)
        #expect(census.knownDigests.count >= min(digestLimit, Self.texts.count))
        let digests = census.digests(at: [4, 0, 1, 3], in: source, threads: 2)
        #expect(digests.map(\.hex) == [4, 0, 1, 3].map { SHA256.hexDigest(of: Self.texts[$0]) })
    }
}
