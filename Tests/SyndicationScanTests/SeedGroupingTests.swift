import Testing
import TestSupport
@testable import SyndicationScan

/// ``PassageAligner/extend(_:)`` (union-find read in place, groups made at their size) groups
/// seeds as the plain union-find over arrays does: the same groups, in the same order, each
/// with its seeds in seed order, over generated seed lists (sorted as seeding makes them).
@Suite struct SeedGroupingTests {
    /// The plain grouping: union-find over an array of parents, groups appended to.
    static func plainGroups(_ seeds: [PassageAligner.Seed], maximumGap: Int) -> [[PassageAligner.Seed]] {
        var parent = Array(seeds.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        let reach = maximumGap + 1
        for s in seeds.indices {
            for t in seeds.indices where t > s && seeds[t].first - seeds[s].first <= reach {
                if abs(seeds[t].second - seeds[s].second) <= reach,
                   seeds[t].first != seeds[s].first || abs(seeds[t].second - seeds[s].second) == 1 {
                    let left = root(s), right = root(t)
                    if left != right { parent[max(left, right)] = min(left, right) }
                }
            }
        }
        var groups: [[PassageAligner.Seed]] = []
        var groupOf: [Int: Int] = [:]
        for index in seeds.indices {
            let first = root(index)
            if let group = groupOf[first] {
                groups[group].append(seeds[index])
            } else {
                groupOf[first] = groups.count
                groups.append([seeds[index]])
            }
        }
        return groups
    }

    @Test(arguments: [1, 3, 6]) func extendGroupsAsThePlainUnionFindDoes(maximumGap: Int) {
        var generator = SeededGenerator(state: UInt64(maximumGap) &* 977)
        let aligner = PassageAligner(maximumGap: maximumGap)
        var several = 0
        for round in 0..<300 {
            let count = Int.random(in: 0...(round % 10 == 0 ? 200 : 30), using: &generator)
            let spread = Int.random(in: 1...80, using: &generator)
            var keys = Set<[Int]>()
            for _ in 0..<count {
                keys.insert([Int.random(in: 0..<spread, using: &generator), Int.random(in: 0..<spread, using: &generator)])
            }
            // Seeds come sorted by their first sentence, then their second, as seeding makes them.
            let seeds = keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map {
                PassageAligner.Seed(first: $0[0], second: $0[1], similarity: Double($0[0] % 7) / 7, isProse: $0[1] % 3 != 0)
            }
            let groups = aligner.extend(seeds)
            #expect(groups == Self.plainGroups(seeds, maximumGap: maximumGap), "round \(round)")
            if groups.contains(where: { $0.count > 2 }) && groups.count > 2 { several += 1 }
        }
        #expect(several > 20)
    }
}
