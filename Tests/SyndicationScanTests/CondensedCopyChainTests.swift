import Foundation
import Testing
import SyndicationEngine
@testable import SyndicationScan

/// `Fixtures/alignment/summary-*.txt`: a digest page whose middle paragraph summarises a long
/// report in four short sentences, each taken from a different part of it. Each summary
/// sentence alone is shorter than the 25-word passage minimum, and its seeds lie four or five
/// sentences apart in the report, beyond the extension's gap: only the condensed-copy chain
/// (``PassageAligner/condensedCopies(_:seeds:_:_:)``) finds the summary.
@Suite struct CondensedCopyChainTests {
    static let digest = "summary-digest.txt", source = "summary-source.txt"

    static func profile(_ name: String, boilerplateLines prefixes: [String] = []) throws -> DocumentProfile {
        let text = AnalyzedText(try AlignmentFixtureTests.text(name))
        let boilerplate = text.lines.filter { line in prefixes.contains { text.text(of: line).hasPrefix($0) } }
        #expect(boilerplate.count == prefixes.count)
        return DocumentProfile(
            id: name, text: text, boilerplate: boilerplate,
            title: text.lines.first.map { text.text(of: $0) }, shingleSize: 5)
    }

    /// The index of the sentence that starts with `prefix`.
    static func sentence(_ prefix: String, in profile: DocumentProfile) throws -> Int {
        try #require(profile.sentences.firstIndex { profile.text.text(of: $0.span).hasPrefix(prefix) })
    }

    /// The copy passages `align` finds, as the text each covers in `a` and in `b`.
    static func copy(_ a: DocumentProfile, _ b: DocumentProfile) -> [(a: String, b: String)] {
        PassageAligner().align(a, b).filter(\.kind.isCopy).map { (a.text.text(of: $0.a), b.text.text(of: $0.b)) }
    }

    @Test func aSummaryOfALongPassageIsOneCondensedCopy() throws {
        let finding = try #require(try AlignmentFixtureTests.compare(Self.digest, Self.source))
        #expect(finding.relation.isReuse)
        let copy = try AlignmentFixtureTests.copy(Self.digest, Self.source)
        #expect(copy.count == 1)
        // The whole summary on one side; on the other, the report from the first summarised
        // sentence to the last.
        #expect(copy.first.map { $0.a.hasPrefix("The Millbrook reservoir has fallen") } == true)
        #expect(copy.first.map { $0.a.hasSuffix("a ban on washing cars could follow.") } == true)
        #expect(copy.first.map { $0.b.hasPrefix("The board confirmed on Tuesday") } == true)
        #expect(copy.first.map { $0.b.hasSuffix("could follow in July.") } == true)
        // The same with the documents the other way round.
        let mirrored = try #require(try AlignmentFixtureTests.compare(Self.source, Self.digest))
        #expect(mirrored.relation.isReuse)
        #expect(try AlignmentFixtureTests.copy(Self.source, Self.digest).count == 1)
    }

    /// Whether a copy passage of `a` and `b` holds the whole summary.
    static func holdsTheSummary(_ a: DocumentProfile, _ b: DocumentProfile) -> Bool {
        copy(a, b).contains { $0.a.hasPrefix("The Millbrook reservoir") && $0.a.hasSuffix("could follow.") }
    }

    @Test func boilerplateBetweenTheSummarySentencesBreaksTheChain() throws {
        let source = try Self.profile(Self.source)
        #expect(Self.holdsTheSummary(try Self.profile(Self.digest), source))
        // A template line inside the summary (here its third sentence's line): the summary
        // is no longer one stretch of prose. (Its first two sentences still align as an
        // ordinary passage: their seeds are four sentences apart in the report.)
        let broken = try Self.profile(Self.digest, boilerplateLines: ["Environmental groups blamed"])
        #expect(!Self.holdsTheSummary(broken, source))
        // The same on the report's side: a template line between two summarised sentences.
        let brokenSource = try Self.profile(Self.source, boilerplateLines: ["Hotel owners in the lakeside"])
        #expect(!Self.holdsTheSummary(try Self.profile(Self.digest), brokenSource))
    }

