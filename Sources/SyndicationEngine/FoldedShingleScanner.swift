/// Receives the shingle hashes of a ``FoldedShingleScanner`` pass, in text order.
protocol ShingleHashSink {
    /// Takes one shingle hash.
    mutating func add(_ hash: UInt64)
}

/// One pass over a document's UTF-8 bytes that folds its words into a caller-provided byte
/// buffer and hashes each shingle as soon as its last unit is known, with no allocation for
/// ASCII words.
///
/// It reproduces ``AnalyzedText`` followed by ``Shingling/hashes(of:tokens:)`` exactly:
/// - a word is a maximal run of code points for which ``TokenNormalizer/isWordScalar(_:)``
///   holds (for ASCII: `0-9`, `A-Z`, `a-z`; every other ASCII byte separates words);
/// - an all-ASCII word folds to its lower-cased bytes, which is what
///   ``TokenNormalizer/appendFolded(_:_:to:)`` does for ASCII words; a word holding any
///   non-ASCII code point is decoded and handed to that very function, so NFKC and case
///   folding are never reimplemented; a word that folds to nothing is dropped with its separator;
/// - folded words are joined by single spaces, and a word shingle is the bytes from the first
///   byte of its first word to the last byte of its last word, hashed with XXH3 under the
///   shingling's seed; a document shorter than one shingle gives one shingle of what is there;
///   character shingles are windows over the whole folded stream.
///
/// Decoding is strict. Bytes that are not well-formed UTF-8 (which `String(decoding:as:)`
/// would repair to U+FFFD) make the scan give up, and the caller takes the general path.
struct FoldedShingleScanner {
    /// How shingles are cut and hashed.
    let shingling: Shingling

    /// Why a scan gave up.
    enum Refusal: Error {
        /// The bytes are not well-formed UTF-8.
        case malformedUTF8
        /// Folding expanded the text past the buffer (NFKC can lengthen a word).
        case foldedTextTooLong
    }

    /// The bytes a folded stream may need beyond the input length before the scan refuses.
    static let foldedSlack = 64

    /// Folds `input` into `folded` (which must hold at least `input.count + foldedSlack`
    /// bytes) and passes every shingle hash to `sink` in text order, repeats kept.
    ///
    /// - Returns: the length of the folded stream.
    /// - Throws: a ``Refusal`` when the general path must decide instead; `sink` may have
    ///   received hashes by then.
    /// - Complexity: O(*n*) in the byte count; words with non-ASCII code points cost an
    ///   NFKC fold each (about a microsecond).
    func scan<Sink: ShingleHashSink>(
        _ input: UnsafeRawBufferPointer, folded: UnsafeMutableBufferPointer<UInt8>,
        wordStarts: UnsafeMutableBufferPointer<Int>, into sink: inout Sink
    ) throws(Refusal) -> Int {
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return 0 }
        let output = folded.baseAddress!
        let capacity = folded.count
        let count = input.count
        let seed = shingling.seed
        let isWordUnit = shingling.unit == .words
        let size = shingling.size
        // Start of each of the last `size` words in the folded stream, a ring indexed by `slot`.
        let starts = wordStarts.baseAddress!
        var slot = 0
        var wordCount = 0
        var length = 0
        var index = 0
        // Non-ASCII words only: their code points and their folded bytes, reused across words.
        var scalars: [Unicode.Scalar] = []
        var foldedWord: [UInt8] = []

