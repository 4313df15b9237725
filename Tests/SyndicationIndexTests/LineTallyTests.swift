import Foundation
import Testing
@testable import SyndicationIndex
import SyndicationEngine

/// The flat line tally of an add and the blob encodings: what they sum and decode must be
/// what the dictionaries and byte loops they replaced gave.
struct LineTallyTests {
    @Test func sumsChangesPerLineAndOutletInKeyOrder() {
        var tally = LineTally()
        tally.count([30, 10, 20], outlet: "Wire", change: 1)
        tally.count([10, 20], outlet: nil, change: 1)
        tally.count([10], outlet: "Wire", change: 1)
        tally.count([20, 30], outlet: "Wire", change: -1)  // a replaced version
        var seen: [(UInt64, [String: Int])] = []
        tally.forEachLine { key, changes in
            seen.append((key, Dictionary(uniqueKeysWithValues: changes.map { ($0.outlet, $0.change) })))
        }
        #expect(seen.map(\.0) == [10, 20, 30])
        #expect(seen[0].1 == ["Wire": 2, "": 1])
        #expect(seen[1].1 == ["": 1])
        // A line a changed document keeps is still visited (its stored counts still apply),
        // with no change left.
        #expect(seen[2].1 == [:])
    }

    @Test func matchesADictionaryTallyOnRandomInput() {
        // Deterministic input: XXH3 of a counter.
        var counter: UInt64 = 0
        func next() -> UInt64 {
            counter += 1
            return withUnsafeBytes(of: counter) { XXHash.hash64($0, seed: 42) }
        }
        var tally = LineTally()
        var expected: [UInt64: [String: Int]] = [:]
        let outlets = ["A", "B", "", "C"]
        for _ in 0..<500 {
            let outlet = outlets[Int(next() % 4)]
            let change: Int32 = next() % 5 == 0 ? -1 : 1
            let keys = Array(Set((0..<Int(next() % 8)).map { _ in next() % 64 }))
            tally.count(keys, outlet: outlet.isEmpty ? nil : outlet, change: change)
            for key in keys { expected[key, default: [:]][outlet, default: 0] += Int(change) }
        }
        var seen: [UInt64: [String: Int]] = [:]
        tally.forEachLine { key, changes in
            seen[key] = Dictionary(uniqueKeysWithValues: changes.map { ($0.outlet, $0.change) })
        }
        #expect(seen == expected.mapValues { $0.filter { $0.value != 0 } })
    }

    @Test func blobsRoundTrip() {
        let values: [UInt64] = [0, 1, .max, 0x0123_4567_89AB_CDEF, 1 << 63]
        #expect(BlobCoding.integers(BlobCoding.data(values)) == values)
        #expect(BlobCoding.data(values).prefix(16) == Data([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]))
    }
}
