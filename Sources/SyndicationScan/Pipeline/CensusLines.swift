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
            for line in SentenceSplitter.lines(in: buffer) {
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
                    if buffer[start..<index].allSatisfy({ $0.isASCII }) {
                        // ASCII folds byte by byte, as in ``TokenNormalizer/appendFolded(_:_:to:)``.
                        for scalar in buffer[start..<index] {
                            let byte = UInt8(truncatingIfNeeded: scalar.value)
                            folded.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                        }
                        words += 1
                        continue
                    }
                    TokenNormalizer.appendFolded(buffer, start..<index, to: &folded)
                    // A word of marks only folds to nothing; it and its separator go.
                    if folded.count == wordStart { folded.removeSubrange(separator...) } else { words += 1 }
                }
                guard words > 0 else { continue }
                keys.append(folded.withUnsafeBytes { XXHash.hash64($0, seed: BoilerplateDetector.lineKeySeed) })
                isFurniture.append(BoilerplateDetector.isFurniture(line, in: buffer, words: words))
            }
        }
        self.keys = keys
        self.isFurniture = isFurniture
    }
}
