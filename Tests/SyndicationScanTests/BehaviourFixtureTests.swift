import Foundation
import Testing
@testable import SyndicationScan

/// `Fixtures/behaviours`: a wire story, a verbatim copy with a dateline credit inside a site
/// template, a spun copy, an article that only quotes the story, and another page of the
/// same site. Pins the behaviours the accuracy figures depend on.
@Suite struct BehaviourFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/behaviours")

    static let report: ScanReport = {
        let read = CorpusReader().read([folder.path])
        return CorpusScanner().scan(read.documents, warnings: read.warnings).report
    }()

    static func pair(_ a: String, _ b: String) -> PairFinding? {
        report.pairs.first { Set([$0.a, $0.b]) == Set([a, b]) }
    }

    @Test func aDatelinedCopyInATemplateIsVerbatimAndCredited() {
        let pair = Self.pair("daily", "wire")
        #expect(pair?.relation == .verbatim)
        #expect(pair?.source == "wire")
        #expect(pair?.credited == true)
        // The template lines and the dateline do not count against the copy.
        #expect(pair?.coverage["daily"] == 1)
    }

    @Test func aSpunCopyIsRewrittenAndUncredited() {
        let pair = Self.pair("spun", "wire")
        #expect(pair?.relation == .rewritten)
        #expect(pair?.derived == "spun")
        #expect(pair?.credited == false)
    }

    @Test func sameSiteTemplateIsBoilerplateNotCopy() {
        let pair = Self.pair("daily", "other-daily")
        #expect(pair?.relation == .boilerplate)
        #expect(pair?.passages.allSatisfy { $0.kind == .boilerplate } == true)
    }

    @Test func quotingTheStoryIsNotReuse() {
        let reuse = Self.report.pairs.filter { ($0.a == "quoting" || $0.b == "quoting") && $0.relation.isReuse }
        #expect(reuse.isEmpty)
    }

    @Test func oneClusterWithTheWireAsOrigin() {
        #expect(Self.report.clusters.count == 1)
        #expect(Self.report.clusters.first?.members == ["daily", "spun", "wire"])
        #expect(Self.report.clusters.first?.origin == "wire")
    }
}
