/// Everything that decides a MinHash signature, carried by every ``MinHashSignature`` so that
/// signatures made differently are never compared.
///
/// Two signatures are comparable exactly when their parameters are equal: same permutation
/// count, seed, ``MinHashScheme``, ``Shingling`` and format version.
public struct MinHashParameters: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The format version this build writes and reads. It changes whenever a signature made
    /// from the same input and parameters would change.
    public static let currentFormatVersion = 1

    /// The signature length *k*: bins for ``MinHashScheme/onePermutation``, hash functions for
    /// ``MinHashScheme/classic``. The standard error of a Jaccard estimate is √(*J*(1−*J*)/*k*).
    public var permutationCount: Int
    /// The seed every permutation is derived from.
    public var seed: UInt64
    /// How the minima are taken.
    public var scheme: MinHashScheme
    /// How the text was cut into the shingles whose hashes are sketched.
    public var shingling: Shingling
    /// The signature format version, ``currentFormatVersion`` for every signature this build makes.
    public let formatVersion: Int

    /// Parameters for `permutationCount` minima under `seed` and `scheme` of `shingling` hashes.
    public init(
        permutationCount: Int = 128,
        seed: UInt64 = 0,
        scheme: MinHashScheme = .onePermutation,
        shingling: Shingling = .words5
    ) {
        precondition(permutationCount >= 1, "a MinHash signature needs at least one permutation")
        self.permutationCount = permutationCount
        self.seed = seed
        self.scheme = scheme
        self.shingling = shingling
        self.formatVersion = Self.currentFormatVersion
    }

    /// Decodes parameters, refusing a permutation count below 1 or a format version this
    /// build does not know.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        permutationCount = try container.decode(Int.self, forKey: .permutationCount)
        seed = try container.decode(UInt64.self, forKey: .seed)
        scheme = try container.decode(MinHashScheme.self, forKey: .scheme)
        shingling = try container.decode(Shingling.self, forKey: .shingling)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion == Self.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "MinHash format version \(formatVersion) is not \(Self.currentFormatVersion)")
        }
        guard permutationCount >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .permutationCount, in: container,
                debugDescription: "permutation count \(permutationCount) is below 1")
        }
    }

    /// A one-line summary such as `minhash-v1 one-permutation k=128 seed=0 words-5@0`.
    public var description: String {
        "minhash-v\(formatVersion) \(scheme.rawValue) k=\(permutationCount) seed=\(seed) \(shingling)"
    }

    enum CodingKeys: String, CodingKey {
        case permutationCount = "permutation_count"
        case seed, scheme, shingling
        case formatVersion = "format_version"
    }
}
