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
        let count = hashCount(of: text, tokens: range)
        guard count > 0 else { return [] }
        return [UInt64](unsafeUninitializedCapacity: count) { result, initialized in
            initialized = writeHashes(of: text, tokens: range, into: result.baseAddress!)
        }
    }

    /// How many hashes ``hashes(of:tokens:)`` gives for the tokens `range` of `text`.
    public func hashCount(of text: AnalyzedText, tokens range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        switch unit {
        case .words:
            return Swift.max(1, range.count - size + 1)
        case .characters:
            let length = Int(text.tokens[range.upperBound - 1].foldedEnd) - Int(text.tokens[range.lowerBound].foldedStart)
            return Swift.max(1, length - size + 1)
        }
    }

    /// Writes ``hashes(of:tokens:)`` of the tokens `range` of `text` to `output`, which has
    /// room for ``hashCount(of:tokens:)`` of them, and returns how many it wrote: the same
    /// hashes without an array of their own, for callers that reuse one buffer.
    ///
    /// - Complexity: O(*n*) hashes in the size of the range.
    public func writeHashes(of text: AnalyzedText, tokens range: Range<Int>, into output: UnsafeMutablePointer<UInt64>) -> Int {
        guard !range.isEmpty else { return 0 }
        let firstByte = Int(text.tokens[range.lowerBound].foldedStart)
        let lastByte = Int(text.tokens[range.upperBound - 1].foldedEnd)
        return text.folded.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!
            switch unit {
            case .words:
                let count = Swift.max(1, range.count - size + 1)
                // Single words are mostly at most 16 bytes, and so are many word pairs and
                // trigrams ("of the city"); shingles of more words are mostly longer.
                let short = size <= 3
                text.tokens.withUnsafeBufferPointer { tokens in
                    for offset in 0..<count {
                        let first = Int(tokens[range.lowerBound &+ offset].foldedStart)
                        let last = Int(tokens[Swift.min(range.upperBound, range.lowerBound &+ offset &+ size) &- 1].foldedEnd)
                        let bytes = UnsafeRawBufferPointer(start: base + first, count: last &- first)
                        output[offset] = short ? XXHash.hash64Short(bytes, seed: seed) : XXHash.hash64(bytes, seed: seed)
                    }
                }
                return count
            case .characters:
                let length = lastByte - firstByte
                // A stream shorter than one shingle gives one shingle of all of it.
                guard length > size else {
                    output[0] = XXHash.hash64(UnsafeRawBufferPointer(start: base + firstByte, count: length), seed: seed)
                    return 1
                }
                let count = length - size + 1
                let start = base + firstByte
                // Five bytes, the sentence shingles' size, as a constant: XXH3's branches on
                // the length fold away, or eight windows go at a time (``WindowHashes``).
                if size == 5 {
                    Self.characterHashes(start, count: count, size: 5, seed: seed, into: output)
                } else {
                    Self.characterHashes(start, count: count, size: size, seed: seed, into: output)
                }
                return count
            }
        }
    }

    /// ``writeHashes(of:tokens:into:)`` that sorts them as well: writes the hashes of the
    /// tokens `range` of `text` to `output` as it does and returns how many, with their sorted
    /// distinct set (``SortedHashSet/make(sorting:workspace:)`` of them), `workspace` having
    /// room for ``SortedHashSet/workspaceCount(for:)`` of ``hashCount(of:tokens:)`` words.
    /// Character 5-shingles and single words, the sentence profiles' sets, go into the sort's
    /// table as they are made, in one pass; other shinglings are written, then sorted.
    ///
    /// - Complexity: expected O(*n*) in the size of the range.
    public func writeHashes(
        of text: AnalyzedText, tokens range: Range<Int>, into output: UnsafeMutablePointer<UInt64>,
        sortingWith workspace: UnsafeMutablePointer<UInt64>
    ) -> (count: Int, set: [UInt64]) {
        let count = hashCount(of: text, tokens: range)
        let isCharacters = unit == .characters && size == 5
        guard count > 1, count <= SortedHashSet.tableLimit, isCharacters || (unit == .words && size == 1) else {
            let written = writeHashes(of: text, tokens: range, into: output)
            return (written, SortedHashSet.make(sorting: UnsafeMutableBufferPointer(start: output, count: written), workspace: workspace))
        }
        var table = SortedHashSet.AddressTable(count: count, workspace: workspace)
        let seed = seed
        text.folded.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!
            if isCharacters {
                // More than one hash: the stream is longer than one shingle. The hashes are
                // written first, eight windows at a time where the processor can, then filed.
                Self.characterHashes(
                    base + Int(text.tokens[range.lowerBound].foldedStart), count: count, size: 5, seed: seed, into: output)
                var written = UnsafePointer(output)
                let end = written + count
                while written < end {
                    table.insert(written.pointee)
                    written += 1
                }
            } else {
                text.tokens.withUnsafeBufferPointer { tokens in
                    var token = tokens.baseAddress! + range.lowerBound
                    let end = token + count
                    var written = output
                    while token < end {
                        let first = Int(token.pointee.foldedStart)
                        let hash = XXHash.hash64Short(
                            UnsafeRawBufferPointer(start: base + first, count: Int(token.pointee.foldedEnd) &- first), seed: seed)
                        written.initialize(to: hash)
                        table.insert(hash)
                        token += 1
                        written += 1
                    }
                }
            }
        }
        let set = table.isCrowded
            ? SortedHashSet.standardSorted(UnsafeBufferPointer(start: output, count: count)) : table.sortedSet()
        return (count, set)
    }

    /// Runs of at least this many five-byte windows are hashed eight at a time where the
    /// processor can (``WindowHashes``); shorter ones, one at a time.
    static let vectorWindowCount = 12

    /// The hashes of the `count` windows of `size` bytes from `start`.
    @inline(__always)
    private static func characterHashes(
        _ start: UnsafeRawPointer, count: Int, size: Int, seed: UInt64, into output: UnsafeMutablePointer<UInt64>
    ) {
        if size == 5, count >= vectorWindowCount, WindowHashes.isAvailable {
            WindowHashes.hashes5(start, count: count, seed: seed, into: output)
            return
        }
        let short = size <= 16
        for offset in 0..<count {
            let bytes = UnsafeRawBufferPointer(start: start + offset, count: size)
            output[offset] = short ? XXHash.hash64Short(bytes, seed: seed) : XXHash.hash64(bytes, seed: seed)
        }
    }
}
