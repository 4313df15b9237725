import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// ``CreditToken/tokenize(_:narrowed:_:)`` reads words sixteen code points at a time from the
/// narrowed copy and makes the tokens ``CreditToken/tokenize(_:_:)`` makes.
@Suite struct CreditTokenBlockTests {
    static let pieces = [
        "Reuters", "AFP", "dpa/nik", "France-Presse", "L'Orient-Le", "U.S.", "AT&T", "Times's", "Globe’s", "2005",
        "10th", "\u{212A}elvin", "é", "Ünal", "Zürich", "東京", "—", "–", "-", "(", ")", ":", ",", ".", "'", "’", "&",
        "\u{2011}", "a-", "-b", "x.y", "n'", "abcdefghijklmnopqrstuvwxyz0123456789", "Straße", "ǅemal", "٣",
    ]

    @Test func blockTokensEqualThePlainOnes() {
        var generator = SeededGenerator(seed: 0x70CE_4B10)
        var mismatches: [String] = []
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
                text += CreditLineFilterTests.spaces.randomElement(using: &generator)!
                if Int.random(in: 0..<8, using: &generator) == 0 { text += "\n" }
            }
            CreditLineFilterTests.forEachSpan(of: text, using: &generator) { buffer, narrowed, span in
                let plain = CreditToken.tokenize(buffer, span)
                let blocks = CreditToken.tokenize(buffer, narrowed: narrowed, span)
                let same = plain.count == blocks.count && zip(plain, blocks).allSatisfy { a, b in
                    a.start == b.start && a.end == b.end && a.mark == b.mark && a.isWord == b.isWord
                        && a.isCapitalised == b.isCapitalised && a.isNumber == b.isNumber
                        && a.isPossessive == b.isPossessive
                }
                if !same { mismatches.append(String(String.UnicodeScalarView(buffer[span.start..<span.end]))) }
            }
        }
        #expect(mismatches == [])
    }
}
