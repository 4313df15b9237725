import Testing
import TestSupport
@testable import SyndicationReport

/// Scores written digit by digit spell exactly what `JSONEncoder` writes for the rounded
/// double: its `description` without a trailing `.0`.
@Suite struct FixedPointNumberTests {
    /// What the report wrote before the fast path, and `JSONEncoder` writes.
    static func described(_ value: Double, decimals: Int) -> String {
        var text = value.roundedForOutput(decimals: decimals).description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// The fast path's spelling, or nil where it declines.
    static func fixedPoint(_ value: Double, decimals: Int) -> String? {
        var bytes: [UInt8] = []
        guard JSONElementEncoder.appendFixedPoint(value, decimals: decimals, to: &bytes) else {
            #expect(bytes.isEmpty)
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every multiple of 10⁻⁴ in [−3, 3], each nudged a little either side (the rounding),
    /// at the report's 4 places.
    @Test func everyFourPlaceValueNearZero() {
        var declined = 0
        for n in -30_000...30_000 {
            for nudge in [0.0, 4.9e-5, -4.9e-5, 5e-5, -5e-5] {
                let value = Double(n) / 1e4 + nudge
                guard let fast = Self.fixedPoint(value, decimals: 4) else { declined += 1; continue }
                #expect(fast == Self.described(value, decimals: 4), "\(value)")
            }
        }
        #expect(declined == 0, "scores of 4 places are all plain fixed point")
    }

    /// Random magnitudes from 10⁻⁷ to 10¹⁶ at 0 to 8 places, and the edges where
    /// `description` changes form: the fast path either declines or spells the same.
    @Test func randomMagnitudesAndEdges() {
        var generator = SeededGenerator(seed: 0x5EED)
        var values: [Double] = [0, -0.0, 1e-4, -1e-4, 9.9e-5, 5e-5, 4.9e-5, 1e15, 1e15 - 1, 9.99999e14, 0.5, 1, 2.5,
                                .infinity, -.infinity, .nan, .ulpOfOne, .greatestFiniteMagnitude]
        for _ in 0..<100_000 {
            let exponent = Double(generator.next() % 2_300) / 100 - 7
            let sign: Double = generator.next() % 2 == 0 ? 1 : -1
            values.append(sign * Double(generator.next() % 1_000_000 + 1) / 1e6 * pow10(exponent))
        }
        var taken = 0
        for value in values {
            for decimals in 0...8 {
                guard let fast = Self.fixedPoint(value, decimals: decimals) else { continue }
                taken += 1
                #expect(fast == Self.described(value, decimals: decimals), "\(value) at \(decimals)")
            }
        }
        #expect(taken > values.count * 4, "most values take the fast path")
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        let whole = Int(exponent.rounded(.down))
        for _ in 0..<abs(whole) { result = whole < 0 ? result / 10 : result * 10 }
        return result * (1 + (exponent - Double(whole)) * 9)
    }
}
