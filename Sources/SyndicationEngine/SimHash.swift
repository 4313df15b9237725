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
    /// Votes are counted bit-sliced: eight re-mixed hashes at a time go through a tree of
    /// carry-save adders (as in Harley and Seal's population count; Muła, Kurz & Lemire,
    /// "Faster Population Counts Using AVX2 Instructions", Computer Journal 2018), which keeps,
    /// for all 64 bit positions at once, the ones, twos and fours digits of each position's
    /// count in three words and passes out one word of eights per group. The eights are
    /// counted in byte lanes: accumulator *j* adds bits *j*, *j* + 8, …, *j* + 56 into its
    /// eight bytes at once, flushed into full counters every 255 groups, before any byte can
    /// overflow. The last hashes, fewer than eight, are counted one by one.
    ///
    /// - Complexity: O(*n*) word operations for *n* hashes (about seven each), no allocation.
    public init(hashes: UnsafeBufferPointer<UInt64>, shingling: Shingling, seed: UInt64 = 0) {
        let key = Self.voteKey(seed: seed)
        self.init(fingerprint: Self.majority(hashes, key: key), shingling: shingling, seed: seed)
    }

    /// The carry-save sum of three bit vectors: per position, the low digit and the carry.
    @inline(__always)
    private static func carrySave(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (sum: UInt64, carry: UInt64) {
        let partial = a ^ b
        return (partial ^ c, (a & b) | (partial & c))
    }

    /// The bits set in more than half of the re-mixed `hashes` (`mix(hash ^ key)`).
    static func majority(_ hashes: UnsafeBufferPointer<UInt64>, key: UInt64) -> UInt64 {
        let laneMask: UInt64 = 0x0101_0101_0101_0101
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { counts in
            counts.initialize(repeating: 0)
            // The eight accumulators of eights live in registers, not memory.
            var lane0: UInt64 = 0, lane1: UInt64 = 0, lane2: UInt64 = 0, lane3: UInt64 = 0
            var lane4: UInt64 = 0, lane5: UInt64 = 0, lane6: UInt64 = 0, lane7: UInt64 = 0
            /// Adds `weight` times the byte counts of the accumulator of bits `shift`, `shift` + 8, ….
            func add(_ lane: UInt64, shift: Int, weight: Int) {
                for byte in 0..<8 {
                    counts[8 * byte + shift] += weight * Int(truncatingIfNeeded: (lane >> UInt64(8 * byte)) & 0xFF)
                }
            }
            func flush(weight: Int) {
                add(lane0, shift: 0, weight: weight)
                add(lane1, shift: 1, weight: weight)
                add(lane2, shift: 2, weight: weight)
                add(lane3, shift: 3, weight: weight)
                add(lane4, shift: 4, weight: weight)
                add(lane5, shift: 5, weight: weight)
                add(lane6, shift: 6, weight: weight)
                add(lane7, shift: 7, weight: weight)
                (lane0, lane1, lane2, lane3, lane4, lane5, lane6, lane7) = (0, 0, 0, 0, 0, 0, 0, 0)
            }
            /// Adds each bit of `bits`, times 2^`doublings`, to its byte of the accumulators.
            @inline(__always) func count(_ bits: UInt64, doublings: UInt64 = 0) {
                lane0 &+= (bits & laneMask) &<< doublings
                lane1 &+= ((bits &>> 1) & laneMask) &<< doublings
                lane2 &+= ((bits &>> 2) & laneMask) &<< doublings
                lane3 &+= ((bits &>> 3) & laneMask) &<< doublings
                lane4 &+= ((bits &>> 4) & laneMask) &<< doublings
                lane5 &+= ((bits &>> 5) & laneMask) &<< doublings
                lane6 &+= ((bits &>> 6) & laneMask) &<< doublings
                lane7 &+= ((bits &>> 7) & laneMask) &<< doublings
            }
            @inline(__always) func mixed(_ index: Int) -> UInt64 { MinHashMixing.mix(hashes[index] ^ key) }
            var ones: UInt64 = 0, twos: UInt64 = 0, fours: UInt64 = 0
            var pending = 0
            var index = 0
            while index &+ 8 <= hashes.count {
                let (ones1, twosA) = carrySave(ones, mixed(index), mixed(index &+ 1))
                let (ones2, twosB) = carrySave(ones1, mixed(index &+ 2), mixed(index &+ 3))
                let (twos1, foursA) = carrySave(twos, twosA, twosB)
                let (ones3, twosC) = carrySave(ones2, mixed(index &+ 4), mixed(index &+ 5))
                let (ones4, twosD) = carrySave(ones3, mixed(index &+ 6), mixed(index &+ 7))
                let (twos2, foursB) = carrySave(twos1, twosC, twosD)
                let (fours1, eights) = carrySave(fours, foursA, foursB)
                (ones, twos, fours) = (ones4, twos2, fours1)
                count(eights)
                index &+= 8
                pending &+= 1
                if pending == 255 {
                    flush(weight: 8)
                    pending = 0
                }
            }
            flush(weight: 8)
            // The digits still held, each at its weight, then the hashes left over, one by one,
            // into the emptied bytes (at most 4 + 2 + 1 + 7 each), and one flush for them all.
            count(fours, doublings: 2)
            count(twos, doublings: 1)
            count(ones)
            while index < hashes.count {
                count(mixed(index))
                index &+= 1
            }
            flush(weight: 1)
            // Votes for bit i sum to counts − (n − counts); the bit is set when that is above 0.
            var result: UInt64 = 0
            for bit in 0..<64 where 2 * counts[bit] > hashes.count { result |= 1 << UInt64(bit) }
            return result
        }
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
