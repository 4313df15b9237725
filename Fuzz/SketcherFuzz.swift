// libFuzzer target: DocumentSketcher's one-pass path from raw bytes equals the general path
// (AnalyzedText → Shingling.hashes → SortedHashSet → MinHasher) on every input, including
// malformed UTF-8, which the general path repairs to U+FFFD.
import SyndicationEngine

/// The parameter sets the fuzzer cycles through (picked by the input's length, so the bytes
/// themselves stay free text).
let sketcherParameters: [MinHashParameters] = [
    MinHashParameters(),
    MinHashParameters(permutationCount: 128, seed: 0x5EED),
    MinHashParameters(permutationCount: 31, seed: 7, shingling: Shingling(unit: .words, size: 2, seed: 5)),
    MinHashParameters(permutationCount: 16, seed: 3, shingling: Shingling(unit: .characters, size: 4)),
    MinHashParameters(permutationCount: 12, seed: 9, scheme: .classic, shingling: Shingling(unit: .words, size: 1)),
]
let sketchers = sketcherParameters.map { DocumentSketcher(parameters: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSketcher(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let choice = size % sketchers.count
    let sketcher = sketchers[choice]
    let parameters = sketcherParameters[choice]
    let analyzed = AnalyzedText(text(data, size))
    let expectedHashes = parameters.shingling.hashes(of: analyzed)
    let expected = MinHasher(parameters: parameters).signature(of: SortedHashSet.make(expectedHashes))
    require(sketcher.signature(utf8: bytes) == expected,
            "sketcher signature differs from the general path under \(parameters)")
    require(sketcher.shingleHashes(utf8: bytes) == expectedHashes,
            "sketcher shingle hashes differ from the general path under \(parameters)")
    return 0
}