    @Test func aChainCondensesOnlyWhenItsStepsSkipSourceProse() throws {
        let digest = try Self.profile(Self.digest), source = try Self.profile(Self.source)
        let summary = try [
            "The Millbrook reservoir has", "A hosepipe ban covering", "Environmental groups blamed", "Forecasters expect",
        ].map { try Self.sentence($0, in: digest) }
        let summarised = try [
            "The board confirmed on Tuesday", "Officials announced a hosepipe", "Environmental groups blamed",
            "Forecasters expect",
        ].map { try Self.sentence($0, in: source) }
        let chain = Array(zip(summary, summarised)).map { (short: $0.0, long: $0.1) }
        #expect(PassageAligner.isCondensation(chain, short: digest, long: source))
        // Sentence for sentence, then one jump: copy of two stretches, not a condensation
        // (one condensing step of three), though the source span is long enough.
        let first = summarised[0]
        let stretches = [(summary[0], first), (summary[1], first + 1), (summary[2], first + 2), (summary[3], summarised[3])]
            .map { (short: $0.0, long: $0.1) }
        #expect(!PassageAligner.isCondensation(stretches, short: digest, long: source))
        // Seeded sentences that are under 60 % of the stretch they span (the digest's own
        // introduction and two summary sentences): chance resemblances, not a summary.
        let intro = try Self.sentence("Our digest gathers", in: digest)
        let sparse = [(intro, summarised[0]), (summary[1], summarised[1]), (summary[3], summarised[3])]
            .map { (short: $0.0, long: $0.1) }
        #expect(!PassageAligner.isCondensation(sparse, short: digest, long: source))
    }
}

extension CondensedCopyChainTests {
    @Test func weakOrContradictedSeedsMakeNoCondensedCopy() throws {
        let digest = try Self.profile(Self.digest), source = try Self.profile(Self.source)
        let summary = try ["The Millbrook reservoir has", "A hosepipe ban covering", "Environmental groups blamed", "Forecasters expect"]
            .map { try Self.sentence($0, in: digest) }
        let summarised = try ["The board confirmed on Tuesday", "Officials announced a hosepipe", "Environmental groups blamed", "Forecasters expect"]
            .map { try Self.sentence($0, in: source) }
        func seeds(_ similarity: Double) -> [PassageAligner.Seed] {
            zip(summary, summarised).map { PassageAligner.Seed(first: $0.0, second: $0.1, similarity: similarity, isProse: true) }
        }
        let aligner = PassageAligner()
        let found = aligner.condensedCopies([], seeds: seeds(0.3), digest, source)
        #expect(found.count == 1)
        #expect(found.first.map { digest.text.text(of: $0.a).hasPrefix("The Millbrook reservoir") } == true)
        // Seeds under the similarity floor (word-cosine seeds between reworded sentences).
        #expect(aligner.condensedCopies([], seeds: seeds(PassageAligner.condensedSeedSimilarity - 0.05), digest, source).isEmpty)
        // A copy passage aligning the summary's second sentence elsewhere in the report (after
        // the last summarised sentence) contradicts the chain: only that passage is left.
        let elsewhere = AlignedPassage(
            a: digest.sentences[summary[1]].span, b: source.sentences[summarised[3] + 1].span, kind: .rewritten, similarity: 0.5)
        #expect(aligner.condensedCopies([elsewhere], seeds: seeds(0.3), digest, source) == [elsewhere])
    }
}

/// The source side of a condensed copy reaches a mean step further at both ends, within the
/// paragraph.
@Suite struct CondensedCopyWideningTests {
    static let text = """
        First sentence of the opening paragraph here. Second sentence of the opening paragraph here. \
        Third sentence of the opening paragraph here.
        Fourth sentence opens the next paragraph here. Fifth sentence of the next paragraph here. \
        Sixth sentence of the next paragraph here.
        """

