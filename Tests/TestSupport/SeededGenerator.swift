/// A small seeded random number generator for tests, so a failure reproduces: SplitMix64
/// (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"). One copy for
/// every test target.
public struct SeededGenerator: RandomNumberGenerator {
    /// The generator's state; the next output is a mix of this plus the golden gamma.
    public var state: UInt64

    /// A generator starting from `state`.
    public init(state: UInt64) { self.state = state }

    /// A generator starting from `seed`.
    public init(seed: UInt64) { self.state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
