import SyndicationEngine

/// ``AnalyzedText/tokenRange(in:)`` for spans read in text order (sentences, lines): each
/// range is found by galloping on from the first token of the one before (Bentley and Yao,
/// "An almost optimal algorithm for unbounded searching", Inf. Process. Lett. 5(3), 1976)
/// rather than by two binary searches over the whole text, which costs about the logarithm
/// of the tokens passed over. A span that starts before the previous one's first token takes
/// the binary searches.
struct TokenCursor {
    /// The first token of the last range found (where the next search starts).
    private(set) var position = 0
    /// The end of the last range found: where the next range starts when the next span
    /// starts after the last one's tokens and before the next token ends (the next sentence,
    /// the next line).
    private var next = 0

    /// The indices of the tokens of `text` that lie inside `span`: `text.tokenRange(in: span)`.
    ///
    /// - Complexity: O(log *k*) in the tokens between the last range's start and this one's
    ///   end, O(log *n*) for a span out of order.
    mutating func tokenRange(in span: TextSpan, of text: AnalyzedText) -> Range<Int> {
        text.tokens.withUnsafeBufferPointer { tokens in
            // The range starts at the first token that ends after the span starts; tokens
            // before `position` are passed only when none of them ends after it.
            if position > tokens.count || (position > 0 && Int(tokens[position &- 1].end) > span.start) {
                let range = text.tokenRange(in: span)
                position = range.lowerBound
                next = range.upperBound
                return range
            }
            // The first token ending after the span's start: the one after the last range when
            // that range's last token ends by the start and the next one after it (tokens end
            // in order), else found by galloping.
            let lower = next > position && next <= tokens.count && Int(tokens[next &- 1].end) <= span.start
                && (next == tokens.count || Int(tokens[next].end) > span.start)
                ? next : Self.first(from: position, in: tokens) { Int($0.end) > span.start }
            let upper = Self.first(from: lower, in: tokens) { Int($0.start) >= span.end }
            position = lower
            next = upper
            return lower..<upper
        }
    }

    /// The first index from `start` of `tokens` whose token `isPast` says yes to (or the
    /// count), `isPast` being no, then yes, along the tokens: steps of 1, 2, 4, … from `start`
    /// to the first yes, then a binary search in the last step.
    @inline(__always)
    private static func first(from start: Int, in tokens: UnsafeBufferPointer<Token>, where isPast: (Token) -> Bool) -> Int {
        var low = start
        var high = start
        var step = 1
        while high < tokens.count, !isPast(tokens[high]) {
            low = high &+ 1
            high = low &+ step
            step &<<= 1
        }
        high = Swift.min(high, tokens.count)
        // Every token before `low` is no; `high` is the count or a yes.
        while low < high {
            let middle = (low &+ high) &>> 1
            if isPast(tokens[middle]) { high = middle } else { low = middle &+ 1 }
        }
        return low
    }
}
