import SyndicationEngine
import Testing
@testable import SyndicationTesting

/// Failure messages: scores with bounds, the compared value, the passages side by side.
@Suite struct VerdictMessageTests {
    @Test func failedNearDuplicateShowsBoundsAndPassages() {
        let verdict = SimilarityCheck().nearDuplicate(Articles.wire, Articles.edited, atLeast: 0.95)
        #expect(!verdict.isSatisfied)
        let message = verdict.message
        let jaccard = verdict.measurement.jaccard
        #expect(message.contains("expected near-duplicates with jaccard ≥ 0.9500"))
        #expect(message.contains("lower bound \(Number.format(jaccard.lower))"))
        // The table row carries exact, estimate, lower and upper, and marks the comparison.
        let row = message.split(separator: "\n").first { $0.hasPrefix("jaccard ") }.map(String.init) ?? ""
        for value in [jaccard.exact, jaccard.estimate, jaccard.lower, jaccard.upper] {
            #expect(row.contains(Number.format(value)), "\(row)")
        }
        #expect(row.contains("◀ lower bound ≥ 0.9500: FAILS"))
        #expect(message.contains("relation: edited"))
        // Side by side: the wire's and the copy's opening words on one line.
        let firstLine = message.split(separator: "\n").first { $0.contains("Harbour authorities") }.map(String.init) ?? ""
        #expect(firstLine.contains(" │ Port authorities in Port Elwin"), "\(firstLine)")
    }

    @Test func failedNotReusedComparesTheUpperBound() {
        let verdict = SimilarityCheck().notReused(Articles.wire, Articles.edited, atMost: 0.2, score: .jaccard)
        #expect(!verdict.isSatisfied)
        #expect(verdict.summary.contains("jaccard upper bound \(Number.format(verdict.measurement.jaccard.upper)) exceeds it"))
        #expect(verdict.message.contains("◀ upper bound ≤ 0.2000: FAILS"))
    }

    @Test func exactModeSaysSo() {
        let verdict = SimilarityCheck().nearDuplicate(Articles.wire, Articles.edited, atLeast: 0.99, mode: .exact)
        #expect(verdict.summary.contains("jaccard exact value \(Number.format(verdict.measurement.jaccard.exact))"))
    }

    @Test func nothingSharedSaysSo() {
        let message = SimilarityCheck().nearDuplicate(Articles.wire, Articles.unrelated, atLeast: 0.5).message
        #expect(message.contains("relation: none (nothing shared)"))
        #expect(message.contains("aligned passages: none"))
    }

    @Test func numbersHaveFixedDecimals() {
        #expect(Number.format(0.8) == "0.8000")
        #expect(Number.format(1) == "1.0000")
        #expect(Number.format(0.00004) == "0.0000")
        #expect(Number.format(-0.05) == "-0.0500")
        #expect(Number.format(1.96, decimals: 2) == "1.96")
        #expect(Number.percent(0.9315) == "93.2 %")
    }

    @Test func wrappingKeepsWordsAndWidth() {
        let lines = TextExcerpt.wrapped("the quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(TextExcerpt.wrapped("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        let rows = TextExcerpt.sideBySide("one two three", "uno", width: 7, maximumLines: 5)
        #expect(rows == ["one two │ uno", "three   │ "])
        let cut = TextExcerpt.sideBySide("a b c d e f", "x", width: 1, maximumLines: 3)
        #expect(cut.count == 3)
        #expect(cut.last?.hasPrefix("…") == true)
    }

    @Test func excerptsFoldWhiteSpaceAndClampSpans() {
        let scalars = Array("  one\n\n two\tthree  ".unicodeScalars)
        #expect(TextExcerpt.text(scalars, TextSpan(start: 0, end: 1000)) == "one two three")
        #expect(TextExcerpt.trimmed("\n  a b \t") == "a b")
        #expect(TextExcerpt.firstRange(of: Array("two".unicodeScalars), in: scalars) == TextSpan(start: 8, end: 11))
        #expect(TextExcerpt.firstRange(of: [], in: scalars) == nil)
    }
}
