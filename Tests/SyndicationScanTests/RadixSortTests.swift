import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``RadixSort`` sorts as a stable comparison sort by the same key does.
@Suite struct RadixSortTests {
    struct Item: Equatable {
        var key: UInt64
        var order: Int
    }

    /// Keys drawn from few values (long runs of ties), from every digit's range, and spread
    /// over all 64 bits; sizes around the trivial ones: the order is `sorted(by:)`'s by key,
    /// ties in their first order.
    @Test(arguments: [0, 1, 2, 3, 17, 1_000, 70_000])
    func sortsStablyByKey(count: Int) {
        var generator = SeededGenerator(state: 20_261_125 &+ UInt64(count))
        let shapes: [(inout SeededGenerator) -> UInt64] = [
            { $0.next() % 7 },
            { ($0.next() % 5) << 48 | ($0.next() % 3) << 16 },
            { $0.next() },
            { _ in 42 },
        ]
        for shape in shapes {
            var items = (0..<count).map { Item(key: shape(&generator), order: $0) }
            let expected = items.sorted { ($0.key, $0.order) < ($1.key, $1.order) }
            var byDigitPasses = items
            RadixSort.sort(&items, by: \.key)
            #expect(items == expected)
            // The 11-bit digits used below 65,536 values.
            RadixSort.sort(&byDigitPasses, keyBits: 64, by: \.key)
            #expect(byDigitPasses == expected)
        }
    }

    /// Grouping puts equal keys together, each run in the tie-breaker's order, and the runs in
    /// the order of their keys' low 33 bits, then whole keys: a comparison sort by (low bits,
    /// key, tie-breaker), whether the values arrive in order (runs only checked) or shuffled
    /// (runs sorted), with keys that differ only above bit 33.
    @Test(arguments: [0, 1, 2, 40, 3_000, 70_000])
    func groupsAsComparisonDoes(count: Int) {
        var generator = SeededGenerator(state: 20_261_123 &+ UInt64(count))
        let keys: [(inout SeededGenerator) -> UInt64] = [
            { $0.next() % 11 }, { ($0.next() % 5) << 40 | 7 }, { $0.next() }, { ($0.next() % 3) << 33 | $0.next() % 2 },
        ]
        let low: UInt64 = (1 << 33) - 1
        for key in keys {
            let items = (0..<count).map { _ in Item(key: key(&generator), order: Int(generator.next() % 1_000)) }
            let expected = items.sorted { ($0.key & low, $0.key, $0.order) < ($1.key & low, $1.key, $1.order) }
            var shuffled = items
            RadixSort.group(&shuffled, by: \.key) { $0.order < $1.order }
            #expect(shuffled == expected)
            var gatheredInOrder = items.sorted { $0.order < $1.order }
            RadixSort.group(&gatheredInOrder, by: \.key) { $0.order < $1.order }
            #expect(gatheredInOrder == expected)
        }
    }

    /// Grouping through a scratch array kept from one call to the next (larger, smaller, then
    /// empty arrays, scratch left with stale values) gives what grouping alone gives.
    @Test func groupsThroughKeptScratchAsAlone() {
        var generator = SeededGenerator(state: 20_261_123)
        var scratch: [Item] = []
        var values: [Item] = []
        for count in [3_000, 70_000, 40, 0, 5_000] {
            values = (0..<count).map { _ in Item(key: generator.next() % 1_000, order: Int(generator.next() % 1_000)) }
            var alone = values
            RadixSort.group(&alone, by: \.key) { $0.order < $1.order }
            RadixSort.group(&values, scratch: &scratch, by: \.key) { $0.order < $1.order }
            #expect(values == alone, "\(count) values")
        }
    }

    /// Candidate pairs come out as `sorted(by: <)` puts them, with repeats, document numbers
    /// over 16 and over 32 bits' worth of pairs, below and above 65,536 pairs.
    @Test(arguments: [0, 2, 500, 70_000])
    func sortsCandidatePairsAsComparisonDoes(count: Int) {
        var generator = SeededGenerator(state: 7 &+ UInt64(count))
        for range in [UInt64(40), 1 << 20, 1 << 31] {
            var pairs = (0..<count).map { _ -> CandidatePair in
                let a = Int(generator.next() % range), b = Int(generator.next() % range)
                return a == b ? CandidatePair(a, a + 1) : CandidatePair(min(a, b), max(a, b))
            }
            let expected = pairs.sorted(by: <)
            RadixSort.sort(&pairs)
            #expect(pairs == expected)
        }
    }
}
