import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// ``CreditLineMemo``: texts read one after another through one memo get the credits each
/// gets alone, when they share lines (at other offsets, as list items or not, with lines that
/// differ by one code point) and when they do not.
@Suite struct CreditLineMemoTests {
    /// A line of generated credit forms (mostly) or prose, sometimes a bullet item.
    static func line(using generator: inout SeededGenerator) -> String {
        let text = Int.random(in: 0..<4, using: &generator) > 0
            ? CreditLineFilterTests.generatedLine(using: &generator) : CreditLineFilterTests.proseLine(using: &generator)
        return Int.random(in: 0..<5, using: &generator) == 0 ? ["- ", "* ", "\u{2022} ", "\u{2014} "].randomElement(using: &generator)! + text : text
    }

    /// A copy of `line` with one code point changed, or as it is.
    static func edited(_ line: String, using generator: inout SeededGenerator) -> String {
        var scalars = Array(line.unicodeScalars)
        guard !scalars.isEmpty, Bool.random(using: &generator) else { return line }
        let index = Int.random(in: 0..<scalars.count, using: &generator)
        scalars[index] = ["x", "E", "é", ".", "("].randomElement(using: &generator)!
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func memoisedCreditsEqualThePlainOnes() {
        var generator = SeededGenerator(seed: 0x3E30_C4ED)
        let detector = CreditDetector()
        var mismatches: [String] = []
        var reused = 0
        var credited = 0
        for _ in 0..<600 {
            let pool = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.line(using: &generator) }
            let memo = CreditLineMemo()
            let count = Int.random(in: 1...5, using: &generator)
            for number in 0..<count {
                // Lines drawn from the shared pool (some edited) and new ones, in any order.
                var lines: [String] = []
                for _ in 0..<Int.random(in: 1...8, using: &generator) {
                    if Int.random(in: 0..<4, using: &generator) == 0 {
                        lines.append(Self.line(using: &generator))
                    } else {
                        lines.append(Self.edited(pool.randomElement(using: &generator)!, using: &generator))
                    }
                }
                let separator = ["\n", "\n\n", "\r\n", "\n \n"].randomElement(using: &generator)!
                let text = AnalyzedText(lines.joined(separator: separator))
                memo.isKeeping = number + 1 < count || Bool.random(using: &generator)
                let wasEmpty = memo.isEmpty
                let plain = detector.credits(in: text)
                let memoised = detector.credits(in: text, memo: memo)
                if memoised != plain { mismatches.append(lines.joined(separator: separator)) }
                if !wasEmpty { reused += 1 }
                if !plain.isEmpty { credited += 1 }
            }
        }
        #expect(mismatches == [])
        // Many texts were read through a memo holding lines, and many have credits.
        #expect(reused > 500)
        #expect(credited > 300)
    }

    /// A line met again in another text takes its credits, moved to where it stands, and only
    /// as the same kind of item.
    @Test func aLineMetAgainTakesItsCreditsWhereItStands() {
        let detector = CreditDetector()
        let memo = CreditLineMemo()
        let first = AnalyzedText("LONDON (Reuters) - Markets fell.\n- AFP")
        let second = AnalyzedText("Intro line here.\nLONDON (Reuters) - Markets fell.\n- AFP\n- dpa")
        #expect(detector.credits(in: first, memo: memo) == detector.credits(in: first))
        #expect(detector.credits(in: second, memo: memo) == detector.credits(in: second))
        #expect(detector.credits(in: second).map(\.name).contains("Reuters"))
    }
}
