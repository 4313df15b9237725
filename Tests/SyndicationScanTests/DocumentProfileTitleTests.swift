import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``DocumentProfile`` tells a title line by comparing the line's stretch of the text's folded
/// stream with the title's words, without cutting the line out and analysing it again; for
/// every line of generated texts and titles it answers as the comparison of the two strings.
@Suite struct DocumentProfileTitleTests {
    static let words = ["Storm", "storm", "STORM", "hits", "the", "coast", "Café", "CAFÉ", "ﬁnal", "Ｆinal", "naïve", "50", "x"]
    static let separators = [" ", "  ", " – ", ", ", "! ", " “", "” ", " \u{0301} ", ".\n", "\n\n", "\t", " — "]

    static func line(_ generator: inout SeededGenerator) -> String {
        var result = ""
        for index in 0..<Int(generator.next() % 5) {
            if index > 0 || generator.next() % 3 == 0 { result += separators[Int(generator.next() % UInt64(separators.count))] }
            result += words[Int(generator.next() % UInt64(words.count))]
        }
        return result
    }

    @Test func theFoldedStretchAgreesWithAnalysingTheLine() {
        var generator = SeededGenerator(seed: 0x7171E)
        var matches = 0
        for _ in 0..<1500 {
            let text = AnalyzedText(Self.line(&generator) + "\n" + Self.line(&generator) + "\n" + Self.line(&generator))
            let title = Self.line(&generator)
            for line in text.lines {
                let expected = DocumentProfile.sameWords(text.text(of: line), title)
                #expect(DocumentProfile.sameWords(text.tokenRange(in: line), of: text, title) == expected,
                        "\(text.text(of: line)) / \(title)")
                if expected { matches += 1 }
            }
        }
        // Both answers occur.
        #expect(matches > 5)
    }
}
