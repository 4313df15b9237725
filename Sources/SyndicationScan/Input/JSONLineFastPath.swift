import SyndicationEngine

/// Reads the common shape of a corpus line — one flat JSON object whose values are strings or
/// `null` — straight from its UTF-8 bytes, without `JSONDecoder`.
///
/// It gives the fields ``JSONLinesReader/Record`` would decode from the same line, or nil
/// whenever the line is anything else or anything it is not sure of: a value that is a number,
/// boolean, array or object; a key written with escapes or given twice; an escaped unpaired
/// surrogate; a bad escape, a raw control character, text after the object. The caller then
/// decodes the line with `JSONDecoder`, which decides (and words the warning). So the fast path
/// changes the cost of reading a line, never what is read (`JSONLineFastPathTests` compares the
/// two on generated and hand-written lines).
///
/// Strings are copied between escapes as they are, so a string's code points are the line's.
/// ``read(_:)`` validates the UTF-8 of what it reads as it goes (each string as its closing
/// quote is searched for, a key only when it holds a byte outside ASCII, and everything else
/// must be ASCII to be read at all), so a line it reads needs no check of its own, and its
/// strings are made without the standard library's second check
/// (``string(validatedUTF8:isASCII:)``); ``record(_:)`` replaces invalid UTF-8 with U+FFFD as
/// `String(decoding:as:)` does, for a line already found invalid.
enum JSONLineFastPath {
    /// What ``read(_:)`` made of a line.
    enum Outcome {
        /// The line's fields; every byte of the line is valid UTF-8.
        case record(JSONLinesReader.Record)
        /// A key or string of the line is not valid UTF-8.
        case invalidUTF8
        /// The line should go to `JSONDecoder`; its bytes may or may not be valid UTF-8.
        case other
    }

    /// The fields of `line`, with the line's UTF-8 validated on the way.
    ///
    /// - Complexity: O(*n*) in the line's bytes, 8 bytes at a time between escapes.
    static func read(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let base = line.baseAddress else { return .other }
        var scanner = Scanner(base: base, count: line.count, validating: true)
        defer { scanner.scratch?.deallocate() }
        if let record = scanner.object() { return .record(record) }
        return scanner.foundInvalidUTF8 ? .invalidUTF8 : .other
    }

    /// The fields of `line`, or nil when the line should go to `JSONDecoder`; invalid UTF-8 in
    /// a string is replaced with U+FFFD.
    ///
    /// - Complexity: O(*n*) in the line's bytes, 8 bytes at a time between escapes.
    static func record(_ line: UnsafeBufferPointer<UInt8>) -> JSONLinesReader.Record? {
        guard let base = line.baseAddress else { return nil }
        var scanner = Scanner(base: base, count: line.count, validating: false)
        defer { scanner.scratch?.deallocate() }
        return scanner.object()
    }

    /// The string of `bytes`, which the caller has found to be well-formed UTF-8, ASCII
    /// exactly when `isASCII`: made without checking them again.
    ///
    /// `String(validating:as:)` would validate the bytes a second time (a third of the cost
    /// of reading a corpus line); the standard library's own unchecked initialiser, which
    /// that one ends in, is part of its ABI (`@usableFromInline`) but not of its source
    /// interface, so it is reached by its symbol. `JSONLineFastPathTests` pins what it makes
    /// equal to `String(validating:as:)`'s, flags included.
    static func string(validatedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        uncheckedString(bytes, isASCII: isASCII)
    }

    /// A cursor over one line's bytes.
    private struct Scanner {
        let base: UnsafePointer<UInt8>
        let count: Int
        var index = 0
        /// Whether strings and keys are checked to be valid UTF-8 (else strings are repaired).
        let validating: Bool
        /// Set when a check failed.
        var foundInvalidUTF8 = false
        /// Room for one string with its escapes decoded (never longer than the line), made
        /// on first need; the caller frees it.
        var scratch: UnsafeMutablePointer<UInt8>?

        init(base: UnsafePointer<UInt8>, count: Int, validating: Bool) {
            self.base = base
            self.count = count
            self.validating = validating
        }

        /// The string of `bytes`, which ``string()`` found to be valid UTF-8 (ASCII only when
        /// `isASCII`) when validating; repaired with U+FFFD otherwise.
        func makeString(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
            guard validating else { return String(decoding: bytes, as: UTF8.self) }
            return JSONLineFastPath.string(validatedUTF8: bytes, isASCII: isASCII)
        }

