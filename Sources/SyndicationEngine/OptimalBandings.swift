import Synchronization

/// The optimal LSH bandings computed so far in this process, by setting: choosing one
/// integrates the S-curve of every (*b*, *r*) (about 10 ms for 128 permutations), and a scan
/// asks for its banding in several stages.
///
/// At most ``capacity`` settings are kept; past that the memory starts afresh, so that a
/// program sweeping thresholds does not grow it without bound.
final class OptimalBandings: Sendable {
    /// What ``LSHParameters/optimal(threshold:permutationCount:falsePositiveWeight:falseNegativeWeight:)``
    /// is asked: the threshold, the signature length and the two weights.
    struct Setting: Hashable, Sendable {
        var threshold: Double
        var permutationCount: Int
        var falsePositiveWeight: Double
        var falseNegativeWeight: Double
    }

    /// The memory of this process.
    static let shared = OptimalBandings()

    /// How many settings are remembered at most.
    static let capacity = 64

    private let bandings = Mutex<[Setting: LSHParameters]>([:])

    /// The banding remembered for `setting`, or `compute(setting)`, remembered from now on.
    /// Two threads asking at once for a new setting may both compute it; they get the same.
    func banding(for setting: Setting, compute: (Setting) -> LSHParameters) -> LSHParameters {
        if let known = bandings.withLock({ $0[setting] }) { return known }
        let banding = compute(setting)
        bandings.withLock { known in
            if known.count >= Self.capacity { known.removeAll() }
            known[setting] = banding
        }
        return banding
    }

    /// How many settings are remembered now.
    var count: Int { bandings.withLock { $0.count } }
}
