extension FoldedShingleScanner {
    /// Appends words to the folded stream as the scanner finds them, each followed by one
    /// space, and writes down where each starts; then hashes the shingles from there.
    struct WordEmitter {
        /// The document's bytes as given.
        let input: UnsafeRawPointer
        /// The scanner's prepared copy: lower-cased, separators blanked, zero-padded.
        let text: UnsafeRawPointer
        /// The folded stream.
        let output: UnsafeMutableRawPointer
        /// How far the folded stream may run ahead of the input position (NFKC expansion).
        let slackLimit: Int
        /// The start of each word in the folded stream, in text order.
        let starts: UnsafeMutablePointer<Int32>
        /// The start of each word in the input, in text order (may be `starts` itself when
        /// nobody reads them: each entry is written before the stream start that replaces it).
        let inputStarts: UnsafeMutablePointer<Int32>
        /// Where the next word goes: the folded stream so far, with a space after its last word.
        var length = 0
        /// Words kept so far.
        var wordCount = 0

        init(
            input: UnsafeRawPointer, text: UnsafeRawPointer, output: UnsafeMutableRawPointer,
            slackLimit: Int, starts: UnsafeMutablePointer<Int32>, inputStarts: UnsafeMutablePointer<Int32>
        ) {
            self.input = input
            self.text = text
            self.output = output
            self.slackLimit = slackLimit
            self.starts = starts
            self.inputStarts = inputStarts
        }

        /// Appends the word at bytes `start..<end` of the text. With `checkingNonASCII` false
        /// the caller promises the word folds byte by byte (ASCII and ``SelfFoldingScalars``);
        /// otherwise a word with other code points goes through `folder`.
        @inline(__always)
        mutating func emit(
            _ start: Int, _ end: Int, checkingNonASCII: Bool, folder: inout NonASCIIWordFolder
        ) throws(Refusal) {
            let foldedStart = length
            var foldedEnd = foldedStart &+ (end &- start)
            if FoldedShingleScanner.copyWord(
                text, start, end, to: output, at: foldedStart, checkingNonASCII: checkingNonASCII) {
                // A word of marks only folds to nothing: drop it and its separator.
                guard let end = try folder.fold(input, start..<end, into: output, at: foldedStart, limit: end &+ slackLimit)
                else { return }
                foldedEnd = end
            }
            inputStarts[wordCount] = Int32(truncatingIfNeeded: start)
            starts[wordCount] = Int32(truncatingIfNeeded: foldedStart)
            wordCount &+= 1
            output.storeBytes(of: 0x20, toByteOffset: foldedEnd, as: UInt8.self)
            length = foldedEnd &+ 1
        }

        /// Hashes every shingle of the folded stream into `sink`, in text order, and returns the
        /// stream's length. A document shorter than one word shingle gives one shingle of all
        /// its words; character shingles are the windows of the stream.
        mutating func hashShingles<Sink: ShingleHashSink>(_ shingling: Shingling, into sink: inout Sink) -> Int {
            guard wordCount > 0 else { return 0 }
            let streamLength = length &- 1
            let seed = shingling.seed
            let size = shingling.size
            switch shingling.unit {
            case .words where wordCount >= size:
                // Word i ends one byte (its space) before word i + 1 starts; the last word's
                // end is marked by a start one past the stream's final space.
                starts[wordCount] = Int32(truncatingIfNeeded: length)
                let last = wordCount &- size
                var first = 0
                while first <= last {
                    let start = Int(starts[first])
                    let end = Int(starts[first &+ size]) &- 1
                    sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output + start, count: end &- start), seed: seed))
                    first &+= 1
                }
            case .words:
                sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output, count: streamLength), seed: seed))
            case .characters:
                let windows = Swift.max(1, streamLength - size + 1)
                for offset in 0..<windows {
                    let count = Swift.min(size, streamLength - offset)
                    sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output + offset, count: count), seed: seed))
                }
            }
            return streamLength
        }

        /// Hashes the word shingles of the words `run` into `sink`, in text order: those
        /// ``Shingling/hashes(of:tokens:)`` gives for that token range, one shingle of all its
        /// words when it is shorter than one shingle.
        ///
        /// - Precondition: the entry after the last word's start is written (one past the
        ///   stream's final space), and `run` lies within the words.
        @inline(__always)
        func hashRun<Sink: ShingleHashSink>(_ run: Range<Int>, _ shingling: Shingling, into sink: inout Sink) {
            guard !run.isEmpty else { return }
            let seed = shingling.seed
            let size = shingling.size
            @inline(__always) func hash(_ first: Int, _ end: Int) {
                let start = Int(starts[first])
                let stop = Int(starts[end]) &- 1
                sink.add(XXHash.hash64(UnsafeRawBufferPointer(start: output + start, count: stop &- start), seed: seed))
            }
            guard run.count >= size else { return hash(run.lowerBound, run.upperBound) }
            var first = run.lowerBound
            let last = run.upperBound &- size
            while first <= last {
                hash(first, first &+ size)
                first &+= 1
            }
        }
    }
}

extension FoldedShingleScanner {
    /// Folds words with code points outside ASCII and ``SelfFoldingScalars`` the general way,
    /// through ``TokenNormalizer/appendFolded(_:_:to:)``, reusing its buffers across words.
    struct NonASCIIWordFolder {
        private var scalars: [Unicode.Scalar] = []
        private var folded: [UInt8] = []

        /// Folds the word at `range` of `input` into `output` at `position`, where the caller
        /// has already copied the word's bytes with ASCII capitals lower-cased. Returns the end
        /// of the folded word, or nil when it folds to nothing.
        ///
        /// Kept out of line, so that the ASCII path around it stays small and in registers.
        ///
        /// - Throws: ``Refusal/foldedTextTooLong`` when the folded word would end past `limit`.
        @inline(never)
        mutating func fold(
            _ input: UnsafeRawPointer, _ range: Range<Int>, into output: UnsafeMutableRawPointer,
            at position: Int, limit: Int
        ) throws(Refusal) -> Int? {
            scalars.removeAll(keepingCapacity: true)
            let bytes = input.assumingMemoryBound(to: UInt8.self)
            var index = range.lowerBound
            var foldsByteByByte = true
            while index < range.upperBound {
                let (scalar, width) = try FoldedShingleScanner.decode(bytes, at: index, count: range.upperBound)
                if width > 1 && !SelfFoldingScalars.contains(scalar.value) { foldsByteByByte = false }
                scalars.append(scalar)
                index += width
            }
            // The copy already in place is the folded word.
            if foldsByteByByte { return position + range.count }
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
