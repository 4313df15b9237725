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
        precondition(
            values.count == parameters.permutationCount,
            "a signature under \(parameters) holds \(parameters.permutationCount) values, not \(values.count)")
        values.initialize(repeating: .max)
        switch parameters.scheme {
        case .onePermutation:
            var sink = OnePermutationSink(bins: values, key: hasher.permutationKey)
            if (try? scan(utf8, into: &sink)) != nil {
                return hasher.finishOnePermutation(values)
            }
        case .classic:
            var sink = CollectingSink()
            if (try? scan(utf8, into: &sink)) != nil {
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

    /// Runs the scanner with scratch space for `utf8`.
    private func scan<Sink: ShingleHashSink>(
        _ utf8: UnsafeRawBufferPointer, into sink: inout Sink
    ) throws(FoldedShingleScanner.Refusal) {
        let sizes = FoldedShingleScanner.scratchSizes(forInputCount: utf8.count)
        let result: Result<Int, FoldedShingleScanner.Refusal> =
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: sizes.wordStarts) { starts in
                withUnsafeTemporaryAllocation(byteCount: sizes.text + sizes.folded, alignment: 8) { scratch in
                    Result { () throws(FoldedShingleScanner.Refusal) -> Int in
                        try scanner.scan(
                            utf8, text: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<sizes.text]),
                            folded: UnsafeMutableRawBufferPointer(rebasing: scratch[sizes.text...]),
                            wordStarts: starts, into: &sink)
                    }
                }
            }
        _ = try result.get()
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
