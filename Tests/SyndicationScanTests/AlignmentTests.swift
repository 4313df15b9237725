import Testing
import SyndicationEngine
@testable import SyndicationScan

/// Small texts that pin the behaviours the seeds' conclusions depend on.
@Suite struct AlignmentTests {
    static let original = """
        Officials confirmed on Monday that the new bridge across the river will open to traffic next spring after years of delays.
        The project cost more than two hundred million pounds and was funded by the regional council and a national grant.
        "This bridge will change how people travel every single day," the council leader said at the opening ceremony.
        Engineers said the steel frame had been tested against floods and high winds during the long winter months.
        Local shops hope the crossing will bring more visitors to the old market town and its historic harbour.
        """
    static let spun = """
        Authorities confirmed on Monday that the new overpass across the river will open to vehicles next spring after years of holdups.
        The scheme cost over two hundred million pounds and was financed by the regional council and a national grant.
        "This bridge will change how people travel every single day," the council leader told the opening ceremony.
        Engineers stated the steel framework had been checked against floods and strong winds during the long winter months.
        Local stores hope the crossing will draw more visitors to the old market town and its historic harbour.
        """
    static let quoting = """
        Residents gathered in the rain to watch the ribbon being cut while a brass band played on the quay.
        "This bridge will change how people travel every single day," the council leader said, to loud applause from the crowd.
        Critics of the scheme, however, pointed to the rising cost of the ferry service that the crossing replaces.
        """

    static func profile(_ text: String, id: String, boilerplate: [TextSpan] = []) -> DocumentProfile {
        DocumentProfile(id: id, text: AnalyzedText(text), boilerplate: boilerplate, title: nil, shingleSize: 5)
    }

    @Test func spunCopyAlignsAsOneRewrittenOrEditedPassage() {
        let passages = PassageAligner().align(Self.profile(Self.original, id: "a"), Self.profile(Self.spun, id: "b"))
        let copy = passages.filter(\.kind.isCopy)
        #expect(copy.count == 1)
        #expect(copy.first.map { $0.a.start == 0 && $0.a.end == Self.original.unicodeScalars.count } == true)
        #expect(copy.first.map { $0.kind == .edited || $0.kind == .rewritten } == true)
    }

    @Test func verbatimCopyIsVerbatim() {
        let passages = PassageAligner().align(Self.profile(Self.original, id: "a"), Self.profile("Intro line of our own here.\n" + Self.original, id: "b"))
        #expect(passages.count == 1)
        #expect(passages.first?.kind == .verbatim)
        #expect(passages.first?.similarity == 1)
    }

    @Test func aSharedQuotationIsAQuoteNotCopy() {
        let passages = PassageAligner().align(Self.profile(Self.original, id: "a"), Self.profile(Self.quoting, id: "b"))
        #expect(!passages.isEmpty)
        #expect(passages.allSatisfy { $0.kind == .quote })
        // The quote passage is narrowed to the quotation itself.
        let text = AnalyzedText(Self.original)
        #expect(passages.first.map { text.text(of: $0.a).hasPrefix("\"This bridge") } == true)
    }

    @Test func quotationsSurviveBrokenMarks() {
        let text = Array("“First part, he said. “Second part.” Then prose.\n\"Straight one\" and “unclosed".unicodeScalars)
        let spans = QuotationFinder.quotations(in: text)
        func string(_ span: TextSpan) -> String { String(String.UnicodeScalarView(text[span.start..<span.end])) }
        #expect(spans.map(string) == ["“First part, he said. ", "“Second part.”", "\"Straight one\"", "“unclosed"])
    }

    @Test func boilerplateLinesNeverSeed() {
        let template = "Sign up for our newsletter and get the best stories of the week in your inbox every Friday."
        let a = "Markets rallied strongly on Tuesday as investors welcomed the latest inflation figures from the statistics office.\n" + template
        let b = "The city council approved a new housing plan for the northern district after a long and heated debate.\n" + template
        let pages = [a, b].map { BoilerplateDetector.Page(outlet: "Example Times", text: AnalyzedText($0)) }
        let spans = BoilerplateDetector().boilerplate(in: pages)
        #expect(spans.map(\.count) == [1, 1])
        let passages = PassageAligner().align(
            Self.profile(a, id: "a", boilerplate: spans[0].map(\.span)), Self.profile(b, id: "b", boilerplate: spans[1].map(\.span)))
        #expect(passages.isEmpty)
    }

    @Test func sharedProseAcrossOutletsIsNotBoilerplate() {
        let sentence = "Markets rallied strongly on Tuesday as investors welcomed the latest inflation figures from the statistics office."
        let pages = [("One", sentence + "\nMore of our own words here today."), ("Two", sentence + "\nSomething else entirely now.")]
            .map { BoilerplateDetector.Page(outlet: $0.0, text: AnalyzedText($0.1)) }
        #expect(BoilerplateDetector().boilerplate(in: pages).allSatisfy { $0.isEmpty })
    }

