/// Sixteen bytes tested side by side (`SIMD16<UInt8>`, which the compiler turns into SSE2 on
/// x86-64 and NEON on ARM), for the byte searches of the readers: range tests by wrapping
/// arithmetic on the top bit of each lane, and the lanes so marked gathered into bits.
///
/// Only wrapping arithmetic and bitwise operations are used, which vectorise everywhere (a
/// lane comparison would go through `SIMDMask`, which does not always).
public enum ByteLanes {
    /// Sixteen bytes.
    public typealias Lanes = SIMD16<UInt8>

    /// Bit 7 of each lane set when the lane's value lies in `lower ..< lower + count`
    /// (`count` ≤ 128): the lane minus `lower` is then below `count`, so neither it nor it
    /// plus 128 − `count` reaches bit 7; every other bit clear.
    @inlinable @inline(__always)
    public static func inRange(_ lanes: Lanes, from lower: UInt8, count: UInt8) -> Lanes {
        let offset = lanes &- Lanes(repeating: lower)
        return ~(offset | (offset &+ Lanes(repeating: 0x80 &- count))) & Lanes(repeating: 0x80)
    }

    /// Gathers the top bit of each byte of `word` into the low eight bits (byte *j* → bit
    /// *j*); the other bits of `word` must be clear. A multiply moves the eight flags into the
    /// top byte.
    @inlinable @inline(__always)
    public static func byteMask(_ highBitsOnly: UInt64) -> UInt64 {
        ((highBitsOnly >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// One bit per lane of `lanes` (lane *j* → bit *j*), set where the lane's top bit is.
    @inlinable @inline(__always)
    public static func bitMask(_ lanes: Lanes) -> UInt64 {
        let halves = unsafeBitCast(lanes & Lanes(repeating: 0x80), to: SIMD2<UInt64>.self)
        return byteMask(UInt64(littleEndian: halves[0])) | byteMask(UInt64(littleEndian: halves[1])) << 8
    }

    /// The index of the first lane of `lanes` whose top bit is set, or nil when none is.
    @inlinable @inline(__always)
    public static func firstMarked(_ lanes: Lanes) -> Int? {
        let halves = unsafeBitCast(lanes & Lanes(repeating: 0x80), to: SIMD2<UInt64>.self)
        let low = UInt64(littleEndian: halves[0])
        let high = UInt64(littleEndian: halves[1])
        if low != 0 { return low.trailingZeroBitCount >> 3 }
        if high != 0 { return 8 &+ high.trailingZeroBitCount >> 3 }
        return nil
    }
}
