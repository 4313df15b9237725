import Testing
import SyndicationEngine
@testable import SyndicationScan

/// The census's line keys and furniture flags, taken from the UTF-8 bytes alone, equal those
/// of the fully analysed text.
@Suite struct CensusLinesTests {
    /// The analysed text's keys, flags and length.
    static func analysed(_ text: String) -> (keys: [UInt64], isFurniture: [Bool], length: Int) {
        let analysed = AnalyzedText(text)
        let lines = BoilerplateDetector.lineKeys(of: analysed)
        return (lines.map(\.key), lines.map { BoilerplateDetector.isFurniture($0.span, in: analysed) }, analysed.scalars.count)
    }

    /// The census lines cut from the words ``DocumentSketcher`` folded, and whether the
    /// sketcher lent them (it does for every non-empty text it signs on its fast path).
    static func sketched(_ text: String) -> (lines: CensusLines?, signature: MinHashSignature) {
        var lines: CensusLines?
        let signature = DocumentSketcher().signature(of: text) { lines = CensusLines(text, words: $0) }
        return (lines, signature)
    }

    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = analysed(text)
        let census = CensusLines(text)
        #expect(census.keys == expected.keys, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(census.isFurniture == expected.isFurniture, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(census.length == expected.length, sourceLocation: sourceLocation)
        // The same from the sketcher's folded words, which leave its signature as it was.
        let (lines, signature) = sketched(text)
        #expect(signature == DocumentSketcher().signature(of: text), sourceLocation: sourceLocation)
        #expect((lines == nil) == text.isEmpty, "\(text.debugDescription)", sourceLocation: sourceLocation)
        guard let lines else { return }
        #expect(lines.keys == expected.keys, "sketched \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(lines.isFurniture == expected.isFurniture, "sketched \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(lines.length == expected.length, "sketched \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "",
        "   \n\n  ",
        "One line.",
        "Headline Here\nBody starts here. And goes on for a while, as bodies do.\n\nLast updated: 9 Mar 2005, 14:49 GMT",
        "Students must provide the documentation as\noutlined in the\nrequirements below. Next one.\nHeadline Here\nBody.",
        "Wait...\n\"Quoted end.\"\n(Aside!)\n'Single'\n...\n)\n\u{201C}Curly,\u{201D} she said.\u{201D}\n\u{00AB}Guillemets\u{00BB}",
        "Crème brûlée À LA CARTE\r\nŒuvre ﬁnale — Ｆｕｌｌ ｗｉｄｔｈ\u{2028}Straße GROSS\u{2029}İstanbul ΣΊΣΥΦΟΣ",
        "a\u{0301}\u{0301} marks \u{0301}\u{0302} alone\n\u{0300}\u{0301}\nword \u{20DD} enclosed",
        "Москва сообщает.\nСеул 서울 발표했다.\n東京で発表された。\nالقاهرة أعلنت",
        "emoji 👍🏽 and flags 🇩🇪 between words\n\u{00A0}\u{2003}indented by odd spaces\u{3000}\n\u{000B}\u{000C}\u{0085}next",
        "lowercase start\ncontinues here\nand here.\nDpa\nnew line after a short one",
        "Tabs\tand  double  spaces\t \nend   ",
    ])
    func variedTexts(text: String) {
        Self.expectSame(text)
    }

    /// Generated texts from a mixed alphabet of letters, marks, digits, spaces, line breaks,
    /// closers and terminals, so that every rule meets every neighbour.
    @Test func generatedTexts() {
        let alphabet: [String] = [
            "a", "B", "z", "7", "é", "É", "ß", "ﬁ", "Ｆ", "\u{0301}", "σ", "Σ", "д", "서", "東", "👍",
            " ", " ", " ", "\u{00A0}", "\u{3000}", "\u{2003}", "\t", "\n", "\n", "\r\n", "\u{2028}", "\u{2029}",
            "\u{0085}", "\u{000B}", "\u{000C}", "\r", "\u{201C}", "\u{2014}", "\u{00C2}", "\u{00E2}",
            ".", ".", "!", "?", "\u{2026}", ":", ";", ",", "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", "-",
        ]
        var state: UInt64 = 0xC0FFEE
        for length in stride(from: 0, through: 400, by: 3) {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            Self.expectSame(text)
        }
    }

    /// Generated prose, mostly ASCII words in long lines with runs of separators and a rare
    /// code point outside ASCII, so that the sixteen-byte folding meets every stop (a second
    /// separator, a curly quote, an accented word) at every offset of its steps.
    @Test func generatedProse() {
        let pieces: [String] = [
            "word", "Word", "WORD", "a", "I", "x1", "2024", "coercion", "Parenthesized", "sub",
            " ", " ", " ", " ", " ", ", ", ". ", "-", "--", "  ", "\t", "(", ")", "'", "\"",
            "\u{201C}", "\u{201D}", "\u{2014}", "caf\u{00E9}", "\u{00A0}", "\n", "\n\n", "Mumbai.",
        ]
        var state: UInt64 = 0xFEED
        for length in stride(from: 1, through: 600, by: 7) {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let index = Int(state >> 33) % (pieces.count * 4)
                // Words and single spaces four times as often as the rest.
                text += index < pieces.count ? pieces[index] : pieces[index % 11]
            }
            Self.expectSame(text)
        }
    }
}

