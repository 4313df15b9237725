// libFuzzer target: sentence and line splitting, datelines and quotations.
import SyndicationEngine
@testable import SyndicationScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentenceSplitter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let scalars = Array(text(data, size).unicodeScalars)
    let (lines, sentences) = scalars.withUnsafeBufferPointer {
        (SentenceSplitter.lines(in: $0), SentenceSplitter.sentences(in: $0))
    }
    requireSpans(lines, within: scalars.count, ordered: true, "line")
    requireSpans(sentences, within: scalars.count, ordered: true, "sentence")
    // Every sentence lies inside one line.
    var lineIndex = 0
    for sentence in sentences {
        while lineIndex < lines.count, lines[lineIndex].end <= sentence.start { lineIndex += 1 }
        require(lineIndex < lines.count && lines[lineIndex].start <= sentence.start
                && sentence.end <= lines[lineIndex].end, "sentence \(sentence) crosses a line")
    }
    for line in lines {
        if let start = DatelineFinder.textStart(in: scalars, line: line) {
            require(start > line.start && start < line.end, "dateline end \(start) outside line \(line)")
        }
    }
    requireSpans(QuotationFinder.quotations(in: scalars), within: scalars.count, ordered: true, "quotation")
    return 0
}
