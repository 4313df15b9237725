import Testing
import TestSupport
@testable import SyndicationScan

/// The open-addressing shingle table counts and answers as a `Dictionary` does.
@Suite struct ShingleTableTests {
    @Test(arguments: [0, 1, 7, 1_000, 50_000])
    func countsAsADictionaryDoes(_ distinct: Int) {
        var generator = SeededGenerator(state: UInt64(distinct) &+ 17)
        // Keys that share low and high bits, zero and the largest value among random ones.
        var pool: [UInt64] = [0, .max, 1 << 63, 1]
        while pool.count < distinct { pool.append(generator.next()) }
        pool = Array(pool.prefix(distinct))
        var table = ShingleTable(capacity: 4)
        var reference: [UInt64: Int32] = [:]
        for step in 0..<(3 * distinct) {
            let key = pool[(step &* 7_919) % max(1, pool.count)]
            table.increment(key)
            reference[key, default: 0] += 1
        }
        #expect(table.count == reference.count)
        for (key, count) in reference { #expect(table.count(of: key) == count) }
        for _ in 0..<1_000 {
            let absent = generator.next()
            #expect(table.contains(absent) == (reference[absent] != nil))
        }
        for limit: Int32 in [1, 2, 3, 4] {
            #expect(Set(table.keys(countedAtLeast: limit)) == Set(reference.filter { $0.value >= limit }.keys))
        }
    }

    @Test func aSetOfKeysCountsOn() {
        var table = ShingleTable([7, 1 << 40])
        table.increment(7)
        table.increment(7)
        table.increment(8)
        #expect(table.count(of: 7) == 3)
        #expect(table.count(of: 1 << 40) == 1)
        #expect(table.count(of: 8) == 1)
        #expect(table.count == 3)
    }

    @Test func aSetOfKeysHoldsEachOnce() {
        let keys: Set<UInt64> = [0, 3, 99, .max]
        let table = ShingleTable(keys)
        #expect(table.count == 4)
        #expect(keys.allSatisfy { table.count(of: $0) == 1 })
        #expect(!table.contains(4))
    }
}
