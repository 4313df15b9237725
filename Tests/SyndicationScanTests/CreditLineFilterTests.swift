import Foundation
import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// ``CreditLineFilter`` must pass every line on which ``CreditLineScanner`` finds a credit:
/// checked on every credit test text, every fixture page and generated lines built from the
/// scanner's vocabulary, punctuation and white space.
@Suite struct CreditLineFilterTests {
    /// What the scanner and the filter make of the lines of one text.
    struct LineCount {
        var lines = 0
        var creditLines = 0
        var passed = 0
        /// Lines with a credit that the filter rejected (must stay empty).
        var missed: [String] = []

        mutating func add(_ other: LineCount) {
            lines += other.lines
            creditLines += other.creditLines
            passed += other.passed
            missed += other.missed
        }
    }

    /// Scans every line of `text` in full (as no list item, which the scanner credits most
    /// readily) and through the filter.
    static func count(_ text: String) -> LineCount {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { buffer in
            var count = LineCount()
            for line in SentenceSplitter.lines(in: buffer) {
                var scanner = CreditLineScanner(
                    tokens: CreditToken.tokenize(buffer, line), scalars: buffer, isListItem: false)
                scanner.scan()
                let passes = CreditLineFilter.mayHoldCredit(buffer, line)
                count.lines += 1
                if passes { count.passed += 1 }
                if !scanner.credits.isEmpty {
                    count.creditLines += 1
                    if !passes { count.missed.append(String(String.UnicodeScalarView(buffer[line.start..<line.end]))) }
                }
            }
            return count
        }
    }

    /// The detector's credits with and without the filter.
    static func agree(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { buffer in
            let lines = SentenceSplitter.lines(in: buffer)
            let detector = CreditDetector()
            return detector.credits(in: buffer, lines: lines, prefiltered: true)
                == detector.credits(in: buffer, lines: lines, prefiltered: false)
        }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyCreditTestLinePasses() {
        let texts = CreditDetectorTests.seedCases.map(\.text) + CreditDetectorTests.wireCases.map(\.text)
            + CreditDetectorTests.nonCreditTexts
        var total = LineCount()
        for text in texts {
            total.add(Self.count(text))
            #expect(Self.agree(text), "\(text)")
        }
        #expect(total.missed == [])
        // Every credit case has a credit line.
        #expect(total.creditLines >= CreditDetectorTests.seedCases.count + CreditDetectorTests.wireCases.count)
    }

    /// Every page under `Fixtures/` (seeds, WireBench slice, alignment, injection, behaviours).
    @Test func everyFixtureCreditLinePasses() throws {
        let fixtures = Self.repository.appendingPathComponent("Fixtures")
        let files = try #require(FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
        #expect(files.count >= 60)
        var total = LineCount()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            total.add(Self.count(text))
            #expect(Self.agree(text), "\(file.lastPathComponent)")
        }
        #expect(total.missed == [])
        #expect(total.creditLines >= 20)
        // Most lines of news pages hold no credit and are passed over.
        #expect(total.passed * 2 < total.lines)
    }

