import Foundation
import Testing
@testable import SyndicationScan

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "syndetect-corpus-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `relative`, creating folders on the way; returns the full path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }
}

@Suite struct CorpusReaderTests {
    let reader = CorpusReader()

    @Test func folderIsReadRecursivelyInPathOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.txt", "Second title\nBody of b.\n")
        try folder.write("a.md", "\n\n  First title  \nBody of a.")
        try folder.write("sub/c.txt", "Third\nBody of c.")
        try folder.write("notes.json", "{}")
        try folder.write(".hidden.txt", "Hidden\nnot read")
        let result = reader.read([folder.path])
        #expect(result.warnings.isEmpty)
        #expect(result.documents.map(\.id) == ["a", "b", "c"])
        let a = try #require(result.documents.first)
        #expect(a.title == "First title")
        #expect(a.text == "\n\n  First title  \nBody of a.")
        #expect(a.origin == folder.path + "/a.md")
        #expect(result.documents[2].origin == folder.path + "/sub/c.txt")
        let withSlash = reader.read([folder.path + "/"])
        #expect(withSlash.documents.map(\.origin) == result.documents.map(\.origin))
    }

    @Test func symbolicLinkLoopsAreReadOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("one/a.txt", "A\ntext")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/one/loop", withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/again", withDestinationPath: folder.path + "/one")
        let result = reader.read([folder.path])
        #expect(result.documents.map(\.id) == ["a"])
        #expect(result.documents.first?.origin == folder.path + "/again/a.txt")
        #expect(result.warnings.count == 2)
        #expect(result.warnings.allSatisfy { $0.message.contains("already read") })
    }

    @Test func folderManifestOverridesMetadata() throws {
        let folder = try TemporaryFolder()
        try folder.write("articles/x1.txt", "Headline one\nText one.")
        try folder.write("articles/x2.txt", "Headline two\nText two.")
        try folder.write("articles/x3.txt", "Headline three\nText three.")
        try folder.write("manifest.csv", """
            title,file,outlet,published,url\r
            "Title, with comma",articles/x1.txt,The Daily,2005-03-08T14:32:00+01:00,https://a.example/1\r
            ,./articles/x2.txt,"Two ""Quoted""\r
            Outlet",yesterday,\r
            Gone,articles/missing.txt,Nobody,,\r

            """)
        try folder.write("extra.csv", "id,outlet\nx3,Third Outlet\nx9,Nobody\n")
        let result = reader.read([folder.path])
        let byID = Dictionary(uniqueKeysWithValues: result.documents.map { ($0.id, $0) })
        let first = try #require(byID["x1"])
        #expect(first.title == "Title, with comma")
        #expect(first.outlet == "The Daily")
        #expect(first.url == "https://a.example/1")
        #expect(first.published?.secondsSinceEpoch == 1_110_288_720)
        let second = try #require(byID["x2"])
        #expect(second.title == "Headline two")
        #expect(second.outlet == "Two \"Quoted\"\r\nOutlet")
        #expect(second.published == nil)
        #expect(byID["x3"]?.outlet == nil)
        let manifest = folder.path + "/manifest.csv"
        #expect(result.warnings.contains { $0.file == manifest && $0.line == 3 && $0.message.contains("yesterday") })
        #expect(result.warnings.contains { $0.file == manifest && $0.line == 5 && $0.message.contains("does not exist") })
        #expect(result.warnings.count == 2)
    }

    @Test func manifestMatchesByIDAndMayRenameByFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "A\ntext a")
        try folder.write("b.txt", "B\ntext b")
        try folder.write("manifest.csv", "id,outlet,file\na,Outlet A,\nrenamed,Outlet B,b.txt\nzzz,Nobody,\n")
        let result = reader.read([folder.path])
        #expect(result.documents.map(\.id) == ["a", "renamed"])
        #expect(result.documents.map(\.outlet) == ["Outlet A", "Outlet B"])
        #expect(result.warnings.map(\.line) == [4])
        #expect(result.warnings.first?.message.contains("zzz") == true)
    }

    @Test func csvManifestAsInputResolvesFilesBesideIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("pages/p1.txt", "Page one\nBody.")
        try folder.write("pages/p2.txt", "Page two\nBody.")
        let manifest = try folder.write("list.csv", """
            id,file,outlet,title
            one,pages/p1.txt,Outlet One,
            ,pages/p2.txt,Outlet Two,Manifest title
            three,pages/p3.txt,Outlet Three,

            """)
        let result = reader.read([manifest])
        #expect(result.documents.map(\.id) == ["one", "p2"])
        #expect(result.documents.map(\.title) == ["Page one", "Manifest title"])
        #expect(result.documents.map(\.outlet) == ["Outlet One", "Outlet Two"])
        #expect(result.documents.first?.origin == folder.path + "/pages/p1.txt")
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.line == 4)
        #expect(result.warnings.first?.file == manifest)
    }

    @Test func csvManifestWithoutFileColumnIsAWarning() throws {
        let folder = try TemporaryFolder()
        let manifest = try folder.write("ids.csv", "id,outlet\na,Outlet\n")
        let result = reader.read([manifest])
        #expect(result.documents.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.contains("'file' column") == true)
    }

    @Test func jsonLinesAreReadLineByLine() throws {
        let folder = try TemporaryFolder()
        let lines = [
            #"{"id": "n2", "outlet": "Wire", "url": "https://w.example/2", "published": "2005-03-08T14:32:00+01:00", "title": "Two", "text": "Second text."}"#,
            "",
            #"{"id": "n1", "text": "First text.", "published": "last Tuesday"}"#,
            "not json at all",
            "[1, 2, 3]",
            #"{"id": "n3", "title": "no text"}"#,
            #"{"text": "no id"}"#,
            #"{"id": 7, "text": "numeric id"}"#,
            #"{"id": "n4", "text": "   \n  "}"#,
            "   ",
            #"{"id": "n5", "text": "Windows line end.", "outlet": 5}"# + "\r",
        ]
        let path = try folder.write("corpus.jsonl", lines.joined(separator: "\n"))
        let result = reader.read([path])
        #expect(result.documents.map(\.id) == ["n1", "n2", "n5"])
        let second = result.documents[1]
        #expect(second.outlet == "Wire")
        #expect(second.title == "Two")
        #expect(second.url == "https://w.example/2")
        #expect(second.published?.original == "2005-03-08T14:32:00+01:00")
        #expect(second.origin == path + ":1")
        #expect(result.documents[0].published == nil)
        #expect(result.documents[2].text == "Windows line end.")
        #expect(result.documents[2].outlet == nil)
        #expect(result.warnings.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 11])
        #expect(result.warnings.allSatisfy { $0.file == path })
        #expect(result.warnings[0].message.contains("last Tuesday"))
        #expect(result.warnings[2].message.contains("array"))
    }

    @Test func jsonLinesWithInvalidUTF8AreKeptWithAWarning() throws {
        let folder = try TemporaryFolder()
        let bytes = [0xEF, 0xBB, 0xBF] + Array(#"{"id": "ok", "text": "fine"}"#.utf8) + [0x0A]
            + Array(#"{"id": "bad", "text": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8) + [0x0A]
        let path = try folder.write("c.jsonl", bytes)
        let result = reader.read([path])
        #expect(result.documents.map(\.id) == ["bad", "ok"])
        #expect(result.documents.first?.text == "caf\u{FFFD}")
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.message.contains("UTF-8") == true)
    }

    /// A bad byte outside the fields syndetect reads (in another key, or in another key's
    /// value) still makes the line's warning; the document is kept.
    @Test func invalidUTF8OutsideTheReadFieldsIsReported() throws {
        let folder = try TemporaryFolder()
        let bytes = Array(#"{"id": "a", "text": "fine", "x"#.utf8) + [0xFF] + Array(#"": "y"}"#.utf8) + [0x0A]
            + Array(#"{"id": "b", "text": "fine", "x": "y"#.utf8) + [0xC3] + Array(#""}"#.utf8) + [0x0A]
            + Array(#"{"id": "c", "text": "fine", "n": 1, "x": "y"#.utf8) + [0xC3] + Array(#""}"#.utf8) + [0x0A]
        let path = try folder.write("c.jsonl", bytes)
        let result = reader.read([path])
        #expect(result.documents.map(\.id) == ["a", "b", "c"])
        #expect(result.documents.map(\.text) == ["fine", "fine", "fine"])
        #expect(result.warnings.map(\.line) == [1, 2, 3])
        #expect(result.warnings.allSatisfy { $0.message == "this line is not valid UTF-8; undecodable bytes were replaced with U+FFFD" })
    }

    @Test func veryLongJSONLineIsRead() throws {
        let folder = try TemporaryFolder()
        let body = String(repeating: "word ", count: 2_000_000)
        let path = try folder.write("long.jsonl", "{\"id\": \"long\", \"text\": \"\(body)\"}\n{\"id\": \"short\", \"text\": \"x\"}")
        let result = reader.read([path])
        #expect(result.documents.map(\.id) == ["long", "short"])
        #expect(result.documents.first?.text.utf8.count == body.utf8.count)
    }

    @Test func singleFilesAndTheirProblems() throws {
        let folder = try TemporaryFolder()
        let plain = try folder.write("plain.txt", [0xEF, 0xBB, 0xBF] + Array("Title\nBody".utf8))
        let broken = try folder.write("broken.txt", Array("ok\nstill ok\nbad ".utf8) + [0xFF] + Array("\n".utf8))
        let binary = try folder.write("image.txt", [0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0x02, 0x00, 0x7F, 0x00, 0x00, 0x10])
        let empty = try folder.write("empty.txt", " \n\t\n")
        let missing = folder.path + "/missing.txt"
        let result = reader.read([plain, broken, binary, empty, missing])
        #expect(result.documents.map(\.id) == ["broken", "plain"])
        #expect(result.documents[1].text == "Title\nBody")
        #expect(result.documents[1].origin == plain)
        #expect(result.documents[0].text.hasSuffix("bad \u{FFFD}\n"))
        let warnings = Dictionary(grouping: result.warnings, by: \.file)
        #expect(warnings[broken]?.first?.line == 3)
        #expect(warnings[binary]?.first?.message.contains("binary") == true)
        #expect(warnings[empty]?.first?.message.contains("white space") == true)
        #expect(warnings[missing]?.first?.message.contains("no such file") == true)
        #expect(result.warnings.count == 4)
    }

    @Test func duplicateIDsKeepTheFirstInPathOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write("b/story.txt", "B\nsecond")
        try folder.write("a/story.md", "A\nfirst")
        let jsonl = try folder.write("z.jsonl", #"{"id": "story", "text": "third"}"#)
        let forward = reader.read([folder.path + "/b", folder.path + "/a", jsonl])
        let backward = reader.read([jsonl, folder.path + "/a", folder.path + "/b"])
        #expect(forward.documents.map(\.text) == ["A\nfirst"])
        #expect(backward.documents == forward.documents)
        #expect(forward.warnings.count == 2)
        #expect(forward.warnings.allSatisfy { $0.message.contains(folder.path + "/a/story.md") })
        #expect(forward.warnings.contains { $0.file == jsonl && $0.line == 1 })
    }

    @Test func documentsAreSortedByID() throws {
        let folder = try TemporaryFolder()
        let jsonl = try folder.write("c.jsonl", ["m", "B", "a", "Z", "10", "9"]
            .map { #"{"id": "\#($0)", "text": "t"}"# }.joined(separator: "\n"))
        let ids = reader.read([jsonl]).documents.map(\.id)
        #expect(ids == ["10", "9", "B", "Z", "a", "m"])
    }
}
