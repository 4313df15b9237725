import Testing
import SyndicationEngine
@testable import SyndicationScan

/// The census numbers documents in ``IDOrder`` and finds each by its id, also ids that
/// `String`'s `<` cannot order (a decomposed accent whose composition is a prefix of another
/// id's), as file names written on macOS make.
@Suite struct CensusIDLookupTests {
    static let ids = ["doc10", "doc2", "Doc3", "doc", "émile", "e\u{301}mil", "éa", "e\u{301}", "zeta", "Ω-1", "a b", "ab"]

    @Test(arguments: [1, 2])
    func everyIdIsFoundAtItsRank(threads: Int) {
        let documents = Self.ids.enumerated().map { Document(id: $0.element, text: "Text \($0.offset).", origin: "t") }
        let census = CorpusCensus.take(of: DocumentList(documents), threads: threads) { _ in }
        let ranked = Self.ids.sorted(by: IDOrder.precedes)
        #expect(census.documents.map(\.id) == ranked)
        for id in Self.ids {
            #expect(census.position(of: id) == ranked.firstIndex(of: id), "\(Array(id.unicodeScalars))")
        }
        #expect(census.position(of: "émil\u{301}") == nil)
        // Canonically equivalent spellings are one id.
        #expect(census.position(of: "e\u{301}a") == ranked.firstIndex(of: "éa"))
    }

    @Test func canonicallyEquivalentIdsAreDuplicates() {
        let documents = [
            Document(id: "é", text: "One text.", origin: "first"),
            Document(id: "e\u{301}", text: "Another text.", origin: "second"),
        ]
        let census = CorpusCensus.take(of: DocumentList(documents), threads: 1) { _ in }
        #expect(census.count == 1)
        #expect(census.warnings.count == 1)
    }
}
