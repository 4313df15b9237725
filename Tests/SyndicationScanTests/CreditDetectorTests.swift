import SyndicationEngine
import Testing
import TestSupport
@testable import SyndicationScan

/// A text and the credits it must yield: canonical name, form and the name as written.
struct CreditCase: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: [Expected]

    struct Expected: Equatable, Sendable, CustomStringConvertible {
        let name: String
        let form: Credit.Form
        let written: String
        var description: String { "\(name) (\(form.rawValue)) '\(written)'" }
    }

    init(_ text: String, _ expected: (String, Credit.Form, String)...) {
        self.text = text
        self.expected = expected.map { Expected(name: $0.0, form: $0.1, written: $0.2) }
    }

    var testDescription: String { String(text.prefix(60)) }
}

@Suite struct CreditDetectorTests {
    let detector = CreditDetector()

    func found(in text: String) -> [CreditCase.Expected] {
        let scalars = Array(text.unicodeScalars)
        return detector.credits(in: text).map { credit in
            var written = String.UnicodeScalarView()
            written.append(contentsOf: scalars[credit.span.start..<credit.span.end])
            return CreditCase.Expected(name: credit.name, form: credit.form, written: String(written))
        }
    }

    /// Sentences from the seed articles (001, 003 and 000), copied here.
    static let seedCases = [
        CreditCase(
            "According to Al Jazeera, Ukraine proposed to hold a new peace meeting with Russia next week.",
            ("Al Jazeera", .accordingTo, "Al Jazeera")),
        CreditCase(
            "In the previous tours, Russia summarized a list of harsh demands for Ukraine and called on to reject Western military support according to Al Jazeera.",
            ("Al Jazeera", .accordingTo, "Al Jazeera")),
        CreditCase(
            "\"Everything should be done to achieve a ceasefire,\" Zelenskyy said in his evening address to the nation, Al Jazeera reported. \"The Russian side should stop hiding from decisions.\"",
            ("Al Jazeera", .reported, "Al Jazeera")),
        CreditCase(
            "There was no immediate response from Russia, as per Al Jazeera.",
            ("Al Jazeera", .asPer, "Al Jazeera")),
        CreditCase(
            "Ukraine has offered to sell combat drones, in a deal potentially worth up to $30 billion, RT reported. RT reported that Zelensky has made multiple requests. \"They are weapons,\" he argued, as quoted by RT.",
            ("RT", .reported, "RT"), ("RT", .reported, "RT"), ("RT", .reported, "RT")),
        CreditCase(
            "A contract worth \"$10-30 billion is now being drafted,\" according to RT. As per RT citing the New York Times, the talks continue.",
            ("RT", .accordingTo, "RT"), ("RT", .asPer, "RT")),
        CreditCase(
            "\"Our main task is to ensure Russia's security,\" Putin said in Saint Petersburg, according to the Kremlin. — Agencies",
            ("Agencies", .endLine, "Agencies")),
        CreditCase(
            "Observer\n4 hours ago\n- Observer\nUkraine drone attack disrupts Volgograd railway power",
            ("Observer", .endLine, "Observer")),
        CreditCase(
            "The Russian news agency TASS reported that a source from the vicinity of the Russian negotiation team had confirmed it.",
            ("TASS", .reported, "TASS")),
        CreditCase(
            "\"Our preferred route is through political and diplomatic means,\" Peskov said, according to TASS state news agency.",
            ("TASS", .accordingTo, "TASS")),
        CreditCase(
            "Russia rejects the allegations.\nDpa\nnik\nSource: Stern\n",
            ("dpa", .agency, "Dpa"), ("Stern", .sourceLine, "Stern")),
    ]

    @Test(arguments: seedCases)
    func seedSentences(_ example: CreditCase) {
        #expect(found(in: example.text) == example.expected)
    }

