import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// The shortcuts of grouping seeds into passages give what the plain computations give: the
/// strongest matches through scratch indices, runs cut from seeds already in order, the
/// growth guard without sorting, and the known pairs of condensed-paragraph search as bits.
@Suite struct PassageGroupingShortcutTests {
    typealias Seed = PassageAligner.Seed

    /// `count` distinct seeds (pairs of sentences below `limit`; `count` at most `limit`²),
    /// sorted, with random similarities from a few values (so that ties occur).
    static func seeds(count: Int, limit: Int, using generator: inout SeededGenerator) -> [Seed] {
        var pairs = Set<PassageAligner.SentencePair>()
        while pairs.count < count {
            pairs.insert(PassageAligner.SentencePair(first: Int.random(in: 0..<limit, using: &generator),
                                                second: Int.random(in: 0..<limit, using: &generator)))
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }.map {
            Seed(first: $0.first, second: $0.second, similarity: Double(Int.random(in: 0...4, using: &generator)) / 4,
                 isProse: Bool.random(using: &generator))
        }
    }

    /// ``PassageAligner/strongestMatches(_:)`` as it was first written, with optional seeds.
    static func plainStrongestMatches(_ group: [Seed]) -> [Seed] {
        guard group.count > 1 else { return group }
        func stronger(_ lhs: Seed, than rhs: Seed?) -> Bool {
            guard let rhs else { return true }
            return lhs.similarity != rhs.similarity
                ? lhs.similarity > rhs.similarity : (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
        let lowFirst = group.map(\.first).min()!, highFirst = group.map(\.first).max()!
        let lowSecond = group.map(\.second).min()!, highSecond = group.map(\.second).max()!
        var bestOfFirst = [Seed?](repeating: nil, count: highFirst - lowFirst + 1)
        var bestOfSecond = [Seed?](repeating: nil, count: highSecond - lowSecond + 1)
        for seed in group {
            if stronger(seed, than: bestOfFirst[seed.first - lowFirst]) { bestOfFirst[seed.first - lowFirst] = seed }
            if stronger(seed, than: bestOfSecond[seed.second - lowSecond]) { bestOfSecond[seed.second - lowSecond] = seed }
        }
        return group.filter { seed in
            abs(bestOfFirst[seed.first - lowFirst]!.second - seed.second) <= 1
                && abs(bestOfSecond[seed.second - lowSecond]!.first - seed.first) <= 1
        }
    }

    /// ``PassageAligner/splitAtExcluded(_:_:_:)`` as it was first written: sorted, then each
    /// seed appended to the last run or opening a new one.
    static func plainSplitAtExcluded(_ group: [Seed], _ a: DocumentProfile, _ b: DocumentProfile) -> [[Seed]] {
        let ordered = group.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        var runs: [[Seed]] = [[ordered[0]]]
        for seed in ordered.dropFirst() {
            let previous = runs[runs.count - 1].last!
            let excludedBetweenA = (min(previous.first, seed.first)...max(previous.first, seed.first))
                .contains { a.sentences[$0].isBoilerplate }
            let excludedBetweenB = (min(previous.second, seed.second)...max(previous.second, seed.second))
                .contains { b.sentences[$0].isBoilerplate }
            if excludedBetweenA || excludedBetweenB { runs.append([seed]) } else { runs[runs.count - 1].append(seed) }
        }
        return runs
    }

    @Test func strongestMatchesEqualThePlainFilter() {
        var generator = SeededGenerator(state: 71)
        for round in 0..<400 {
            let limit = 4 + round % 40
            let group = Self.seeds(count: min(1 + round % 30, limit * limit), limit: limit, using: &generator)
            #expect(PassageAligner.strongestMatches(group) == Self.plainStrongestMatches(group))
        }
    }

    @Test func runsCutFromOrderedSeedsEqualThePlainSplit() throws {
        var generator = SeededGenerator(state: 72)
        var split = 0
        for (a, b) in try AlignmentShortcutTests.profilePairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            let aligner = PassageAligner()
            var groups = [aligner.seeds(a, b)].filter { !$0.isEmpty }
            for _ in 0..<4 {
                let count = Int.random(in: 1...max(1, min(a.sentences.count, b.sentences.count)), using: &generator)
                var group = Self.seeds(count: count, limit: min(a.sentences.count, b.sentences.count), using: &generator)
                if Bool.random(using: &generator) { group.shuffle(using: &generator) }
                groups.append(group)
            }
            for group in groups {
                let runs = aligner.splitAtExcluded(group, a, b)
                #expect(runs == Self.plainSplitAtExcluded(group, a, b))
                if runs.count > 1 { split += 1 }
            }
        }
        #expect(split > 0)
    }

    @Test func theGrowthGuardCountsDistinctSentencesAsSortingDoes() {
        var generator = SeededGenerator(state: 73)
        for round in 0..<300 {
            // Few sentences, so that runs repeat them (at most `limit`² distinct pairs).
            let limit = 1 + round % 4
            let run = round % 10 == 0 ? [] : Self.seeds(count: min(1 + round % 5, limit * limit), limit: limit, using: &generator)
            for count in 0...4 {
                let plain = max(PassageAligner.distinctCount(run.map(\.first)),
                                PassageAligner.distinctCount(run.map(\.second))) >= count
                #expect(PassageAligner.seedsSentences(count, run) == plain)
            }
        }
    }

    @Test func sentencePairBitsHoldWhatASetHolds() {
        var generator = SeededGenerator(state: 74)
        for (rows, columns) in [(1, 1), (3, 70), (65, 2), (40, 40), (130, 9)] {
            var bits = SentencePairSet(rows: rows, columns: columns)
            var set = Set<PassageAligner.SentencePair>()
            for _ in 0..<(rows * columns / 2 + 1) {
                let first = Int.random(in: 0..<rows, using: &generator), second = Int.random(in: 0..<columns, using: &generator)
                #expect(bits.contains(first, second) == set.contains(PassageAligner.SentencePair(first: first, second: second)))
                bits.insert(first, second)
                set.insert(PassageAligner.SentencePair(first: first, second: second))
            }
            for first in 0..<rows {
                for second in 0..<columns {
                    #expect(bits.contains(first, second) == set.contains(PassageAligner.SentencePair(first: first, second: second)))
                }
            }
        }
    }
}
