/// The shortest edit script between two sequences, as runs of kept, deleted and inserted
/// elements (Myers 1986, "An O(ND) Difference Algorithm and Its Variations", with the
/// linear-space refinement of its section 4b: find the middle snake of an optimal path, recurse
/// on both sides).
///
/// The reports diff passages word by word, over folded words (so case, quotation-mark glyphs,
/// dashes and spacing never count as a change).
enum WordDiff {
    /// What a run of the edit script does.
    enum Operation: Hashable {
        /// Elements of both sequences that match.
        case equal
        /// Elements of the first sequence only.
        case delete
        /// Elements of the second sequence only.
        case insert
    }

    /// A run of one operation: `count` elements starting at `a` in the first sequence and at
    /// `b` in the second (a deletion advances only `a`, an insertion only `b`).
    struct Run: Hashable {
        var operation: Operation
        var a: Int
        var b: Int
        var count: Int
    }

    /// The edit script turning `a` into `b`, in order, adjacent runs of one operation merged.
    /// Its deletions plus insertions are as few as possible: `a.count + b.count - 2 × LCS`.
    ///
    /// - Complexity: O((*n* + *m*) · *D*) time and O(*n* + *m*) space, where *D* is the number
    ///   of deleted and inserted elements.
    static func runs<Element: Hashable>(_ a: [Element], _ b: [Element]) -> [Run] {
        // Compare small integers, not the elements themselves.
        var codes: [Element: Int] = [:]
        let left = a.map { element in codes[element] ?? { codes[element] = codes.count; return codes.count - 1 }() }
        let right = b.map { element in codes[element] ?? { codes[element] = codes.count; return codes.count - 1 }() }
        var script = Script()
        var search = MiddleSnakeSearch(a: left, b: right)
        search.diff(0..<left.count, 0..<right.count, into: &script)
        return script.runs
    }

    /// Collects runs, merging a run into the previous one of the same operation.
    private struct Script {
        var runs: [Run] = []

        mutating func append(_ operation: Operation, a: Int, b: Int, count: Int) {
            guard count > 0 else { return }
            if let last = runs.last, last.operation == operation,
               last.a + (operation == .insert ? 0 : last.count) == a,
               last.b + (operation == .delete ? 0 : last.count) == b {
                runs[runs.count - 1].count += count
            } else {
                runs.append(Run(operation: operation, a: a, b: b, count: count))
            }
        }
    }

    private struct MiddleSnakeSearch {
        let a: [Int]
        let b: [Int]
        /// Furthest-reaching x per diagonal, forward and backward; index `k + offset`.
        var forward: [Int]
        var backward: [Int]
        let offset: Int

        init(a: [Int], b: [Int]) {
            self.a = a
            self.b = b
            offset = (a.count + b.count + 1) / 2 + 1
            forward = Array(repeating: 0, count: 2 * offset + 2)
            backward = forward
        }

        mutating func diff(_ aRange: Range<Int>, _ bRange: Range<Int>, into script: inout Script) {
            var (aLow, aHigh, bLow, bHigh) = (aRange.lowerBound, aRange.upperBound, bRange.lowerBound, bRange.upperBound)
            let prefixStart = (aLow, bLow)
            while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] { aLow += 1; bLow += 1 }
            script.append(.equal, a: prefixStart.0, b: prefixStart.1, count: aLow - prefixStart.0)
            var suffix = 0
            while aHigh > aLow, bHigh > bLow, a[aHigh - 1] == b[bHigh - 1] { aHigh -= 1; bHigh -= 1; suffix += 1 }
            if aLow == aHigh {
                script.append(.insert, a: aLow, b: bLow, count: bHigh - bLow)
            } else if bLow == bHigh {
                script.append(.delete, a: aLow, b: bLow, count: aHigh - aLow)
            } else if let snake = middleSnake(aLow..<aHigh, bLow..<bHigh) {
                diff(aLow..<snake.x, bLow..<snake.y, into: &script)
                script.append(.equal, a: snake.x, b: snake.y, count: snake.u - snake.x)
                diff(snake.u..<aHigh, snake.v..<bHigh, into: &script)
            } else {
                script.append(.delete, a: aLow, b: bLow, count: aHigh - aLow)
                script.append(.insert, a: aHigh, b: bLow, count: bHigh - bLow)
            }
            script.append(.equal, a: aHigh, b: bHigh, count: suffix)
        }

        /// The middle snake of an optimal path through `a[aRange]` × `b[bRange]`, whose first
        /// and last elements both differ: it runs from (x, y) to (u, v), absolute indices.
        /// Both halves of the path around it are strictly shorter, so the recursion ends.
        mutating func middleSnake(_ aRange: Range<Int>, _ bRange: Range<Int>) -> (x: Int, y: Int, u: Int, v: Int)? {
            let (aLow, bLow) = (aRange.lowerBound, bRange.lowerBound)
            let (n, m) = (aRange.count, bRange.count)
            let delta = n - m
            let deltaIsOdd = delta & 1 != 0
            let limit = (n + m + 1) / 2
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            for d in 0...limit {
                for k in stride(from: -d, through: d, by: 2) {
                    var x = k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])
                        ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                    var y = x - k
                    let (startX, startY) = (x, y)
                    while x < n, y < m, a[aLow + x] == b[bLow + y] { x += 1; y += 1 }
                    forward[offset + k] = x
                    let mirror = delta - k
                    if deltaIsOdd, mirror >= -(d - 1), mirror <= d - 1, x + backward[offset + mirror] >= n {
                        return (aLow + startX, bLow + startY, aLow + x, bLow + y)
                    }
                }
                for k in stride(from: -d, through: d, by: 2) {
                    // Backward: x counts elements consumed from the ends.
                    var x = k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1])
                        ? backward[offset + k + 1] : backward[offset + k - 1] + 1
                    var y = x - k
                    let (startX, startY) = (x, y)
                    while x < n, y < m, a[aLow + n - 1 - x] == b[bLow + m - 1 - y] { x += 1; y += 1 }
                    backward[offset + k] = x
                    let mirror = delta - k
                    if !deltaIsOdd, mirror >= -d, mirror <= d, x + forward[offset + mirror] >= n {
                        return (aLow + n - x, bLow + m - y, aLow + n - startX, bLow + m - startY)
                    }
                }
            }
            // Not reached: the two searches meet by d = ⌈(n + m) / 2⌉.
            return nil
        }
    }
}
