// libFuzzer target: the input readers on raw bytes: DecodedText, JSON Lines, CSV manifests.
import Foundation
@testable import SyndicationScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let decoded = DecodedText(decoding: bytes)
    require(!decoded.isBinary || decoded.text.isEmpty, "a binary file decoded to text")
    if let line = decoded.problemLine { require(line >= 1, "problem line \(line)") }

    var candidates: [CorpusReader.Candidate] = []
    var warnings: [Diagnostic] = []
    JSONLinesReader(path: "fuzz.jsonl").read(bytes, into: &candidates, warnings: &warnings)
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for candidate in candidates {
        require(!candidate.document.id.isEmpty, "a document with an empty id")
        require((candidate.line ?? 0) >= 1 && (candidate.line ?? 0) <= lineCount, "line \(candidate.line ?? -1) of \(lineCount)")
    }
    for warning in warnings {
        require(warning.file == "fuzz.jsonl", "a warning names \(warning.file)")
        if let line = warning.line { require(line >= 1 && line <= lineCount, "warning line \(line) of \(lineCount)") }
    }
    let resolved = CorpusReader.resolve(candidates, warnings: warnings)
    require(Set(resolved.documents.map(\.id)).count == resolved.documents.count, "duplicate ids survived")

    let table = CSVTable(parsing: decoded.text)
    for record in table.records { require(record.line >= 1, "record line \(record.line)") }
    let manifest = Manifest(text: decoded.text, path: "manifest.csv")
    var document = Document(id: "x", title: nil, text: "text", origin: "x")
    var manifestWarnings: [Diagnostic] = []
    for row in manifest.rows { row.apply(to: &document, manifestPath: "manifest.csv", warnings: &manifestWarnings) }
    return 0
}
