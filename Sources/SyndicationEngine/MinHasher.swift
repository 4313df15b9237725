/// Turns the shingle hashes of a document into a ``MinHashSignature``.
///
/// The signature is a function of the *set* of hashes: order and repeats do not matter.
///
/// - ``MinHashScheme/onePermutation`` (Li, Owen & Zhang, NIPS 2012): each hash *x* is mapped
///   by one seeded bijection *h*(*x*) = mix(*x* ⊕ key); bin *h*·*k* / 2⁶⁴ (multiply-shift)
///   keeps its least *h*. Because the bin map is monotone in *h*, the bins partition the hash
///   range, so a value identifies its bin. An empty bin *j* is then filled by optimal
///   densification (Shrivastava, ICML 2017): for attempts *a* = 1, 2, … it looks at bin
///   *g*(*j*, *a*), a seeded hash of (*j*, *a*), and copies the first bin that was filled by
///   shingles. Every document walks the same sequence for bin *j*, so for a pair the first bin
///   of the sequence filled in *either* document decides whether position *j* matches, exactly
///   as a fresh bin would: the estimator stays unbiased.
/// - ``MinHashScheme/classic`` (Broder 1997): *k* bijections *h*ᵢ(*x*) = mix(*x* ⊕ keyᵢ) with
///   keys drawn from a SplitMix64 stream of the seed; value *i* is the least *h*ᵢ.
///
/// The one hash value that maps to `UInt64.max` under the permutation is treated as absent
/// (a 2⁻⁶⁴ event per shingle), since `UInt64.max` marks an empty bin.
///
/// A set with no hashes gets the empty signature (every value `UInt64.max`), which estimates
/// 0 against everything.
public struct MinHasher: Sendable {
    /// The parameters of every signature this hasher makes.
    public let parameters: MinHashParameters

    /// The key of the one permutation, or the first of the classic keys.
    let permutationKey: UInt64
    /// The key of the densification choices.
    private let densificationKey: UInt64
    /// The per-function keys of the classic scheme (empty for one-permutation hashing).
    private let classicKeys: [UInt64]

    /// Attempts at a seeded bin choice before densification falls back to the next filled bin
    /// in cyclic order. With at least one of *k* bins filled, all 64·*k* attempts miss with
    /// probability below (1 − 1/*k*)^(64*k*) < e⁻⁶⁴, so the fallback keeps termination certain
    /// without ever being taken in practice.
    private var densificationAttemptLimit: Int { 64 * parameters.permutationCount }

    /// A hasher making signatures with `parameters`.
    ///
    /// - Complexity: O(*k*) for the classic keys.
    public init(parameters: MinHashParameters = MinHashParameters()) {
        self.parameters = parameters
        permutationKey = MinHashMixing.key(seed: parameters.seed, stream: .max)
        densificationKey = MinHashMixing.key(seed: parameters.seed, stream: .max - 1)
        switch parameters.scheme {
        case .onePermutation:
            classicKeys = []
        case .classic:
            classicKeys = (0..<parameters.permutationCount).map {
                MinHashMixing.key(seed: parameters.seed, stream: UInt64($0))
            }
        }
    }

    /// The signature of the set of `hashes`.
    ///
    /// - Complexity: O(*n*) for one-permutation hashing (one pass, no allocation besides the
    ///   result), O(*n*·*k*) for the classic scheme.
    public func signature(of hashes: UnsafeBufferPointer<UInt64>) -> MinHashSignature {
        let count = parameters.permutationCount
        var isEmpty = false
        let values = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: .max)
            initialized = count
            switch parameters.scheme {
            case .onePermutation:
                isEmpty = !fillOnePermutation(buffer, from: hashes)
            case .classic:
                isEmpty = !fillClassic(buffer, from: hashes)
            }
        }
        if isEmpty { return MinHashSignature.empty(parameters: parameters) }
        return MinHashSignature(parameters: parameters, values: values)
    }

    /// The signature of the set of `hashes`.
    ///
    /// - Complexity: as ``signature(of:)-(UnsafeBufferPointer<UInt64>)``.
    public func signature(of hashes: [UInt64]) -> MinHashSignature {
        hashes.withUnsafeBufferPointer { signature(of: $0) }
    }

    /// The signature of the set of `hashes`, copied first if the sequence is not contiguous.
    ///
    /// - Complexity: as ``signature(of:)-(UnsafeBufferPointer<UInt64>)``.
    public func signature<Hashes: Sequence<UInt64>>(of hashes: Hashes) -> MinHashSignature {
        if let result = hashes.withContiguousStorageIfAvailable({ signature(of: $0) }) {
            return result
        }
        return signature(of: Array(hashes))
    }

    /// One pass of one-permutation hashing, then densification. Returns whether any bin was filled.
    private func fillOnePermutation(
        _ bins: UnsafeMutableBufferPointer<UInt64>, from hashes: UnsafeBufferPointer<UInt64>
    ) -> Bool {
        let count = bins.count
        let key = permutationKey
        for hash in hashes {
            let value = MinHashMixing.mix(hash ^ key)
            let bin = MinHashMixing.reduce(value, into: count)
            // Branch-free: whether a value lowers its bin's minimum is unpredictable, and a
            // conditional move is about twice as fast as the mispredicted branch.
            bins[bin] = Swift.min(value, bins[bin])
        }
        return finishOnePermutation(bins)
    }

    /// Densifies one-permutation bins that shingles have filled (see ``DocumentSketcher``,
    /// which fills them as it hashes). Returns whether any bin was filled.
    func finishOnePermutation(_ bins: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        var filled = 0
        for value in bins where value != .max { filled += 1 }
        if filled == 0 { return false }
        if filled < bins.count { densify(bins) }
        return true
    }

    /// Optimal densification (Shrivastava 2017, Algorithm 2). A bin was filled by shingles
    /// exactly when its value is not `UInt64.max` and lies in its own range of the hash space;
    /// borrowed values lie in another bin's range, so no second buffer is needed.
    private func densify(_ bins: UnsafeMutableBufferPointer<UInt64>) {
        let count = bins.count
        @inline(__always) func wasFilled(_ bin: Int) -> Bool {
            let value = bins[bin]
            return value != .max && MinHashMixing.reduce(value, into: count) == bin
        }
        for bin in 0..<count where bins[bin] == .max {
            let binKey = MinHashMixing.mix(densificationKey ^ UInt64(bin))
            var source = -1
            var attempt: UInt64 = 1
            while attempt <= UInt64(densificationAttemptLimit) {
                let candidate = MinHashMixing.reduce(MinHashMixing.mix(binKey &+ attempt), into: count)
                if wasFilled(candidate) { source = candidate; break }
                attempt += 1
            }
            if source < 0 {
                source = (bin + 1) % count
                while !wasFilled(source) { source = (source + 1) % count }
            }
            bins[bin] = bins[source]
        }
    }

    /// Classic MinHash: the minimum of each of the *k* permutations. Returns whether `hashes`
    /// was non-empty.
    private func fillClassic(
        _ minima: UnsafeMutableBufferPointer<UInt64>, from hashes: UnsafeBufferPointer<UInt64>
    ) -> Bool {
        if hashes.isEmpty { return false }
        classicKeys.withUnsafeBufferPointer { keys in
            for hash in hashes {
                for index in 0..<keys.count {
                    let value = MinHashMixing.mix(hash ^ keys[index])
                    if value < minima[index] { minima[index] = value }
                }
            }
        }
        return true
    }
}
