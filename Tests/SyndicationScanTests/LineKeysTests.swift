import Testing
import SyndicationEngine
@testable import SyndicationScan

/// Line keys found in one walk over the tokens, and taken from the census's keys, equal those
/// of the plain search for each line's tokens; the boilerplate lines found by a walk equal
/// those found through a set of spans.
@Suite struct LineKeysTests {
    /// ``BoilerplateDetector/lineKeys(of:)`` as it was first written: each line's tokens by
    /// ``AnalyzedText/tokenRange(in:)``.
    static func plainLineKeys(of text: AnalyzedText) -> [(key: UInt64, span: TextSpan)] {
        text.lines.compactMap { line in
            let tokens = text.tokenRange(in: line)
            guard !tokens.isEmpty else { return nil }
            let first = Int(text.tokens[tokens.lowerBound].foldedStart)
            let last = Int(text.tokens[tokens.upperBound - 1].foldedEnd)
            let key = text.folded.withUnsafeBytes {
                XXHash.hash64(UnsafeRawBufferPointer(rebasing: $0[first..<last]), seed: BoilerplateDetector.lineKeySeed)
            }
            return (key, line)
        }
    }

    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let analysed = AnalyzedText(text)
        let expected = plainLineKeys(of: analysed)
        let walked = BoilerplateDetector.lineKeys(of: analysed)
        #expect(walked.map(\.key) == expected.map(\.key), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(walked.map(\.span) == expected.map(\.span), "\(text.debugDescription)", sourceLocation: sourceLocation)
        // The census's keys of the same text, paired with the same spans.
        let census = CensusLines(text).keys
        let given = BoilerplateDetector.lines(of: analysed, keys: census[...])
        #expect(given?.map(\.key) == expected.map(\.key), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(given?.map(\.span) == expected.map(\.span), "\(text.debugDescription)", sourceLocation: sourceLocation)
        // Keys of another count belong to another text: none are taken.
        #expect(BoilerplateDetector.lines(of: analysed, keys: (census + [1])[...]) == nil, sourceLocation: sourceLocation)
        if !census.isEmpty {
            #expect(BoilerplateDetector.lines(of: analysed, keys: census.dropLast()) == nil, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "",
        "   \n\n  ",
        "One line.",
        "Headline Here\nBody starts here. And goes on for a while, as bodies do.\n\nLast updated: 9 Mar 2005, 14:49 GMT",
        "— — —\n...\nWords at last\n\u{2014}\n\"\"\nand more words",
        "Crème brûlée À LA CARTE\r\nŒuvre ﬁnale — Ｆｕｌｌ ｗｉｄｔｈ\u{2028}Straße GROSS\u{2029}İstanbul ΣΊΣΥΦΟΣ",
        "a\u{0301}\u{0301} marks \u{0301}\u{0302} alone\n\u{0300}\u{0301}\nword \u{20DD} enclosed",
        "lowercase start\ncontinues here\nand here.\nDpa\nnew line after a short one",
    ])
    func variedTexts(text: String) {
        Self.expectSame(text)
    }

    /// Generated texts of words, marks, punctuation-only lines and line breaks of every kind.
    @Test func generatedTexts() {
        let alphabet: [String] = [
            "a", "B", "z", "7", "é", "ß", "ﬁ", "\u{0301}", "σ", "서", "👍", "word", "Word",
            " ", " ", " ", "\u{00A0}", "\t", "\n", "\n", "\n\n", "\r\n", "\u{2028}", "\u{2029}", "\u{0085}",
            ".", "!", "?", "\u{2026}", ":", ",", "\"", ")", "\u{201D}", "\u{2014}", "-", "--",
        ]
        var state: UInt64 = 0x11AE5
        for length in stride(from: 0, through: 500, by: 3) {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            Self.expectSame(text)
        }
    }

    /// The boilerplate lines picked by a walk over a document's lines equal those picked
    /// through a set of spans: for spans that are some of the lines in order (what the census
    /// marks), and for spans in another order, repeated, or not among the lines.
    @Test func boilerplateLinesByWalk() {
        let lines: [(key: UInt64, span: TextSpan)] = (0..<12).map {
            (UInt64($0 * 7 + 1), TextSpan(start: $0 * 10, end: $0 * 10 + 6))
        }
        func bySet(_ spans: [TextSpan]) -> [UInt64] {
            let set = Set(spans)
            return lines.filter { set.contains($0.span) }.map(\.key)
        }
        var state: UInt64 = 0xB0B
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var spans = lines.indices.filter { (state >> UInt64(20 + $0)) & 1 == 1 }.map { lines[$0].span }
            switch state >> 60 {
            case 0: spans.reverse()
            case 1: spans += spans.prefix(1)
            case 2: spans.append(TextSpan(start: 3, end: 5))
            case 3: spans.insert(TextSpan(start: 200, end: 201), at: 0)
            default: break
            }
            #expect(Analysis.lines(lines, at: spans).map(\.key) == bySet(spans), "\(spans)")
        }
    }
}
