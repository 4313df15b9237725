import Testing
@testable import SyndicationEngine

/// The block-table index against brute force on random fingerprints with planted neighbours.
@Suite struct SimHashIndexTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        var maximumDistance: Int
        var blockCount: Int
        var testDescription: String { "k=\(maximumDistance) B=\(blockCount)" }
    }

    static let layouts = [
        Layout(maximumDistance: 3, blockCount: 6), Layout(maximumDistance: 2, blockCount: 5),
        Layout(maximumDistance: 0, blockCount: 1), Layout(maximumDistance: 1, blockCount: 2),
        Layout(maximumDistance: 4, blockCount: 8), Layout(maximumDistance: 3, blockCount: 4),
    ]

    /// 1,000 random fingerprints, then for 300 of them a neighbour 0…k+2 bits away (so pairs
    /// sit both inside and just outside the radius), and a few exact repeats under other ids.
    /// Ids are shuffled relative to insertion order.
    static func fingerprints(maximumDistance: Int, seed: UInt64) -> [(fingerprint: UInt64, id: Int)] {
        var random = SketchTestRandom(seed: seed)
        var values = (0..<1_000).map { _ in random.next() }
        for index in 0..<300 {
            var neighbour = values[index]
            var flipped = Set<Int>()
            let distance = Int(random.next() % UInt64(maximumDistance + 3))
            while flipped.count < distance { flipped.insert(Int(random.next() % 64)) }
            for bit in flipped { neighbour ^= 1 << UInt64(bit) }
            values.append(neighbour)
        }
        values += values[0..<20]
        var ids = Array(0..<values.count)
        ids.shuffle(using: &random)
        return zip(values, ids).map { ($0, $1) }
    }

    static func bruteForcePairs(_ entries: [(fingerprint: UInt64, id: Int)], within k: Int) -> [CandidatePair] {
        var pairs = Set<CandidatePair>()
        for i in entries.indices {
            for j in entries.indices where j > i && entries[i].id != entries[j].id
                && (entries[i].fingerprint ^ entries[j].fingerprint).nonzeroBitCount <= k {
                pairs.insert(CandidatePair(unordered: entries[i].id, entries[j].id))
            }
        }
        return pairs.sorted()
    }

    static func binomial(_ n: Int, _ r: Int) -> Int {
        (0..<r).reduce(1) { $0 * (n - $1) / ($1 + 1) }
    }

    @Test(arguments: layouts)
    func candidatePairsEqualBruteForce(_ layout: Layout) {
        let entries = Self.fingerprints(maximumDistance: layout.maximumDistance, seed: UInt64(layout.blockCount))
        var index = SimHashIndex(maximumDistance: layout.maximumDistance, blockCount: layout.blockCount)
        for entry in entries { index.insert(entry.fingerprint, id: entry.id) }
        #expect(index.count == entries.count)
        #expect(index.tableCount == Self.binomial(layout.blockCount, layout.maximumDistance))
        let expected = Self.bruteForcePairs(entries, within: layout.maximumDistance)
        // The planted neighbours inside the radius are found: well over 20 pairs.
        #expect(expected.count > 20)
        let found = index.candidatePairs().map { CandidatePair($0.0, $0.1) }
        #expect(found == expected)
    }

    @Test(arguments: layouts)
    func matchesEqualBruteForce(_ layout: Layout) {
        let entries = Self.fingerprints(maximumDistance: layout.maximumDistance, seed: 40 + UInt64(layout.blockCount))
        var index = SimHashIndex(maximumDistance: layout.maximumDistance, blockCount: layout.blockCount)
        for entry in entries { index.insert(entry.fingerprint, id: entry.id) }
        var random = SketchTestRandom(seed: 5)
        var nonEmpty = 0
        for position in stride(from: 0, to: entries.count, by: 7) {
            // Query an inserted fingerprint with 0…k+1 further bits flipped.
            var query = entries[position].fingerprint
            for _ in 0..<Int(random.next() % UInt64(layout.maximumDistance + 2)) {
                query ^= 1 << (random.next() % 64)
            }
            let expected = entries
                .filter { ($0.fingerprint ^ query).nonzeroBitCount <= layout.maximumDistance }
                .map(\.id).sorted()
            let found = index.matches(of: query)
            #expect(found == expected)
            if !found.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 50)
    }

    @Test func repeatedIdIsNeverPairedWithItself() {
        var index = SimHashIndex()
        index.insert(42, id: 7)
        index.insert(42, id: 7)
        index.insert(43, id: 8)
        #expect(index.candidatePairs().map { [$0.0, $0.1] } == [[7, 8]])
        #expect(index.matches(of: 42) == [7, 8])
        #expect(index.matches(of: 42 ^ 0xFF00) == [])  // 8 and 9 bits away
    }
}
