import SyndicationEngine

/// What the census needs of a text's lines — each line's key and whether it is furniture —
/// and its length in code points, found without an ``AnalyzedText``.
///
/// The lines are ``SentenceSplitter/lines(in:)``'s, as ``AnalyzedText/lines``; each line's
/// words are folded into a scratch buffer with ``TokenNormalizer``, single-spaced, exactly as
/// ``AnalyzedText`` folds them into its stream, and hashed as
/// ``BoilerplateDetector/lineKeys(of:)`` hashes that stream's stretch for the line. Lines
/// without words have no key, as there. What is skipped: the token list, the document's folded
/// stream and the sentences, which the census never reads.
///
/// The keys and flags equal those of the analysed text (`CensusLinesTests`).
struct CensusLines {
    /// The key of each line with words, in text order.
    var keys: [UInt64] = []
    /// Whether each of those lines is furniture (``BoilerplateDetector/isFurniture(_:in:wordLimit:)``).
    var isFurniture: [Bool] = []
    /// The text's length in code points.
    var length: Int

    /// The lines of `text`.
    ///
    /// - Complexity: O(*n*) in the text's length.
    init(_ text: String) {
        let scalars = AnalyzedText.scalars(of: text)
        length = scalars.count
        var keys: [UInt64] = []
        var isFurniture: [Bool] = []
        var folded: [UInt8] = []
        scalars.withUnsafeBufferPointer { buffer in
            // A line's words and the single spaces between them never outnumber its code points.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, buffer.count)) { scratch in
                for line in SentenceSplitter.lines(in: buffer) {
                    let words: Int
                    let key: UInt64
                    if let ascii = Self.foldASCII(line, buffer, into: scratch) {
                        let bytes = UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: scratch[0..<ascii.count]))
                        (words, key) = (ascii.words, XXHash.hash64(bytes, seed: BoilerplateDetector.lineKeySeed))
                    } else {
                        (words, key) = Self.fold(line, buffer, into: &folded)
                    }
                    guard words > 0 else { continue }
                    keys.append(key)
                    isFurniture.append(BoilerplateDetector.isFurniture(line, in: buffer, words: words))
                }
            }
        }
        self.keys = keys
        self.isFurniture = isFurniture
    }

    /// Folds the words of a line whose words are all ASCII into `scratch`, single-spaced, and
    /// returns the byte count and the word count; nil when a word has a code point outside
    /// ASCII (``fold(_:_:into:)`` takes the line then).
    @inline(__always)
    private static func foldASCII(
        _ line: TextSpan, _ buffer: UnsafeBufferPointer<Unicode.Scalar>, into scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> (count: Int, words: Int)? {
        var count = 0
        var words = 0
        var index = line.start
        while index < line.end {
            let value = buffer[index].value
            if value >= 0x80 {
                if TokenNormalizer.isWordScalar(buffer[index]) { return nil }
                index += 1
                continue
            }
            guard isASCIIWordScalar(value) else { index += 1; continue }
            if count > 0 {
                scratch[count] = 0x20
                count += 1
            }
            while index < line.end {
                let value = buffer[index].value
                guard value < 0x80, isASCIIWordScalar(value) else { break }
                // ASCII capitals lower-cased, as ``TokenNormalizer/appendFolded(_:_:to:)`` does.
                let byte = UInt8(truncatingIfNeeded: value)
                scratch[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                count += 1
                index += 1
            }
            // The word goes on with a code point outside ASCII ("café").
            if index < line.end, buffer[index].value >= 0x80, TokenNormalizer.isWordScalar(buffer[index]) { return nil }
            words += 1
        }
        return (count, words)
    }

    /// ``TokenNormalizer/isWordScalar(_:)`` for a code point below 0x80: `0-9`, `A-Z`, `a-z`.
    @inline(__always)
    private static func isASCIIWordScalar(_ value: UInt32) -> Bool {
        value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26
    }

    /// Folds the words of any line into `folded`, single-spaced, with ``TokenNormalizer``, and
    /// returns the word count and the line key.
    private static func fold(
        _ line: TextSpan, _ buffer: UnsafeBufferPointer<Unicode.Scalar>, into folded: inout [UInt8]
    ) -> (words: Int, key: UInt64) {
        folded.removeAll(keepingCapacity: true)
        var words = 0
        var index = line.start
        while index < line.end {
            guard TokenNormalizer.isWordScalar(buffer[index]) else { index += 1; continue }
            let start = index
            while index < line.end, TokenNormalizer.isWordScalar(buffer[index]) { index += 1 }
            let separator = folded.count
            if !folded.isEmpty { folded.append(0x20) }
            let wordStart = folded.count
            TokenNormalizer.appendFolded(buffer, start..<index, to: &folded)
            // A word of marks only folds to nothing; it and its separator go.
            if folded.count == wordStart { folded.removeSubrange(separator...) } else { words += 1 }
        }
        return (words, folded.withUnsafeBytes { XXHash.hash64($0, seed: BoilerplateDetector.lineKeySeed) })
    }
}
