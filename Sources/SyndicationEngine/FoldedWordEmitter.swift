extension FoldedShingleScanner {
    /// Appends words to the folded stream as the scanner finds them and hashes each shingle
    /// the moment its last word is in.
    struct WordEmitter {
        /// The scanner's blanked, zero-padded copy of the text.
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
        /// Non-ASCII words only: their code points and their folded bytes, reused across words.
        var scalars: [Unicode.Scalar] = []
        var foldedWord: [UInt8] = []

        init(
            shingling: Shingling, text: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer,
            slackLimit: Int, starts: UnsafeMutablePointer<Int>
        ) {
            self.text = text
            self.output = output
            self.slackLimit = slackLimit
            self.starts = starts
            size = shingling.size
            seed = shingling.seed
            isWordUnit = shingling.unit == .words
        }

        /// Appends the word at bytes `start..<end` of the text and hashes the word shingle it
        /// completes, if any.
        @inline(__always)
        mutating func emit<Sink: ShingleHashSink>(_ start: Int, _ end: Int, into sink: inout Sink) throws(Refusal) {
            let spaceAt = length
            if wordCount > 0 {
                output.storeBytes(of: 0x20, toByteOffset: length, as: UInt8.self)
                length += 1
            }
            let foldedStart = length
            // Copy eight bytes at a time, lower-cased; the stores may run up to seven bytes past
            // the word, into space the next word overwrites.
            let wordLength = end - start
            var offset = 0
            var nonASCII: UInt64 = 0
            repeat {
                let chunk = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self))
                let remaining = wordLength - offset
                nonASCII |= remaining >= 8 ? chunk : chunk & ((1 << (UInt64(remaining) &* 8)) &- 1)
                output.storeBytes(of: FoldedShingleScanner.lowercased(chunk).littleEndian, toByteOffset: foldedStart + offset, as: UInt64.self)
                offset += 8
            } while offset < wordLength
            length = foldedStart + wordLength
            if nonASCII & 0x8080_8080_8080_8080 != 0 {
                if try !foldGenerally(start, end, at: foldedStart) {
                    // A word of marks only folds to nothing: drop it and its separator.
                    length = spaceAt
                    return
                }
            }
            wordCount += 1
            guard isWordUnit else { return }
            starts[slot] = foldedStart
            slot += 1
            if slot == size { slot = 0 }
            if wordCount >= size {
                // `slot` now points at the oldest of the last `size` starts.
                let first = starts[slot]
                sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output + first, count: length - first), seed: seed))
            }
        }

        /// Folds the word at `start..<end` through ``TokenNormalizer/appendFolded(_:_:to:)`` into
        /// the stream at `foldedStart`. Returns false when it folds to nothing.
        private mutating func foldGenerally(_ start: Int, _ end: Int, at foldedStart: Int) throws(Refusal) -> Bool {
            scalars.removeAll(keepingCapacity: true)
            let bytes = text.assumingMemoryBound(to: UInt8.self)
            var position = start
            while position < end {
                let (scalar, width) = try FoldedShingleScanner.decode(bytes, at: position, count: end)
                scalars.append(scalar)
                position += width
            }
            foldedWord.removeAll(keepingCapacity: true)
            scalars.withUnsafeBufferPointer {
                TokenNormalizer.appendFolded($0, 0..<$0.count, to: &foldedWord)
            }
            if foldedWord.isEmpty { return false }
            guard foldedStart + foldedWord.count <= end + slackLimit else { throw .foldedTextTooLong }
            foldedWord.withUnsafeBytes { (output + foldedStart).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            length = foldedStart + foldedWord.count
            return true
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
}