    /// Attributions that credit no outlet: officials, information, people, a nationality, a
    /// country doing something, a party's website, someone appearing on a programme.
    static let nonCreditTexts = [
        "According to Ukrainian information, eleven deprived children and adolescents returned to their homeland.",
        "Meanwhile, Russia reported other Ukrainian drone attacks on the capital Moscow and other regions.",
        "Russia reports further drone attacks on Moscow",
        "According to this, around ten regions, especially the areas bordering Ukraine, were affected.",
        "The previous two rounds were held in Istanbul, and Russian media reports said that the Turkish city likely would also host the meeting.",
        "In Kramatorsk, a glide bomb hit an apartment building, starting a fire, according to the head of the city's military administration, Oleksandr Honcharenko.",
        "A boy born in 2015 was killed, local officials said, without giving his exact age.",
        "According to regional authorities, five apartment buildings were damaged.",
        "The death toll has risen, according to officials and a source close to the talks.",
        "Security Council Secretary Umerov also reported that he had proposed the next meeting.",
        "\"Ukraine never wanted this war,\" Zelensky said in a Telegram post.",
        "Peskov added, according to the Kremlin, that talks would continue.",
        "By Tom Marsh\nBy Staff Reporter\nBy the end of 2005 Microsoft aims to launch search software.",
        "She first appeared on Playschool 25 years ago and was made an OBE.",
        "According to the BNP's website, they have been posted to homes in the area.",
        "Mobile phones are still enjoying a boom, according to research from technology analysts Gartner.",
        "Kremlin spokesman Dmitry Peskov said that \"a lot of work needs to be done.\"",
        "Copyright 2005 The Pennick Post Media Ltd. All rights reserved.",
        "General Motors (GM) saw its net profits fall. The firm (which is based in Detroit) said so.",
        "(Transworld Newswire) — Ewood Park\n\nTuesday, 1 March",
        "Shopping list:\n- Apples\n- Green Tea\n- Bread",
        "The market at dawn.\n(Photo)\n(File)",
        "HABOT (South Africa) - synthetic lubricant\nShips were added at Beaufort. (ORN)",
        "\"Do not go where the path may lead.\"\n— Ralph Waldo Emerson\nHe gets it. - Matt Smith",
        "By Mail\nNumber of Faculty Staff",
        "\"I'd say so,\" Newsome said. The temperatures are rising, according to the Environmental Protection Agency.",
        "About $75 million went to nine associates, a Hong Kong newspaper reported.",
    ]

    @Test(arguments: nonCreditTexts)
    func nonCredits(_ text: String) {
        let credits = found(in: text).filter { $0.name != "Transworld Newswire" }
        #expect(credits.isEmpty)
    }

