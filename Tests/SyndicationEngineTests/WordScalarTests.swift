import Testing
@testable import SyndicationEngine

/// The tokenizer's inline word test (``AnalyzedText/isWordScalar(_:)``) answers as
/// ``TokenNormalizer/isWordScalar(_:)`` does, for every code point of the first planes' common
/// blocks and for all of ASCII.
@Suite struct WordScalarTests {
    @Test func theInlineTestAgreesWithTheNormalizer() {
        var words = 0
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = TokenNormalizer.isWordScalar(scalar)
            #expect(AnalyzedText.isWordScalar(scalar) == expected, "U+\(String(value, radix: 16))")
            if expected { words += 1 }
        }
        // Digits and both cases of the Latin letters are words; punctuation is not.
        #expect(words > 62)
        #expect(AnalyzedText.isWordScalar("A") && AnalyzedText.isWordScalar("z") && AnalyzedText.isWordScalar("0"))
        #expect(!AnalyzedText.isWordScalar("@") && !AnalyzedText.isWordScalar("[") && !AnalyzedText.isWordScalar("`"))
        #expect(!AnalyzedText.isWordScalar("{") && !AnalyzedText.isWordScalar("/") && !AnalyzedText.isWordScalar(":"))
    }
}
