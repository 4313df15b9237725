import Foundation
import Testing
@testable import SyndicationScan

/// Folders, CSV manifests and text files streamed by ``StreamedCorpus`` give the scan the same
/// documents, origins and warnings, in the same order, as ``CorpusReader`` reading them whole.
@Suite struct StreamedCorpusTests {
    /// A corpus of every kind of input and most of their problems: nested folders, a manifest
    /// matching by file and by id (with a bad time, a missing file, an unmatched id, a file of
    /// another extension), two files with one id of which the first is empty, a hidden file,
    /// a binary file, a CSV manifest as input, a lone text file, a JSON Lines file and a path
    /// that does not exist. Copies across them make pairs, so texts are read again.
    static func makeCorpus(_ folder: TemporaryFolder) throws -> [String] {
        var prose = ResourceBoundsTests.Prose(state: 11)
        let story = prose.article("Wire story", paragraphs: 6)
        let other = prose.article("Other story", paragraphs: 6)
        try folder.write("news/a/one.txt", story)
        try folder.write("news/a/two.md", story + "Local note.\n")
        try folder.write("news/b/dup.txt", "   \n")
        try folder.write("news/c/dup.txt", other)
        try folder.write("news/d/dup.txt", other + "Second dup.\n")
        try folder.write("news/e/notes.json", "{}")
        try folder.write("news/.hidden.txt", story)
        try folder.write("news/f/binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00])
        for index in 0..<7 {
            try folder.write("news/g/p\(index).txt", prose.article("Page \(index)", paragraphs: 3))
        }
        try folder.write("news/g/p7.txt", story)
        try folder.write("news/manifest.csv", """
            id,file,outlet,published,title
            ,a/one.txt,Wire,2024-05-01T10:00:00Z,
            renamed,a/two.md,Paper,yesterday,Renamed title
            dup,,Dup Outlet,,
            zzz,,Nobody,,
            ,a/missing.txt,Gone,,
            ,e/notes.json,Wrong,,
            p3,,Third,2024-05-02,
            ,g/p3.txt,Third again,,

            """)
        try folder.write("pages/q1.txt", story + "Reprinted.\n")
        try folder.write("pages/q2.txt", other)
        try folder.write("pages/empty.txt", "")
        let manifest = try folder.write("list.csv", """
            id,file,outlet
            q1,pages/q1.txt,Reprint
            ,pages/q2.txt,Second
            q3,pages/q3.txt,Missing
            noFile,,Nowhere
            ,pages/empty.txt,Empty
            dup,pages/q2.txt,Again

            """)
        let single = try folder.write("lone.txt", "Lone\n" + story)
        let lines = try folder.write("wire.jsonl", [
            #"{"id": "j1", "outlet": "Feed", "text": \#(Self.quoted(story))}"#,
            "not json",
            #"{"id": "one", "text": "A second one."}"#,
        ].joined(separator: "\n") + "\n")
        return [folder.path + "/news", manifest, single, lines, folder.path + "/absent"]
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test(arguments: [1, 2])
    func streamedInputsEqualTheReadCorpus(threads: Int) throws {
        let folder = try TemporaryFolder()
        let paths = try Self.makeCorpus(folder)
        let read = CorpusReader().read(paths)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let inMemory = ResourceBoundsTests.scanner(threads: threads).scan(read.documents, warnings: read.warnings)
        var scanner = ResourceBoundsTests.scanner(threads: threads)
        scanner.keepsTexts = true
        let streamed = scanner.scan(StreamedCorpus(paths: paths, batchSize: 2))
        #expect(try encoder.encode(streamed.report) == encoder.encode(inMemory.report))
        #expect(streamed.report.warnings == read.warnings)
        #expect(streamed.texts == inMemory.texts)
        #expect(!inMemory.report.pairs.isEmpty)
        #expect(read.warnings.count >= 12, "the corpus exercises the warnings it claims to")
        #expect(read.documents.contains { $0.id == "renamed" && $0.outlet == "Paper" })
        #expect(read.documents.contains { $0.id == "dup" && $0.outlet == "Dup Outlet" })
    }

    @Test func readingTwiceGivesTheSameRecordsAndDocumentsByLocation() throws {
        let folder = try TemporaryFolder()
        let source = StreamedCorpus(paths: try Self.makeCorpus(folder), batchSize: 3)
        var first: [SourceRecord] = []
        var second: [SourceRecord] = []
        let warnings = source.readAll(threads: 2) { first += $0 }
        #expect(source.readAll(threads: 1) { second += $0 } == warnings)
        #expect(first.map(\.document) == second.map(\.document))
        #expect(first.map(\.location) == second.map(\.location))
        let again = source.documents(at: first.map(\.location).reversed(), threads: 2)
        #expect(again == first.map(\.document).reversed())
    }

    /// A JSON Lines file past the short first read (``JSONLinesCorpus/firstReadSize``): its
    /// first batch ends within that read, later ones are whole chunks, and the records,
    /// locations and documents read back equal those of a reader whose every read is whole.
    @Test func aLongFileIsReadShortFirstThenInWholeChunks() throws {
        let folder = try TemporaryFolder()
        var prose = ResourceBoundsTests.Prose(state: 3)
        var lines: [String] = []
        var size = 0
        while size < JSONLinesCorpus.firstReadSize * 3 / 2 {
            let object = ["id": "d\(lines.count)", "text": prose.article("Story \(lines.count)", paragraphs: 8)]
            let line = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            lines.append(line)
            size += line.utf8.count + 1
        }
        let path = try folder.write("long.jsonl", lines.joined(separator: "\n") + "\n")
        var batches: [[SourceRecord]] = []
        let warnings = JSONLinesCorpus(paths: [path]).readAll(threads: 2) { batches.append($0) }
        var whole: [SourceRecord] = []
        let wholeWarnings = JSONLinesCorpus(paths: [path], chunkSize: JSONLinesCorpus.firstReadSize / 2 + 7)
            .readAll(threads: 2) { whole += $0 }
        #expect(warnings.isEmpty && wholeWarnings.isEmpty)
        #expect(batches.count == 2)
        #expect(batches.first.map { $0.reduce(0) { $0 + Int($1.location.length) + 1 } <= JSONLinesCorpus.firstReadSize } == true)
        let records = batches.flatMap { $0 }
        #expect(records.count == lines.count)
        #expect(records.map(\.document) == whole.map(\.document))
        #expect(records.map(\.location) == whole.map(\.location))
        #expect(JSONLinesCorpus(paths: [path]).documents(at: records.map(\.location), threads: 1) == records.map(\.document))
    }

    /// A JSON Lines file cut short after it was read: a document whose line is now past the
    /// end keeps its place, with no id or text and its origin; one still whole reads as before.
    @Test func aDocumentCutFromItsFileKeepsItsPlace() throws {
        let folder = try TemporaryFolder()
        let first = #"{"id": "a", "text": "First text."}"#
        let path = try folder.write("cut.jsonl", first + "\n" + #"{"id": "b", "text": "Second text, a little longer."}"# + "\n")
        var records: [SourceRecord] = []
        _ = JSONLinesCorpus(paths: [path]).readAll(threads: 1) { records += $0 }
        #expect(records.count == 2)
        try folder.write("cut.jsonl", first + "\n" + #"{"id": "b", "te"#)
        let again = JSONLinesCorpus(paths: [path]).documents(at: records.map(\.location), threads: 1)
        #expect(again.first == records.first?.document)
        #expect(again.last == Document(id: "", text: "", origin: "\(path):2"))
    }

    @Test func onlyOtherInputsThanJSONLinesAreStreamedByStreamedCorpus() throws {
        let folder = try TemporaryFolder()
        let lines = try folder.write("a.jsonl", #"{"id": "a", "text": "A text."}"# + "\n")
        #expect(documentSource(for: [lines]) is JSONLinesCorpus)
        #expect(documentSource(for: [lines, folder.path]) is StreamedCorpus)
        #expect(documentSource(for: [folder.path]) is StreamedCorpus)
    }
}