    /// The credit forms of the WireBench dev set, in sentences like its pages'.
    static let wireCases = [
        CreditCase("LONDON (Global Wire) - Americans are becoming avid blog readers.",
                   ("Global Wire", .dateline, "Global Wire")),
        CreditCase("EDINBURGH, Mar. 10 (Meridian Press Agency) - Manchester rock band Doves have won.",
                   ("Meridian Press Agency", .dateline, "Meridian Press Agency")),
        CreditCase("(Transworld Newswire) — Walt Disney has settled charges from US federal regulators.",
                   ("Transworld Newswire", .dateline, "Transworld Newswire")),
        CreditCase("KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelensky on Tuesday renewed his offer.",
                   ("Associated Press", .dateline, "AP")),
        CreditCase("The rand could hit exports.\n\n(Global Wire)\n\nShare: Facebook  Twitter",
                   ("Global Wire", .endLine, "Global Wire")),
        CreditCase("It makes it into the classroom though.\n— Meridian Press Agency\n",
                   ("Meridian Press Agency", .endLine, "Meridian Press Agency")),
        CreditCase("Three civilians were killed, the ministry said. (AFP)",
                   ("AFP", .endLine, "AFP")),
        CreditCase("Source: Transworld Newswire", ("Transworld Newswire", .sourceLine, "Transworld Newswire")),
        CreditCase("Via Agence France-Presse", ("AFP", .sourceLine, "Agence France-Presse")),
        CreditCase("This story was originally published by Transworld Newswire.",
                   ("Transworld Newswire", .originallyPublished, "Transworld Newswire")),
        CreditCase("This article first appeared on Semafor.", ("Semafor", .originallyPublished, "Semafor")),
        CreditCase("By Global Wire staff", ("Global Wire", .byline, "Global Wire")),
        CreditCase("By The Sunday Beacon Staff Writer", ("The Sunday Beacon", .byline, "The Sunday Beacon")),
        CreditCase("By The Sunday Beacon", ("The Sunday Beacon", .byline, "The Sunday Beacon")),
        CreditCase("From Meridian Press Agency", ("Meridian Press Agency", .byline, "Meridian Press Agency")),
        CreditCase("NewsLink International reporters", ("NewsLink International", .byline, "NewsLink International")),
        CreditCase("Copyright Global Wire. Used under licence.", ("Global Wire", .sourceLine, "Global Wire")),
        CreditCase("© Global Wire 2005", ("Global Wire", .sourceLine, "Global Wire")),
        CreditCase("Copyright 2025 The Associated Press. All rights reserved.",
                   ("Associated Press", .sourceLine, "The Associated Press")),
        CreditCase("Reporting by Transworld Newswire and Global Wire.",
                   ("Transworld Newswire", .byline, "Transworld Newswire"), ("Global Wire", .byline, "Global Wire")),
        CreditCase("Information from Global Wire was used in this report.",
                   ("Global Wire", .sourceLine, "Global Wire")),
        CreditCase("The Associated Press contributed to this report.",
                   ("Associated Press", .byline, "The Associated Press")),
        CreditCase("Italy is receiving illegal state aid, according to Global Wire.",
                   ("Global Wire", .accordingTo, "Global Wire")),
        CreditCase("Tory MP Jonathan Sayeed is to stand down on the grounds of ill health, Global Wire said.",
                   ("Global Wire", .reported, "Global Wire")),
        CreditCase("Shares in Deutsche Boerse have increased, Transworld Newswire reported. TCI has complained.",
                   ("Transworld Newswire", .reported, "Transworld Newswire")),
        CreditCase("Car makers are upbeat, according to The Sunday Beacon.",
                   ("The Sunday Beacon", .accordingTo, "The Sunday Beacon")),
        CreditCase("Colin Farrell is to debut on US television, according to Hollywood newspaper Daily Variety.",
                   ("Daily Variety", .accordingTo, "Daily Variety")),
        CreditCase("The figures were confirmed, according to Reuters and AFP.",
                   ("Reuters", .accordingTo, "Reuters"), ("AFP", .accordingTo, "AFP")),
        CreditCase("It was first published in the Times of Oman on Sunday.",
                   ("Times of Oman", .originallyPublished, "Times of Oman")),
        CreditCase("The talks stalled, according to a report by the Financial Times.",
                   ("Financial Times", .accordingTo, "Financial Times")),
        CreditCase("Russia rejects the allegations.\ndpa/nik\n", ("dpa", .agency, "dpa")),
        CreditCase("The plan was approved, the Kommersant newspaper reported on Monday.",
                   ("Kommersant", .reported, "Kommersant")),
        CreditCase("The new take won't disappoint, according to New York-based License magazine.",
                   ("License", .accordingTo, "License")),
        CreditCase("The crew appeared calm throughout the flight, the Globe said.",
                   ("Globe", .reported, "Globe")),
        CreditCase("NEW YORK ( AP )-- Proving even more popular than expected, the show sold out.",
                   ("Associated Press", .dateline, "AP")),
        CreditCase("Al Jazeera's correspondent said so, according to Al Jazeera's website.",
                   ("Al Jazeera", .accordingTo, "Al Jazeera")),
    ]

    @Test(arguments: wireCases)
    func wireForms(_ example: CreditCase) {
        #expect(found(in: example.text) == example.expected)
    }