        mutating func skipWhitespace() {
            while index < count {
                let byte = base[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                index += 1
            }
        }

        /// Consumes `byte` after white space; false when the next byte is another.
        mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard index < count, base[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object() -> JSONLinesReader.Record? {
            var record = JSONLinesReader.Record(
                id: .absent, text: .absent, outlet: .absent, url: .absent, published: .absent, title: .absent)
            var seen: UInt8 = 0
            guard take(0x7B) else { return nil }  // {
            if !take(0x7D) {  // }
                while true {
                    guard take(0x22), let key = plainKey() else { return nil }
                    guard take(0x3A) else { return nil }  // :
                    skipWhitespace()
                    guard index < count else { return nil }
                    let field: JSONLinesReader.Field
                    if base[index] == 0x22 {
                        index += 1
                        guard let value = string() else { return nil }
                        field = .string(value)
                    } else if count - index >= 4, base[index] == 0x6E, base[index + 1] == 0x75,
                              base[index + 2] == 0x6C, base[index + 3] == 0x6C {  // null
                        index += 4
                        field = .absent
                    } else {
                        return nil
                    }
                    if let key {
                        // A key given twice: which one counts is JSONDecoder's to say.
                        guard seen & (1 << key.rawValue) == 0 else { return nil }
                        seen |= 1 << key.rawValue
                        switch key {
                        case .id: record.id = field
                        case .text: record.text = field
                        case .outlet: record.outlet = field
                        case .url: record.url = field
                        case .published: record.published = field
                        case .title: record.title = field
                        }
                    }
                    if take(0x2C) { continue }  // ,
                    guard take(0x7D) else { return nil }
                    break
                }
            }
            skipWhitespace()
            return index == count ? record : nil
        }

        /// The fields the reader keeps, by the bit each sets in `seen`.
        enum Key: UInt8 {
            case id, text, outlet, url, published, title
        }

        /// A key without escapes, after its opening quote: one of ``Key``, or nil inside
        /// `.some` for any other key; `.none` when the key has an escape or a control byte.
        mutating func plainKey() -> Key?? {
            let start = index
            var high: UInt8 = 0
            while index < count {
                let byte = base[index]
                if byte == 0x22 { break }
                if byte == 0x5C || byte < 0x20 { return .none }
                high |= byte
                index += 1
            }
            guard index < count else { return .none }
            let key = UnsafeBufferPointer(start: base + start, count: index - start)
            if validating, high >= 0x80, DecodedText.firstInvalidUTF8Offset(key) != nil {
                foundInvalidUTF8 = true
                return .none
            }
            index += 1
            switch key.count {
            case 2 where key[0] == 0x69 && key[1] == 0x64: return .some(.id)
            case 3 where key.elementsEqual("url".utf8): return .some(.url)
            case 4 where key.elementsEqual("text".utf8): return .some(.text)
            case 5 where key.elementsEqual("title".utf8): return .some(.title)
            case 6 where key.elementsEqual("outlet".utf8): return .some(.outlet)
            case 9 where key.elementsEqual("published".utf8): return .some(.published)
            default: return .some(nil)
            }
        }

        /// Moves ``index`` to the first quote, backslash, control byte or byte outside ASCII at
        /// or after it, or to the last 15 bytes of the line when none comes before them; the
        /// bytes are tested sixteen at a time, by lane comparisons (SSE2's `pcmpeqb` and
        /// `pcmpgtb`): read as signed, a byte below 0x20 and a byte at or above 0x80 are both
        /// less than 0x20, so one comparison finds both.
        @inline(__always)
        mutating func skipPlainBytes() {
            // A local cursor, kept in a register rather than stored on every step.
            var at = index
            while count &- at >= 16 {
                let lanes = UnsafeRawPointer(base + at).loadUnaligned(as: ByteLanes.Lanes.self)
                let signed = unsafeBitCast(lanes, to: SIMD16<Int8>.self)
                let special = (lanes .== ByteLanes.Lanes(repeating: 0x22)) .| (lanes .== ByteLanes.Lanes(repeating: 0x5C))
                    .| (signed .< SIMD16<Int8>(repeating: 0x20))
                // Each lane of the mask is all ones or all zeros.
                let halves = unsafeBitCast(special, to: SIMD2<UInt64>.self)
                let low = halves[0], high = halves[1]
                if low | high != 0 {
                    at &+= low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ high.trailingZeroBitCount >> 3
                    break
                }
                at &+= 16
            }
            index = at
        }

        /// Steps over the byte at ``index``, at or above 0x80: over the whole UTF-8 sequence it
        /// leads when validating (setting `invalid` and stepping one byte when there is none).
        @inline(__always)
        mutating func skipNonASCII(invalid: inout Bool) {
            guard validating else { index &+= 1; return }
            if let length = DecodedText.utf8SequenceLength(base, at: index, count: count) {
                index &+= length
            } else {
                invalid = true
                index &+= 1
            }
        }

        /// A string value after its opening quote, escapes decoded; nil for what JSONDecoder
        /// should judge, and nil with ``foundInvalidUTF8`` set when validating and the value is
        /// not valid UTF-8. The bytes are validated as they are searched for the closing quote,
        /// sixteen at a time, so the string is made without a second check.
        mutating func string() -> String? {
            var start = index
            var isASCII = true
            var invalid = false
            // The usual value has no escape: find its end and make the string in one go.
            while true {
                skipPlainBytes()
                guard index < count else { return nil }
                let byte = base[index]
                if byte == 0x22 {
                    if invalid { foundInvalidUTF8 = true; return nil }
                    let value = makeString(UnsafeBufferPointer(start: base + start, count: index - start), isASCII: isASCII)
                    index += 1
                    return value
                }
                if byte == 0x5C { break }
                if byte < 0x20 { return nil }
                if byte >= 0x80 {
                    isASCII = false
                    skipNonASCII(invalid: &invalid)
                } else {
                    index += 1
                }
            }
            // Escapes: copy the runs between them into the scratch buffer, decoding each escape.
            if scratch == nil { scratch = .allocate(capacity: count) }
            let bytes = scratch!
            var length = 0
            @inline(__always) func append(_ run: UnsafePointer<UInt8>, _ runLength: Int) {
                (bytes + length).update(from: run, count: runLength)
                length += runLength
            }
            @inline(__always) func append(_ byte: UInt8) {
                bytes[length] = byte
                length += 1
            }
            while true {
                skipPlainBytes()
                guard index < count else { return nil }
                let byte = base[index]
                if byte == 0x22 {
                    if invalid { foundInvalidUTF8 = true; return nil }
                    append(base + start, index - start)
                    index += 1
                    return makeString(UnsafeBufferPointer(start: bytes, count: length), isASCII: isASCII)
                }
                if byte < 0x20 { return nil }
                if byte >= 0x80 {
                    isASCII = false
                    skipNonASCII(invalid: &invalid)
                    continue
                }
                guard byte == 0x5C else { index += 1; continue }
                append(base + start, index - start)
                guard index + 1 < count else { return nil }
                let escaped = base[index + 1]
                index += 2
                switch escaped {
                case 0x22, 0x5C, 0x2F: append(escaped)
                case 0x62: append(0x08)
                case 0x66: append(0x0C)
                case 0x6E: append(0x0A)
                case 0x72: append(0x0D)
                case 0x74: append(0x09)
                case 0x75:
                    guard let unit = hex4() else { return nil }
                    var scalar: UInt32 = UInt32(unit)
                    if unit >= 0xD800, unit < 0xDC00 {
                        // A high surrogate must be followed by an escaped low one.
                        guard count - index >= 6, base[index] == 0x5C, base[index + 1] == 0x75 else { return nil }
                        index += 2
                        guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else if unit >= 0xDC00, unit < 0xE000 {
                        return nil
                    }
                    guard let value = Unicode.Scalar(scalar) else { return nil }
                    if scalar >= 0x80 { isASCII = false }
                    for byte in UTF8.encode(value)! { append(byte) }
                default:
                    return nil
                }
                start = index
            }
        }

        /// Four hexadecimal digits as a UTF-16 code unit.
        mutating func hex4() -> UInt16? {
            guard count - index >= 4 else { return nil }
            var unit: UInt16 = 0
            for offset in 0..<4 {
                let byte = base[index + offset]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                unit = unit << 4 | UInt16(digit)
            }
            index += 4
            return unit
        }
    }
}

/// `String._uncheckedFromUTF8(_:isASCII:)` of the standard library (a static method of a
/// struct: its thin metatype takes no register, so it is called as this free function).
@_silgen_name("$sSS18_uncheckedFromUTF8_7isASCIISSSRys5UInt8VG_SbtFZ")
private func uncheckedString(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String
