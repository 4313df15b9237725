import Foundation

/// A file's bytes decoded to text the way every syndetect input is decoded.
///
/// - UTF-8 is the default. A leading UTF-8 byte-order mark is dropped, so offsets count from
///   the first code point after it.
/// - UTF-16 is recognised by its byte-order mark (little- or big-endian), or, without one, by
///   the zero bytes that every other byte of ASCII-range UTF-16 text holds. The mark is dropped.
/// - Invalid UTF-8 (or unpaired UTF-16 surrogates) decode to U+FFFD, and ``problem`` says so.
/// - Many zero bytes in the first 8 KiB of a file that is not UTF-16 (more than 16, or two or more
///   making 1 % of them) make it binary: ``isBinary`` is set and ``text`` is empty. A stray zero byte is
///   kept as U+0000 and ``problem`` says so.
public struct DecodedText: Hashable, Sendable {
    /// The encodings syndetect reads.
    public enum Encoding: String, Hashable, Sendable {
        /// UTF-8, with or without a byte-order mark.
        case utf8
        /// UTF-16, little-endian.
        case utf16LittleEndian
        /// UTF-16, big-endian.
        case utf16BigEndian
    }

    /// The decoded text, without any byte-order mark; empty for a binary file.
    public var text: String
    /// The encoding the bytes were read as.
    public var encoding: Encoding
    /// Whether the bytes look like a binary file rather than text.
    public var isBinary: Bool
    /// What was wrong with the bytes, as the end of a sentence ("is not valid UTF-8: ..."),
    /// or nil when they decoded cleanly.
    public var problem: String?
    /// The 1-based line of the first undecodable byte, when ``problem`` is about one.
    public var problemLine: Int?

    /// A decoded text with the given fields.
    public init(
        text: String, encoding: Encoding, isBinary: Bool = false, problem: String? = nil,
        problemLine: Int? = nil
    ) {
        self.text = text
        self.encoding = encoding
        self.isBinary = isBinary
        self.problem = problem
        self.problemLine = problemLine
    }

    /// How many leading bytes are searched for zero bytes when telling text from binary.
    public static let binaryProbeLength = 8192

    /// Decodes `data` as described on ``DecodedText``.
    ///
    /// - Complexity: O(*n*) in the byte count.
    public init(decoding data: Data) {
        self = data.withUnsafeBytes { raw in
            Self.decode(UnsafeBufferPointer(
                start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), bigEndian: false)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), bigEndian: true)
        }
        var body = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        let probe = UnsafeBufferPointer(rebasing: body.prefix(binaryProbeLength))
        let zeros = probe.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if zeros > 0 {
            if let bigEndian = unmarkedUTF16ByteOrder(probe) {
                return decodeUTF16(body, bigEndian: bigEndian)
            }
            // A stray zero byte or two in text (scraped pages carry them) is not a binary file;
            // binary formats are full of them.
            if zeros > 16 || (zeros >= 2 && zeros * 100 >= probe.count) {
                return DecodedText(text: "", encoding: .utf8, isBinary: true,
                                   problem: "holds \(zeros) zero bytes in its first \(probe.count), so it looks like a binary file; skipped")
            }
            let firstZero = body.firstIndex(of: 0) ?? 0
            let line = 1 + body.prefix(firstZero).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let decoded = firstInvalidUTF8Offset(body) == nil
            return DecodedText(
                text: String(decoding: body, as: UTF8.self), encoding: .utf8,
                problem: "holds \(zeros) zero byte\(zeros == 1 ? "" : "s") (kept as U+0000)"
                    + (decoded ? "" : " and invalid UTF-8 (replaced with U+FFFD)"),
                problemLine: line)
        }
        if let invalid = firstInvalidUTF8Offset(body) {
            let line = 1 + body.prefix(invalid).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return DecodedText(
                text: String(decoding: body, as: UTF8.self), encoding: .utf8,
                problem: "is not valid UTF-8 (first bad byte at offset \(invalid)); "
                    + "undecodable bytes were replaced with U+FFFD",
                problemLine: line)
        }
        return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: .utf8)
    }

    /// The byte order of UTF-16 text without a byte-order mark, judged from where its zero
    /// bytes fall: in ASCII-range UTF-16 nearly every high byte is zero and no low byte is.
    static func unmarkedUTF16ByteOrder(_ probe: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard probe.count >= 4 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for index in probe.indices where probe[index] == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = probe.count / 2
        if oddZeros * 10 >= pairs * 7, evenZeros * 50 <= pairs { return false }
        if evenZeros * 10 >= pairs * 7, oddZeros * 50 <= pairs { return true }
        return nil
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> DecodedText {
        let encoding: Encoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var problem: String?
        var view = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var replaced = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): view.append(scalar)
            case .error:
                view.append("\u{FFFD}")
                replaced += 1
            case .emptyInput: break loop
            }
        }
        if replaced > 0 {
            problem = "is not valid UTF-16 (\(replaced) unpaired surrogates); "
                + "they were replaced with U+FFFD"
        }
        if bytes.count % 2 == 1 {
            view.append("\u{FFFD}")
            problem = "is UTF-16 with an odd number of bytes; the last byte was replaced with U+FFFD"
        }
        return DecodedText(text: String(view), encoding: encoding, problem: problem)
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (Unicode 15 table 3-7), or nil when all of them do.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time, the common case.
            if count - index >= 8,
               UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            if bytes[index] < 0x80 { index += 1; continue }
            guard let length = utf8SequenceLength(bytes.baseAddress!, at: index, count: count) else { return index }
            index += length
        }
        return nil
    }

    /// The byte length of the well-formed UTF-8 sequence (Unicode 15 table 3-7) whose lead byte,
    /// at or above 0x80, is at `index` of the `count` bytes at `base`; nil when the bytes there
    /// are not one.
    @inline(__always)
    static func utf8SequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let lead = base[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard count - index >= length else { return nil }
        let second = base[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}

extension CorpusReader {
    /// Decodes a file's bytes the way ``read(_:)`` does, for callers that read single files
    /// themselves (such as `syndetect compare A B`).
    ///
    /// - Returns: The text (empty for a binary file) and, when the bytes were not clean text,
    ///   what was wrong with them as the end of a sentence, such as "is not valid UTF-8 ...".
    public static func decodeText(_ data: Data) -> (text: String, problem: String?) {
        let decoded = DecodedText(decoding: data)
        return (decoded.text, decoded.problem)
    }
}
