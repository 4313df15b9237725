/// A MinHash signature: *k* minima of a document's shingle-hash set under the permutations
/// its ``parameters`` define (Broder, "On the resemblance and containment of documents", 1997;
/// Li, Owen & Zhang, "One Permutation Hashing", NIPS 2012).
///
/// The share of positions at which two signatures agree estimates the Jaccard similarity
/// |*A* ∩ *B*| / |*A* ∪ *B*| of their sets; ``jaccard(with:confidenceZ:)`` returns it with
/// confidence bounds.
public struct MinHashSignature: Hashable, Codable, Sendable {
    /// The parameters the signature was made with.
    public let parameters: MinHashParameters
    /// The *k* = `parameters.permutationCount` minima; all `UInt64.max` for an empty set.
    public let values: [UInt64]

    /// A signature with the given values.
    ///
    /// - Precondition: `values.count == parameters.permutationCount`.
    public init(parameters: MinHashParameters, values: [UInt64]) {
        precondition(
            values.count == parameters.permutationCount,
            "a signature under \(parameters) holds \(parameters.permutationCount) values, not \(values.count)")
        self.parameters = parameters
        self.values = values
    }

    /// Decodes a signature, refusing one whose value count differs from its permutation count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try container.decode(MinHashParameters.self, forKey: .parameters)
        values = try container.decode([UInt64].self, forKey: .values)
        guard values.count == parameters.permutationCount else {
            throw DecodingError.dataCorruptedError(
                forKey: .values, in: container,
                debugDescription: "\(values.count) values under \(parameters)")
        }
    }

    /// The signature of the empty set under `parameters`: every value `UInt64.max`.
    public static func empty(parameters: MinHashParameters) -> MinHashSignature {
        MinHashSignature(
            parameters: parameters,
            values: [UInt64](repeating: .max, count: parameters.permutationCount))
    }

    /// Whether this is the signature of an empty set.
    ///
    /// - Complexity: O(*k*), usually O(1) since a non-empty signature has no `UInt64.max`.
    public var isEmpty: Bool { values.allSatisfy { $0 == .max } }

    /// The number of positions at which the two signatures agree (0 if either is empty).
    ///
    /// - Throws: ``SketchError/incompatibleParameters(_:_:)`` if the parameters differ.
    /// - Complexity: O(*k*).
    public func matchCount(with other: MinHashSignature) throws -> Int {
        guard parameters == other.parameters else {
            throw SketchError.incompatibleParameters(parameters.description, other.parameters.description)
        }
        if isEmpty || other.isEmpty { return 0 }
        var matches = 0
        for index in values.indices where values[index] == other.values[index] { matches += 1 }
        return matches
    }

    /// The Jaccard similarity of the two underlying sets, estimated as the share of agreeing
    /// positions, with Wilson score bounds at `confidenceZ` (see ``JaccardEstimate``).
    ///
    /// Classic signatures are worth *k* binomial samples. One-permutation signatures of sets
    /// whose union leaves bins empty are worth fewer, since densified positions repeat filled
    /// ones; the effective sample size comes from the variance model documented in
    /// `MinHashEffectiveSampleSize.swift` and is never above *k*.
    ///
    /// An empty signature estimates 0 with bounds [0, 0] against everything, itself included.
    ///
    /// - Parameter confidenceZ: The standard-normal quantile of the bounds: 1.96 for a
    ///   two-sided 95 % interval.
    /// - Throws: ``SketchError/incompatibleParameters(_:_:)`` if the parameters differ
    ///   (seed, permutation count, scheme, shingling or format version).
    /// - Complexity: O(*k*).
    public func jaccard(with other: MinHashSignature, confidenceZ: Double = 1.96) throws -> JaccardEstimate {
        let matches = try matchCount(with: other)
        if isEmpty || other.isEmpty { return .emptySet(confidenceZ: confidenceZ) }
        let effectiveSampleSize: Double
        switch parameters.scheme {
        case .classic:
            effectiveSampleSize = Double(values.count)
        case .onePermutation:
            effectiveSampleSize = Self.onePermutationEffectiveSampleSize(
                filledBins: unionFilledBinCount(with: other), binCount: values.count)
        }
        return JaccardEstimate(
            matches: matches, sampleSize: values.count,
            effectiveSampleSize: effectiveSampleSize, confidenceZ: confidenceZ)
    }

    enum CodingKeys: String, CodingKey {
        case parameters, values
    }
}
