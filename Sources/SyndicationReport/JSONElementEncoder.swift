import SyndicationEngine
import SyndicationScan

/// Writes the report's documents, pairs and clusters as UTF-8 JSON bytes, by hand, in exactly
/// the form `JSONEncoder` gives them with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` after ``JSONReportWriter/compactingEmptyContainers(_:)``.
///
/// `JSONEncoder` builds a tree of boxed values for every element and sorts every object's keys
/// at run time; for a report of a million documents that was most of the time spent after the
/// scan (about 0.3 s of a 20,000-document scan's 6 CPU-seconds, measured with `perf`). Here
/// each type's keys are written in their sorted order directly. What must agree with
/// `JSONEncoder` (swift-foundation's `JSONWriter`), and is checked against it on generated
/// reports (`JSONReportWriterTests`):
/// - keys in the byte order of their UTF-8 (the order of the declared keys is fixed here; the
///   keys of `coverage`, document ids, are sorted at run time);
/// - `"key" : value`, two spaces of indentation per level, `[]` and `{}` for empty containers;
/// - strings escape `"` and `\`, write `\b \f \n \r \t` for those control bytes and `\u00XX`
///   (lower-case hexadecimal) for the other bytes below 0x20, and leave every other byte,
///   `/` included, as it is;
/// - a `Double` is its `description` without a trailing `.0`; an `Int` its `description`;
///   `nil` is `null`.
struct JSONElementEncoder: ~Copyable {
    /// The bytes written so far.
    var bytes = JSONByteBuffer()

    /// Writes `document` as an element of the top-level `documents` array.
    mutating func write(_ document: DocumentSummary, level: Int) {
        open()
        key("credits", level + 1)
        if document.credits.isEmpty {
            raw("[]")
        } else {
            bytes.append(UInt8(ascii: "["))
            for (index, credit) in document.credits.enumerated() {
                separator(first: index == 0, level + 2)
                write(credit, level: level + 2)
            }
            close(UInt8(ascii: "]"), level + 1)
        }
        comma()
        key("id", level + 1); string(document.id); comma()
        key("length", level + 1); integer(document.length); comma()
        key("origin", level + 1); string(document.origin); comma()
        key("outlet", level + 1); optional(document.outlet); comma()
        key("published", level + 1); optional(document.published); comma()
        key("sha256", level + 1); string(document.sha256); comma()
        key("title", level + 1); optional(document.title); comma()
        key("url", level + 1); optional(document.url)
        close(UInt8(ascii: "}"), level)
    }

