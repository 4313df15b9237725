// libFuzzer target: the streamed JSON Lines reader against the whole-file reader.
// The first input byte picks the chunk size (1–256 bytes, so lines straddle many chunks);
// the rest is written to a .jsonl file. Streaming must give the documents, lines and
// warnings the whole-file reader gives, in order, and re-reading each document by its
// location must give it back.
import Foundation
@testable import SyndicationScan

private let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("syndetect-fuzz-\(getpid()).jsonl").path

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStreamedReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let chunkSize = Int(data[0]) + 1
    let bytes = Data(bytes: data + 1, count: size - 1)
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }

    var candidates: [CorpusReader.Candidate] = []
    var wholeWarnings: [Diagnostic] = []
    JSONLinesReader(path: path).read(bytes, into: &candidates, warnings: &wholeWarnings)

    let corpus = JSONLinesCorpus(paths: [path], chunkSize: chunkSize)
    var records: [SourceRecord] = []
    let streamedWarnings = corpus.readAll(threads: 1) { records += $0 }
    require(records.map(\.document) == candidates.map(\.document),
            "streamed \(records.count) documents differ from the whole-file reader's \(candidates.count)")
    require(records.map(\.line) == candidates.map(\.line), "streamed lines differ")
    require(streamedWarnings.map(\.description) == wholeWarnings.map(\.description),
            "streamed warnings \(streamedWarnings) differ from \(wholeWarnings)")
    let reread = corpus.documents(at: records.map(\.location), threads: 1)
    require(reread == records.map(\.document), "documents read again by location differ")
    return 0
}
