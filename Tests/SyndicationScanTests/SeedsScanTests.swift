import Foundation
import Testing
import SyndicationEngine
@testable import SyndicationScan

/// The acceptance story of the product: the five seed pages in `Fixtures/seeds` and the
/// conclusions their `expected.json` states.
@Suite struct SeedsScanTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    struct Expected: Decodable {
        struct Expectation: Decodable {
            var a: String
            var b: String
            var relation: Relation
            var score: String?
            var min: Double?
        }
        struct ExpectedCluster: Decodable {
            var members: [String]
            var origin: String?
            var external_source: String?
        }
        var expectations: [Expectation]
        var independent: [String]
        var clusters: [ExpectedCluster]
        var credits: [String: [String]]
    }

    static func scan(threads: Int = 1) -> CorpusScanner.Outcome {
        let read = CorpusReader().read([seeds.path])
        var parameters = ScanParameters()
        parameters.threads = threads
        return CorpusScanner(parameters: parameters).scan(read.documents, warnings: read.warnings)
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: seeds.appendingPathComponent("expected.json")))
    }

    @Test func readsAllFiveSeedsWithoutWarnings() {
        let outcome = Self.scan()
        #expect(outcome.report.documents.count == 5)
        #expect(outcome.report.warnings.isEmpty)
        #expect(outcome.report.documents.first { $0.id.hasPrefix("003") }?.outlet == "Daily8")
    }

    @Test func pairsHaveTheExpectedRelations() throws {
        let report = Self.scan().report
        for expectation in try Self.expected().expectations {
            let pair = report.pairs.first { Set([$0.a, $0.b]) == Set([expectation.a, expectation.b]) }
            #expect(pair?.relation == expectation.relation, "\(expectation.a) ~ \(expectation.b)")
            if let minimum = expectation.min, let pair {
                let shorter = report.documents.filter { [pair.a, pair.b].contains($0.id) }
                    .min { $0.length < $1.length }!.id
                #expect((pair.coverage[shorter] ?? 0) >= minimum, "coverage of \(shorter)")
            }
        }
    }

    @Test func independentPagesReuseNothing() throws {
        let report = Self.scan().report
        for id in try Self.expected().independent {
            let reuse = report.pairs.filter { ($0.a == id || $0.b == id) && $0.relation.isReuse }
            #expect(reuse.isEmpty, "\(id) reuses copy: \(reuse.map { "\($0.a)~\($0.b) \($0.relation)" })")
        }
    }

    @Test func oneClusterWithTheCommonCreditedSource() throws {
        let report = Self.scan().report
        let expected = try Self.expected().clusters
        #expect(report.clusters.count == expected.count)
        for cluster in expected {
            let found = report.clusters.first { $0.members == cluster.members.sorted() }
            #expect(found != nil)
            #expect(found?.origin == cluster.origin)
            #expect(found?.externalSource == cluster.external_source)
        }
    }

    @Test func creditsAreFound() throws {
        let report = Self.scan().report
        for (id, names) in try Self.expected().credits {
            let found = Set(report.documents.first { $0.id == id }?.credits.map(\.name) ?? [])
            for name in names { #expect(found.contains(name), "\(id) should credit \(name); found \(found.sorted())") }
        }
    }

    @Test func everyPassageLandsOnTheTextItClaims() throws {
        let outcome = Self.scan()
        #expect(!outcome.report.pairs.isEmpty)
        for pair in outcome.report.pairs {
            let a = Array(try #require(outcome.texts[pair.a]).unicodeScalars)
            let b = Array(try #require(outcome.texts[pair.b]).unicodeScalars)
            for passage in pair.passages {
                #expect(passage.a.start >= 0 && passage.a.end <= a.count && !passage.a.isEmpty)
                #expect(passage.b.start >= 0 && passage.b.end <= b.count && !passage.b.isEmpty)
                // The reported similarity is the character-shingle Jaccard of the two spans'
                // sentences; recomputed from the span text alone it must say the same thing
                // (spans hold whole sentences, so the shingles agree).
                let textA = SpanText.text(a, passage.a), textB = SpanText.text(b, passage.b)
                #expect(!textA.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                #expect(!textB.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                let similarity = SpanText.similarity(textA, textB)
                if passage.kind == .boilerplate {
                    #expect(AnalyzedText(textA).folded == AnalyzedText(textB).folded)
                } else if passage.kind != .quote {
                    #expect(abs(similarity - passage.similarity) < 0.1, "\(pair.a)~\(pair.b) \(passage)")
                }
            }
        }
    }

    @Test func outputDoesNotDependOnThreadsOrInputOrder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let one = try encoder.encode(Self.scan(threads: 1).report)
        let four = try encoder.encode(Self.scan(threads: 4).report)
        #expect(one == four)
        let read = CorpusReader().read([Self.seeds.path])
        let reversed = try encoder.encode(
            CorpusScanner().scan(read.documents.reversed(), warnings: read.warnings).report)
        #expect(reversed == one)
    }
}

/// Span text and similarity recomputed independently of the aligner.
enum SpanText {
    static func text(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    static func similarity(_ a: String, _ b: String) -> Double {
        let shingling = Shingling(unit: .characters, size: 5, seed: 0xC4A2)
        let left = SortedHashSet.make(shingling.hashes(of: AnalyzedText(a)))
        let right = SortedHashSet.make(shingling.hashes(of: AnalyzedText(b)))
        return SortedHashSet.jaccard(left, right)
    }
}
