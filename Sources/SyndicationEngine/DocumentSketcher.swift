/// Turns a document's raw UTF-8 bytes straight into its ``MinHashSignature``, without building
/// an ``AnalyzedText``: the fast path of a scan's first stage.
///
/// For every input the result equals the general path,
///
/// ```swift
/// MinHasher(parameters: parameters).signature(of: SortedHashSet.make(
///     parameters.shingling.hashes(of: AnalyzedText(String(decoding: bytes, as: UTF8.self)))))
/// ```
///
/// and it gets there without building tokens or a shingle list (see `FoldedShingleScanner`):
/// words are folded into a scratch buffer, single-spaced, as they are read; then each shingle
/// is hashed with XXH3 where it lies in that buffer, and with ``MinHashScheme/onePermutation``
/// the hash goes straight into its bin (Li, Owen & Zhang, NIPS 2012). Bins keep a minimum,
/// which ignores order and repeats, so no shingle set is sorted or deduplicated;
/// densification is ``MinHasher``'s own. ASCII words, and words whose other code points fold
/// to themselves (``SelfFoldingScalars``: lower-case accented Latin, Greek and Cyrillic, kana,
/// CJK, Hangul), are folded inline; any other word goes through
/// ``TokenNormalizer/appendFolded(_:_:to:)`` (NFKC and lower-casing), exactly as in
/// ``AnalyzedText``. Bytes that are not well-formed UTF-8 take the general path.
///
/// A sketcher holds no mutable state, so one can serve every thread of a scan. Scratch space
/// lives for one call, on the stack for documents of ordinary size.
public struct DocumentSketcher: Sendable {
    /// The parameters of every signature this sketcher makes.
    public let parameters: MinHashParameters
    private let hasher: MinHasher
    private let scanner: FoldedShingleScanner

    /// A sketcher making signatures with `parameters`.
    public init(parameters: MinHashParameters = MinHashParameters()) {
        self.parameters = parameters
        hasher = MinHasher(parameters: parameters)
        scanner = FoldedShingleScanner(shingling: parameters.shingling)
    }