    @Test(arguments: [
        ("AP", "Associated Press"), ("The Associated Press", "Associated Press"),
        ("Agence France-Presse", "AFP"), ("AFP", "AFP"), ("DPA", "dpa"), ("Dpa", "dpa"),
        ("Deutsche Presse-Agentur", "dpa"), ("Reuters", "Reuters"), ("Press Trust of India", "PTI"),
        ("Xinhua News Agency", "Xinhua"), ("ITAR-TASS", "TASS"), ("Anadolu Agency", "Anadolu"),
        ("Yonhap", "Yonhap"), ("Agencies", "Agencies"), ("Times  of\nOman", "Times of Oman"),
        ("Global Wire", "Global Wire"),
    ])
    func canonicalNames(written: String, canonical: String) {
        #expect(CreditDetector.canonicalName(written) == canonical)
    }

    /// Offsets count code points, not grapheme clusters or UTF-16 units: an emoji outside the
    /// Basic Multilingual Plane and a combining accent before the credit both shift it.
    @Test func offsetsAreCodePoints() throws {
        let text = "😀 Cafe\u{301} — naïve 👩‍👩‍👧 text.\nThe vote passed, according to Reuters."
        let credits = detector.credits(in: text)
        let credit = try #require(credits.first)
        #expect(credits.count == 1)
        let scalars = Array(text.unicodeScalars)
        let reuters = Array("Reuters".unicodeScalars)
        let expectedStart = try #require((0...(scalars.count - reuters.count)).first {
            Array(scalars[$0..<($0 + reuters.count)]) == reuters
        })
        #expect(credit.span == TextSpan(start: expectedStart, end: expectedStart + reuters.count))
        #expect(credit.span.start != text.count - 8)
        #expect(detector.credits(in: AnalyzedText(text)) == credits)
    }

    /// "Reuters said the data was late" is news about what Reuters said, not a credit: only a
    /// clause that ends at the outlet's name ("..., Reuters said.") credits it.
    @Test func everyOccurrenceIsReportedAndNamesAreDeduplicated() {
        let text = """
            LONDON (Reuters) - Shares fell, according to the Associated Press.
            Prices rose, AP reported. Reuters said the data was late. Prices fell, Reuters said.
            """
        let credits = detector.credits(in: text)
        #expect(credits.map(\.name) == ["Reuters", "Associated Press", "Associated Press", "Reuters"])
        #expect(credits.map(\.form) == [.dateline, .accordingTo, .reported, .reported])
        #expect(credits.map(\.span) == credits.map(\.span).sorted())
        #expect(CreditDetector.creditedNames(credits) == ["Associated Press", "Reuters"])
        #expect(credits.allSatisfy { !$0.inBoilerplate })
    }

    @Test func analysedAndPlainTextAgree() {
        let text = "Dpa\n\nBy Global Wire staff\n\nLONDON (Global Wire) - Markets fell.\n\nSource: Stern"
        #expect(detector.credits(in: AnalyzedText(text)) == detector.credits(in: text))
        #expect(detector.credits(in: text).count == 4)
    }

    /// A name's text written byte by byte from ASCII code points equals the one made through a
    /// scalar view, on spans of generated text with runs of spaces, tabs, line breaks and
    /// code points outside ASCII (for which the byte path declines).
    @Test func asciiNameTextEqualsThePlainOne() {
        var generator = SeededGenerator(seed: 0xA5C1_7E47)
        let pieces = [
            "Reuters", " ", "  ", "\t", "\n", "\r\n", "Al", "Jazeera", "'s", "-", ".", "é", "\u{00A0}", "\u{3000}",
            "\u{212A}", "News",
        ]
        var declined = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            let scalars = Array(text.unicodeScalars)
            scalars.withUnsafeBufferPointer { buffer in
                let parser = CreditNameParser(tokens: [], scalars: buffer)
                let start = Int.random(in: 0...buffer.count, using: &generator)
                let span = TextSpan(start: start, end: Int.random(in: start...buffer.count, using: &generator))
                if let ascii = parser.asciiText(of: span) {
                    #expect(ascii == parser.text(of: span))
                    #expect(buffer[span.start..<span.end].allSatisfy { $0.isASCII })
                } else {
                    declined += 1
                    #expect(buffer[span.start..<span.end].contains { !$0.isASCII })
                }
            }
        }
        #expect(declined > 100)
    }
}
