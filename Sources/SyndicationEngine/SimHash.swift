/// A 64-bit SimHash fingerprint (Charikar, "Similarity Estimation Techniques from Rounding
/// Algorithms", STOC 2002) of a document's shingle hashes, with the parameters it was made under.
///
/// Each shingle hash *x* is re-mixed under ``seed`` into 64 pseudo-random bits; every bit
/// votes +*w* when set and −*w* when clear (*w* = 1 unweighted), and fingerprint bit *i* is
/// set when the votes for *i* sum above 0. For unit weights and vote vectors **u**, **v** of
/// two documents, a bit differs with probability about θ/π, θ the angle between **u** and
/// **v**, so the Hamming distance ≈ 64·θ/π; unrelated documents sit near 32 ± 4
/// (Binomial(64, ½)). Near-duplicate detection looks for distance ≤ 3 (Manku, Jain &
/// Das Sarma 2007), which ``SimHashIndex`` finds without comparing every pair.
///
/// Hashes are votes, not a set: a shingle that occurs twice votes twice.
public struct SimHash: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The 64 fingerprint bits.
    public let fingerprint: UInt64
    /// How the text was cut into the hashed shingles.
    public let shingling: Shingling
    /// The seed of the re-mixing of shingle hashes into votes.
    public let seed: UInt64

    /// A fingerprint stored earlier, with the parameters it was made under.
    public init(fingerprint: UInt64, shingling: Shingling, seed: UInt64 = 0) {
        self.fingerprint = fingerprint
        self.shingling = shingling
        self.seed = seed
    }

    /// The unweighted fingerprint of `hashes`; all bits clear when `hashes` is empty.
    ///
    /// Votes are counted in byte lanes: accumulator *j* adds bits *j*, *j* + 8, …, *j* + 56
    /// of each re-mixed hash into its eight bytes at once, and the bytes are flushed into
    /// full counters every 255 hashes, before any can overflow.
    ///
    /// - Complexity: O(*n*) word operations for *n* hashes (8 shift-and-adds each), no allocation.
    public init(hashes: UnsafeBufferPointer<UInt64>, shingling: Shingling, seed: UInt64 = 0) {
        let key = Self.voteKey(seed: seed)
        let laneMask: UInt64 = 0x0101_0101_0101_0101
        let fingerprint = withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { ones in
            ones.initialize(repeating: 0)
            // The eight accumulators live in registers, not memory.
            var lane0: UInt64 = 0, lane1: UInt64 = 0, lane2: UInt64 = 0, lane3: UInt64 = 0
            var lane4: UInt64 = 0, lane5: UInt64 = 0, lane6: UInt64 = 0, lane7: UInt64 = 0
            /// Adds the byte counts of the accumulator of bits `shift`, `shift` + 8, … to `ones`.
            func add(_ lane: UInt64, shift: Int) {
                for byte in 0..<8 {
                    ones[8 * byte + shift] += Int(truncatingIfNeeded: (lane >> UInt64(8 * byte)) & 0xFF)
                }
            }
            func flush() {
                add(lane0, shift: 0)
                add(lane1, shift: 1)
                add(lane2, shift: 2)
                add(lane3, shift: 3)
                add(lane4, shift: 4)
                add(lane5, shift: 5)
                add(lane6, shift: 6)
                add(lane7, shift: 7)
                (lane0, lane1, lane2, lane3, lane4, lane5, lane6, lane7) = (0, 0, 0, 0, 0, 0, 0, 0)
            }
            var pending = 0
            for hash in hashes {
                let bits = MinHashMixing.mix(hash ^ key)
                lane0 &+= bits & laneMask
                lane1 &+= (bits &>> 1) & laneMask
                lane2 &+= (bits &>> 2) & laneMask
                lane3 &+= (bits &>> 3) & laneMask
                lane4 &+= (bits &>> 4) & laneMask
                lane5 &+= (bits &>> 5) & laneMask
                lane6 &+= (bits &>> 6) & laneMask
                lane7 &+= (bits &>> 7) & laneMask
                pending &+= 1
                if pending == 255 {
                    flush()
                    pending = 0
                }
            }
            flush()
            // Votes for bit i sum to ones − (n − ones); the bit is set when that is above 0.
            var result: UInt64 = 0
            for bit in 0..<64 where 2 * ones[bit] > hashes.count { result |= 1 << UInt64(bit) }
            return result
        }
        self.init(fingerprint: fingerprint, shingling: shingling, seed: seed)
    }

    /// The unweighted fingerprint of `hashes`; all bits clear when `hashes` is empty.
    ///
    /// - Complexity: O(*n*) word operations for *n* hashes.
    public init(hashes: [UInt64], shingling: Shingling, seed: UInt64 = 0) {
        self = hashes.withUnsafeBufferPointer { SimHash(hashes: $0, shingling: shingling, seed: seed) }
    }

    /// The fingerprint of `hashes` where hash *i* votes with weight `weights[i]` (for example
    /// a shingle's inverse document frequency).
    ///
    /// - Precondition: `weights.count == hashes.count`.
    /// - Complexity: O(64·*n*) for *n* hashes.
    public init(hashes: [UInt64], weights: [Double], shingling: Shingling, seed: UInt64 = 0) {
        precondition(weights.count == hashes.count, "\(weights.count) weights for \(hashes.count) hashes")
        let key = Self.voteKey(seed: seed)
        let fingerprint = withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { votes in
            votes.initialize(repeating: 0)
            for (hash, weight) in zip(hashes, weights) {
                let bits = MinHashMixing.mix(hash ^ key)
                for bit in 0..<64 {
                    votes[bit] += (bits >> UInt64(bit)) & 1 == 1 ? weight : -weight
                }
            }
            var result: UInt64 = 0
            for bit in 0..<64 where votes[bit] > 0 { result |= 1 << UInt64(bit) }
            return result
        }
        self.init(fingerprint: fingerprint, shingling: shingling, seed: seed)
    }

    /// The number of differing bits, 0...64.
    ///
    /// - Throws: ``SketchError/incompatibleParameters(_:_:)`` if the shingling or seed differ.
    /// - Complexity: O(1).
    public func distance(to other: SimHash) throws -> Int {
        guard shingling == other.shingling, seed == other.seed else {
            throw SketchError.incompatibleParameters(parameterDescription, other.parameterDescription)
        }
        return (fingerprint ^ other.fingerprint).nonzeroBitCount
    }

    /// The parameters as one line, such as `simhash-64 seed=0 words-5@0`.
    public var parameterDescription: String { "simhash-64 seed=\(seed) \(shingling)" }

    /// The fingerprint as 16 hexadecimal digits followed by the parameters.
    public var description: String {
        let digits = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + " " + parameterDescription
    }

    /// The key re-mixing shingle hashes into votes, separate from every MinHash key of `seed`.
    private static func voteKey(seed: UInt64) -> UInt64 {
        MinHashMixing.key(seed: seed, stream: .max - 2)
    }
}
