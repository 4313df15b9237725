/// Classic *k*-function MinHash over 64-bit keys: for each of ``rows`` rows *r*, the least
/// `mix(v &+ offsets[r])` over a set of values *v* (Broder, "On the resemblance and containment
/// of documents", 1997). Two sets agree in a row with probability equal to their Jaccard
/// similarity, up to the mixing's collisions.
///
/// Row *r*'s offset is `r &* step`; the mix is the MurmurHash3 finaliser (fmix64, a bijection
/// with full avalanche). Where the processor has AVX-512, ``HardwareRowMinima`` runs the
/// same arithmetic eight rows at a time: the minima are equal either way.
public struct RowMinima: Sendable {
    /// The value added to a key before mixing, per row.
    public let offsets: [UInt64]
    /// Whether ``HardwareRowMinima`` does the work.
    public let usesHardware: Bool

    /// `rows` rows with offsets `r &* step`; the hardware path when `hardware` allows and
    /// the processor has it (and `rows` is a multiple of 8).
    public init(rows: Int, step: UInt64 = 0x9E37_79B9_7F4A_7C15, hardware: Bool = true) {
        precondition(rows >= 0, "rows must not be negative")
        offsets = (0..<rows).map { UInt64($0) &* step }
        usesHardware = hardware && HardwareRowMinima.isAvailable && rows % 8 == 0 && rows > 0
    }

    /// The number of rows.
    public var rows: Int { offsets.count }

    /// Sets `minima` (``rows`` entries) to the row minima of `values`; all `UInt64.max` when
    /// `values` is empty.
    public func minima(of values: UnsafeBufferPointer<UInt64>, into minima: UnsafeMutableBufferPointer<UInt64>) {
        precondition(minima.count == rows, "one minimum per row")
        for row in 0..<rows { minima[row] = .max }
        if usesHardware {
            offsets.withUnsafeBufferPointer { HardwareRowMinima.lower(minima, over: values, offsets: $0) }
            return
        }
        for value in values {
            for row in 0..<rows {
                let mixed = Self.mix(value &+ offsets[row])
                if mixed < minima[row] { minima[row] = mixed }
            }
        }
    }

    /// The MurmurHash3 64-bit finaliser (Appleby's fmix64 constants).
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
