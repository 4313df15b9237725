import Testing
@testable import SyndicationScan

/// ``CorpusCensus/gather(_:at:threads:_:)`` copies each document's lines into their new
/// place on several workers; the result equals appending them one document after another.
@Suite struct CensusGatherTests {
    @Test(arguments: [1, 2, 3, 0])
    func gatheredLinesEqualLinesAppendedInOrder(threads: Int) {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for count in [0, 1, 2, 5, 40, 333] {
            // Each document's lines as the census keeps them: one run of keys per document.
            var lines: [[UInt64]] = []
            for _ in 0..<count {
                let lineCount = next(4) == 0 ? 0 : next(12)
                lines.append((0..<lineCount).map { _ in UInt64(next(1 << 30)) })
            }
            // Some documents left out, as duplicate ids are, the rest shuffled.
            var generator = Generator(state: state)
            let order = (0..<count).filter { _ in next(5) != 0 }.shuffled(using: &generator)
            var starts = [0]
            var expected: [UInt64] = []
            for index in order {
                expected += lines[index]
                starts.append(expected.count)
            }
            #expect(CorpusCensus.gather(order.count, at: starts, threads: threads) { lines[order[$0]][...] } == expected)
        }
    }

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }
}
