/// A growable run of bytes that ``JSONElementEncoder`` writes into: one allocation, grown by
/// doubling, and appends that check the room left and store, nothing else.
///
/// An `[UInt8]` pays for its copy-on-write check and a generic `append(contentsOf:)` on every
/// append; a report element is hundreds of small appends (a bracket, a line break and its
/// indentation, a key), so those checks were most of the cost of writing the JSON report.
/// Owning its memory, the buffer cannot be copied; ``bytes`` copies its contents out.
struct JSONByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes written so far.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 4_096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written so far, copied into an array.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Makes room for `extra` more bytes past ``count``.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity &- count < extra { grow(toAtLeast: count + extra) }
    }

    @inline(never)
    private mutating func grow(toAtLeast minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Appends the bytes at `start`.
    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (base + count).update(from: start, count: length)
        count &+= length
    }

    /// Appends the UTF-8 of `text`.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Appends `width` spaces.
    @inline(__always)
    mutating func appendSpaces(_ width: Int) {
        guard width > 0 else { return }
        // Eight at a time; the last store may run up to seven bytes past, within the room made.
        reserve(width &+ 8)
        let raw = UnsafeMutableRawPointer(base + count)
        var offset = 0
        while offset < width {
            raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: offset, as: UInt64.self)
            offset &+= 8
        }
        count &+= width
    }

    /// Appends `length` bytes written by `body` at the pointer it is given, which returns how
    /// many it wrote (at most `length`).
    @inline(__always)
    mutating func append(upTo length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(length)
        count &+= body(base + count)
    }

    /// Drops the bytes past the first `newCount`.
    mutating func truncate(to newCount: Int) {
        count = min(count, max(0, newCount))
    }

    /// Calls `body` with the bytes written so far.
    func withUnsafeBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