    @Test func shortSharedFurnitureIsBoilerplateWithoutMetadata() {
        let pages = ["Story one body text that is long enough to be prose here.\nRelated Articles\nComments",
                     "Story two is about something else completely different.\nRelated Articles\nComments"]
            .map { BoilerplateDetector.Page(outlet: nil, text: AnalyzedText($0)) }
        #expect(BoilerplateDetector().boilerplate(in: pages).map(\.count) == [2, 2])
    }
}

@Suite struct ProvenanceTests {
    static func pair(_ a: String, _ b: String, coverage: (Double, Double), relation: Relation = .edited) -> PairFinding {
        PairFinding(
            a: a, b: b, relation: relation, source: nil, derived: nil, credited: nil,
            scores: PairScores(jaccard: 0.5, containmentAInB: 0.5, containmentBInA: 0.5,
                               minhash: JaccardBounds(estimate: 0.5, lower: 0.4, upper: 0.6), simhashDistance: 10),
            coverage: [a: coverage.0, b: coverage.1], passages: [])
    }

    static func member(_ id: String, outlet: String? = nil, at time: String? = nil, credits: Set<String> = []) -> ProvenanceResolver.Member {
        ProvenanceResolver.Member(id: id, outlet: outlet, published: time.flatMap { PublicationTime(iso8601: $0) }, creditedNames: credits)
    }

    @Test func earlierPublicationIsTheSource() {
        let members = [Self.member("a", outlet: "Wire", at: "2025-07-20T10:00:00Z"),
                       Self.member("b", outlet: "Paper", at: "2025-07-20T12:00:00Z", credits: ["Wire"])]
        let (pairs, clusters) = ProvenanceResolver().resolve(pairs: [Self.pair("a", "b", coverage: (0.9, 0.95))], members: members)
        #expect(pairs[0].source == "a")
        #expect(pairs[0].derived == "b")
        #expect(pairs[0].credited == true)
        #expect(clusters.first?.origin == "a")
    }

    @Test func containmentDecidesWithoutTimes() {
        let members = [Self.member("full"), Self.member("truncated")]
        let (pairs, _) = ProvenanceResolver().resolve(pairs: [Self.pair("full", "truncated", coverage: (0.5, 1.0))], members: members)
        #expect(pairs[0].source == "full")
        #expect(pairs[0].credited == false)
    }

    @Test func commonCreditedOutsideSourceIsNamedInsteadOfAGuess() {
        let members = [Self.member("x", credits: ["Al Jazeera"]), Self.member("y", outlet: "Daily8", credits: ["Al Jazeera", "RT"])]
        let (pairs, clusters) = ProvenanceResolver().resolve(pairs: [Self.pair("x", "y", coverage: (0.93, 0.2))], members: members)
        #expect(clusters.first?.externalSource == "Al Jazeera")
        #expect(clusters.first?.origin == nil)
        #expect(pairs[0].source == nil)
        #expect(pairs[0].credited == true)
    }

    @Test func aRoundUpPageDoesNotChainTwoStories() {
        // Story one: 0, 1, 2 copy each other; story two: 3, 4; page 5 rounds up both.
        var edges = [(0, 1), (0, 2), (1, 2), (3, 4)].map { ReuseClustering.Edge(first: $0.0, second: $0.1, strength: 1.8) }
        edges += [(5, 0), (5, 1), (5, 2)].map { ReuseClustering.Edge(first: $0.0, second: $0.1, strength: 1.2) }
        edges += [(5, 3), (5, 4)].map { ReuseClustering.Edge(first: $0.0, second: $0.1, strength: 0.8) }
        #expect(ReuseClustering.clusters(count: 6, edges: edges) == [[0, 1, 2, 5], [3, 4]])
        // Plain connected components would have made one cluster of all six.
    }

    /// A pair with one copy passage at `a` in the first document and `b` in the second.
    static func pair(
        _ a: String, _ b: String, coverage: (Double, Double), copy: (a: Range<Int>, b: Range<Int>), relation: Relation
    ) -> PairFinding {
        var pair = Self.pair(a, b, coverage: coverage, relation: relation)
        pair.passages = [AlignedPassage(
            a: TextSpan(start: copy.a.lowerBound, end: copy.a.upperBound),
            b: TextSpan(start: copy.b.lowerBound, end: copy.b.upperBound), kind: .verbatim, similarity: 1)]
        return pair
    }

