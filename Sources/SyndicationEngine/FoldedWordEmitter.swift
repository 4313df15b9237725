extension FoldedShingleScanner {
    /// Appends words to the folded stream as the scanner finds them and hashes each shingle
    /// the moment its last word is in.
    struct WordEmitter {
        /// The document's bytes as given.
        let input: UnsafeRawPointer
        /// The scanner's prepared copy: lower-cased, separators blanked, zero-padded.
        let text: UnsafeMutableRawPointer
        /// The folded stream.
        let output: UnsafeMutableRawPointer
        /// How far the folded stream may run ahead of the input position (NFKC expansion).
        let slackLimit: Int
        /// Start of each of the last `size` words in the folded stream, a ring indexed by `slot`.
        let starts: UnsafeMutablePointer<Int>
        let size: Int
        let seed: UInt64
        let isWordUnit: Bool
        /// The folded stream's length so far.
        var length = 0
        /// Words kept so far.
        var wordCount = 0
        var slot = 0
        /// Code points and folded bytes of non-ASCII words, reused across words.
        var folder = NonASCIIWordFolder()

        init(
            shingling: Shingling, input: UnsafeRawPointer, text: UnsafeMutableRawPointer,
            output: UnsafeMutableRawPointer, slackLimit: Int, starts: UnsafeMutablePointer<Int>
        ) {
            self.input = input
            self.text = text
            self.output = output
            self.slackLimit = slackLimit
            self.starts = starts
            size = shingling.size
            seed = shingling.seed
            isWordUnit = shingling.unit == .words
        }

        /// Appends the word at bytes `start..<end` of the text and hashes the word shingle it
        /// completes, if any. With `checkingNonASCII` false the caller promises the word is ASCII.
        @inline(__always)
        mutating func emit<Sink: ShingleHashSink>(
            _ start: Int, _ end: Int, checkingNonASCII: Bool, into sink: inout Sink
        ) throws(Refusal) {
            // A space before every word but the first: stored always, kept only after a word.
            output.storeBytes(of: 0x20, toByteOffset: length, as: UInt8.self)
            let foldedStart = length &+ Swift.min(wordCount, 1)
            // Copy eight bytes at a time; the stores may run up to seven bytes past the word,
            // into space the next word overwrites.
            let wordLength = end &- start
            var offset = 0
            var nonASCII: UInt64 = 0
            repeat {
                let chunk = text.loadUnaligned(fromByteOffset: start &+ offset, as: UInt64.self)
                if checkingNonASCII {
                    let remaining = wordLength &- offset
                    let littleEndian = UInt64(littleEndian: chunk)
                    nonASCII |= remaining >= 8 ? littleEndian : littleEndian & ((1 &<< (UInt64(remaining) &* 8)) &- 1)
                }
                output.storeBytes(of: chunk, toByteOffset: foldedStart &+ offset, as: UInt64.self)
                offset &+= 8
            } while offset < wordLength
            var foldedEnd = foldedStart &+ wordLength
            if checkingNonASCII && nonASCII & 0x8080_8080_8080_8080 != 0 {
                guard let end = try foldNonASCII(start, end, at: foldedStart) else {
                    // A word of marks only folds to nothing: drop it and its separator.
                    return
                }
                foldedEnd = end
            }
            length = foldedEnd
            wordCount &+= 1
            guard isWordUnit else { return }
            starts[slot] = foldedStart
            slot &+= 1
            if slot == size { slot = 0 }
            if wordCount >= size {
                // `slot` now points at the oldest of the last `size` starts.
                let first = starts[slot]
                sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output + first, count: foldedEnd &- first), seed: seed))
            }
        }

        /// The slow path of ``emit(_:_:checkingNonASCII:into:)``, kept out of line so that the
        /// ASCII path stays small enough to inline.
        @inline(never)
        private mutating func foldNonASCII(_ start: Int, _ end: Int, at foldedStart: Int) throws(Refusal) -> Int? {
            try folder.fold(input, start..<end, into: output, at: foldedStart, limit: end &+ slackLimit)
        }

        /// Hashes what only the whole stream decides: the one shingle of a document shorter
        /// than a word shingle, or the character shingles. Returns the stream's length.
        mutating func finish<Sink: ShingleHashSink>(into sink: inout Sink) -> Int {
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
    }

    /// Folds words with non-ASCII code points the general way, through
    /// ``TokenNormalizer/appendFolded(_:_:to:)``, reusing its buffers across words.
    struct NonASCIIWordFolder {
        private var scalars: [Unicode.Scalar] = []
        private var folded: [UInt8] = []

        /// Folds the word at `range` of `input` into `output` at `position`. Returns the end
        /// of the folded word, or nil when it folds to nothing.
        ///
        /// - Throws: ``Refusal/foldedTextTooLong`` when the folded word would end past `limit`.
        mutating func fold(
            _ input: UnsafeRawPointer, _ range: Range<Int>, into output: UnsafeMutableRawPointer,
            at position: Int, limit: Int
        ) throws(Refusal) -> Int? {
            scalars.removeAll(keepingCapacity: true)
            let bytes = input.assumingMemoryBound(to: UInt8.self)
            var index = range.lowerBound
            while index < range.upperBound {
                let (scalar, width) = try FoldedShingleScanner.decode(bytes, at: index, count: range.upperBound)
                scalars.append(scalar)
                index += width
            }
            folded.removeAll(keepingCapacity: true)
            scalars.withUnsafeBufferPointer {
                TokenNormalizer.appendFolded($0, 0..<$0.count, to: &folded)
            }
            if folded.isEmpty { return nil }
            guard position + folded.count <= limit else { throw .foldedTextTooLong }
            folded.withUnsafeBytes { (output + position).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return position + folded.count
        }
    }
}
