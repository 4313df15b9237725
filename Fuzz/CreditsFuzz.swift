// libFuzzer target: the credit detector.
import SyndicationEngine
import SyndicationScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCredits(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    let analyzed = AnalyzedText(input)
    let credits = CreditDetector().credits(in: analyzed)
    requireSpans(credits.map(\.span), within: analyzed.scalars.count, ordered: false, "credit")
    for credit in credits {
        require(!credit.name.isEmpty, "a credit with an empty name at \(credit.span)")
    }
    // The String entry point finds the same credits.
    require(CreditDetector().credits(in: input).map(\.span) == credits.map(\.span), "entry points disagree")
    _ = CreditDetector.creditedNames(credits)
    return 0
}
