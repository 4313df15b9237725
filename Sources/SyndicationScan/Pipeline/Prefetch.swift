import Dispatch
import Foundation

/// A value computed on a thread of its own while the caller does other work: the next
/// verification batch's documents are read and analysed while this batch's pairs are
/// verified, so that neither's slow last items leave a core idle.
///
/// The value does not depend on when it was computed; only memory does, bounded by the one
/// value computed ahead.
final class Prefetch<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    /// Starts computing `work()` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            value = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once computed (waiting for it).
    func wait() -> Value {
        done.wait()
        return value!
    }
}
