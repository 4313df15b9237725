import Foundation
import Testing
@testable import SyndicationScan

/// ``JSONLinesCorpus`` reading in chunks (``JSONLinesChunks``), with or without a thread reading
/// ahead, and deriving from each record where it parses it, gives the records, warnings and
/// derived values of the whole file read at once by ``JSONLinesReader``, whatever the chunk
/// size and the number of threads.
@Suite struct JSONLinesChunksTests {
    /// A file of generated lines: documents of varied length, blank and bad lines, CRLF endings,
    /// a UTF-8 byte-order mark when `marked`, and no final newline when `unterminated`.
    static func makeFile(_ folder: TemporaryFolder, name: String, seed: UInt64, marked: Bool, unterminated: Bool) throws -> String {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var lines: [String] = []
        for index in 0..<(40 + next() % 40) {
            switch next() % 10 {
            case 0: lines.append("")
            case 1: lines.append(#"{"id": "bad\#(index)", "text": "#)
            case 2: lines.append(#"{"id": "r\#(index)", "text": "Carriage \u00e9 return.\n"}"# + "\r")
            default:
                let words = (0..<(next() % 120)).map { "w\($0 % 17)" }.joined(separator: " ")
                lines.append(#"{"id": "d\#(index % 30)", "outlet": "o\#(index % 3)", "text": "Story \#(index). \#(words)"}"#)
            }
        }
        var text = lines.joined(separator: "\n")
        if !unterminated { text += "\n" }
        return try folder.write(name, (marked ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    }

    /// What the whole file gives, read at once: documents with their files and lines, and warnings.
    static func whole(_ path: String) throws -> (documents: [Document], places: [String], warnings: [Diagnostic]) {
        var candidates: [CorpusReader.Candidate] = []
        var warnings: [Diagnostic] = []
        JSONLinesReader(path: path).read(try Data(contentsOf: URL(fileURLWithPath: path)), into: &candidates, warnings: &warnings)
        return (candidates.map(\.document), candidates.map { "\($0.file):\($0.line ?? 0)" }, warnings)
    }

    @Test(arguments: [(1, false, true), (2, false, true), (2, true, true), (3, true, true), (1, false, false), (2, true, false)])
    func chunkedReadingEqualsTheWholeFile(threads: Int, readsAhead: Bool, mapsFiles: Bool) throws {
        let folder = try TemporaryFolder()
        let paths = try (0..<4).map { seed in
            try Self.makeFile(folder, name: "f\(seed).jsonl", seed: UInt64(seed), marked: seed % 2 == 1, unterminated: seed >= 2)
        }
        var expected: (documents: [Document], places: [String], warnings: [Diagnostic]) = ([], [], [])
        for path in paths {
            let part = try Self.whole(path)
            expected.documents += part.documents
            expected.places += part.places
            expected.warnings += part.warnings
        }
        // Mapped chunks start on page boundaries: sizes below, at and across one page.
        for chunkSize in [1, 7, 100, 1_000, 4_096, 5_000, 8 << 20] {
            var corpus = JSONLinesCorpus(paths: paths, chunkSize: chunkSize)
            corpus.mapsFiles = mapsFiles
            var records: [SourceRecord] = []
            var derived: [String] = []
            let warnings = corpus.readAll(threads: threads, readsAhead: readsAhead, transforming: { record in
                (record, "\(record.document.id) \(record.location.line)")
            }, packing: { $0 }) { parts in
                for batch in parts {
                    records += batch.map(\.0)
                    derived += batch.map(\.1)
                }
            }
            #expect(records.map(\.document) == expected.documents, "chunk size \(chunkSize)")
            #expect(records.map { "\($0.file):\($0.line ?? 0)" } == expected.places, "chunk size \(chunkSize)")
            #expect(warnings == expected.warnings, "chunk size \(chunkSize)")
            #expect(derived == records.map { "\($0.document.id) \($0.location.line)" })
            #expect(corpus.documents(at: records.map(\.location), threads: threads) == expected.documents)
            var plain: [SourceRecord] = []
            #expect(corpus.readAll(threads: threads) { plain += $0 } == warnings)
            #expect(plain.map(\.location) == records.map(\.location))
            // Packed a few lines at a time on the workers: the same records in the same order,
            // in parts of at most that many, with the same warnings.
            for linesPerPart in [1, 3, 128] {
                var packing = corpus
                packing.linesPerPart = linesPerPart
                var parts: [[String]] = []
                let packedWarnings = packing.readAll(
                    threads: threads, readsAhead: readsAhead, transforming: { "\($0.document.id) \($0.location.line)" },
                    packing: { $0 }) { parts += $0 }
                #expect(parts.allSatisfy { !$0.isEmpty && $0.count <= linesPerPart })
                #expect(Array(parts.joined()) == derived)
                #expect(packedWarnings == warnings)
            }
        }
    }
}
