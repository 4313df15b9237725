import Foundation
import Testing
import SyndicationEngine
@testable import SyndicationScan

/// `Fixtures/alignment`: small texts for the alignment behaviours the PAN 2013 figures depend
/// on — lists of short lines, stray straight quotation marks, and a first line that is a
/// paragraph rather than a title. Each pair compares the way `syndetect compare` reads files
/// (the title is the first line).
@Suite struct AlignmentFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/alignment")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func document(_ name: String) throws -> Document {
        let text = try text(name)
        let firstLine = text.split(separator: "\n").first.map(String.init)
        return Document(id: name, title: firstLine, text: text, origin: name)
    }

    static func compare(_ a: String, _ b: String) throws -> PairFinding? {
        CorpusScanner().compare(try document(a), try document(b))
    }

    /// The copy passages of a pair, with the text each covers in `a` and in `b`.
    static func copy(_ a: String, _ b: String) throws -> [(a: String, b: String)] {
        let finding = try compare(a, b)
        let textA = AnalyzedText(try text(a)), textB = AnalyzedText(try text(b))
        return (finding?.passages ?? []).filter(\.kind.isCopy).map { (textA.text(of: $0.a), textB.text(of: $0.b)) }
    }

    @Test func aListOfShortLinesRewrittenAsRunningTextIsCopy() throws {
        let finding = try #require(try Self.compare("list-source.txt", "list-rewritten.txt"))
        #expect(finding.relation.isReuse)
        let copy = try Self.copy("list-source.txt", "list-rewritten.txt")
        #expect(copy.count == 1)
        // The passage is the list, not the prose around it.
        #expect(copy.first.map { $0.a.hasPrefix("Spiced pear loaf") && $0.a.hasSuffix("for the top") } == true)
        #expect(copy.first.map { $0.b.hasPrefix("Spiced pear loaf") } == true)
    }

    @Test func listLinesAreRunsOfShortLinesWithEnoughWords() throws {
        let source = AnalyzedText(try Self.text("list-source.txt"))
        let lines = ListRuns.listLines(in: source, boilerplate: [])
        let listed = source.lines.filter { lines.contains($0) }.map { source.text(of: $0) }
        // The recipe's title line and its seven ingredients; not the page's heading, which
        // stands alone before a paragraph, nor the paragraphs.
        #expect(listed.count == 8)
        #expect(listed.first == "Spiced pear loaf for one large tin")
        #expect(listed.last == "A handful of chopped hazelnuts for the top")
        // A page's header lines (heading, byline, date: three lines, sixteen words) come
        // before its first prose and stay furniture.
        let page = AnalyzedText(try Self.text("list-page.txt"))
        #expect(page.lines.prefix(3).reduce(0) { $0 + page.tokenRange(in: $1).count } >= ListRuns.minimumWords)
        #expect(ListRuns.listLines(in: page, boilerplate: []).isEmpty)
        // Boilerplate breaks a run: with every other ingredient line boilerplate, no two list
        // lines are consecutive.
        let ingredients = source.lines.filter { lines.contains($0) }
        let everyOther = ingredients.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(ListRuns.listLines(in: source, boilerplate: everyOther).isEmpty)
    }

    @Test func listSegmentsJoinListLinesIntoSentenceSizedPieces() throws {
        let source = AnalyzedText(try Self.text("list-source.txt"))
        let lines = ListRuns.listLines(in: source, boilerplate: [])
        let segments = ListRuns.segments(of: source, listLines: lines)
        let inList = segments.filter { segment in lines.contains { $0.overlap(with: segment) > 0 } }
        // 49 list words: a segment of at least 20 words, then the rest (at least 10).
        #expect(inList.count == 2)
        #expect(inList.allSatisfy { source.tokenRange(in: $0).count >= ListRuns.minimumWords })
        // Segments cover the list lines and nothing else; the other sentences are unchanged.
        #expect(segments.count == source.sentences.count - 8 + 2)
        #expect(inList.first?.start == source.lines.first { lines.contains($0) }?.start)
    }

    @Test func aStrayInchMarkDoesNotTurnCopyIntoAQuotation() throws {
        let finding = try #require(try Self.compare("stray-mark-source.txt", "stray-mark-copy.txt"))
        #expect(finding.relation == .verbatim || finding.relation == .partial)
        #expect(!finding.passages.contains { $0.kind == .quote })
        let copy = try Self.copy("stray-mark-source.txt", "stray-mark-copy.txt")
        #expect(copy.count == 1)
        #expect(copy.first.map { $0.a.hasPrefix("We fitted a 12\" drain pipe") } == true)
    }

    @Test func aFirstLineThatIsAParagraphIsProseNotATitle() throws {
        let copy = try Self.copy("one-line-source.txt", "one-line-copy.txt")
        #expect(copy.count == 1)
        #expect(copy.first.map { $0.a.hasPrefix("The ferry to the island") } == true)
        // A short first line is still the title and stays out of alignment.
        let profile = DocumentProfile(
            id: "copy", text: AnalyzedText(try Self.text("one-line-copy.txt")), boilerplate: [],
            title: "Weekend news round-up", shingleSize: 5)
        #expect(profile.titleLine?.start == 0)
        let source = try Self.text("one-line-source.txt")
        let long = DocumentProfile(
            id: "source", text: AnalyzedText(source), boilerplate: [],
            title: source.split(separator: "\n").first.map(String.init), shingleSize: 5)
        #expect(long.titleLine == nil)
    }

    @Test(arguments: [
        // An inch mark after a number is no opening mark.
        ("A 12\" pipe and a \"real quote\" here.", ["\"real quote\""]),
        // A straight mark never closed quotes nothing.
        ("He said \"this runs on and never closes", []),
        // A quotation over several paragraphs joined into one line: each reopening mark
        // closes the last, unclosed, part (which is dropped) and opens the next.
        ("out. \"First part goes on. \"Second part,\" he said.", ["\"Second part,\""]),
        // Curly quotations left open still run to the end of the line.
        ("“Curly and open", ["“Curly and open"]),
    ])
    func straightMarksAreReadByTheirShape(text: String, expected: [String]) {
        let scalars = Array(text.unicodeScalars)
        let spans = QuotationFinder.quotations(in: scalars)
        #expect(spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == expected)
    }
}

