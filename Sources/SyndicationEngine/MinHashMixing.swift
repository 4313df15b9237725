/// The 64-bit mixing shared by the sketches: a bijective finaliser, seed-key derivation and
/// multiply-shift range reduction.
///
/// The finaliser is the one of SplitMix64 (Steele, Lea & Flood, "Fast Splittable Pseudorandom
/// Number Generators", OOPSLA 2014), a bijection on `UInt64` with full avalanche, so
/// `mix(x ^ key)` is a permutation of the 64-bit universe for every `key`.
enum MinHashMixing {
    /// The SplitMix64 finaliser: a bijection with full avalanche.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent-looking key for stream `stream` of `seed`: the `stream`-th output of a
    /// SplitMix64 generator seeded with `mix(seed)`.
    static func key(seed: UInt64, stream: UInt64) -> UInt64 {
        mix(mix(seed) &+ (stream &+ 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Maps a uniform 64-bit `value` to `0..<count` by the high word of `value · count`
    /// (Lemire, "Fast Random Integer Generation in an Interval", ACM TOMACS 2019). The map is
    /// monotone, so each result owns a contiguous range of `value`s.
    @inline(__always)
    static func reduce(_ value: UInt64, into count: Int) -> Int {
        Int(truncatingIfNeeded: value.multipliedFullWidth(by: UInt64(truncatingIfNeeded: count)).high)
    }
}
