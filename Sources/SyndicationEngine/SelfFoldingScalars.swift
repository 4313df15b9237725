/// Code points that ``TokenNormalizer`` folds to themselves *in any word*, so that a word made
/// of them and of ASCII letters and digits folds to its own bytes with ASCII capitals
/// lower-cased, and the NFKC step can be skipped.
///
/// A code point *c* belongs here only if, for every *c* in the ranges below:
/// - it is a word code point (``TokenNormalizer/isWordScalar(_:)``);
/// - `TokenNormalizer.folded(String(c)) == String(c)`: NFKC and lower-casing leave it alone;
/// - its canonical combining class is 0, and the first code point of its canonical
///   decomposition is never a non-first code point of any code point's canonical
///   decomposition. Then NFKC composition never joins it to the code point before it
///   (Unicode Standard Annex #15, canonical composition: only a code point that is the second
///   half of a decomposition pair can join its predecessor), and nothing reorders across it.
///
/// So NFKC of a word of such code points and ASCII is the concatenation of what each folds
/// to, and lower-casing maps code point by code point. The tests check all three conditions
/// for every code point of every range, against Foundation's own normalisation; the ranges
/// hold lower-case Latin-1, Greek and Cyrillic letters, kana, CJK ideographs and Hangul
/// syllables (upper-case letters fold to other code points and are not here).
@usableFromInline
enum SelfFoldingScalars {
    /// The ranges, for tests and documentation.
    static let ranges: [ClosedRange<UInt32>] = [
        0xDF...0xF6, 0xF8...0xFF,  // ß à … ö, ø … ÿ
        0x3AC...0x3CE,  // Greek lower-case letters with and without tonos
        0x430...0x45F,  // Cyrillic lower-case letters
        0x3041...0x3096,  // Hiragana
        0x30A1...0x30FA,  // Katakana
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xAC00...0xD7A3,  // Hangul syllables
    ]

    /// Whether the code point `value` is in one of ``ranges``.
    @inlinable @inline(__always)
    static func contains(_ value: UInt32) -> Bool {
        if value < 0x3041 {
            if value < 0x100 { return value >= 0xDF && value != 0xF7 }
            return value &- 0x3AC < 0x23 || value &- 0x430 < 0x30
        }
        return value &- 0xAC00 < 0x2BA4 || value &- 0x4E00 < 0x5200 || value &- 0x3041 < 0x56
            || value &- 0x30A1 < 0x5A
    }
}