/// Copy passages that a summary keeps together are joined into one condensed copy.
@Suite struct CondensedCopyTests {
    static func passage(_ a: Range<Int>, _ b: Range<Int>, _ kind: AlignedPassage.Kind = .rewritten) -> AlignedPassage {
        AlignedPassage(
            a: TextSpan(start: a.lowerBound, end: a.upperBound), b: TextSpan(start: b.lowerBound, end: b.upperBound),
            kind: kind, similarity: 0.5)
    }

    @Test func passagesCloseInOneDocumentAndFarInTheOtherAreJoined() {
        // Two summary sentences side by side in `a`, 1,700 code points apart in `b`.
        let joined = PassageAligner.joinedCondensations([Self.passage(0..<200, 0..<300), Self.passage(250..<450, 2000..<2300)])
        #expect(joined == [Self.passage(0..<450, 0..<2300)])
        // The same, with the summary in `b`.
        let mirrored = PassageAligner.joinedCondensations([Self.passage(0..<300, 0..<200), Self.passage(2000..<2300, 250..<450)])
        #expect(mirrored == [Self.passage(0..<2300, 0..<450)])
    }

    @Test func twoExcerptsCopiedOneForOneStayApart() {
        // Two passages each copied one for one, one of them longer than a summary keeps,
        // side by side in `a` and 2,000 code points apart in `b`: two excerpts.
        let excerpts = [Self.passage(0..<600, 0..<600), Self.passage(650..<850, 2600..<2800)]
        #expect(PassageAligner.joinedCondensations(excerpts) == excerpts)
        #expect(PassageAligner.areExcerpts(excerpts[0], excerpts[1]))
        // Sentences a summary keeps one for one (an extractive summary) are still joined.
        let kept = [Self.passage(0..<200, 0..<200), Self.passage(250..<450, 2000..<2200)]
        #expect(PassageAligner.joinedCondensations(kept) == [Self.passage(0..<450, 0..<2200)])
        // So is a long passage beside one that condenses its part of the source.
        let condensing = [Self.passage(0..<600, 0..<600), Self.passage(650..<850, 2600..<3400)]
        #expect(PassageAligner.joinedCondensations(condensing) == [Self.passage(0..<850, 0..<3400)])
    }

