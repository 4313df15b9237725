import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Maps over indices on several threads, with results in index order, so that output never
/// depends on which thread finished first or how many threads there were.
public enum ParallelWork {
    /// `transform(0..<count)` computed on up to `threads` workers (0: one per core).
    ///
    /// Workers take chunks of indices that shrink as the work runs out (guided
    /// self-scheduling, Polychronopoulos & Kuck 1987): large chunks while much is left, single
    /// indices at the end, so that no worker waits long for another's last, slow item.
    public static func map<Result>(count: Int, threads: Int, _ transform: (Int) -> Result) -> [Result] {
        map(count: count, threads: threads, alongside: nil, transform)
    }

    /// ``map(count:threads:_:)`` that also runs `side` once, on the first worker to start,
    /// while the others take the indices: serial work (filing the previous batch's results)
    /// overlapped with this batch's. Returns when both are done; with one worker, `side`
    /// runs first.
    static func map<Result>(
        count: Int, threads: Int, alongside side: (() -> Void)?, _ transform: (Int) -> Result
    ) -> [Result] {
        let workers = min(count + (side == nil ? 0 : 1), threads <= 0 ? coreCount : threads)
        if workers <= 1 {
            side?()
            return (0..<count).map(transform)
        }
        let bounds = chunkBounds(count: count, workers: workers)
        let next = Atomic<Int>(0)
        let sideTaken = Atomic<Bool>(side == nil)
        // Each result is made in its place: the chunks cover every index once.
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer
            nonisolated(unsafe) let side = side
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    if !sideTaken.exchange(true, ordering: .relaxed) { side?() }
                    while true {
                        let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard chunk + 1 < bounds.count else { return }
                        for index in bounds[chunk]..<bounds[chunk + 1] {
                            (output.baseAddress! + index).initialize(to: work(index))
                        }
                    }
                }
            }
            initialized = count
        }
    }

    /// Where the chunks of ``map(count:threads:_:)`` start (and, last, `count`): each a
    /// quarter of an even share of what is left, from 1 to 256 indices.
    static func chunkBounds(count: Int, workers: Int) -> [Int] {
        var bounds = [0]
        var start = 0
        while start < count {
            start += max(1, min(256, (count - start) / (workers * 4)))
            bounds.append(start)
        }
        return bounds
    }

    /// Sorts `array` as `array.sort(by:)` does, on up to `threads` workers: runs sorted in
    /// parallel, then merged, left run first among equal elements.
    ///
    /// The result equals the serial sort's whenever `areInIncreasingOrder` is a strict total
    /// order of the elements (no two distinct elements equivalent), whatever `threads` is;
    /// equivalent elements keep their order as far as the standard library's sort does (its
    /// implementation is stable, which `OverlappedWorkTests` checks).
    ///
    /// - Complexity: O(*n* log *n*) comparisons, about 1/*threads* of them on each worker;
    ///   O(*n*) extra memory while merging.
    public static func sort<Element>(
        _ array: inout [Element], threads: Int, by areInIncreasingOrder: (Element, Element) -> Bool
    ) {
        let workers = min(threads <= 0 ? coreCount : threads, array.count / minimumSortRun)
        guard workers > 1 else {
            array.sort(by: areInIncreasingOrder)
            return
        }
        let count = array.count
        let runBounds = (0...workers).map { $0 * count / workers }
        withoutActuallyEscaping(areInIncreasingOrder) { comparison in
            nonisolated(unsafe) let less = comparison
            array.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: workers) { run in
                    var slice = UnsafeMutableBufferPointer(rebasing: buffer[runBounds[run]..<runBounds[run + 1]])
                    slice.sort(by: less)
                }
            }
            // Merge neighbouring runs pairwise until one is left.
            var runs = runBounds
            while runs.count > 2 {
                var merged = [runs[0]]
                var index = 0
                var pairs: [(Int, Int, Int)] = []
                while index + 2 < runs.count {
                    pairs.append((runs[index], runs[index + 1], runs[index + 2]))
                    merged.append(runs[index + 2])
                    index += 2
                }
                if index + 1 < runs.count { merged.append(runs[index + 1]) }
                let work = pairs
                array.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let buffer = buffer
                    DispatchQueue.concurrentPerform(iterations: work.count) { pair in
                        let (start, middle, end) = work[pair]
                        mergeRuns(buffer, start, middle, end, less)
                    }
                }
                runs = merged
            }
        }
    }

    /// Runs shorter than this are not worth a thread of their own.
    static let minimumSortRun = 8_192

    /// Merges the sorted runs `start..<middle` and `middle..<end` of `buffer` in place
    /// (through a copy of the left run), taking from the left run among equals.
    private static func mergeRuns<Element>(
        _ buffer: UnsafeMutableBufferPointer<Element>, _ start: Int, _ middle: Int, _ end: Int,
        _ less: (Element, Element) -> Bool
    ) {
        guard start < middle, middle < end, less(buffer[middle], buffer[middle - 1]) else { return }
        let left = UnsafeMutableBufferPointer<Element>.allocate(capacity: middle - start)
        defer { left.deallocate() }
        _ = left.moveInitialize(fromContentsOf: UnsafeMutableBufferPointer(rebasing: buffer[start..<middle]))
        var i = 0, j = middle, out = start
        while i < left.count, j < end {
            if less(buffer[j], left[i]) {
                (buffer.baseAddress! + out).moveInitialize(from: buffer.baseAddress! + j, count: 1)
                j += 1
            } else {
                (buffer.baseAddress! + out).moveInitialize(from: left.baseAddress! + i, count: 1)
                i += 1
            }
            out += 1
        }
        if i < left.count {
            (buffer.baseAddress! + out).moveInitialize(from: left.baseAddress! + i, count: left.count - i)
        }
    }

    /// An array of `starts[count]` values that `write(k, place)` puts in, position `k`'s
    /// `starts[k + 1] - starts[k]` values initialized from `place` (which stands at
    /// `starts[k]`); written on up to `threads` workers, a range of positions each.
    static func filled<Value>(
        _ count: Int, at starts: [Int], threads: Int, _ write: (Int, UnsafeMutablePointer<Value>) -> Void
    ) -> [Value] {
        let total = starts[count]
        return [Value](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let target = buffer
            let parts = min(count, 8 * max(1, threads <= 0 ? coreCount : threads))
            _ = map(count: parts, threads: threads) { part in
                for position in (part * count / parts)..<((part + 1) * count / parts) {
                    write(position, target.baseAddress! + starts[position])
                }
            }
            initialized = total
        }
    }

    /// Empties `array`, releasing its elements on up to `threads` workers: freeing many
    /// large values (analysed documents) is work too, which one thread would do alone.
    public static func release<Element>(_ array: inout [Element?], threads: Int) {
        let workers = min(threads <= 0 ? coreCount : threads, array.count)
        if workers > 1 {
            let count = array.count
            array.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for index in (worker * count / workers)..<((worker + 1) * count / workers) { buffer[index] = nil }
                }
            }
        }
        array = []
    }

    /// The number of cores online.
    public static var coreCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}
