/// A document's text taken apart once for everything that follows: the original code points,
/// the words with their offsets, the folded word bytes that shingles hash, and the sentences
/// and lines.
///
/// Offsets are Unicode code points into the original text, half-open.
public struct AnalyzedText: Sendable {
    /// The original text as code points; every ``TextSpan`` indexes this array.
    public let scalars: [Unicode.Scalar]
    /// The words in text order.
    public let tokens: [Token]
    /// The folded words' UTF-8 bytes, one space between consecutive words.
    public let folded: [UInt8]
    /// Sentences in text order, never crossing a line break.
    public let sentences: [TextSpan]
    /// Non-empty lines (paragraphs) in text order.
    public let lines: [TextSpan]

    /// Analyses `text`.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    /// Analyses text already decoded into code points.
    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var folded: [UInt8] = []
        folded.reserveCapacity(scalars.count)
        var sentences: [TextSpan] = []
        var lines: [TextSpan] = []
        scalars.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                guard TokenNormalizer.isWordScalar(buffer[index]) else { index += 1; continue }
                let start = index
                while index < buffer.count, TokenNormalizer.isWordScalar(buffer[index]) { index += 1 }
                if !folded.isEmpty { folded.append(0x20) }
                let foldedStart = folded.count
                TokenNormalizer.appendFolded(buffer, start..<index, to: &folded)
                if folded.count == foldedStart {
                    // A word of marks only folds to nothing; drop it and its separator.
                    if !folded.isEmpty { folded.removeLast() }
                    continue
                }
                tokens.append(Token(
                    start: Int32(start), end: Int32(index),
                    foldedStart: Int32(foldedStart), foldedEnd: Int32(folded.count)))
            }
            sentences = SentenceSplitter.sentences(in: buffer)
            lines = SentenceSplitter.lines(in: buffer)
        }
        self.tokens = tokens
        self.folded = folded
        self.sentences = sentences
        self.lines = lines
    }

    /// The original text of a span.
    public func text(of span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    /// The indices of the tokens that lie inside `span`.
    ///
    /// - Complexity: O(log *n*) in the token count.
    public func tokenRange(in span: TextSpan) -> Range<Int> {
        let lower = firstToken(endingAfter: span.start)
        var upper = lower
        var low = lower
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].start) < span.end { low = middle + 1 } else { high = middle }
        }
        upper = low
        return lower..<Swift.max(lower, upper)
    }

    private func firstToken(endingAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].end) <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The folded form of a token, for display and tests.
    public func foldedWord(_ index: Int) -> String {
        let token = tokens[index]
        return String(decoding: folded[Int(token.foldedStart)..<Int(token.foldedEnd)], as: UTF8.self)
    }
}
