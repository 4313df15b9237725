import Foundation

/// Folds a word to the form that shingles are hashed from.
///
/// ASCII words are lower-cased byte by byte. Other words go through Unicode NFKC
/// (compatibility composition: ligatures, full-width forms, superscripts) and lower-casing,
/// so that `ﬁnal`, `Ｆｉｎａｌ` and `FINAL` all fold to `final`. Quotation marks, dashes and
/// whitespace never reach a token: the tokenizer treats them as separators, so curly and
/// straight quotes, en and em dashes, and runs of spaces or line breaks all hash alike.
public enum TokenNormalizer {
    /// Appends the folded UTF-8 bytes of `scalars[range]` to `output`.
    ///
    /// A word of ASCII and ``SelfFoldingScalars`` (lower-case accented Latin, Greek, Cyrillic,
    /// kana, CJK, Hangul) is its own NFKC form, so it is written as it is with ASCII capitals
    /// lower-cased; only other words are normalised.
    ///
    /// - Complexity: O(*n*) for such words; about a microsecond per other non-ASCII word.
    public static func appendFolded(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, to output: inout [UInt8]
    ) {
        var isASCII = true
        var foldsToItself = true
        for index in range where scalars[index].value >= 0x80 {
            isASCII = false
            if !SelfFoldingScalars.contains(scalars[index].value) {
                foldsToItself = false
                break
            }
        }
        if isASCII {
            for index in range {
                var byte = UInt8(truncatingIfNeeded: scalars[index].value)
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                output.append(byte)
            }
            return
        }
        if foldsToItself {
            for index in range {
                let value = scalars[index].value
                if value < 0x80 {
                    let byte = UInt8(truncatingIfNeeded: value)
                    output.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                } else {
                    output.append(contentsOf: UTF8.encode(scalars[index])!)
                }
            }
            return
        }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[range])
        let folded = String(word).precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in folded.unicodeScalars where isWordScalar(scalar) {
            output.append(contentsOf: String(scalar).utf8)
        }
    }

    /// The folded form of one word, for tests and lookups.
    public static func folded(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var bytes: [UInt8] = []
        scalars.withUnsafeBufferPointer { appendFolded($0, 0..<scalars.count, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a scalar belongs inside a word: letters, digits and combining marks.
    ///
    /// ASCII, ``SelfFoldingScalars`` (letters) and the General Punctuation block (U+2000–U+206F:
    /// spaces, dashes, quotation marks, bullets; no letter, digit or mark) are answered at once;
    /// other code points from their Unicode properties, which costs a few hundred instructions
    /// (callgrind). The lookup stands in a function of its own: a function that reads Unicode
    /// properties sets up their metadata on entry, about ninety instructions, even when it
    /// returns on the ASCII path.
    @inlinable @inline(__always)
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A)
        }
        if SelfFoldingScalars.contains(value) { return true }
        if value &- 0x2000 < 0x70 { return false }
        return isWordScalarByProperties(scalar)
    }

    /// ``isWordScalar(_:)`` from the Unicode properties alone.
    @usableFromInline @inline(never)
    static func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
