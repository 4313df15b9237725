/// How a text is cut into shingles before hashing.
///
/// A *word* shingle is *k* consecutive folded words; a *character* shingle is *n* consecutive
/// bytes of the folded word stream (single spaces between words, no punctuation), so that it
/// is blind to quote glyphs, dashes and white space. Each shingle is hashed with XXH3-64
/// under ``seed``.
public struct Shingling: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What a shingle is made of.
    public enum Unit: String, Hashable, Codable, Sendable {
        /// Consecutive folded words.
        case words
        /// Consecutive bytes of the folded word stream.
        case characters
    }

    /// What a shingle is made of.
    public var unit: Unit
    /// How many units make one shingle.
    public var size: Int
    /// The XXH3 seed of every shingle hash.
    public var seed: UInt64

    /// Shingles of `size` units, hashed with `seed`.
    public init(unit: Unit, size: Int, seed: UInt64 = 0) {
        precondition(size >= 1, "a shingle holds at least one unit")
        self.unit = unit
        self.size = size
        self.seed = seed
    }

    /// Word 5-shingles with seed 0, the document-level default.
    public static let words5 = Shingling(unit: .words, size: 5)

    public var description: String { "\(unit.rawValue)-\(size)@\(seed)" }

    /// The shingle hashes of the tokens `tokenRange` of `text`, in text order, repeats kept.
    /// A range shorter than one shingle yields one shingle of what is there.
    ///
    /// - Complexity: O(*n*) hashes in the size of the range.
    public func hashes(of text: AnalyzedText, tokens tokenRange: Range<Int>? = nil) -> [UInt64] {
        let range = tokenRange ?? 0..<text.tokens.count
        guard !range.isEmpty else { return [] }
        let firstByte = Int(text.tokens[range.lowerBound].foldedStart)
        let lastByte = Int(text.tokens[range.upperBound - 1].foldedEnd)
        return text.folded.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!
            switch unit {
            case .words:
                let count = Swift.max(1, range.count - size + 1)
                // Single words are mostly at most 16 bytes, shingles of several longer.
                let short = size == 1
                return text.tokens.withUnsafeBufferPointer { tokens in
                    [UInt64](unsafeUninitializedCapacity: count) { result, initialized in
                        for offset in 0..<count {
                            let first = Int(tokens[range.lowerBound &+ offset].foldedStart)
                            let last = Int(tokens[Swift.min(range.upperBound, range.lowerBound &+ offset &+ size) &- 1].foldedEnd)
                            let bytes = UnsafeRawBufferPointer(start: base + first, count: last &- first)
                            result[offset] = short ? XXHash.hash64Short(bytes, seed: seed) : XXHash.hash64(bytes, seed: seed)
                        }
                        initialized = count
                    }
                }
            case .characters:
                let length = lastByte - firstByte
                // A stream shorter than one shingle gives one shingle of all of it.
                guard length > size else {
                    return [XXHash.hash64(UnsafeRawBufferPointer(start: base + firstByte, count: length), seed: seed)]
                }
                let count = length - size + 1
                let short = size <= 16
                return [UInt64](unsafeUninitializedCapacity: count) { result, initialized in
                    let start = base + firstByte
                    for offset in 0..<count {
                        let bytes = UnsafeRawBufferPointer(start: start + offset, count: size)
                        result[offset] = short ? XXHash.hash64Short(bytes, seed: seed) : XXHash.hash64(bytes, seed: seed)
                    }
                    initialized = count
                }
            }
        }
    }
}