    @Test func otherPassagesStayApart() {
        let separate: [[AlignedPassage]] = [
            // Far apart in both documents.
            [Self.passage(0..<200, 0..<300), Self.passage(3000..<3200, 4000..<4300)],
            // In the other order in `b`.
            [Self.passage(0..<200, 2000..<2300), Self.passage(250..<450, 0..<300)],
            // Close in both (not a condensation; ``PassageAligner/mergedOverlaps(_:)`` joins touching ones).
            [Self.passage(0..<200, 0..<200), Self.passage(250..<450, 260..<460)],
            // A shared quotation is not copy.
            [Self.passage(0..<200, 0..<300), Self.passage(250..<450, 2000..<2300, .quote)],
        ]
        for passages in separate {
            #expect(PassageAligner.joinedCondensations(passages) == passages)
        }
    }

    /// Copy whose words were shuffled across sentence boundaries (each copied sentence takes a
    /// quarter of every source sentence): no sentence pair seeds, two-sentence windows do.
    @Test func copyShuffledAcrossSentencesIsFoundByWindowSeeds() throws {
        let finding = try #require(try AlignmentFixtureTests.compare("window-source.txt", "window-copy.txt"))
        #expect(finding.relation.isReuse)
        let copy = try AlignmentFixtureTests.copy("window-source.txt", "window-copy.txt")
        #expect(copy.count == 1)
        func profile(_ name: String) throws -> DocumentProfile {
            let text = try AlignmentFixtureTests.text(name)
            return DocumentProfile(
                id: name, text: AnalyzedText(text), boilerplate: [],
                title: text.split(separator: "\n").first.map(String.init), shingleSize: 5)
        }
        let a = try profile("window-source.txt"), b = try profile("window-copy.txt")
        #expect(PassageAligner().align(a, b).contains { $0.kind.isCopy })
        var withoutWindows = PassageAligner()
        withoutWindows.windowCosine = 2
        #expect(!withoutWindows.align(a, b).contains { $0.kind.isCopy })
    }

    /// Verbatim copy glued onto the end of the page's own half-sentence, and ending part-way
    /// through a source sentence: the passage is the copied words on both sides, not the
    /// whole sentences around them.
    @Test func verbatimCopyIsTrimmedToTheCopiedWords() throws {
        let copy = try AlignmentFixtureTests.copy("glued-copy.txt", "glued-source.txt")
        #expect(copy.count == 1)
        let passage = try #require(copy.first)
        #expect(passage.a.hasPrefix("The harbour master said on Monday"))
        #expect(passage.a.hasSuffix("by another forty metres"))
        #expect(passage.b.hasPrefix("The harbour master said on Monday"))
        #expect(passage.b.hasSuffix("by another forty metres"))
    }

    /// Reworded copy shares a word trigram here and there: its passage keeps whole sentences.
    @Test func rewordedCopyKeepsItsSentences() throws {
        func profile(_ name: String) throws -> DocumentProfile {
            let text = try AlignmentFixtureTests.text(name)
            return DocumentProfile(
                id: name, text: AnalyzedText(text), boilerplate: [],
                title: text.split(separator: "\n").first.map(String.init), shingleSize: 5)
        }
        let source = try profile("glued-source.txt")
        let sourceTrigrams = ShingleTable(PassageAligner.edgeTrigrams(1...3, source))
        for (name, trimmed) in [("glued-copy.txt", true), ("glued-reworded.txt", false)] {
            let copy = try profile(name)
            // The title line, the glued sentence and two more, then the page's own last line.
            #expect(copy.sentences.count == 5)
            let span = copy.sentences[1].span.union(copy.sentences[3].span)
            let result = PassageAligner.trimmedToVerbatim(
                span, 1...3, in: copy, trigrams: PassageAligner.edgeTrigrams(1...3, copy), sharing: sourceTrigrams)
            #expect((result != span) == trimmed, "\(name)")
        }
    }
}
