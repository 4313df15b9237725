// libFuzzer target: normaliser and tokeniser (AnalyzedText, TokenNormalizer).
import SyndicationEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzedText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    let analyzed = AnalyzedText(input)
    let count = analyzed.scalars.count
    var previousEnd: Int32 = 0
    for (index, token) in analyzed.tokens.enumerated() {
        require(token.start >= previousEnd && token.start < token.end && Int(token.end) <= count,
                "token \(index) [\(token.start), \(token.end)) out of order or bounds (\(count) scalars)")
        require(token.foldedStart < token.foldedEnd && Int(token.foldedEnd) <= analyzed.folded.count,
                "token \(index) folded range out of bounds")
        previousEnd = token.end
        _ = analyzed.foldedWord(index)
    }
    // Folded bytes are valid UTF-8.
    require(String(validating: analyzed.folded, as: UTF8.self) != nil, "folded bytes are not UTF-8")
    requireSpans(analyzed.sentences, within: count, ordered: true, "sentence")
    requireSpans(analyzed.lines, within: count, ordered: true, "line")
    for span in analyzed.sentences {
        let range = analyzed.tokenRange(in: span)
        require(range.lowerBound >= 0 && range.upperBound <= analyzed.tokens.count, "token range out of bounds")
        _ = analyzed.text(of: span)
    }
    // Folding is stable: a folded word folds to itself.
    if let first = analyzed.tokens.indices.first {
        let word = analyzed.foldedWord(first)
        require(TokenNormalizer.folded(word) == word || word.unicodeScalars.contains { $0.value >= 0x80 },
                "ASCII folding is not idempotent for \(word)")
    }
    return 0
}