    /// The relations the resolver gives `pairs`, by the pair's two ids ("a–b"); each story
    /// in `stories` also has a full copy ("story·copy"), so that it forms a cluster of its own.
    static func relations(_ pairs: [PairFinding], stories: [String]) -> [String: Relation] {
        let copies = stories.map { Self.pair($0, $0 + "·copy", coverage: (1, 1), copy: (0..<500, 0..<500), relation: .verbatim) }
        let ids = Set((pairs + copies).flatMap { [$0.a, $0.b] }).sorted()
        let resolved = ProvenanceResolver().resolve(pairs: pairs + copies, members: ids.map { Self.member($0) }).pairs
        return Dictionary(uniqueKeysWithValues: resolved.prefix(pairs.count).map { ("\($0.a)–\($0.b)", $0.relation) })
    }

    @Test func aRoundUpPageKeepsTheRelationOfItsMainStory() {
        // "page" is a verbatim copy of "main" and also shares one stray paragraph each with
        // two other stories: it carries copy of three stories in different parts of its text,
        // so it is taken for a round-up. Its pairs with the strays are partial; its pair with
        // its full copy holds all the copy on the page and stays verbatim.
        let pairs = [
            Self.pair("page", "main", coverage: (1, 1), copy: (0..<1_000, 0..<1_000), relation: .verbatim),
            Self.pair("page", "stray1", coverage: (0.2, 0.3), copy: (0..<200, 100..<300), relation: .edited),
            Self.pair("page", "stray2", coverage: (0.2, 0.3), copy: (600..<800, 0..<200), relation: .edited),
        ]
        #expect(Self.relations(pairs, stories: ["main", "stray1", "stray2"])
            == ["page–main": .verbatim, "page–stray1": .partial, "page–stray2": .partial])
    }

    @Test func aPageMostlyOneStoryWithAParagraphOfAnotherIsPartialWithBoth() {
        // Its main partner's copy leaves out the paragraph it took from the second story.
        let pairs = [
            Self.pair("merged", "main", coverage: (0.85, 1), copy: (0..<850, 0..<850), relation: .verbatim),
            Self.pair("merged", "second", coverage: (0.15, 0.3), copy: (850..<1_000, 100..<250), relation: .verbatim),
        ]
        #expect(Self.relations(pairs, stories: ["main", "second"])
            == ["merged–main": .partial, "merged–second": .partial])
    }

    @Test func aRoundUpOfTwoStoriesIsPartialWithBoth() {
        // The round-up holds story one in its first half and story two in its second.
        let pairs = [
            Self.pair("roundup", "one", coverage: (0.5, 1), copy: (0..<500, 0..<500), relation: .verbatim),
            Self.pair("roundup", "two", coverage: (0.5, 1), copy: (500..<1_000, 0..<500), relation: .verbatim),
        ]
        #expect(Self.relations(pairs, stories: ["one", "two"]) == ["roundup–one": .partial, "roundup–two": .partial])
    }

    @Test func clusterIDsDoNotDependOnOrder() {
        #expect(ReuseClustering.identifier(members: ["b", "a"]) == ReuseClustering.identifier(members: ["a", "b"]))
        #expect(ReuseClustering.identifier(members: ["a", "b"]) != ReuseClustering.identifier(members: ["a", "c"]))
    }
}

@Suite struct CandidateTests {
    @Test func spunCopyBecomesACandidateThroughSentenceFingerprints() {
        let texts = [AlignmentTests.original, AlignmentTests.spun, AlignmentTests.quoting,
                     "A completely unrelated report about football transfers and the end of the season in the league table.\nThe manager praised his squad for a remarkable run of wins in the final weeks of the campaign."]
        let profiles = texts.enumerated().map { AlignmentTests.profile($0.element, id: "\($0.offset)") }
        let fingerprints = PassageFingerprints()
        let keys = profiles.map { fingerprints.keys(of: $0, common: []) }
        let pairs = fingerprints.candidatePairs(keys: keys).pairs
        #expect(pairs.contains(CandidatePair(0, 1)))
        #expect(!pairs.contains(CandidatePair(0, 3)))
        // Document-level Jaccard of the two is far below any LSH threshold.
        let a = SortedHashSet.make(Shingling.words5.hashes(of: AnalyzedText(texts[0])))
        let b = SortedHashSet.make(Shingling.words5.hashes(of: AnalyzedText(texts[1])))
        #expect(SortedHashSet.jaccard(a, b) < 0.3)
    }
}

@Suite struct DatelineTests {
    @Test(arguments: [
        ("LONDON (Reuters) - Shares rose.", "Shares rose."),
        ("BRUSSELS, Mar. 8 (The Continental Tribune) - Actor Michael Douglas is to star.", "Actor Michael Douglas is to star."),
        ("(AP) — Officials said on Monday.", "Officials said on Monday."),
    ])
    func datelinesAreFound(_ line: String, _ rest: String) throws {
        let scalars = Array(line.unicodeScalars)
        let start = try #require(DatelineFinder.textStart(in: scalars, line: TextSpan(start: 0, end: scalars.count)))
        #expect(String(String.UnicodeScalarView(scalars[start...])) == rest)
    }

