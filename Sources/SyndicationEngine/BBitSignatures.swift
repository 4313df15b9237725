/// MinHash signatures of many documents kept in 16 bits per position, enough to estimate the
/// Jaccard similarity of any two with confidence bounds, in an eighth of the memory of full
/// signatures: 256 bytes per document at *k* = 128.
///
/// This is b-bit minwise hashing (Li & König, "b-Bit Minwise Hashing", WWW 2010): two
/// documents agree on the low bits of a position whenever they agree on its minimum, and
/// otherwise by chance, with probability 2⁻ᵇ when the low bits are uniform. Here each position
/// keeps ``valueBits`` low bits of its minimum and one bit that says whether a one-permutation
/// bin was filled by the document itself rather than by densification, so that
/// ``jaccard(_:_:confidenceZ:)`` can weigh densified positions as ``MinHashSignature/jaccard(with:confidenceZ:)``
/// does (the flag is a function of the full value, so equal minima have equal flags).
///
/// A scan keeps one of these for every document while candidate pairs are found, and drops
/// pairs whose estimate is confidently below its threshold before reading them again.
public struct BBitSignatures: Sendable {
    /// The parameters every signature was made with.
    public let parameters: MinHashParameters
    /// The low bits of each minimum kept, besides the filled-bin flag.
    public static let valueBits = 15
    /// The probability that two different minima agree on their kept bits, 2⁻``valueBits``.
    public static let chanceAgreement = 1 / Double(1 << valueBits)
    /// Position values, ``MinHashParameters/permutationCount`` per document, in document order.
    private var values: [UInt16] = []
    /// Whether each document's signature is that of an empty set.
    private var empty: [Bool] = []

    /// No signatures yet, for signatures made under `parameters`.
    public init(parameters: MinHashParameters) {
        self.parameters = parameters
    }

    /// The signatures whose kept bits are `values`, ``MinHashParameters/permutationCount``
    /// per document in document order, as ``compact(_:)`` made them (on whichever thread made
    /// each signature), and whether each is empty: for a caller that gathers them in
    /// parallel, each where it belongs.
    ///
    /// - Precondition: `values.count == empty.count * parameters.permutationCount`.
    package init(parameters: MinHashParameters, values: [UInt16], empty: [Bool]) {
        precondition(values.count == empty.count * parameters.permutationCount,
                     "\(values.count) positions for \(empty.count) signatures of \(parameters.permutationCount)")
        self.parameters = parameters
        self.values = values
        self.empty = empty
    }

    /// The number of documents held.
    public var count: Int { empty.count }

    /// Appends the b-bit form of `signature` as the next document.
    ///
    /// - Precondition: `signature.parameters == parameters`.
    public mutating func append(_ signature: MinHashSignature) {
        precondition(signature.parameters == parameters, "a signature under \(signature.parameters), not \(parameters)")
        values += Self.compact(signature)
        empty.append(signature.isEmpty)
    }

    /// Appends the signature of document `index` of `other`.
    ///
    /// - Precondition: `other.parameters == parameters`, `index < other.count`.
    public mutating func append(_ index: Int, of other: BBitSignatures) {
        precondition(other.parameters == parameters, "signatures under \(other.parameters), not \(parameters)")
        let k = parameters.permutationCount
        values += other.values[index * k..<(index + 1) * k]
        empty.append(other.empty[index])
    }

    /// Puts the b-bit form of `signature` in place of document `index`'s.
    ///
    /// - Precondition: `signature.parameters == parameters`, `index < count`.
    public mutating func replace(_ index: Int, with signature: MinHashSignature) {
        precondition(signature.parameters == parameters, "a signature under \(signature.parameters), not \(parameters)")
        let k = parameters.permutationCount
        values.replaceSubrange(index * k..<(index + 1) * k, with: Self.compact(signature))
        empty[index] = signature.isEmpty
    }

