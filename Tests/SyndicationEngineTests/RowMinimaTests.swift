import Testing
import TestSupport
@testable import SyndicationEngine

/// ``RowMinima`` computes, per row, the least mixed value of a set, the same on either path.
@Suite struct RowMinimaTests {
    /// Each row's minimum straight from the definition: min over v of mix(v &+ r &* step).
    static func expected(_ values: [UInt64], rows: Int, step: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt64] {
        (0..<rows).map { row in values.map { RowMinima.mix($0 &+ UInt64(row) &* step) }.min() ?? .max }
    }

    static func minima(_ values: [UInt64], _ rowMinima: RowMinima) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: rowMinima.rows)
        values.withUnsafeBufferPointer { values in
            result.withUnsafeMutableBufferPointer { rowMinima.minima(of: values, into: $0) }
        }
        return result
    }

    /// Generated sets of 0 to 130 values (below, at and past the four-at-a-time unrolling),
    /// for 8 to 64 rows and rows that are no multiple of 8: both paths give the definition's
    /// minima, and an empty set leaves every row at `UInt64.max`.
    @Test(arguments: [1, 8, 24, 32, 40, 64])
    func equalsTheDefinition(rows: Int) {
        var generator = SeededGenerator(state: 0x5EED_0000 &+ UInt64(rows))
        let software = RowMinima(rows: rows, hardware: false)
        let hardware = RowMinima(rows: rows)
        #expect(!software.usesHardware)
        for count in [0, 1, 3, 4, 5, 8, 31, 130] {
            let values = (0..<count).map { _ in generator.next() }
            let expected = Self.expected(values, rows: rows)
            #expect(Self.minima(values, software) == expected)
            #expect(Self.minima(values, hardware) == expected)
        }
    }

    /// The AVX-512 path is taken where the processor has it and the rows fill its registers.
    @Test func usesTheHardwareWhereItCan() {
        #expect(RowMinima(rows: 32).usesHardware == HardwareRowMinima.isAvailable)
        #expect(!RowMinima(rows: 12).usesHardware)
        #expect(!RowMinima(rows: 0).usesHardware)
    }

    /// The mix is a bijection's finaliser: distinct inputs stay distinct, zero stays zero, and
    /// one flipped input bit flips about half the output bits.
    @Test func mixAvalanches() {
        #expect(RowMinima.mix(0) == 0)
        var generator = SeededGenerator(state: 77)
        var flipped = 0
        let trials = 2_000
        for _ in 0..<trials {
            let value = generator.next()
            let bit = UInt64(1) << (generator.next() % 64)
            flipped += (RowMinima.mix(value) ^ RowMinima.mix(value ^ bit)).nonzeroBitCount
        }
        let mean = Double(flipped) / Double(trials)
        #expect(abs(mean - 32) < 1)
    }
}
