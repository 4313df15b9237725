import Testing
import SyndicationEngine
@testable import SyndicationScan

/// A scan finds the same pairs whatever the spelling of its ids: the seed pages and a verbatim
/// copy of the wire story, once under ASCII ids and once under ids that `String`'s `<` cannot
/// order (decomposed accents whose composition is a prefix of another id's, as macOS file
/// names are), given in the same ``IDOrder`` and in reverse.
@Suite struct DecomposedIDScanTests {
    /// Ids in ``IDOrder``: `String`'s `<` leaves the first two and the third and fourth
    /// unordered (neither is less, and they differ).
    static let spelled = ["e\u{301}", "éa", "e\u{301}mil", "émile", "émileé", "e\u{301}mile\u{301}"]

    static func documents(ids: [String]) -> [Document] {
        let read = CorpusReader().read([SeedsScanTests.seeds.path]).documents
            .sorted { IDOrder.precedes($0.id, $1.id) }
        var documents = read
        // A verbatim copy of the first page: a copy group, its pairs found through it.
        documents.append(Document(id: "copy", outlet: "copies", text: read[0].text, origin: "copy"))
        // Given last id first: the scan's order must not come from the input's.
        return zip(ids, documents).map { id, document in
            var document = document
            document.id = id
            return document
        }.reversed()
    }

    @Test(arguments: [1, 2])
    func pairsDoNotDependOnTheSpellingOfIds(threads: Int) {
        #expect(Self.spelled == Self.spelled.sorted(by: IDOrder.precedes))
        let ascii = (0..<Self.spelled.count).map { "d\($0)" }
        var parameters = ScanParameters()
        parameters.threads = threads
        let plain = CorpusScanner(parameters: parameters).scan(Self.documents(ids: ascii)).report
        let spelled = CorpusScanner(parameters: parameters).scan(Self.documents(ids: Self.spelled)).report
        let back = Dictionary(uniqueKeysWithValues: zip(Self.spelled, ascii))
        func pairs(_ report: ScanReport, _ rename: (String) -> String) -> [String] {
            report.pairs.map { "\(rename($0.a)) \(rename($0.b)) \($0.relation) \($0.scores.jaccard)" }
        }
        #expect(plain.pairs.count >= 3)
        // The copy's pairs are there: those of the page it copies, and the verbatim pair.
        #expect(plain.pairs.contains { $0.a == "d0" && $0.b == "d5" || $0.a == "d5" && $0.b == "d0" })
        #expect(pairs(spelled) { back[$0]! } == pairs(plain) { $0 })
        #expect(spelled.documents.map { back[$0.id]! } == plain.documents.map(\.id))
    }
}
