import Testing
@testable import SyndicationScan

@Suite struct CorpusCSVTests {
    @Test func plainRecords() {
        let table = CSVTable(parsing: "id,file,title\na,a.txt,First\nb,b.txt,Second\n")
        #expect(table.header == ["id", "file", "title"])
        #expect(table.records.map(\.fields) == [["a", "a.txt", "First"], ["b", "b.txt", "Second"]])
        #expect(table.records.map(\.line) == [2, 3])
        #expect(table.unterminatedQuoteLine == nil)
    }

    @Test func quotedCommasQuotesAndLineBreaks() {
        let text = "id,title\n"
            + "a,\"Hello, world\"\n"
            + "b,\"She said \"\"no\"\"\"\n"
            + "c,\"two\nlines\"\n"
            + "d,last\n"
        let table = CSVTable(parsing: text)
        #expect(table.records.map(\.fields) == [
            ["a", "Hello, world"], ["b", "She said \"no\""], ["c", "two\nlines"], ["d", "last"],
        ])
        // Record d starts on line 6 because record c spans lines 4 and 5.
        #expect(table.records.map(\.line) == [2, 3, 4, 6])
    }

    @Test func crlfAndBlankLinesAndMissingFinalNewline() {
        let table = CSVTable(parsing: "id,title\r\n\r\na,\"x\r\ny\"\r\nb,z")
        #expect(table.records.map(\.fields) == [["a", "x\r\ny"], ["b", "z"]])
        #expect(table.records.map(\.line) == [3, 5])
    }

    @Test func emptyFieldsAndShortRows() {
        let table = CSVTable(parsing: "id,outlet,title\na,,T\nb\n")
        #expect(table.records.map(\.fields) == [["a", "", "T"], ["b"]])
    }

    @Test func unterminatedQuoteIsReported() {
        let table = CSVTable(parsing: "id,title\na,ok\nb,\"never closed\nc,x\n")
        #expect(table.unterminatedQuoteLine == 3)
        #expect(table.records.count == 2)
    }

    @Test(arguments: [("id", 0), ("FILE", 1), (" Title ", 2), ("url", nil)] as [(String, Int?)])
    func columnsAreFoundWithoutRegardToCase(name: String, index: Int?) {
        let table = CSVTable(parsing: "Id, File ,title\n")
        #expect(table.column(named: name.trimmingWhitespace()) == index)
    }
}