        while index < count {
            // Separators.
            var byte = source[index]
            if byte < 0x80 {
                if !Self.isASCIIWordByte(byte) { index += 1; continue }
            } else {
                let (scalar, width) = try Self.decode(source, at: index, count: count)
                if !TokenNormalizer.isWordScalar(scalar) { index += width; continue }
            }
            // A word starts at `index`: copy ASCII bytes lower-cased until it ends or turns
            // out to hold a non-ASCII code point.
            let wordStart = index
            let spaceAt = length
            if wordCount > 0 { output[length] = 0x20; length += 1 }
            let foldedStart = length
            var isASCIIWord = true
            while index < count {
                byte = source[index]
                if byte < 0x80 {
                    guard Self.isASCIIWordByte(byte) else { break }
                    output[length] = Self.isUpperASCII(byte) ? byte | 0x20 : byte
                    length += 1
                    index += 1
                } else {
                    let (scalar, width) = try Self.decode(source, at: index, count: count)
                    guard TokenNormalizer.isWordScalar(scalar) else { break }
                    isASCIIWord = false
                    index += width
                }
            }
            if !isASCIIWord {
                // Fold the whole word the general way, from its code points.
                scalars.removeAll(keepingCapacity: true)
                var position = wordStart
                while position < index {
                    if source[position] < 0x80 {
                        scalars.append(Unicode.Scalar(source[position]))
                        position += 1
                    } else {
                        let (scalar, width) = try Self.decode(source, at: position, count: count)
                        scalars.append(scalar)
                        position += width
                    }
                }
                foldedWord.removeAll(keepingCapacity: true)
                scalars.withUnsafeBufferPointer {
                    TokenNormalizer.appendFolded($0, 0..<$0.count, to: &foldedWord)
                }
                if foldedWord.isEmpty {
                    // A word of marks only folds to nothing: drop it and its separator.
                    length = spaceAt
                    continue
                }
                // Every byte still to come yields at most one folded byte, so the buffer holds
                // the rest as long as the stream stays within the slack ahead of the input.
                guard foldedStart + foldedWord.count <= index + (capacity - count) else { throw .foldedTextTooLong }
                length = foldedStart
                for folded in foldedWord {
                    output[length] = folded
                    length += 1
                }
            }
            // The word is folded: close the word shingle it completes, if any.
            if isWordUnit {
                starts[slot] = foldedStart
                slot += 1
                if slot == size { slot = 0 }
                wordCount += 1
                if wordCount >= size {
                    // `slot` now points at the oldest of the last `size` starts.
                    let first = starts[slot]
                    sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output + first, count: length - first), seed: seed))
                }
            } else {
                wordCount += 1
            }
        }
        guard wordCount > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: output, count: length)
        if isWordUnit {
            if wordCount < size { sink.add(XXHash.hash64(bytes, seed: seed)) }
        } else {
            let windows = Swift.max(1, length - size + 1)
            for offset in 0..<windows {
                sink.add(XXHash.hash64(
                    UnsafeRawBufferPointer(rebasing: bytes[offset..<Swift.min(length, offset + size)]), seed: seed))
            }
        }
        return length
    }

    /// Whether an ASCII byte is a word character: `0-9`, `A-Z` or `a-z`.
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte &- 0x30) < 10 || ((byte | 0x20) &- 0x61) < 26
    }

    /// Whether an ASCII byte is `A-Z`.
    @inline(__always)
    static func isUpperASCII(_ byte: UInt8) -> Bool {
        (byte &- 0x41) < 26
    }

    /// Decodes the well-formed UTF-8 sequence of two to four bytes starting at `index`
    /// (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
    @inline(__always)
    static func decode(
        _ bytes: UnsafePointer<UInt8>, at index: Int, count: Int
    ) throws(Refusal) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) throws(Refusal) -> UInt32 {
            guard index + offset < count else { throw .malformedUTF8 }
            let byte = bytes[index + offset]
            guard byte >= low && byte <= high else { throw .malformedUTF8 }
            return UInt32(byte & 0x3F)
        }
        let value: UInt32
        let width: Int
        switch lead {
        case 0xC2...0xDF:
            value = (lead & 0x1F) << 6 | (try continuation(1))
            width = 2
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            value = (lead & 0x0F) << 12 | (try continuation(1, low, high)) << 6 | (try continuation(2))
            width = 3
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            value = (lead & 0x07) << 18 | (try continuation(1, low, high)) << 12
                | (try continuation(2)) << 6 | (try continuation(3))
            width = 4
        default:
            throw .malformedUTF8
        }
        // The ranges above admit only scalar values.
        return (Unicode.Scalar(value).unsafelyUnwrapped, width)
    }
}