    /// The signature of the document whose UTF-8 bytes are `utf8`.
    ///
    /// - Complexity: O(*n*) in the byte count plus O(*k*) for the signature (O(*n*·*k*) for
    ///   ``MinHashScheme/classic``); one allocation, the result, for ASCII text.
    public func signature(utf8: UnsafeRawBufferPointer) -> MinHashSignature {
        let count = parameters.permutationCount
        var isEmpty = false
        let values = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            isEmpty = !fillSignature(utf8: utf8, into: buffer)
            initialized = count
        }
        if isEmpty { return MinHashSignature.empty(parameters: parameters) }
        return MinHashSignature(parameters: parameters, values: values)
    }

    /// The signature of `text`.
    ///
    /// - Complexity: as ``signature(utf8:)``, plus a copy when the string is not stored as
    ///   contiguous UTF-8.
    public func signature(of text: String) -> MinHashSignature {
        var text = text
        return text.withUTF8 { signature(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Writes the signature values of the document whose UTF-8 bytes are `utf8` into
    /// `values`, for callers that keep signatures in one flat buffer.
    ///
    /// - Precondition: `values.count == parameters.permutationCount`.
    /// - Returns: whether the document has a shingle; when it has none every value is
    ///   `UInt64.max`, the values of ``MinHashSignature/empty(parameters:)``.
    /// - Complexity: as ``signature(utf8:)``, with no allocation for ASCII text.
    public func fillSignature(utf8: UnsafeRawBufferPointer, into values: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        fillSignature(utf8: utf8, into: values, keepingWords: false) { _ in }
    }

    /// The signature of `text`, lending its folded words (``FoldedWords``) to `visit` on the
    /// way, for callers that cut more from them (the census's line keys). `visit` is called
    /// once when the fast path signs the text, and not at all when the text is empty or takes
    /// the general path.
    ///
    /// - Complexity: as ``signature(utf8:)``, plus one more word-offset store per word.
    package func signature(of text: String, visitingWords visit: (FoldedWords) -> Void) -> MinHashSignature {
        var text = text
        return text.withUTF8 { bytes in
            let count = parameters.permutationCount
            var isEmpty = false
            let values = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                isEmpty = !fillSignature(utf8: UnsafeRawBufferPointer(bytes), into: buffer, keepingWords: true, visit: visit)
                initialized = count
            }
            if isEmpty { return MinHashSignature.empty(parameters: parameters) }
            return MinHashSignature(parameters: parameters, values: values)
        }
    }

    /// The signature over the word shingles of some runs of the words of `text` only: `runs`
    /// is given the folded words (``FoldedWords``) and returns the runs, ranges of word
    /// numbers, or nil to decline. Each run is shingled as ``Shingling/hashes(of:tokens:)``
    /// shingles that token range of ``AnalyzedText`` (a run shorter than one shingle gives one
    /// shingle of its words), so the result equals
    /// `MinHasher(parameters: parameters).signature(of: SortedHashSet.make(runs.flatMap {
    /// parameters.shingling.hashes(of: AnalyzedText(text), tokens: $0) }))`
    /// (`DocumentSketcherTests`).
    ///
    /// Returns nil when `runs` declined, and when the text takes the general path (bytes that
    /// are not well-formed UTF-8, or character shingles), in which case `runs` is not called.
    ///
    /// - Complexity: as ``signature(utf8:)``, plus what `runs` costs.
    package func signature(of text: String, wordRuns runs: (FoldedWords) -> [Range<Int>]?) -> MinHashSignature? {
        guard parameters.shingling.unit == .words else { return nil }
        var text = text
        return text.withUTF8 { bytes -> MinHashSignature? in
            let utf8 = UnsafeRawBufferPointer(bytes)
            let count = parameters.permutationCount
            var signed = false
            var isEmpty = false
            let values = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.initialize(repeating: .max)
                initialized = count
                switch parameters.scheme {
                case .onePermutation:
                    var sink = OnePermutationSink(bins: buffer, key: hasher.permutationKey)
                    guard (try? scanRuns(utf8, into: &sink, runs: runs)) == true else { return }
                    isEmpty = !hasher.finishOnePermutation(buffer)
                case .classic:
                    var sink = CollectingSink()
                    guard (try? scanRuns(utf8, into: &sink, runs: runs)) == true else { return }
                    isEmpty = !copy(hasher.signature(of: sink.hashes), into: buffer)
                }
                signed = true
            }
            guard signed else { return nil }
            if isEmpty { return MinHashSignature.empty(parameters: parameters) }
            return MinHashSignature(parameters: parameters, values: values)
        }
    }

    /// ``fillSignature(utf8:into:)``, lending the folded words to `visit` when `keepingWords`.
    private func fillSignature(
        utf8: UnsafeRawBufferPointer, into values: UnsafeMutableBufferPointer<UInt64>, keepingWords: Bool,
        visit: (FoldedWords) -> Void
    ) -> Bool {
        precondition(
            values.count == parameters.permutationCount,
            "a signature under \(parameters) holds \(parameters.permutationCount) values, not \(values.count)")
        values.initialize(repeating: .max)
        switch parameters.scheme {
        case .onePermutation:
            var sink = OnePermutationSink(bins: values, key: hasher.permutationKey)
            if (try? scan(utf8, into: &sink, keepingWords: keepingWords, visit: visit)) != nil {
                return hasher.finishOnePermutation(values)
            }
        case .classic:
            var sink = CollectingSink()
            if (try? scan(utf8, into: &sink, keepingWords: keepingWords, visit: visit)) != nil {
                return copy(hasher.signature(of: sink.hashes), into: values)
            }
        }
        return copy(generalSignature(utf8), into: values)
    }

    /// The shingle hashes of the document whose UTF-8 bytes are `utf8`, in text order with
    /// repeats: equal to `parameters.shingling.hashes(of: AnalyzedText(String(decoding: utf8,
    /// as: UTF8.self)))`.
    ///
    /// - Complexity: O(*n*) in the byte count.
    public func shingleHashes(utf8: UnsafeRawBufferPointer) -> [UInt64] {
        var sink = CollectingSink()
        if (try? scan(utf8, into: &sink)) != nil { return sink.hashes }
        return parameters.shingling.hashes(of: AnalyzedText(String(decoding: utf8, as: UTF8.self)))
    }

    /// Runs the scanner with scratch space for `utf8`; with `keepingWords`, with room for the
    /// words' input offsets too, and `visit` sees the folded words.
    private func scan<Sink: ShingleHashSink>(
        _ utf8: UnsafeRawBufferPointer, into sink: inout Sink, keepingWords: Bool = false,
        visit: (FoldedWords) -> Void = { _ in }
    ) throws(FoldedShingleScanner.Refusal) {
        let sizes = FoldedShingleScanner.scratchSizes(forInputCount: utf8.count)
        let result: Result<Int, FoldedShingleScanner.Refusal> =
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: sizes.wordStarts * (keepingWords ? 2 : 1)) { starts in
                withUnsafeTemporaryAllocation(byteCount: sizes.text + sizes.folded, alignment: 8) { scratch in
                    Result { () throws(FoldedShingleScanner.Refusal) -> Int in
                        try scanner.scan(
                            utf8, text: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<sizes.text]),
                            folded: UnsafeMutableRawBufferPointer(rebasing: scratch[sizes.text...]),
                            wordStarts: UnsafeMutableBufferPointer(rebasing: starts[0..<sizes.wordStarts]),
                            inputStarts: keepingWords ? UnsafeMutableBufferPointer(rebasing: starts[sizes.wordStarts...]) : nil,
                            into: &sink, visit: visit)
                    }
                }
            }
        _ = try result.get()
    }

    /// Runs ``FoldedShingleScanner/scanRuns(_:text:folded:wordStarts:inputStarts:into:runs:)``
    /// with scratch space for `utf8`; returns whether `runs` chose runs.
    private func scanRuns<Sink: ShingleHashSink>(
        _ utf8: UnsafeRawBufferPointer, into sink: inout Sink, runs: (FoldedWords) -> [Range<Int>]?
    ) throws(FoldedShingleScanner.Refusal) -> Bool {
        let sizes = FoldedShingleScanner.scratchSizes(forInputCount: utf8.count)
        let result: Result<Bool, FoldedShingleScanner.Refusal> =
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: sizes.wordStarts * 2) { starts in
                withUnsafeTemporaryAllocation(byteCount: sizes.text + sizes.folded, alignment: 8) { scratch in
                    Result { () throws(FoldedShingleScanner.Refusal) -> Bool in
                        try scanner.scanRuns(
                            utf8, text: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<sizes.text]),
                            folded: UnsafeMutableRawBufferPointer(rebasing: scratch[sizes.text...]),
                            wordStarts: UnsafeMutableBufferPointer(rebasing: starts[0..<sizes.wordStarts]),
                            inputStarts: UnsafeMutableBufferPointer(rebasing: starts[sizes.wordStarts...]),
                            into: &sink, runs: runs)
                    }
                }
            }
        return try result.get()
    }

    /// The general path, for what the scanner refuses.
    private func generalSignature(_ utf8: UnsafeRawBufferPointer) -> MinHashSignature {
        let text = AnalyzedText(String(decoding: utf8, as: UTF8.self))
        return hasher.signature(of: SortedHashSet.make(parameters.shingling.hashes(of: text)))
    }

    private func copy(_ signature: MinHashSignature, into values: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        _ = values.update(fromContentsOf: signature.values)
        return !signature.isEmpty
    }
}

/// Keeps the least permuted hash per one-permutation bin, as ``MinHasher`` does.
private struct OnePermutationSink: ShingleHashSink {
    let bins: UnsafeMutableBufferPointer<UInt64>
    let key: UInt64

    @inline(__always)
    mutating func add(_ hash: UInt64) {
        let value = MinHashMixing.mix(hash ^ key)
        let bin = MinHashMixing.reduce(value, into: bins.count)
        bins[bin] = Swift.min(value, bins[bin])
    }
}

/// Keeps every hash, for the schemes and callers that need the list.
private struct CollectingSink: ShingleHashSink {
    var hashes: [UInt64] = []

    mutating func add(_ hash: UInt64) {
        hashes.append(hash)
    }
}
