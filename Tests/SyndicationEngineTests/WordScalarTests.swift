import Foundation
import Testing
@testable import SyndicationEngine

/// The tokenizer (``WordFolding/words(of:)``) tells word code points from separators as
/// ``TokenNormalizer/isWordScalar(_:)`` does, for every code point of the first planes' common
/// blocks and for all of ASCII.
@Suite struct WordScalarTests {
    @Test func theTokenizerAgreesWithTheNormalizer() {
        var words = 0
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = TokenNormalizer.isWordScalar(scalar)
            // Between two letters, a word code point joins them into one word and any other
            // code point separates them.
            let scalars: [Unicode.Scalar] = ["a", scalar, "b", " ", scalar]
            let tokens = scalars.withUnsafeBufferPointer { WordFolding.words(of: $0).tokens }
            #expect(tokens.first?.end == (expected ? 3 : 1), "U+\(String(value, radix: 16))")
            if expected { words += 1 }
        }
        // Digits and both cases of the Latin letters are words; punctuation is not.
        #expect(words > 62)
    }

    /// The definition of a word code point from Unicode properties alone: letters (alphabetic),
    /// digits and other numbers, and combining marks.
    static func isWordByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The normalizer's shortcuts (ASCII, self-folding letters, General Punctuation) answer
    /// as the properties do, for every code point.
    @Test func theShortcutsAgreeWithUnicodeProperties() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(TokenNormalizer.isWordScalar(scalar) == Self.isWordByProperties(scalar), "U+\(String(value, radix: 16))")
        }
    }

    /// Words of ASCII and self-folding code points are written as they are (ASCII capitals
    /// lower-cased); the result equals NFKC and lower-casing, as for any other word.
    @Test func selfFoldingWordsFoldAsNFKCWould() {
        let words = ["Ärger", "straße", "ÉCOLE", "école", "Москва", "москва", "ΑΘΗΝΑ", "αθηνα", "東京2020", "서울Seoul",
                     "ﬁnal", "Ｆｉｎａｌ", "naïve", "İstanbul", "café"]
        for word in words {
            let reference = String(String(word.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
                .filter { Self.isWordByProperties($0) }))
            #expect(TokenNormalizer.folded(word) == reference, "\(word)")
        }
    }
}