    @Test(arguments: ["The minister (who resigned) - said nothing.", "Shares rose (sharply) on Monday.", "WASHINGTON (AP) -"])
    func otherLinesAreNotDatelines(_ line: String) {
        let scalars = Array(line.unicodeScalars)
        #expect(DatelineFinder.textStart(in: scalars, line: TextSpan(start: 0, end: scalars.count)) == nil)
    }

    /// A sentence that ends inside the dateline (here after "Mar.") must not crash profiling:
    /// found on the PAN 2013 corpus.
    @Test func sentenceEndingInsideADatelineIsSafe() {
        let text = "NEW YORK, Sept. 4. (UPI) - Prices fell sharply again today, traders said.\nSecond line of text here."
        let profile = DocumentProfile(id: "x", text: AnalyzedText(text), boilerplate: [], title: nil, shingleSize: 5)
        #expect(!profile.sentences.isEmpty)
    }
}

@Suite struct OriginTests {
    /// Found on the WireBench slice: the wire original, 11 minutes earlier than every copy,
    /// lost the origin to a copy that won more pairwise comparisons.
    @Test func theSurelyEarliestMemberIsTheOrigin() {
        let members = [ProvenanceTests.member("copy", outlet: "Radio", at: "2005-03-09T23:20:08+02:00"),
                       ProvenanceTests.member("late", outlet: "Paper", at: "2005-03-10T09:00:00Z"),
                       ProvenanceTests.member("wire", outlet: "Global Wire", at: "2005-03-09T21:09:33Z")]
        // The wire's pair with "late" was not detected; "copy" wins two pairs by containment.
        let pairs = [ProvenanceTests.pair("copy", "late", coverage: (0.5, 1.0)),
                     ProvenanceTests.pair("copy", "wire", coverage: (0.8, 0.8))]
        let (_, clusters) = ProvenanceResolver().resolve(pairs: pairs, members: members)
        #expect(clusters.first?.origin == "wire")
    }
}

@Suite struct SiteNoticeTests {
    @Test(arguments: [
        "Sign up to our daily newsletter for the top stories every morning.",
        "Cookie notice: we and our partners use cookies and similar technologies. Manage settings | OK",
        "© 2005 Dugout Media Ltd. All rights reserved.",
        "Registered in England and Wales No. 8054392.",
    ])
    func noticesAreRecognised(_ line: String) {
        let text = AnalyzedText(line)
        #expect(SiteNotice.isNotice(text.lines[0], in: text))
    }

    @Test(arguments: [
        "The company said it would stop using tracking cookies in its browser next year.",
        "Readers of the newsletter voted the bakery the best in the county.",
    ])
    func proseAboutTheSameThingsIsNot(_ line: String) {
        let text = AnalyzedText(line)
        #expect(!SiteNotice.isNotice(text.lines[0], in: text))
    }

    /// The byte comparison over the folded stream agrees with matching the folded words one
    /// by one, on generated lines of phrase words, near misses ("cookie" against "cookies"),
    /// capitals, punctuation and non-ASCII words, and on lines past 60 words.
    @Test func byteMatchingAgreesWithWordMatching() {
        func wordMatch(_ line: TextSpan, _ text: AnalyzedText) -> Bool {
            let tokens = text.tokenRange(in: line)
            guard !tokens.isEmpty, tokens.count <= 60 else { return false }
            let words = tokens.map { text.foldedWord($0) }
            return SiteNotice.phrases.contains { phrase in
                words.indices.contains { start in
                    start + phrase.count <= words.count && Array(words[start..<(start + phrase.count)]) == phrase
                }
            }
        }
        let vocabulary = Array(Set(SiteNotice.phrases.flatMap { $0 })).sorted()
            + ["Cookie", "COOKIES", "cookie", "newsletters", "ourselves", "in", "the", "Straße", "ﬁnal", "—", ",", ".", "\u{2019}"]
        var state: UInt64 = 42
        var found = 0
        for length in 1...90 {
            for _ in 0..<4 {
                var words: [String] = []
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    words.append(vocabulary[Int(state >> 33) % vocabulary.count])
                }
                let text = AnalyzedText(words.joined(separator: " "))
                guard let line = text.lines.first else { continue }
                let expected = wordMatch(line, text)
                if expected { found += 1 }
                #expect(SiteNotice.isNotice(line, in: text) == expected, "\(words)")
            }
        }
        #expect(found > 20)
    }
}
