import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Maps over indices on several threads, with results in index order, so that output never
/// depends on which thread finished first or how many threads there were.
public enum ParallelWork {
    /// `transform(0..<count)` computed on up to `threads` workers (0: one per core).
    public static func map<Result>(count: Int, threads: Int, _ transform: (Int) -> Result) -> [Result] {
        let workers = min(count, threads <= 0 ? coreCount : threads)
        if workers <= 1 {
            return (0..<count).map(transform)
        }
        var results = [Result?](repeating: nil, count: count)
        let chunkSize = max(1, min(256, count / (workers * 16)))
        let chunkCount = (count + chunkSize - 1) / chunkSize
        let next = Atomic<Int>(0)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard chunk < chunkCount else { return }
                        for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
                            output[index] = work(index)
                        }
                    }
                }
            }
        }
        return results.map { $0! }
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
