import Foundation
import Testing
import SyndicationEngine
@testable import SyndicationScan

/// Expectation files and limits checked against a report, in process.
@Suite struct CorpusCheckTests {
    /// A report of three documents: `a` (short) reuses most of `b`; `c` shares quotes with `b`.
    static let report: ScanReport = {
        let scores = PairScores(
            jaccard: 0.4, containmentAInB: 0.9, containmentBInA: 0.3,
            minhash: JaccardBounds(estimate: 0.42, lower: 0.33, upper: 0.51), simhashDistance: 12)
        let reuse = PairFinding(
            a: "a", b: "b", relation: .edited, source: "b", derived: "a", credited: false, scores: scores,
            coverage: ["a": 0.95, "b": 0.35],
            passages: [AlignedPassage(a: TextSpan(start: 0, end: 90), b: TextSpan(start: 10, end: 100), kind: .edited, similarity: 0.8)])
        let quotes = PairFinding(
            a: "b", b: "c", relation: .quotes, source: nil, derived: nil, credited: nil,
            scores: PairScores(jaccard: 0.02, containmentAInB: 0.03, containmentBInA: 0.05,
                               minhash: JaccardBounds(estimate: 0.02, lower: 0, upper: 0.06), simhashDistance: 30),
            coverage: ["b": 0, "c": 0], passages: [])
        func document(_ id: String, length: Int, credits: [String] = []) -> DocumentSummary {
            DocumentSummary(
                id: id, title: nil, outlet: nil, url: nil, published: nil, sha256: "", length: length,
                credits: credits.map { Credit(name: $0, span: TextSpan(start: 0, end: 1), form: .sourceLine) },
                origin: id)
        }
        return ScanReport(
            tool: .current, parameters: ScanParameters(),
            documents: [document("a", length: 100), document("b", length: 300, credits: ["Reuters"]), document("c", length: 200)],
            pairs: [reuse, quotes],
            clusters: [Cluster(id: "C1", origin: "b", externalSource: nil, members: ["a", "b"])], warnings: [])
    }()

    static let check = CorpusCheck(report: report)

    @Test func trueExpectationsHold() {
        let expectations = CorpusExpectations(
            pairs: [
                PairExpectation(a: "a", b: "b", relations: [.relation(.edited)], minimum: 0.9),
                PairExpectation(a: "b", b: "a"),  // no relation, no limit: must be reuse
                PairExpectation(a: "b", b: "c", relations: [.relation(.quotes)], score: .jaccard, maximum: 0.1),
                PairExpectation(a: "a", b: "c", relations: [.none]),
                PairExpectation(a: "c", b: "b", relations: [.relation(.quotes), .relation(.boilerplate)]),
            ],
            independent: ["c"],
            clusters: [ClusterExpectation(members: ["b", "a"], origin: .some("b"), externalSource: .some(nil))],
            credits: ["b": ["Reuters"]])
        let cases = Self.check.evaluate(expectations)
        #expect(cases.count == expectations.count)
        #expect(cases.allSatisfy { $0.passed }, "\(cases.summary)")
    }

    /// Scores that name a side follow the expectation's own `a` and `b`, whatever the report's order.
    @Test func sidedScoresFollowTheExpectationsOrder() {
        let pair = Self.report.pairs[0]
        let lengths = ["a": 100, "b": 300]
        #expect(ReportScore.containmentAInB.range(of: pair, a: "a", lengths: lengths) == 0.9...0.9)
        #expect(ReportScore.containmentAInB.range(of: pair, a: "b", lengths: lengths) == 0.3...0.3)
        #expect(ReportScore.coverageA.range(of: pair, a: "b", lengths: lengths) == 0.35...0.35)
        #expect(ReportScore.coverageB.range(of: pair, a: "b", lengths: lengths) == 0.95...0.95)
        // Coverage by default is the shorter document's (a: 100 code points).
        #expect(ReportScore.coverage.range(of: pair, a: "b", lengths: lengths) == 0.95...0.95)
        #expect(ReportScore.minhash.range(of: pair, a: "a", lengths: lengths) == 0.33...0.51)
        #expect(ReportScore.simhashDistance.range(of: nil, a: "a", lengths: lengths) == 64...64)
        #expect(ReportScore.jaccard.range(of: nil, a: "a", lengths: lengths) == 0...0)
    }

    /// A minimum on `minhash` reads its lower bound, a maximum its upper bound.
    @Test func minhashLimitsReadTheBounds() {
        #expect(!Self.check.evaluate(PairExpectation(a: "a", b: "b", score: .minhash, minimum: 0.4)).passed)
        #expect(Self.check.evaluate(PairExpectation(a: "a", b: "b", score: .minhash, minimum: 0.33)).passed)
        let over = Self.check.evaluate(PairExpectation(a: "a", b: "b", score: .minhash, maximum: 0.45))
        #expect(over.failure?.contains("upper bound is 0.5100") == true, "\(over)")
    }