    /// Writes `pair` as an element of the top-level `pairs` array, every `Double` rounded to
    /// `decimals` places first.
    ///
    /// - Throws: `EncodingError.invalidValue` when a score is NaN or infinite.
    mutating func write(_ pair: PairFinding, level: Int, decimals: Int) throws {
        open()
        key("a", level + 1); string(pair.a); comma()
        key("b", level + 1); string(pair.b); comma()
        key("coverage", level + 1)
        if pair.coverage.isEmpty {
            raw("{}")
        } else {
            bytes.append(UInt8(ascii: "{"))
            let entries = pair.coverage.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, entry) in entries.enumerated() {
                if index > 0 { comma() }
                dataKey(entry.key, level + 2)
                try number(entry.value, decimals: decimals)
            }
            close(UInt8(ascii: "}"), level + 1)
        }
        comma()
        key("credited", level + 1)
        if let credited = pair.credited { raw(credited ? "true" : "false") } else { raw("null") }
        comma()
        key("derived", level + 1); optional(pair.derived); comma()
        key("passages", level + 1)
        if pair.passages.isEmpty {
            raw("[]")
        } else {
            bytes.append(UInt8(ascii: "["))
            for (index, passage) in pair.passages.enumerated() {
                separator(first: index == 0, level + 2)
                open()
                key("a", level + 3); span(passage.a, level: level + 3); comma()
                key("b", level + 3); span(passage.b, level: level + 3); comma()
                key("kind", level + 3); string(passage.kind.rawValue); comma()
                key("similarity", level + 3); try number(passage.similarity, decimals: decimals)
                close(UInt8(ascii: "}"), level + 2)
            }
            close(UInt8(ascii: "]"), level + 1)
        }
        comma()
        key("relation", level + 1); string(pair.relation.rawValue); comma()
        key("scores", level + 1)
        open()
        let scores = pair.scores
        key("containment_a_in_b", level + 2); try number(scores.containmentAInB, decimals: decimals); comma()
        key("containment_b_in_a", level + 2); try number(scores.containmentBInA, decimals: decimals); comma()
        key("jaccard", level + 2); try number(scores.jaccard, decimals: decimals); comma()
        key("minhash", level + 2)
        open()
        key("estimate", level + 3); try number(scores.minhash.estimate, decimals: decimals); comma()
        key("lower", level + 3); try number(scores.minhash.lower, decimals: decimals); comma()
        key("upper", level + 3); try number(scores.minhash.upper, decimals: decimals)
        close(UInt8(ascii: "}"), level + 2)
        comma()
        key("simhash_distance", level + 2); integer(scores.simhashDistance)
        close(UInt8(ascii: "}"), level + 1)
        comma()
        key("source", level + 1); optional(pair.source)
        close(UInt8(ascii: "}"), level)
    }

    /// Writes `cluster` as an element of the top-level `clusters` array.
    mutating func write(_ cluster: Cluster, level: Int) {
        open()
        key("external_source", level + 1); optional(cluster.externalSource); comma()
        key("id", level + 1); string(cluster.id); comma()
        key("members", level + 1)
        if cluster.members.isEmpty {
            raw("[]")
        } else {
            bytes.append(UInt8(ascii: "["))
            for (index, member) in cluster.members.enumerated() {
                separator(first: index == 0, level + 2)
                string(member)
            }
            close(UInt8(ascii: "]"), level + 1)
        }
        comma()
        key("origin", level + 1); optional(cluster.origin)
        close(UInt8(ascii: "}"), level)
    }

    private mutating func write(_ credit: Credit, level: Int) {
        open()
        key("form", level + 1); string(credit.form.rawValue); comma()
        key("in_boilerplate", level + 1); raw(credit.inBoilerplate ? "true" : "false"); comma()
        key("name", level + 1); string(credit.name); comma()
        key("span", level + 1); span(credit.span, level: level + 1)
        close(UInt8(ascii: "}"), level)
    }

    /// A span as `JSONEncoder` writes its unkeyed pair: one number a line.
    private mutating func span(_ span: TextSpan, level: Int) {
        bytes.append(UInt8(ascii: "["))
        separator(first: true, level + 1)
        integer(span.start)
        separator(first: false, level + 1)
        integer(span.end)
        close(UInt8(ascii: "]"), level)
    }

    /// `{`; the first key follows on its own line.
    private mutating func open() {
        bytes.append(UInt8(ascii: "{"))
    }

    /// A line break, the indentation of `level` and `"key" : ` for a key of the format, which
    /// needs no escapes.
    private mutating func key(_ name: StaticString, _ level: Int) {
        newline(level)
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\" : ")
    }

    /// A line break, the indentation of `level` and `"key" : ` for a key from the data.
    private mutating func dataKey(_ name: String, _ level: Int) {
        newline(level)
        string(name)
        raw(" : ")
    }

    /// Before an array element: `,` unless it is the first, a line break and the indentation.
    private mutating func separator(first: Bool, _ level: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(level)
    }

    private mutating func comma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// A line break, the indentation of `level` and `bracket`.
    private mutating func close(_ bracket: UInt8, _ level: Int) {
        newline(level)
        bytes.append(bracket)
    }

    private mutating func newline(_ level: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.appendSpaces(2 * level)
    }

    private mutating func raw(_ text: StaticString) {
        bytes.append(text)
    }

    /// `value` in decimal, as its `description` spells it.
    private mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        Self.appendDecimal(UInt64(value.magnitude), to: &bytes)
    }

    /// The decimal digits of `magnitude`, at least `minimumDigits` of them (leading zeros).
    static func appendDecimal(_ magnitude: UInt64, minimumDigits: Int = 1, to bytes: inout JSONByteBuffer) {
        bytes.append(upTo: max(20, minimumDigits)) { out in
            // Least significant first, then reversed in place.
            var magnitude = magnitude
            var written = 0
            repeat {
                out[written] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                written &+= 1
            } while magnitude > 0 || written < minimumDigits
            var low = 0, high = written &- 1
            while low < high {
                (out[low], out[high]) = (out[high], out[low])
                low &+= 1
                high &-= 1
            }
            return written
        }
    }

    /// `value` rounded to `decimals` places, as `JSONEncoder` writes a `Double`.
    mutating func number(_ value: Double, decimals: Int) throws {
        if Self.appendFixedPoint(value, decimals: decimals, to: &bytes) { return }
        let rounded = value.roundedForOutput(decimals: decimals)
        guard rounded.isFinite else {
            throw EncodingError.invalidValue(
                rounded, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode Double.\(rounded) directly in JSON."))
        }
        // Without a trailing ".0".
        var text = rounded.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.append($0.baseAddress!, count: $0.count) }
    }

    /// ``appendFixedPoint(_:decimals:to:)-(_,_,JSONByteBuffer)`` onto an array.
    static func appendFixedPoint(_ value: Double, decimals: Int, to bytes: inout [UInt8]) -> Bool {
        var buffer = JSONByteBuffer(capacity: 64)
        guard appendFixedPoint(value, decimals: decimals, to: &buffer) else { return false }
        bytes += buffer.bytes
        return true
    }

    /// Appends `value.roundedForOutput(decimals:)` as its `description` spells it without a
    /// trailing `.0`, from the integer *n* = `value`·10^`decimals` rounded, and returns true;
    /// or returns false, appending nothing, where that spelling is not plain fixed point.
    ///
    /// The rounded value is the double nearest *n*/10^`decimals` (one correctly rounded
    /// division of two exact doubles). With |*n*| < 10¹⁵ that decimal has at most 15
    /// significant digits, so it reads back as the same double, and no shorter decimal does
    /// (any two decimals of at most `decimals` places differ by 10^−`decimals`, far more than
    /// the doubles' spacing here): it is the shortest round-trip spelling `description`
    /// gives, which is positional from 10⁻⁴ up to 2⁵³ (below 10⁻⁴ it switches to `1e-05`).
    static func appendFixedPoint(_ value: Double, decimals: Int, to bytes: inout JSONByteBuffer) -> Bool {
        guard value.isFinite, abs(value) < 1e15, (0...15).contains(decimals) else { return false }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 1e15 else { return false }
        let rounded = scaled / scale
        if rounded == 0 {
            bytes.append(UInt8(ascii: "0"))
            return true
        }
        guard abs(rounded) >= 1e-4 else { return false }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = UInt64(abs(scaled))
        var unit: UInt64 = 1
        for _ in 0..<decimals { unit *= 10 }
        appendDecimal(magnitude / unit, to: &bytes)
        // The fraction's digits, its trailing zeros dropped.
        var fraction = magnitude % unit, places = decimals
        guard fraction != 0 else { return true }
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        bytes.append(UInt8(ascii: "."))
        appendDecimal(fraction, minimumDigits: places, to: &bytes)
        return true
    }

    private mutating func optional(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// `text` quoted, with the escapes `JSONEncoder` writes.
    private mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                bytes.append("\"\"")
                return
            }
            bytes.reserve(utf8.count &+ 2)
            bytes.append(UInt8(ascii: "\""))
            var start = 0
            // Sixteen bytes at a time up to the first that needs an escape: most strings have none.
            var plain = 0
            while utf8.count &- plain >= 16 {
                let lanes = UnsafeRawPointer(base + plain).loadUnaligned(as: ByteLanes.Lanes.self)
                let special = ByteLanes.inRange(lanes, from: 0x22, count: 1) | ByteLanes.inRange(lanes, from: 0x5C, count: 1)
                    | ByteLanes.inRange(lanes, from: 0x00, count: 0x20)
                if let first = ByteLanes.firstMarked(special) {
                    plain &+= first
                    break
                }
                plain &+= 16
            }
            for index in plain..<utf8.count {
                let byte = base[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(base + start, count: index &- start)
                start = index &+ 1
                switch byte {
                case 0x22, 0x5C:
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                case 0x08: bytes.append("\\b")
                case 0x0C: bytes.append("\\f")
                case 0x0A: bytes.append("\\n")
                case 0x0D: bytes.append("\\r")
                case 0x09: bytes.append("\\t")
                default:
                    let digits: StaticString = "0123456789abcdef"
                    bytes.append("\\u00")
                    bytes.append(digits.utf8Start[Int(byte >> 4)])
                    bytes.append(digits.utf8Start[Int(byte & 0xF)])
                }
            }
            bytes.append(base + start, count: utf8.count &- start)
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
