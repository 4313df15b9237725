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
                let verdict = CreditLineFilter.verdict(buffer, line)
                var filtered = CreditLineScanner(
                    tokens: CreditToken.tokenize(buffer, line), scalars: buffer, isListItem: false,
                    scansPhrases: verdict.mayHoldPhrase)
                filtered.scan()
                let text = String(String.UnicodeScalarView(buffer[line.start..<line.end]))
                count.lines += 1
                if verdict.mayHoldCredit { count.passed += 1 }
                if !scanner.credits.isEmpty {
                    count.creditLines += 1
                    if !verdict.mayHoldCredit { count.missed.append(text) }
                }
                // Without phrases where the filter saw none of their words, the same credits.
                if filtered.credits != scanner.credits { count.missed.append("phrases: " + text) }
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

    /// A line with a feature other than a phrase's word is read on for one.
    @Test func phrasesAreLookedForPastOtherFeatures() {
        func verdict(_ line: String) -> CreditLineFilter.Verdict {
            Array(line.unicodeScalars).withUnsafeBufferPointer {
                CreditLineFilter.verdict($0, TextSpan(start: 0, end: $0.count))
            }
        }
        #expect(verdict("LONDON (Reuters) - Markets fell, according to AFP.")
                == CreditLineFilter.Verdict(mayHoldCredit: true, mayHoldPhrase: true))
        #expect(verdict("LONDON (Reuters) - Markets fell.")
                == CreditLineFilter.Verdict(mayHoldCredit: true, mayHoldPhrase: false))
        #expect(verdict("By Reuters staff, who said so")
                == CreditLineFilter.Verdict(mayHoldCredit: true, mayHoldPhrase: true))
        #expect(verdict("Markets fell sharply.")
                == CreditLineFilter.Verdict(mayHoldCredit: false, mayHoldPhrase: false))
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
            Array(word.unicodeScalars).withUnsafeBufferPointer { table.flags($0, 0, $0.count) }
        }
        for word in WordTable.triggerWords { #expect(flags(word) & WordTable.trigger != 0, "\(word)") }
        for word in WordTable.openingWords { #expect(flags(word) & WordTable.opener != 0, "\(word)") }
        for word in CreditVocabulary.roleWords { #expect(flags(word) & WordTable.role != 0, "\(word)") }
        for spelling in CreditVocabulary.agencies.keys {
            let run = try #require(WordTable.agencyRun(spelling))
            #expect(flags(run) & WordTable.agency != 0, "\(run)")
            #expect(WordTable.letterRuns(spelling).contains(run))
        }
        for word in WordTable.triggerWords {
            #expect(flags(word.uppercased()) == flags(word), "\(word)")
            #expect(flags(word.replacingOccurrences(of: "k", with: "\u{212A}")) == flags(word), "\(word)")
        }
        #expect(flags("markets") == 0)
        #expect(flags("the") & WordTable.trigger == 0)
    }

    /// The verdict read in blocks from a narrowed copy equals the plain one: on every line of
    /// generated texts, whose lines run over several 64-code-point blocks, with and without a
    /// phrase's word, and on spans that start and end anywhere.
    @Test func blockVerdictEqualsThePlainOne() {
        var generator = SeededGenerator(seed: 0xB10C_5EED)
        var mismatches: [String] = []
        var verdicts: [CreditLineFilter.Verdict: Int] = [:]
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let withPhrases = Bool.random(using: &generator)
                var line = ""
                for _ in 0..<Int.random(in: 1...5, using: &generator) {
                    if !line.isEmpty { line += Self.spaces.randomElement(using: &generator)! }
                    line += withPhrases ? Self.generatedLine(using: &generator) : Self.proseLine(using: &generator)
                }
                lines.append(line)
            }
            let text = lines.joined(separator: ["\n", "\n\n", "\r\n", "\u{2028}"].randomElement(using: &generator)!)
            Self.forEachSpan(of: text, using: &generator) { buffer, narrowed, span in
                let plain = CreditLineFilter.verdict(buffer, span)
                verdicts[plain, default: 0] += 1
                if CreditLineFilter.verdict(buffer, narrowed: narrowed, span) != plain {
                    mismatches.append(String(String.UnicodeScalarView(buffer[span.start..<span.end])))
                }
            }
        }
        #expect(mismatches == [])
        // Every kind of verdict is met many times.
        #expect(verdicts.count == 3)
        #expect(verdicts.values.allSatisfy { $0 > 1000 })
    }

    /// Calls `body` with the code points of `text`, their narrowed copy (with its padding) and
    /// each span to compare on: every line, and four spans that start and end anywhere.
    static func forEachSpan(
        of text: String, using generator: inout SeededGenerator,
        _ body: (UnsafeBufferPointer<Unicode.Scalar>, UnsafePointer<UInt8>, TextSpan) -> Void
    ) {
        let scalars = Array(text.unicodeScalars)
        var spans = scalars.withUnsafeBufferPointer { SentenceSplitter.lines(in: $0) }
        for _ in 0..<4 {
            let start = Int.random(in: 0...scalars.count, using: &generator)
            spans.append(TextSpan(start: start, end: Int.random(in: start...scalars.count, using: &generator)))
        }
        scalars.withUnsafeBufferPointer { buffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count + CreditLineFilter.narrowedPadding) {
                let narrowed = $0.baseAddress!
                CreditLineFilter.narrow(buffer, into: narrowed)
                for span in spans { body(buffer, narrowed, span) }
            }
        }
    }

    /// The narrowed copy: ASCII as itself, U+212A as "K", any other code point as 0x80, then
    /// zero padding.
    @Test func narrowedCopy() {
        let scalars = Array("Ab 9\u{212A}é—\u{10FFFF}\u{7F}\u{80}xyz12345".unicodeScalars)
        let expected: [UInt8] = [0x41, 0x62, 0x20, 0x39, 0x4B, 0x80, 0x80, 0x80, 0x7F, 0x80, 0x78, 0x79, 0x7A,
                                 0x31, 0x32, 0x33, 0x34, 0x35] + [UInt8](repeating: 0, count: CreditLineFilter.narrowedPadding)
        let narrowed = scalars.withUnsafeBufferPointer { buffer in
            [UInt8](unsafeUninitializedCapacity: buffer.count + CreditLineFilter.narrowedPadding) { bytes, count in
                CreditLineFilter.narrow(buffer, into: bytes.baseAddress!)
                count = buffer.count + CreditLineFilter.narrowedPadding
            }
        }
        #expect(narrowed == expected)
    }

    // MARK: Generating lines

    /// Words other than a phrase's, and some that hold one run into a code point outside ASCII
    /// (which ends a run of letters), a digit or "K" (which do not), or that are longer than
    /// the fifteen letters the word table counts.
    static let proseWords = names + words.filter { !WordTable.triggerWords.contains($0) } + [
        "markets", "fell", "sharply", "saidé", "ésaid", "said2", "2said", "Ksaid", "contributedcontributed",
        "reportersreporters", "accordingaccording", "staff's", "Reuters’", "co-operation", "well-known", "U.S.",
        "AT&T", "Ελλάδα", "Москва", "東京", "naïve", "(e)):", "((AP))", "--", "—", "...", "…", "»", "\"",
    ]

    /// A line of prose pieces and marks, mostly without a phrase's word.
    static func proseLine(using generator: inout SeededGenerator) -> String {
        var line = ""
        for _ in 0..<Int.random(in: 1...16, using: &generator) {
            var piece = Int.random(in: 0..<4, using: &generator) == 0
                ? marks.randomElement(using: &generator)! : proseWords.randomElement(using: &generator)!
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: piece = piece.uppercased()
            case 1: piece = piece.replacingOccurrences(of: "k", with: "\u{212A}")
            default: break
            }
            if !line.isEmpty { line += spaces.randomElement(using: &generator)! }
            line += piece
        }
        return line
    }

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