    /// Lines made at random from names, the scanner's words, marks and kinds of white space.
    @Test func everyGeneratedCreditLinePasses() {
        var generator = SeededGenerator(seed: 0x00C2_ED17)
        var total = LineCount()
        var disagreements: [String] = []
        for _ in 0..<6000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                lines.append(Self.generatedLine(using: &generator))
            }
            let text = lines.joined(separator: "\n")
            total.add(Self.count(text))
            if !Self.agree(text) { disagreements.append(text) }
        }
        #expect(total.missed == [])
        #expect(disagreements == [])
        // The generator makes many credit lines, and many lines the filter rejects.
        #expect(total.creditLines * 10 > total.lines)
        #expect(total.passed < total.lines)
    }

    /// One feature each: every line credits something and passes the filter.
    @Test(arguments: [
        "According to Reuters, markets fell.", "Markets fell, as per Reuters.", "Markets fell, Reuters reported.",
        "Reuters reports that markets fell.", "Markets fell, as quoted by Reuters.", "It was cited by Reuters.",
        "Markets fell, Reuters said.", "Reuters says that markets fell.", "It was first published by Reuters.",
        "This article first appeared on Semafor.", "The Associated Press contributed to this report.",
        "By Reuters staff", "From Meridian Press Agency", "Via Reuters", "Source: Reuters", "Sources: Reuters",
        "Credit: Reuters", "Copyright Global Wire. Used under licence.", "Information from Reuters was used in this report.",
        "Reporting by Reuters", "Additional reporting by Reuters", "(Reuters)", "© Reuters 2025", "— Global Wire",
        "- Observer", "\u{2212} Reuters", "(AP) — Markets fell.", "LONDON (Reuters) - Markets fell.",
        "LONDON (Reuters): Markets fell.", "Markets fell sharply on the day, he said. — Agencies",
        "Markets fell sharply on the day, he said. (AFP)", "Markets fell sharply on the day, he said. (AFP).",
        "Dpa", "dpa/nik", "Global Wire reporters", "NewsLink International Staff Writer", "REUTERS \u{212A}YODO STAFF",
    ])
    func oneFeature(_ line: String) {
        let count = Self.count(line)
        #expect(count.creditLines == 1)
        #expect(count.missed == [])
    }

    /// Prose without a credit feature is passed over.
    @Test(arguments: [
        "Markets fell sharply on Monday as investors weighed the latest inflation data.",
        "The firm (which is based in Detroit) saw its profits fall by a well-known margin.",
        "Parenthesized sub-expressions ((e)): if the expression has type U, it is a coercion site.",
        "Prices rose — and then they fell again by the end of the trading week in Tokyo.",
        "Declarations so it is generally standard practice",
    ])
    func proseIsRejected(_ line: String) {
        let scalars = Array(line.unicodeScalars)
        scalars.withUnsafeBufferPointer { buffer in
            #expect(!CreditLineFilter.mayHoldCredit(buffer, TextSpan(start: 0, end: buffer.count)))
        }
    }

    /// The filter reads words as runs of ASCII letters and counts U+212A as "k": no other code
    /// point lower-cases to a string of ASCII letters alone, which a vocabulary word would need.
    @Test func onlyTheKelvinSignLowercasesToAnASCIILetter() {
        var found: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) { found.append(value) }
        }
        #expect(found == [0x212A])
    }

    /// Every word the filter looks for is found, with its own flags.
    @Test func wordTableFindsEveryWord() throws {
        let table = WordTable.shared
        func flags(_ word: String) -> UInt8 {
            var bits: UInt64 = 0
            for scalar in word.unicodeScalars { bits = bits &<< 5 | UInt64((scalar.value | 0x20) & 0x1F) }
            return table.flags(bits, word.unicodeScalars.count)
        }
        for word in WordTable.triggerWords { #expect(flags(word) & WordTable.trigger != 0, "\(word)") }
        for word in WordTable.openingWords { #expect(flags(word) & WordTable.opener != 0, "\(word)") }
        for word in CreditVocabulary.roleWords { #expect(flags(word) & WordTable.role != 0, "\(word)") }
        for spelling in CreditVocabulary.agencies.keys {
            let run = try #require(WordTable.agencyRun(spelling))
            #expect(flags(run) & WordTable.agency != 0, "\(run)")
            #expect(WordTable.letterRuns(spelling).contains(run))
        }
        #expect(flags("markets") == 0)
        #expect(flags("the") & WordTable.trigger == 0)
    }

    // MARK: Generating lines

    static let names = [
        "Reuters", "AP", "The Associated Press", "the Associated Press", "Agence France-Presse", "dpa", "DPA",
        "Al Jazeera", "Global Wire", "Meridian Press Agency", "Transworld Newswire", "The Sunday Beacon",
        "NewsLink", "NewsLink International", "BBC", "the Kommersant newspaper", "TASS state news agency",
        "Times of Oman", "ITAR-TASS", "Anadolu Ajansı", "Stern", "Agencies", "agencies", "Kyodo News",
        "Xinhua News Agency", "RT", "the Globe", "Observer", "Daily Variety", "Press Trust of India",
        "Reuters's", "Al Jazeera’s", "Semafor", "Gartner", "Zelensky", "the Kremlin", "Russia", "Ukrainian",
    ]
    static let words = WordTable.triggerWords + WordTable.openingWords + Array(CreditVocabulary.roleWords).sorted() + [
        "to", "as", "by", "in", "on", "a", "its", "report", "originally", "first", "the", "this", "story",
        "article", "that", "and", "he", "she", "officials", "markets", "fell", "Monday", "used", "under",
        "licence", "was", "were", "has", "also", "news", "agency", "state", "newspaper", "c", "2025",
        "2005-2025", "10", "LONDON", "KYIV, Ukraine", "EDINBURGH, Mar. 10", "nik", "All rights reserved",
    ]
    static let phrases = [
        "according to", "as per", "reported by", "quoted by", "cited by", "said in a report",
        "originally published by", "first appeared on", "contributed to this report", "Used under licence",
        "with permission", "according to a report by", "Reporting by", "Additional reporting by",
        "Information from", "was used in this report", "he said.", "the ministry said.",
    ]
    static let marks = [
        "(", ")", "-", "\u{2014}", "\u{2013}", "\u{2015}", "\u{2212}", ":", ".", ",", "/", ";", "&",
        "\u{00A9}", "\"", "\u{201D}", "\u{2019}", "'", "!", "?", "\u{2026}", "\u{00BB}", "*", "\u{2022}",
    ]
    static let spaces = [" ", " ", " ", " ", "  ", "\t", "\u{00A0}", "\u{2009}", "\u{3000}", ""]

    static func generatedLine(using generator: inout SeededGenerator) -> String {
        var line = ""
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            var piece: String
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<3: piece = names.randomElement(using: &generator)!
            case 3..<6: piece = words.randomElement(using: &generator)!
            case 6..<8: piece = marks.randomElement(using: &generator)!
            default: piece = phrases.randomElement(using: &generator)!
            }
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: piece = piece.uppercased()
            case 1: piece = piece.lowercased()
            case 2: piece = piece.prefix(1).uppercased() + piece.dropFirst()
            case 3: piece = piece.replacingOccurrences(of: "k", with: "\u{212A}")
                .replacingOccurrences(of: "K", with: "\u{212A}")
            default: break
            }
            if !line.isEmpty { line += spaces.randomElement(using: &generator)! }
            line += piece
        }
        return line
    }
}
