import Testing
import SyndicationEngine
@testable import SyndicationScan

/// `Fixtures/alignment/summary-abstract.txt` and `summary-report.txt`: a news round-up whose
/// middle paragraph summarises a whole report, one sentence per paragraph of it. Only two
/// summary sentences keep enough of the report's wording to seed; the others keep its names
/// and key words, in order, below the seed bar. Only the condensed-paragraph links
/// (``PassageAligner/condensedParagraphLinks(_:_:_:weights:)``) find the summary.
@Suite struct CondensedParagraphTests {
    static let abstract = "summary-abstract.txt", report = "summary-report.txt"

    static func profile(_ name: String) throws -> DocumentProfile {
        let text = AnalyzedText(try AlignmentFixtureTests.text(name))
        return DocumentProfile(
            id: name, text: text, boilerplate: [], title: text.lines.first.map { text.text(of: $0) }, shingleSize: 5)
    }

    /// Whether one of `passages` holds the whole summary paragraph of `abstract`.
    static func holdsTheSummary(_ passages: [AlignedPassage], _ abstract: DocumentProfile) -> Bool {
        passages.contains { passage in
            let text = abstract.text.text(of: passage.a)
            return passage.kind.isCopy && text.hasPrefix("Kestrel Harbour's bridge") && text.hasSuffix("twelve million pounds.")
        }
    }

    @Test func aSummaryParagraphOfAWholeReportIsOneCondensedCopy() throws {
        let finding = try #require(try AlignmentFixtureTests.compare(Self.abstract, Self.report))
        #expect(finding.relation.isReuse)
        let copy = try AlignmentFixtureTests.copy(Self.abstract, Self.report)
        #expect(copy.count == 1)
        // The whole summary paragraph on one side; on the other, the report from its first
        // paragraph to its last (the paragraphs the summary condenses, made whole; the ends
        // trimmed to words the two sides share).
        #expect(copy.first.map { $0.a.hasPrefix("Kestrel Harbour's bridge has been shut") } == true)
        #expect(copy.first.map { $0.a.hasSuffix("could cost twelve million pounds.") } == true)
        #expect(copy.first.map { $0.b.contains("a routine inspection") && $0.b.contains("Shopkeepers in the old town") } == true)
        #expect(copy.first.map { $0.b.hasSuffix("until the end of next year.") } == true)
        // The same with the documents the other way round.
        let mirrored = try AlignmentFixtureTests.copy(Self.report, Self.abstract)
        #expect(mirrored.count == 1)
        #expect(mirrored.first.map { $0.b.hasPrefix("Kestrel Harbour's bridge has been shut") } == true)
        #expect(mirrored.first.map { $0.a.hasSuffix("until the end of next year.") } == true)
    }

    /// A paragraph that copy passages already copied one for one is copy, not a summary, and
    /// is not searched for weak links at all (in a near-duplicate pair every paragraph is).
    @Test func aParagraphCopiedOneForOneIsNotSearched() throws {
        let abstract = try Self.profile(Self.abstract), report = try Self.profile(Self.report)
        let aligner = PassageAligner()
        let first = aligner.seeding(abstract, report)
        let prose = first.seeds.filter { $0.isProse && $0.similarity >= PassageAligner.condensedSeedSimilarity }
        let paragraphs = Set(prose.compactMap { PassageAligner.line(of: $0.first, in: abstract) })
        try #require(paragraphs.count == 1)
        let paragraph = abstract.text.lines[try #require(paragraphs.first)]
        let linksFrom = { (links: [PassageAligner.Seed]) in
            links.filter { abstract.sentences[$0.first].span.overlap(with: paragraph) > 0 }
        }
        #expect(!linksFrom(aligner.condensedParagraphLinks(prose, abstract, report, weights: first.weights)).isEmpty)
        // The same paragraph as one edited passage of the same length in the report (sides within
        // 1.25 of each other), over half its length, or over less than half.
        func copied(_ share: Double) -> [AlignedPassage] {
            let length = Int(Double(paragraph.length) * share)
            return [AlignedPassage(
                a: TextSpan(start: paragraph.start, end: paragraph.start + length),
                b: TextSpan(start: 0, end: length), kind: .edited, similarity: 0.8)]
        }
        #expect(linksFrom(aligner.condensedParagraphLinks(
            prose, abstract, report, weights: first.weights, passages: copied(0.6))).isEmpty)
        #expect(!linksFrom(aligner.condensedParagraphLinks(
            prose, abstract, report, weights: first.weights, passages: copied(0.4))).isEmpty)
    }

    @Test func theSeedsAloneDoNotChain() throws {
        let abstract = try Self.profile(Self.abstract), report = try Self.profile(Self.report)
        let aligner = PassageAligner()
        let first = aligner.seeding(abstract, report)
        // Fewer seeds than a condensed-copy chain needs (three)…
        #expect(first.seeds.filter(\.isProse).count < PassageAligner.condensedChainLength)
        let found = aligner.passages(first.seeds, abstract, report, weights: first.weights)
        let prose = first.seeds.filter { $0.isProse && $0.similarity >= PassageAligner.condensedSeedSimilarity }
        #expect(!Self.holdsTheSummary(aligner.chainedCondensations(found, links: prose, weak: nil, abstract, report), abstract))
        // …while the weak links inside the seeded paragraph complete the chain.
        let weak = aligner.condensedParagraphLinks(prose, abstract, report, weights: first.weights)
        #expect(weak.count > 0)
        #expect(Self.holdsTheSummary(aligner.align(abstract, report), abstract))
    }

    @Test func aParagraphThatIsNotASummaryThroughoutIsNotCondensed() throws {
        // The same paragraph with four unrelated harbour notes after the summary: under
        // ``PassageAligner/condensedParagraphShare`` of its sentences restate the report.
        let padded = try Self.profile("summary-abstract-padded.txt"), report = try Self.profile(Self.report)
        let copies = PassageAligner().align(padded, report).filter(\.kind.isCopy)
        #expect(!copies.contains { padded.text.text(of: $0.a).contains("twelve million pounds") && $0.b.length > 1_000 })
    }

    @Test func theSourceSideReachesWholeParagraphs() throws {
        let report = try Self.profile(Self.report)
        let start = try #require(report.sentences.firstIndex { report.text.text(of: $0.span).hasPrefix("They said the crack") })
        // The middle sentence of the second paragraph reaches its paragraph's first and last.
        let whole = PassageAligner.wholeParagraphs(start...start, in: report) { _ in false }
        #expect(report.text.text(of: report.sentences[whole.lowerBound].span).hasPrefix("Engineers from the regional"))
        #expect(report.text.text(of: report.sentences[whole.upperBound].span).hasPrefix("A spokesman for the authority"))
        // A sentence taken by another copy passage stops the reach.
        let stopped = PassageAligner.wholeParagraphs(start...start, in: report) { $0 == start - 1 }
        #expect(stopped.lowerBound == start)
    }
}
