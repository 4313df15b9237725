import Foundation

/// Reads a JSON Lines corpus: one object per line with a string `id` and `text`, and optional
/// `outlet`, `url`, `published` (ISO-8601) and `title`.
///
/// The file is mapped, not decoded as a whole: lines are split on the byte 0x0A and each is
/// parsed on its own: the common shape (a flat object of strings) by ``JSONLineFastPath``, any
/// other with `JSONDecoder` (about three times faster than `JSONSerialization` on text full of
/// `\u` escapes), so a line tens of megabytes long costs only its own parse. The fast path
/// checks the UTF-8 of a line as it makes its strings, so a line it reads is not scanned a
/// second time; any other line is checked whole first. A bad line becomes a warning naming
/// `file:line` and the rest of the file is still read.
struct JSONLinesReader {
    /// The path as given, for origins and warnings.
    var path: String

    func read(_ data: Data, into candidates: inout [CorpusReader.Candidate], warnings: inout [Diagnostic]) {
        var data = data
        // A UTF-16 corpus is rare; transcode it whole to UTF-8 and read it the usual way.
        if data.count >= 2, (data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xFE)
            || (data[data.startIndex] == 0xFE && data[data.startIndex + 1] == 0xFF)
        {
            let decoded = DecodedText(decoding: data)
            if let problem = decoded.problem {
                warnings.append(Diagnostic(file: path, message: "the file \(problem)"))
            }
            data = Data(decoded.text.utf8)
        }
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            var bytes = UnsafeBufferPointer(start: base, count: raw.count)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            var lineStart = 0
            var lineNumber = 1
            while lineStart < bytes.count {
                let remaining = bytes.count - lineStart
                let lineEnd: Int
                if let newline = memchr(bytes.baseAddress! + lineStart, 0x0A, remaining) {
                    lineEnd = bytes.baseAddress!.distance(
                        to: newline.assumingMemoryBound(to: UInt8.self))
                } else {
                    lineEnd = bytes.count
                }
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                readLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), number: lineNumber,
                         into: &candidates, warnings: &warnings)
                lineStart = lineEnd + 1
                lineNumber += 1
            }
        }
    }

    private func readLine(
        _ line: UnsafeBufferPointer<UInt8>, number: Int,
        into candidates: inout [CorpusReader.Candidate], warnings: inout [Diagnostic]
    ) {
        let (candidate, problems) = parse(line, number: number)
        warnings += problems
        if let candidate { candidates.append(candidate) }
    }

    /// The document on one line (nil for a blank or bad line) and the problems with the line.
    func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> (CorpusReader.Candidate?, [Diagnostic]) {
        var candidates: [CorpusReader.Candidate] = []
        var warnings: [Diagnostic] = []
        parse(line, number: number, into: &candidates, warnings: &warnings)
        return (candidates.first, warnings)
    }

    private func parse(
        _ line: UnsafeBufferPointer<UInt8>, number: Int,
        into candidates: inout [CorpusReader.Candidate], warnings: inout [Diagnostic]
    ) {
        func warn(_ message: String) {
            warnings.append(Diagnostic(file: path, line: number, message: message))
        }
        guard line.contains(where: { !Self.isJSONWhitespace($0) }) else { return }
        // The common shape is read straight from the bytes, its UTF-8 checked on the way; the
        // rest goes to JSONDecoder, after a check of the whole line.
        let fast = JSONLineFastPath.read(line)
        if case .record(let record) = fast {
            accept(record, number: number, into: &candidates, warnings: &warnings)
            return
        }
        var json: Data
        var isValid = true
        if case .invalidUTF8 = fast { isValid = false } else { isValid = DecodedText.firstInvalidUTF8Offset(line) == nil }
        if !isValid {
            warn("this line is not valid UTF-8; undecodable bytes were replaced with U+FFFD")
            json = Data(String(decoding: line, as: UTF8.self).utf8)
        } else {
            // The line lives as long as this call; parse it where it lies.
            json = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: line.baseAddress!), count: line.count,
                deallocator: .none)
        }
        let record: Record
        do {
            // A valid line the fast path left goes to JSONDecoder; an invalid one is tried on
            // the fast path again, its bad bytes replaced, as JSONDecoder would read the
            // repaired line.
            record = try (isValid ? nil : JSONLineFastPath.record(line)) ?? JSONDecoder().decode(Record.self, from: json)
        } catch {
            // Rare: tell "not JSON" from "JSON, but not an object" for the warning.
            if let value = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) {
                warn("this line holds a JSON \(Self.kind(of: value)), not an object; it was skipped")
            } else {
                warn("this line is not valid JSON; it was skipped")
            }
            return
        }
        json = Data()
        accept(record, number: number, into: &candidates, warnings: &warnings)
    }

    /// The document of a line's fields (nil when it has no usable id or text), with warnings
    /// about the fields.
    private func accept(
        _ record: Record, number: Int,
        into candidates: inout [CorpusReader.Candidate], warnings: inout [Diagnostic]
    ) {
        func warn(_ message: String) {
            warnings.append(Diagnostic(file: path, line: number, message: message))
        }
        guard let id = record.id.string, Self.hasNonWhitespace(id) else {
            warn(record.id.isAbsent
                ? "this object has no 'id'; it was skipped"
                : "this object's 'id' is not a non-empty string; it was skipped")
            return
        }
        guard let text = record.text.string else {
            warn(record.text.isAbsent
                ? "document '\(id)' has no 'text'; it was skipped"
                : "document '\(id)' has a 'text' that is not a string; it was skipped")
            return
        }
        guard Self.hasNonWhitespace(text) else {
            warn("document '\(id)' has empty or white-space-only text; it was skipped")
            return
        }
        func string(_ field: Field, _ key: String) -> String? {
            if case .other = field {
                warn("document '\(id)' has a '\(key)' that is not a string; it was ignored")
            }
            guard let string = field.string, !string.isEmpty else { return nil }
            return string
        }
        var published: PublicationTime?
        if let time = string(record.published, "published") {
            published = PublicationTime(iso8601: time)
            if published == nil {
                warn("document '\(id)' has published '\(time)', which is not an ISO-8601 date or time; it is kept without a publication time")
            }
        }
        let document = Document(
            id: id, title: string(record.title, "title"), outlet: string(record.outlet, "outlet"),
            url: string(record.url, "url"), published: published, text: text,
            origin: Self.origin(path, number))
        candidates.append(CorpusReader.Candidate(document: document, file: path, line: number))
    }

    /// Whether `text` has a code point without the Unicode White_Space property (what
    /// trimming white space would leave): decided by the first ASCII byte that is not a
    /// space, a tab or a line break (U+0009–U+000D, U+0020, the ASCII White_Space code
    /// points), else by the code points.
    static func hasNonWhitespace(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { break }
            if byte != 0x20, byte &- 0x09 >= 5 { return true }
        }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    /// `path:number`, the origin of the document on line `number`, as `"\(path):\(number)"`
    /// spells it, in one allocation.
    static func origin(_ path: String, _ number: Int) -> String {
        var digitCount = 1
        var rest = number.magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        var path = path
        return path.withUTF8 { path in
            String(unsafeUninitializedCapacity: path.count + 2 + digitCount) { buffer in
                var index = buffer.initialize(fromContentsOf: path)
                buffer[index] = UInt8(ascii: ":")
                index += 1
                if number < 0 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                var rest = number.magnitude
                var place = index + digitCount
                repeat {
                    place -= 1
                    buffer[place] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                } while rest > 0
                return index + digitCount
            }
        }
    }

    /// One field of a line's object: absent or null, a string, or something else.
    enum Field {
        case absent
        case string(String)
        case other

        var string: String? {
            if case .string(let value) = self { return value }
            return nil
        }

        var isAbsent: Bool {
            if case .absent = self { return true }
            return false
        }
    }

    /// The fields syndetect reads from a line; any other keys are ignored. Decoding fails only
    /// when the line is not a JSON object.
    struct Record: Decodable {
        var id: Field
        var text: Field
        var outlet: Field
        var url: Field
        var published: Field
        var title: Field

        enum CodingKeys: String, CodingKey {
            case id, text, outlet, url, published, title
        }

        /// A record with the given fields.
        init(id: Field, text: Field, outlet: Field, url: Field, published: Field, title: Field) {
            (self.id, self.text, self.outlet, self.url, self.published, self.title) = (id, text, outlet, url, published, title)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func field(_ key: CodingKeys) -> Field {
                guard container.contains(key), (try? container.decodeNil(forKey: key)) != true else {
                    return .absent
                }
                if let value = try? container.decode(String.self, forKey: key) { return .string(value) }
                return .other
            }
            id = field(.id)
            text = field(.text)
            outlet = field(.outlet)
            url = field(.url)
            published = field(.published)
            title = field(.title)
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: return "array"
        case is String: return "string"
        case is NSNull: return "null"
        case is NSNumber: return "number or boolean"
        default: return "value"
        }
    }
}
