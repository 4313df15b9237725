import Dispatch
import Foundation
import Synchronization

/// Reads a ``DocumentSource`` on a thread of its own, a bounded number of batches ahead of
/// the caller, so that reading and parsing the next batch overlaps the work on this one.
///
/// Batches reach the caller in reading order, whichever thread finishes first, so what the
/// caller makes of them does not depend on the overlap; memory holds at most ``depth``
/// batches waiting, one being read and one being worked on, never the whole input.
struct ReadAhead: Sendable {
    /// How many read batches may wait for the caller.
    var depth: Int = 2

    /// Calls `body` on the calling thread with each batch of `source.readAll(threads:_:)`, in
    /// order, while a second thread reads ahead; returns what `readAll` returns.
    func readAll(
        _ source: some DocumentSource, threads: Int, _ body: ([SourceRecord]) -> Void
    ) -> [Diagnostic] {
        let channel = Channel<Message>(capacity: max(1, depth))
        let reader = Thread {
            let warnings = source.readAll(threads: threads) { channel.send(.batch($0)) }
            channel.send(.end(warnings))
        }
        reader.stackSize = 8 << 20
        reader.start()
        while true {
            switch channel.receive() {
            case .batch(let batch): body(batch)
            case .end(let warnings): return warnings
            }
        }
    }

    /// What the reading thread hands on.
    enum Message: Sendable {
        case batch([SourceRecord])
        case end([Diagnostic])
    }

    /// A first-in, first-out queue of at most `capacity` items between two threads.
    final class Channel<Item: Sendable>: Sendable {
        private let messages = Mutex<[Item]>([])
        private let free: DispatchSemaphore
        private let waiting = DispatchSemaphore(value: 0)

        init(capacity: Int) {
            free = DispatchSemaphore(value: capacity)
        }

        /// Adds `message`, waiting while the queue is full.
        func send(_ message: Item) {
            free.wait()
            messages.withLock { $0.append(message) }
            waiting.signal()
        }

        /// Takes the oldest message, waiting while there is none.
        func receive() -> Item {
            waiting.wait()
            let message = messages.withLock { $0.removeFirst() }
            free.signal()
            return message
        }
    }
}
