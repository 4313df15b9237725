/// A document's words as ``DocumentSketcher`` folded them on its way to a signature: the
/// folded stream (each word followed by one space, as ``AnalyzedText/folded`` holds the words
/// with a space after the last), where each word starts in it and in the UTF-8 input, and the
/// text's length in code points. Lent for the duration of one call; nothing is copied.
///
/// The words and their folded bytes are ``AnalyzedText``'s (`DocumentSketcherTests` and
/// `CensusLinesTests` pin them), so a caller that also needs per-line keys of the folded
/// words can cut them from here instead of folding the text a second time.
package struct FoldedWords {
    /// The folded stream, each word followed by one space.
    package let folded: UnsafeRawBufferPointer
    /// Where each word starts in ``folded``, plus one entry after the last: the stream's
    /// length, so that word *i* ends one byte (its space) before entry *i* + 1.
    package let foldedStarts: UnsafeBufferPointer<Int32>
    /// Where each word starts in the UTF-8 input, ascending.
    package let inputStarts: UnsafeBufferPointer<Int32>
    /// The input's length in Unicode code points.
    package let scalarCount: Int

    /// The number of words.
    package var count: Int { inputStarts.count }

    /// The folded bytes of words `words` (lower bound included, upper excluded), single-spaced,
    /// without a space at either end; empty for no words.
    package func bytes(of words: Range<Int>) -> UnsafeRawBufferPointer {
        guard !words.isEmpty else { return UnsafeRawBufferPointer(start: folded.baseAddress, count: 0) }
        let start = Int(foldedStarts[words.lowerBound])
        return UnsafeRawBufferPointer(rebasing: folded[start..<Int(foldedStarts[words.upperBound]) - 1])
    }
}