    /// Reserves room for `count` documents in all.
    public mutating func reserveCapacity(_ count: Int) {
        values.reserveCapacity(count * parameters.permutationCount)
        empty.reserveCapacity(count)
    }

    /// The kept bits of each position of `signature`: the low ``valueBits`` bits of the
    /// minimum, and above them whether the position is a bin the set filled itself (always,
    /// for classic MinHash).
    public static func compact(_ signature: MinHashSignature) -> [UInt16] {
        let k = signature.values.count
        let onePermutation = signature.parameters.scheme == .onePermutation
        // For a power of two 2ˢ (s ≥ 1) the reduction's high word is the value's top s bits.
        let topBits = k > 1 && k & (k - 1) == 0 ? k.trailingZeroBitCount : nil
        return [UInt16](unsafeUninitializedCapacity: k) { output, initialized in
            signature.values.withUnsafeBufferPointer { values in
                @inline(__always) func put(_ bin: Int, filled: Bool) {
                    output[bin] = UInt16(truncatingIfNeeded: values[bin]) & UInt16((1 << valueBits) - 1)
                        | (filled ? UInt16(1 << valueBits) : 0)
                }
                if !onePermutation {
                    for bin in 0..<k { put(bin, filled: true) }
                } else if let topBits {
                    let shift = UInt64(64 - topBits)
                    // Branch-free: `UInt64.max` reduces to the last bin, so only there does the
                    // test need the unfilled value set apart, after the loop.
                    for bin in 0..<k {
                        put(bin, filled: values[bin] &>> shift == UInt64(truncatingIfNeeded: bin))
                    }
                    if values[k - 1] == .max { put(k - 1, filled: false) }
                } else {
                    for bin in 0..<k {
                        put(bin, filled: values[bin] != .max && MinHashMixing.reduce(values[bin], into: k) == bin)
                    }
                }
            }
            initialized = k
        }
    }

    /// The Jaccard similarity of documents `i` and `j`, estimated from the positions whose
    /// kept bits agree, corrected for chance agreement: with *p* the share of agreeing
    /// positions, *J* = (*p* − *c*)/(1 − *c*) for *c* = ``chanceAgreement``, and the Wilson
    /// bounds of *p* mapped the same way (see ``JaccardEstimate``). The effective sample size
    /// of a one-permutation estimate comes from the bins the union filled, as for full
    /// signatures. An empty signature estimates 0 with bounds [0, 0].
    ///
    /// - Complexity: O(*k*).
    public func jaccard(_ i: Int, _ j: Int, confidenceZ: Double = 1.96) -> JaccardEstimate {
        if empty[i] || empty[j] { return .emptySet(confidenceZ: confidenceZ) }
        let k = parameters.permutationCount
        let flag = UInt16(1 << Self.valueBits)
        var matches = 0
        var filled = 0
        values.withUnsafeBufferPointer { all in
            let a = all[(i * k)...].prefix(k), b = all[(j * k)...].prefix(k)
            for (x, y) in zip(a, b) {
                matches += x == y ? 1 : 0
                filled += (x | y) & flag != 0 ? 1 : 0
            }
        }
        let effectiveSampleSize = parameters.scheme == .onePermutation
            ? MinHashSignature.onePermutationEffectiveSampleSize(filledBins: filled, binCount: k)
            : Double(k)
        let raw = JaccardEstimate(
            matches: matches, sampleSize: k, effectiveSampleSize: effectiveSampleSize, confidenceZ: confidenceZ)
        let chance = Self.chanceAgreement
        func corrected(_ p: Double) -> Double { Swift.min(1, Swift.max(0, (p - chance) / (1 - chance))) }
        return JaccardEstimate(
            estimate: corrected(raw.estimate), lower: corrected(raw.lower), upper: corrected(raw.upper),
            sampleSize: k, effectiveSampleSize: effectiveSampleSize, confidenceZ: confidenceZ)
    }
}