    @Test func theSourceSideWidensWithinItsParagraph() throws {
        let profile = DocumentProfile(id: "t", text: AnalyzedText(Self.text), boilerplate: [], title: nil, shingleSize: 5)
        #expect(profile.sentences.count == 6)
        // Sentences of 43 to 47 code points from one start (or end) to the next.
        #expect(profile.sentences.allSatisfy { (42...46).contains($0.span.length) })
        // A mean step of one sentence: one sentence further at each end.
        #expect(PassageAligner.widened(1...1, by: 50, in: profile) == 0...2)
        #expect(PassageAligner.widened(4...4, by: 50, in: profile) == 3...5)
        // Never into the next paragraph, however long the step.
        #expect(PassageAligner.widened(1...1, by: 10_000, in: profile) == 0...2)
        #expect(PassageAligner.widened(3...3, by: 10_000, in: profile) == 3...5)
        // A step shorter than a sentence adds nothing.
        #expect(PassageAligner.widened(1...1, by: 40, in: profile) == 1...1)
    }
}

/// `Fixtures/alignment/teaser-*.txt`: a copy of a report's first four paragraphs, then a share
/// line, a "Related articles" line and a teaser that the report's page also carries after its
/// own share line. The copy and the teaser are close in the copy and 1,200 code points apart in
/// the report, but furniture separates them in the copy: they are two passages, not one
/// condensed copy spanning the report's eight uncopied paragraphs.
@Suite struct CondensedCopyGapTests {
    @Test func furnitureBetweenTwoPassagesKeepsThemApart() throws {
        let copy = try AlignmentFixtureTests.copy("teaser-copy.txt", "teaser-source.txt")
        #expect(copy.count == 2)
        #expect(copy.first.map { $0.a.hasPrefix("The harbour board voted") && $0.a.hasSuffix("evening sailings.") } == true)
        #expect(copy.first.map { $0.b.hasSuffix("evening sailings.") } == true)
        #expect(copy.last.map { $0.a.hasPrefix("The trust that owns the lighthouse") } == true)
        let finding = try #require(try AlignmentFixtureTests.compare("teaser-copy.txt", "teaser-source.txt"))
        // The report's eight uncopied paragraphs are not covered.
        #expect(finding.coverage["teaser-source.txt"].map { $0 < 0.5 } == true)
    }
}

/// A strong condensation (source span three times the summary's or more) reaches two mean
/// steps further at both ends of the source; a weaker one, one.
@Suite struct CondensedCopyReachTests {
    /// One paragraph of 20 sentences of 43–44 code points.
    static let report = (1...20).map { "Report line \($0) tells of the long dry summer." }.joined(separator: " ")
    /// Three summary sentences of about 30 code points: the report's chain below spans
    /// 7 sentences (about 320 code points), over three times the summary's 90.
    static let terse = "Intro words stand here first.\n\nTerse one says it all. Terse two says it all. Terse three says it all.\n"
    /// The same with sentences of about 50 code points: a condensation, but under 3 to 1.
    static let fuller = """
        Intro words stand here first.

        Fuller one says rather more about it all here. Fuller two says rather more about it all here. \
        Fuller three says rather more about it all here.

        """

    static func profile(_ text: String) -> DocumentProfile {
        DocumentProfile(id: "t", text: AnalyzedText(text), boilerplate: [], title: nil, shingleSize: 5)
    }

    /// The sentences of `long` that the condensed copy of `short` (seeds: its sentences 1–3 to
    /// the report's sentences 6, 9 and 12, three apart) covers.
    static func covered(_ short: DocumentProfile, _ long: DocumentProfile) throws -> ClosedRange<Int> {
        let seeds = [(1, 6), (2, 9), (3, 12)].map { PassageAligner.Seed(first: $0.0, second: $0.1, similarity: 0.3, isProse: true) }
        let found = PassageAligner().condensedCopies([], seeds: seeds, short, long)
        #expect(found.count == 1)
        let passage = try #require(found.first)
        return try #require(PassageAligner.sentenceRange(of: passage.b, in: long))
    }

    @Test func aStrongCondensationReachesTwoStepsFurther() throws {
        let long = Self.profile(Self.report)
        #expect(long.sentences.count == 20)
        let terse = Self.profile(Self.terse), fuller = Self.profile(Self.fuller)
        #expect(terse.sentences.count == 4 && fuller.sentences.count == 4)
        // A mean step of three sentences (133 code points): six sentences further before the
        // chain, five after it (sentences 10 and on are a code point longer).
        #expect(try Self.covered(terse, long) == 0...17)
        // Under 3 to 1: one step, three sentences before and two after.
        #expect(try Self.covered(fuller, long) == 3...14)
    }
}
