import Testing
@testable import SyndicationReport

/// The word-level diff: a valid edit script of the least length, and passage marks built on it.
@Suite struct WordDiffTests {
    /// Applies `runs` to `a`, checking they match it, and returns the result.
    static func apply(_ runs: [WordDiff.Run], _ a: [Int], _ b: [Int]) -> [Int]? {
        var result: [Int] = []
        var (i, j) = (0, 0)
        for run in runs {
            guard run.a == i, run.b == j, run.count > 0 else { return nil }
            switch run.operation {
            case .equal:
                guard Array(a[i..<i + run.count]) == Array(b[j..<j + run.count]) else { return nil }
                result += a[i..<i + run.count]
                i += run.count
                j += run.count
            case .delete: i += run.count
            case .insert:
                result += b[j..<j + run.count]
                j += run.count
            }
        }
        return i == a.count && j == b.count ? result : nil
    }

    /// The longest common subsequence length by the textbook O(nm) table.
    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var row = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (index, y) in b.enumerated() {
                let above = row[index + 1]
                row[index + 1] = x == y ? diagonal + 1 : max(row[index + 1], row[index])
                diagonal = above
            }
        }
        return row[b.count]
    }

    @Test(arguments: 0..<200)
    func scriptIsValidAndShortest(_ seed: Int) throws {
        // Small alphabets make many matches and ties; lengths up to 40.
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let alphabet = 2 + next(5)
        let a = (0..<next(41)).map { _ in next(alphabet) }
        var b = a
        for _ in 0..<next(12) {
            switch next(3) {
            case 0 where !b.isEmpty: b.remove(at: next(b.count))
            case 1: b.insert(next(alphabet), at: next(b.count + 1))
            default: if !b.isEmpty { b[next(b.count)] = next(alphabet) }
            }
        }
        let runs = WordDiff.runs(a, b)
        #expect(Self.apply(runs, a, b) == b)
        let edits = runs.filter { $0.operation != .equal }.reduce(0) { $0 + $1.count }
        #expect(edits == a.count + b.count - 2 * Self.lcs(a, b))
        for (first, second) in zip(runs, runs.dropFirst()) {
            #expect(first.operation != second.operation, "adjacent runs of one operation are merged")
        }
    }

    @Test func edgeCases() {
        #expect(WordDiff.runs([Int](), []) == [])
        #expect(WordDiff.runs([1, 2], []) == [WordDiff.Run(operation: .delete, a: 0, b: 0, count: 2)])
        #expect(WordDiff.runs([], [1, 2]) == [WordDiff.Run(operation: .insert, a: 0, b: 0, count: 2)])
        #expect(WordDiff.runs([1, 2, 3], [1, 2, 3]) == [WordDiff.Run(operation: .equal, a: 0, b: 0, count: 3)])
        #expect(WordDiff.runs(["a", "b", "c"], ["a", "x", "c"]) == [
            WordDiff.Run(operation: .equal, a: 0, b: 0, count: 1),
            WordDiff.Run(operation: .delete, a: 1, b: 1, count: 1),
            WordDiff.Run(operation: .insert, a: 2, b: 1, count: 1),
            WordDiff.Run(operation: .equal, a: 2, b: 2, count: 1),
        ])
    }

    @Test func longPassagesStayFast() {
        // Two 5,000-word texts with 2 % of the words changed: O((n + m) D), not O(n m).
        let a = (0..<5000).map { $0 % 977 }
        var b = a
        for index in stride(from: 7, to: b.count, by: 50) { b[index] = -index }
        let clock = ContinuousClock()
        var runs: [WordDiff.Run] = []
        let elapsed = clock.measure { runs = WordDiff.runs(a, b) }
        #expect(Self.apply(runs, a, b) == b)
        #expect(elapsed < .seconds(2))
    }

    @Test func passageMarksChangesRemovalsAdditionsAndQuotes() {
        let diff = PassageDiff(
            left: "The Kremlin said it was open to the idea, “we are ready” he said.",
            right: "THE Kremlin said it was open to talks, \"we are ready\" he said today.")
        let left = diff.left.map { "\($0.mark)\($0.quoted ? "q" : ""):\($0.text)" }
        let right = diff.right.map { "\($0.mark)\($0.quoted ? "q" : ""):\($0.text)" }
        #expect(left == ["same:The Kremlin said it was open to ", "changed:the idea", "same:, ", "sameq:“we are ready”",
                         "same: he said."])
        #expect(right == ["same:THE Kremlin said it was open to ", "changed:talks", "same:, ", "sameq:\"we are ready\"",
                          "same: he said ", "added:today", "same:."])
        #expect(diff.counts == PassageDiff.Counts(same: 9, changed: 1, added: 1, removed: 0, quoted: 3))
        #expect(diff.left.map(\.text).joined() == "The Kremlin said it was open to the idea, “we are ready” he said.")
    }

    @Test func countsSummary() {
        #expect(PassageDiff.Counts(same: 1, changed: 0, added: 2, removed: 3, quoted: 0).summary
            == "1 word the same, 0 changed, 2 added, 3 dropped")
        #expect(PassageDiff.Counts(same: 5, changed: 1, added: 0, removed: 0, quoted: 4).summary
            == "5 words the same, 1 changed, 0 added, 0 dropped; 4 in quotations, not counted")
    }
}
