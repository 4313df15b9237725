#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `TextOutputStream` onto an open file descriptor, through a buffer, so a large report is
/// written as it is made instead of held whole.
///
/// `write(_:)` cannot throw, so the first failed write is kept in ``failure`` and later
/// writes are dropped; ``flush()`` writes what is buffered and throws that failure.
public struct FileOutputStream: TextOutputStream {
    /// The descriptor written to; the stream does not close it.
    public let descriptor: Int32
    /// Bytes gathered before they are written.
    public let capacity: Int
    /// The `errno` of the first write that failed, if one did.
    public private(set) var failure: Int32?
    private var buffer: [UInt8] = []

    /// A stream onto `descriptor` that writes `capacity` bytes at a time.
    public init(descriptor: Int32, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.capacity = max(1, capacity)
        buffer.reserveCapacity(self.capacity)
    }

    /// A failed write: the descriptor and `errno`'s text.
    public struct WriteError: Error, CustomStringConvertible {
        /// The failed write's `errno`.
        public var code: Int32
        /// What went wrong.
        public var description: String { "the output could not be written: \(String(cString: strerror(code)))" }
    }

    /// Adds `string`'s UTF-8 bytes, writing the buffer out when it is full.
    public mutating func write(_ string: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= capacity { writeBuffer() }
    }

    /// Writes everything buffered.
    ///
    /// - Throws: ``WriteError`` when this or an earlier write failed.
    public mutating func flush() throws {
        if failure == nil { writeBuffer() }
        if let failure { throw WriteError(code: failure) }
    }

    private mutating func writeBuffer() {
        var done = 0
        while done < buffer.count {
            let wrote = buffer.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.write(descriptor, raw.baseAddress! + done, raw.count - done)
                #else
                Darwin.write(descriptor, raw.baseAddress! + done, raw.count - done)
                #endif
            }
            if wrote < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            done += wrote
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
