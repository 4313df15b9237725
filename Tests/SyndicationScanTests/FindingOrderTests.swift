import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// Findings ordered through their documents' positions come out as sorting by their ids
/// (``IDOrder``) does.
@Suite struct FindingOrderTests {
    /// Ids whose byte order and `String` order differ: case, digits, accents (precomposed and
    /// not), and a prefix of another id.
    static let ids = ["doc10", "doc2", "Doc3", "doc", "émile", "e\u{301}mil", "zeta", "Ω-1", "a b", "a-b", "a_b", "ab"]

    static func finding(_ a: String, _ b: String, jaccard: Double) -> PairFinding {
        PairFinding(
            a: a, b: b, relation: .edited, source: nil, derived: nil, credited: nil,
            scores: PairScores(jaccard: jaccard, containmentAInB: 0.5, containmentBInA: 0.5,
                               minhash: JaccardBounds(estimate: 0.5, lower: 0.4, upper: 0.6), simhashDistance: 10),
            coverage: [:], passages: [])
    }

    static func census() -> CorpusCensus {
        let documents = ids.enumerated().map { Document(id: $0.element, text: "Text \($0.offset).", origin: "t") }
        return CorpusCensus.take(of: DocumentList(documents), threads: 2) { _ in }
    }

    @Test(arguments: [1, 2])
    func positionsOrderFindingsAsTheirIdsDo(threads: Int) {
        let census = Self.census()
        var generator = SeededGenerator(seed: 5)
        // Repeated (a, b) pairs too, told apart by their score: ties keep their order.
        let findings = (0..<400).map { index in
            Self.finding(
                Self.ids.randomElement(using: &generator)!, Self.ids.randomElement(using: &generator)!,
                jaccard: Double(index) / 400)
        }
        var expected = findings
        ParallelWork.sort(&expected, threads: 1) { IDOrder.precedes(($0.a, $0.b), ($1.a, $1.b)) }
        let sorted = census.sortedByIds(findings, threads: threads)
        #expect(sorted.map { [$0.a, $0.b] } == expected.map { [$0.a, $0.b] })
        #expect(sorted.map(\.scores.jaccard) == expected.map(\.scores.jaccard))
    }

    @Test(arguments: [1, 2])
    func positionsComeWithTheOrderAsLookingUpEachIdGivesThem(threads: Int) {
        let census = Self.census()
        var generator = SeededGenerator(seed: 9)
        for count in [0, 1, 7, 60] {
            let findings = (0..<count).map { index in
                Self.finding(
                    Self.ids.dropLast(3).randomElement(using: &generator)!,
                    Self.ids.dropLast(3).randomElement(using: &generator)!, jaccard: Double(index) / 60)
            }
            let (sorted, positions) = census.sortedByIdsWithPositions(findings, threads: threads)
            let plain = census.sortedByIds(findings, threads: 1)
            #expect(sorted.map { [$0.a, $0.b] } == plain.map { [$0.a, $0.b] })
            #expect(sorted.map(\.scores.jaccard) == plain.map(\.scores.jaccard))
            let named = Set(findings.flatMap { [census.position(of: $0.a)!, census.position(of: $0.b)!] })
            #expect(positions == named.sorted())
        }
    }

    /// The scan sorts its findings once, before provenance: resolving keeps each pair's ids and
    /// place, and sorting sorted findings again changes nothing.
    @Test(arguments: [1, 2])
    func resolvedFindingsNeedNoSecondSort(threads: Int) {
        let census = Self.census()
        var generator = SeededGenerator(seed: 11)
        let relations = Relation.allCases
        let findings = (0..<300).map { index in
            // A pair is of two documents.
            let a = Self.ids.randomElement(using: &generator)!
            var finding = Self.finding(
                a, Self.ids.filter { $0 != a }.randomElement(using: &generator)!, jaccard: Double(index) / 300)
            finding.relation = relations.randomElement(using: &generator)!
            finding.coverage = [finding.a: Double.random(in: 0...1, using: &generator),
                                finding.b: Double.random(in: 0...1, using: &generator)]
            return finding
        }
        let sorted = census.sortedByIds(findings, threads: threads)
        let members = Self.ids.map {
            ProvenanceResolver.Member(id: $0, outlet: nil, published: nil, creditedNames: [])
        }
        let resolved = ProvenanceResolver().resolve(pairs: sorted, members: members, threads: threads).pairs
        #expect(resolved.map { [$0.a, $0.b] } == sorted.map { [$0.a, $0.b] })
        #expect(resolved.map(\.scores.jaccard) == sorted.map(\.scores.jaccard))
        let again = census.sortedByIds(resolved, threads: threads)
        #expect(again.map { [$0.a, $0.b] } == resolved.map { [$0.a, $0.b] })
        #expect(again.map(\.scores.jaccard) == resolved.map(\.scores.jaccard))
    }

    @Test func anIdTheCensusDoesNotHoldFallsBackToTheIds() {
        let census = Self.census()
        let findings = [Self.finding("zeta", "doc", jaccard: 0.1), Self.finding("unknown", "doc2", jaccard: 0.2),
                        Self.finding("Doc3", "ab", jaccard: 0.3)]
        #expect(census.sortedByIds(findings, threads: 1).map(\.a) == ["Doc3", "unknown", "zeta"])
    }
}
