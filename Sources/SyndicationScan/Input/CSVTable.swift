/// A comma-separated table as RFC 4180 describes it: a header record, then data records.
///
/// Fields may be quoted with `"`; a quoted field may hold commas, line breaks and doubled
/// quotes (`""` for one `"`). Records end at CRLF, LF or CR. Blank lines are skipped. A stray
/// quote inside an unquoted field, or text after a closing quote, is kept as written rather
/// than rejected, as spreadsheet programs do.
public struct CSVTable: Hashable, Sendable {
    /// One data record.
    public struct Record: Hashable, Sendable {
        /// The 1-based line the record starts on.
        public var line: Int
        /// The fields, as many as the record has.
        public var fields: [String]
    }

    /// The header's column names, as written (white space trimmed).
    public var header: [String]
    /// The data records in file order.
    public var records: [Record]
    /// The line a quoted field was opened on and never closed, if one was.
    public var unterminatedQuoteLine: Int?

    /// Parses `text`; the first non-blank record is the header.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(parsing text: String) {
        var all: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine: Int?
        var fieldStarted = false
        var afterCarriageReturn = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                all.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            let followsCarriageReturn = afterCarriageReturn
            afterCarriageReturn = scalar == "\r"
            if inQuotes {
                if scalar == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                if scalar == "\r" || (scalar == "\n" && !followsCarriageReturn) { line += 1 }
                field.append(scalar)
                continue
            }
            if scalar == "\n" && followsCarriageReturn { continue }
            switch scalar {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case ",":
                endField()
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes { unterminatedQuoteLine = quoteLine }
        endRecord()
        if all.isEmpty {
            header = []
            records = []
        } else {
            header = all[0].fields.map { $0.trimmingWhitespace() }
            records = Array(all.dropFirst())
        }
    }

    /// The index of the column named `name`, compared without regard to case.
    public func column(named name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }
}
