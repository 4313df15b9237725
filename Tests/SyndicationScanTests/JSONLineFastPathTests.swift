import Foundation
import Testing
import TestSupport
@testable import SyndicationScan

extension JSONLinesReader.Field: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.absent, .absent), (.other, .other): return true
        case (.string(let a), .string(let b)): return a == b
        default: return false
        }
    }
}

/// ``JSONLineFastPath`` reads what `JSONDecoder` reads from the same line, or leaves the line to it.
@Suite struct JSONLineFastPathTests {
    typealias Record = JSONLinesReader.Record

    /// The fields JSONDecoder gives, or nil when it throws.
    static func decoded(_ line: String) -> [JSONLinesReader.Field]? {
        guard let record = try? JSONDecoder().decode(Record.self, from: Data(line.utf8)) else { return nil }
        return fields(record)
    }

    static func fields(_ record: Record) -> [JSONLinesReader.Field] {
        [record.id, record.text, record.outlet, record.url, record.published, record.title]
    }

    /// The fields the fast path reads, after checking that its validating reading
    /// (``JSONLineFastPath/read(_:)``) of the valid line agrees.
    static func fast(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> [JSONLinesReader.Field]? {
        let repairing = Array(line.utf8).withUnsafeBufferPointer { JSONLineFastPath.record($0) }.map(fields)
        let validating: [JSONLinesReader.Field]?
        switch Array(line.utf8).withUnsafeBufferPointer({ JSONLineFastPath.read($0) }) {
        case .record(let record): validating = fields(record)
        case .invalidUTF8:
            Issue.record("valid UTF-8 read as invalid: \(line)", sourceLocation: sourceLocation)
            validating = nil
        case .other: validating = nil
        }
        #expect(validating == repairing, "\(line)", sourceLocation: sourceLocation)
        return repairing
    }

    /// Lines of the usual shape: the fast path reads them, and as JSONDecoder does.
    @Test(arguments: [
        #"{"id": "doc1", "text": "Plain text."}"#,
        #"{"id":"a","text":"line one\nline two\t\"quoted\" back\\slash \/ \b\f\r"}"#,
        #"{"id": "é", "text": "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 raw 😀 한국어", "title": null}"#,
        #"  { "text" : "x" , "id" : "y" , "outlet": "Wire", "url": "http://a/b", "published": "2024-05-01", "title": "T" }  "#,
        #"{"id": "x", "text": "t", "extra": "ignored", "lang": "en"}"#,
        #"{"id": "x", "text": "t", "outlet": null, "url": null}"#,
        #"{}"#,
        #"{"id": "", "text": "\u0000 nul"}"#,
        #"{"id": "x", "text": "12345678901234567890\"12345678\\123456789"}"#,
    ])
    func readsTheCommonShape(line: String) throws {
        let fast = try #require(Self.fast(line), "the fast path left a plain line to JSONDecoder")
        #expect(fast == Self.decoded(line))
    }

    /// Lines the fast path must leave to JSONDecoder (which may accept or reject them).
    @Test(arguments: [
        #"{"id": 7, "text": "number id"}"#,
        #"{"id": "x", "text": "t", "count": 3}"#,
        #"{"id": "x", "text": "t", "tags": ["a"]}"#,
        #"{"id": "x", "text": "t", "meta": {"a": "b"}}"#,
        #"{"id": "x", "text": "t", "ok": true}"#,
        #"{"id": "x", "id": "y", "text": "t"}"#,
        #"{"i\u0064": "x", "text": "t"}"#,
        #"{"id": "x", "text": "lone \ud83d surrogate"}"#,
        #"{"id": "x", "text": "low \ude00 first"}"#,
        #"{"id": "x", "text": "bad \q escape"}"#,
        "{\"id\": \"x\", \"text\": \"raw\ttab\"}",
        #"{"id": "x", "text": "t"} trailing"#,
        #"{"id": "x", "text": "t",}"#,
        #"{"id": "x", "text": "unterminated}"#,
        #"["id", "x"]"#,
        #""just a string""#,
        #"{"id": "x" "text": "t"}"#,
    ])
    func leavesTheRestToJSONDecoder(line: String) {
        #expect(Self.fast(line) == nil)
    }

    /// Lines of the usual shape with a byte that is not valid UTF-8 in a value (with and
    /// without escapes around it), in an ignored key's value or in a key: the validating
    /// reading says so, and the repairing one reads what JSONDecoder reads from the line with
    /// U+FFFD in place of the bad bytes.
    @Test(arguments: [
        [#"{"id": "x", "text": "caf"#, #"", "title": "T"}"#],
        [#"{"id": "x", "text": "a\n"#, #"\"b\u00e9", "title": "T"}"#],
        [#"{"id": "x", "text": "0123456789abcdef"#, #"0123456789abcdef"}"#],
        [#"{"id": "x", "text": "t", "other": ""#, #""}"#],
        [#"{"id": "x", "text": "t", "ot"#, #"her": "y"}"#],
        [#"{"i"#, #"d": "x", "text": "t"}"#],
    ])
    func findsInvalidUTF8(halves: [String]) throws {
        for bad: [UInt8] in [[0xE9], [0xFF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            let bytes = Array(halves[0].utf8) + bad + Array(halves[1].utf8)
            let outcome = bytes.withUnsafeBufferPointer { JSONLineFastPath.read($0) }
            guard case .invalidUTF8 = outcome else {
                Issue.record("\(bad) in \(halves) was not found: \(outcome)")
                continue
            }
            let repaired = String(decoding: bytes, as: UTF8.self)
            let fast = try #require(bytes.withUnsafeBufferPointer { JSONLineFastPath.record($0) }.map(Self.fields))
            #expect(fast == Self.decoded(repaired), "\(repaired)")
        }
    }

    /// Generated lines of strings with every escape at every place, around the 8-byte steps:
    /// whatever the fast path reads equals JSONDecoder's fields, and it reads all of them.
    @Test func agreesWithJSONDecoderOnGeneratedLines() throws {
        var generator = SeededGenerator(state: 20_261_122)
        let pieces = [
            "a", "Word ", "é", "中", "😀", "\"", "\\", "/", "\n", "\t", "\r", "\u{08}", "\u{0C}", "\u{01}",
            "\u{7F}", "\u{2028}", "0123456789", "\u{FFFF}",
        ]
        let keys = ["id", "text", "outlet", "url", "published", "title", "other"]
        var read = 0
        for _ in 0..<2_000 {
            var members: [String] = []
            for key in keys.shuffled(using: &generator) where generator.next() % 3 != 0 {
                if generator.next() % 8 == 0 {
                    members.append("\"\(key)\": null")
                    continue
                }
                var value = ""
                for _ in 0..<Int(generator.next() % 24) { value += pieces[Int(generator.next() % UInt64(pieces.count))] }
                members.append("\"\(key)\": \(Self.quoted(value, escapingAll: generator.next() % 4 == 0))")
            }
            let line = "{" + members.joined(separator: generator.next() % 2 == 0 ? ", " : ",") + "}"
            let fast = try #require(Self.fast(line), "the fast path left \(line) to JSONDecoder")
            #expect(fast == Self.decoded(line), "\(line)")
            read += 1
        }
        #expect(read == 2_000)
    }

    /// Random bytes, valid UTF-8 or not, in the text of a line, raw and around escapes, at
    /// every offset from the 16-byte steps: the validating reading finds the line invalid
    /// exactly when `String(validating:as:)` finds the text so, and otherwise makes the very
    /// string it makes (the string is made unchecked, with an ASCII flag of its own: equal
    /// code points, character count, hash, and order against canonically equivalent text).
    @Test func makesTheStringsOfValidatedBytes() throws {
        var generator = SeededGenerator(state: 20_261_123)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("Word ".utf8), Array("é".utf8), Array(#"e\u0301"#.utf8), Array("e\u{301}".utf8),
            Array("中".utf8), Array("😀".utf8), Array(#"\n"#.utf8), Array(#"\\"#.utf8), Array(#"\u00e9"#.utf8),
            Array("0123456789abcdef".utf8), [0xEF, 0xBF, 0xBF], [0xC2, 0x85],
        ]
        let invalidPieces: [[UInt8]] = [
            [0xE9], [0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0x80],
        ]
        var valid = 0
        var invalid = 0
        for round in 0..<4_000 {
            var value: [UInt8] = Array(repeating: 0x78, count: round % 17)
            for _ in 0..<Int(generator.next() % 12) {
                // Now and then a piece that is not valid UTF-8 (or, after another, may be).
                let list = generator.next() % 16 == 0 ? invalidPieces : pieces
                value += list[Int(generator.next() % UInt64(list.count))]
            }
            let line = Array(#"{"id": "x", "text": ""#.utf8) + value + Array(#""}"#.utf8)
            // The text JSONDecoder would see: the pieces' escapes (\n, \\, \u) decoded.
            let expected = Self.unescaped(value).withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
            switch line.withUnsafeBufferPointer({ JSONLineFastPath.read($0) }) {
            case .record(let record):
                guard case .string(let text) = record.text, let expected else {
                    Issue.record("read \(value) as \(record.text), expected \(String(describing: expected))")
                    continue
                }
                #expect(text == expected)
                #expect(Array(text.unicodeScalars) == Array(expected.unicodeScalars))
                #expect(text.count == expected.count)
                #expect(text.hashValue == expected.hashValue)
                let composed = expected.precomposedStringWithCanonicalMapping
                #expect(text == composed && !(text < composed) && !(composed < text))
                #expect(Set([text, composed]).count == 1)
                valid += 1
            case .invalidUTF8:
                #expect(expected == nil, "\(value) was found invalid")
                invalid += 1
            case .other:
                Issue.record("left \(value) to JSONDecoder")
            }
        }
        #expect(valid > 1_000 && invalid > 1_000)
    }

    /// `bytes` with the escapes `\n`, `\\` and `\uXXXX` (BMP, not surrogates) decoded.
    static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x5C else { result.append(bytes[index]); index += 1; continue }
            switch bytes[index + 1] {
            case 0x6E: result.append(0x0A); index += 2
            case 0x5C: result.append(0x5C); index += 2
            default:
                let unit = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16)!
                result += Array(String(Unicode.Scalar(unit)!).utf8)
                index += 6
            }
        }
        return result
    }

    /// A document's origin is `path:line` as string interpolation spells it, whatever the
    /// path and number.
    @Test(arguments: ["corpus.jsonl", "/tmp/é/コーパス.jsonl", ""])
    func originSpellsPathAndLine(path: String) {
        for number in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            #expect(JSONLinesReader.origin(path, number) == "\(path):\(number)")
        }
    }

    /// The reader's test for text that is not all white space agrees with trimming it.
    @Test func findsNonWhitespaceAsTrimmingDoes() {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "a", "é", "\u{200B}", "\u{1F}", "."]
        var generator = SeededGenerator(state: 20_261_126)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 6) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            #expect(JSONLinesReader.hasNonWhitespace(text) == !text.trimmingWhitespace().isEmpty, "\(Array(text.unicodeScalars))")
        }
    }

    /// `value` as a JSON string: control characters escaped (as \uXXXX or their short form),
    /// and, when `escapingAll`, every non-ASCII code point as \u escapes (surrogate pairs beyond
    /// the BMP).
    static func quoted(_ value: String, escapingAll: Bool) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += escapingAll ? "\\\\" : "\\\\"
            case "/": out += escapingAll ? "\\/" : "/"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (escapingAll && scalar.value >= 0x80) {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