    @Test func falseExpectationsExplainThemselves() throws {
        let relation = Self.check.evaluate(PairExpectation(a: "b", b: "c", relations: [.relation(.edited)]))
        let relationFailure = try #require(relation.failure)
        #expect(relationFailure.contains("expected relation edited, but the relation is quotes"))
        #expect(relationFailure.contains("jaccard 0.0200"))
        let absent = Self.check.evaluate(PairExpectation(a: "a", b: "c", minimum: 0.1))
        #expect(absent.failure?.contains("expected coverage ≥ 0.1000, but its value is 0.0000") == true)
        #expect(absent.failure?.contains("lists no such pair") == true)
        let limit = Self.check.evaluate(PairExpectation(a: "a", b: "b", score: .simhashDistance, maximum: 10))
        #expect(limit.failure?.contains("value is 12") == true, "\(limit)")
        let independent = Self.check.evaluateIndependent("a")
        #expect(independent.failure?.contains("a ~ b: edited") == true)
        let unknown = Self.check.evaluate(PairExpectation(a: "a", b: "zz"))
        #expect(unknown.failure?.contains("no document with id 'zz'") == true)
        let cluster = Self.check.evaluate(ClusterExpectation(members: ["a", "b", "c"]))
        #expect(cluster.failure?.contains("{a, b}") == true)
        let origin = Self.check.evaluate(ClusterExpectation(members: ["a", "b"], origin: .some(nil)))
        #expect(origin.failure == "expected origin none, but it is b")
        let credits = Self.check.evaluateCredits(id: "a", names: ["AP"])
        #expect(credits.failure == "no credit to AP; found: none")
    }

    @Test func reuseLimitListsEveryPairAboveIt() {
        #expect(Self.check.evaluate(ReuseLimit(maximum: 0.95)).passed)
        let over = Self.check.evaluate(ReuseLimit(maximum: 0.9))
        #expect(over.failure == "1 reuse pair(s) above 0.9000:\na ~ b (edited): coverage 0.9500")
        // Quotes are not reuse: a limit on Jaccard ignores the quotes pair even at 0.
        #expect(Self.check.evaluate(ReuseLimit(score: .jaccard, maximum: 0.4)).passed)
        #expect(!Self.check.evaluate(ReuseLimit(score: .minhash, maximum: 0.5)).passed)
    }

    @Test func summaryListsFailuresWithReasons() {
        let cases = [CheckCase(name: "one"), CheckCase(name: "two", failure: "because\nof this")]
        #expect(cases.summary == "ok    one\nFAIL  two\n      because\n      of this\n1 of 2 checks failed\n")
        #expect([CheckCase(name: "one")].summary.hasSuffix("all 1 checks passed\n"))
    }

    // MARK: Files

    @Test func arrayFormParses() throws {
        let json = #"[{"a": "x", "b": "y", "relation": ["edited", "rewritten"], "score": "containment_a_in_b", "min": 0.5, "max": 0.9}, {"a": "p", "b": "q"}]"#
        let parsed = try CorpusExpectations(json: Data(json.utf8))
        #expect(parsed.pairs == [
            PairExpectation(a: "x", b: "y", relations: [.relation(.edited), .relation(.rewritten)], score: .containmentAInB, minimum: 0.5, maximum: 0.9),
            PairExpectation(a: "p", b: "q"),
        ])
        #expect(parsed.pairs[1].effectiveRelations == [.reuse])
        #expect(parsed.pairs[0].name == "x ~ y: relation edited or rewritten, containment_a_in_b ≥ 0.5000, containment_a_in_b ≤ 0.9000")
    }

    @Test func seedsExpectedFileParses() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/seeds/expected.json")
        let parsed = try CorpusExpectations(json: Data(contentsOf: url))
        #expect(parsed.pairs.count == 3)
        #expect(parsed.pairs[0].minimum == 0.8 && parsed.pairs[0].score == .coverage)
        #expect(parsed.independent.count == 3)
        #expect(parsed.clusters == [ClusterExpectation(
            members: ["001_b6cd0fa0bedfc2f9", "003_e7f0bd2bfc9d891e"], origin: .some(nil), externalSource: .some("Al Jazeera"))])
        #expect(parsed.credits["000_2968282e7fb745e4"] == ["Stern", "dpa"])
    }

    @Test(arguments: [
        (#"[{"a": "x"}]"#, "[0].b: missing"),
        (#"[{"a": "x", "b": "y", "relaton": "edited"}]"#, "[0].relaton: unknown key"),
        (#"[{"a": "x", "b": "y", "relation": "copied"}]"#, "unknown relation 'copied'"),
        (#"[{"a": "x", "b": "y", "score": "cosine"}]"#, "unknown score 'cosine'"),
        (#"[{"a": "x", "b": "y", "min": "high"}]"#, "[0].min: expected a number"),
        (#"[{"a": "x", "b": "y", "min": 0.9, "max": 0.1}]"#, "min 0.9 is above max 0.1"),
        (#"{"expectations": [], "indepedent": []}"#, "indepedent: unknown key"),
        (#"{"clusters": [{"members": ["a"], "origins": null}]}"#, "clusters[0].origins: unknown key"),
        ("[{", "not valid JSON"),
    ])
    func badFilesNameTheProblem(json: String, problem: String) {
        #expect {
            try CorpusExpectations(json: Data(json.utf8))
        } throws: { error in
            "\(error)".contains(problem)
        }
    }

    /// The seeds' own conclusions hold on a real scan; claiming that 002 copies 003 does not.
    @Test func seedsScanMeetsItsExpectations() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/seeds")
        let read = CorpusReader().read([seeds.path])
        let check = CorpusCheck(report: CorpusScanner().scan(read.documents).report)
        let expectations = try CorpusExpectations(json: Data(contentsOf: seeds.appendingPathComponent("expected.json")))
        let cases = check.evaluate(expectations)
        #expect(cases.count == 3 + 3 + 1 + 3)
        #expect(cases.allSatisfy { $0.passed }, "\(cases.summary)")
        let copies = check.evaluate(PairExpectation(a: "002_17ecea067b4a65b5", b: "003_e7f0bd2bfc9d891e"))
        #expect(copies.failure?.hasPrefix("expected relation reuse, but the relation is quotes") == true)
    }
}
