import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a JSON Lines file a chunk at a time, each chunk with its complete lines: what
/// ``JSONLinesCorpus`` reads before it parses anything.
///
/// Reading and splitting are cheap next to parsing, so with read-ahead they run on a thread of
/// their own, a bounded number of chunks ahead, while the caller's workers parse (and work on)
/// the chunk before; without it they run on the calling thread between chunks. Chunks reach
/// the caller in file order either way, with the same lines, so nothing downstream depends on
/// the overlap. Buffers are recycled: at most ``depth`` chunks wait, one is read, one is worked
/// on, never the whole file. A regular file is mapped a chunk at a time instead of read
/// (``MappedFileReading``): the same chunks, no copy out of the page cache.
struct JSONLinesChunks {
    /// The file's path, for warnings.
    var path: String
    /// An open descriptor of the file.
    var descriptor: Int32
    /// Bytes read at a time (a buffer grows past it only for a longer line).
    var chunkSize: Int
    /// Bytes of the first read (``chunkSize`` when smaller), so that the caller's workers get
    /// their first chunk after a fraction of a chunk's read.
    var firstReadSize: Int
    /// How many read chunks may wait for the caller with read-ahead.
    var depth = 2
    /// Whether a regular file is read through mappings (``readMapped(size:_:)``) rather than
    /// copied into buffers.
    var mapsFile = true

    /// A chunk's storage, reused for a later chunk once the caller is done with it.
    final class Buffer: @unchecked Sendable {
        private(set) var bytes: UnsafeMutableBufferPointer<UInt8>
        /// Whether `bytes` is a mapping of the file (unmapped, not freed, when done).
        private let isMapped: Bool

        init(count: Int) {
            bytes = .allocate(capacity: max(1, count))
            isMapped = false
        }

        /// The file's bytes `offset ..< offset + count` (`offset` on a page boundary) mapped
        /// read-only, its pages mapped at once, or nil when the system will not map them.
        init?(mapping descriptor: Int32, offset: Int, count: Int) {
            let address = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, off_t(offset))
            guard let address, address != MAP_FAILED else { return nil }
            bytes = UnsafeMutableBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count)
            isMapped = true
        }

        /// Grows the storage to at least `count` bytes, keeping the first `kept`.
        ///
        /// - Precondition: the storage is not a mapping (a mapped chunk maps more instead).
        func grow(to count: Int, keeping kept: Int) {
            precondition(!isMapped, "a mapping of the file does not grow")
            guard count > bytes.count else { return }
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
            if kept > 0 { larger.baseAddress!.update(from: bytes.baseAddress!, count: kept) }
            bytes.deallocate()
            bytes = larger
        }

        deinit {
            if isMapped { munmap(bytes.baseAddress, bytes.count) } else { bytes.deallocate() }
        }
    }

    /// A chunk: the complete lines in `buffer`'s first `count` bytes, `buffer[0]` being the
    /// file's byte `offset`.
    struct Chunk: @unchecked Sendable {
        var buffer: Buffer
        var count: Int
        var offset: Int64
        var lines: [JSONLinesCorpus.Line]

        /// The chunk's bytes.
        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer.bytes[0..<count]) }
    }

    /// What the reading hands on: a chunk, or a read failure (after which nothing follows).
    enum Piece: Sendable {
        case chunk(Chunk)
        case failure(Diagnostic)
    }

    /// Calls `body` with each piece of the file, in order, on the calling thread; with
    /// `readsAhead`, a second thread reads and splits the next chunks meanwhile.
    func forEach(readsAhead: Bool, _ body: (Piece) -> Void) {
        if mapsFile, let size = MappedFileReading.mappableSize(of: descriptor) {
            // A mapping is released with the last chunk that holds it: nothing to recycle.
            MappedFileReading.reading(path) {
                handOn(readsAhead: readsAhead, { readMapped(size: size, $0) }, body)
            }
            return
        }
        guard readsAhead else {
            // One buffer, handed back as soon as the chunk is done with.
            var spare: Buffer?
            read(buffer: {
                defer { spare = nil }
                return spare ?? Buffer(count: chunkSize)
            }) { piece in
                body(piece)
                if case .chunk(let chunk) = piece { spare = chunk.buffer }
            }
            return
        }
        let spares = Mutex<[Buffer]>([])
        let size = chunkSize
        handOn(readsAhead: true, { yield in
            read(buffer: { spares.withLock { $0.popLast() } ?? Buffer(count: size) }, yield)
        }) { piece in
            body(piece)
            if case .chunk(let chunk) = piece { spares.withLock { $0.append(chunk.buffer) } }
        }
    }

    /// Runs `produce`, handing each piece it yields to `consume`, in order, on the calling
    /// thread: with `readsAhead`, `produce` runs on a thread of its own, at most ``depth``
    /// pieces ahead; otherwise here, each piece consumed as it is yielded.
    private func handOn(
        readsAhead: Bool, _ produce: @escaping @Sendable (_ yield: (Piece) -> Void) -> Void, _ consume: (Piece) -> Void
    ) {
        guard readsAhead else {
            produce(consume)
            return
        }
        let channel = ReadAhead.Channel<Piece?>(capacity: max(1, depth))
        let reader = Thread {
            produce { channel.send($0) }
            channel.send(nil)
        }
        reader.stackSize = 8 << 20
        reader.start()
        while let piece = channel.receive() { consume(piece) }
    }

    /// ``read(buffer:_:)`` of a regular file of `size` bytes through mappings of it
    /// (``MappedFileReading``), a chunk's worth of lines at a time: the same chunks of lines,
    /// the bytes not copied out of the page cache. A chunk maps from the page that holds its
    /// first line; a line longer than a chunk doubles the mapping until it ends.
    func readMapped(size: Int, _ yield: (Piece) -> Void) {
        var start = 0  // the file offset of the next line
        var nextLine = 1
        var window = min(chunkSize, firstReadSize)
        while start < size {
            let mapStart = start & ~(MappedFileReading.pageSize - 1)
            var length = min(size - mapStart, window + (start - mapStart))
            while true {
                guard let mapped = Buffer(mapping: descriptor, offset: mapStart, count: length) else {
                    let reason = String(cString: strerror(errno))
                    yield(.failure(Diagnostic(file: path, message: "the file could not be read: \(reason)")))
                    return
                }
                var from = start - mapStart
                // A leading UTF-8 byte-order mark is not part of the first line.
                if start == 0, length >= 3, mapped.bytes[0] == 0xEF, mapped.bytes[1] == 0xBB, mapped.bytes[2] == 0xBF {
                    from = 3
                }
                let final = mapStart + length == size
                let found = JSONLinesCorpus.lines(
                    in: UnsafeBufferPointer(mapped.bytes), from: from, firstLine: nextLine, final: final)
                if found.lines.isEmpty && !final {
                    length = min(size - mapStart, 2 * length)
                    continue
                }
                nextLine += found.lines.count
                if !found.lines.isEmpty {
                    yield(.chunk(Chunk(buffer: mapped, count: found.end, offset: Int64(mapStart), lines: found.lines)))
                }
                start = final ? size : mapStart + found.end
                break
            }
            window = chunkSize
        }
    }

    /// Reads the file from its start, calling `yield` with each chunk of complete lines (after
    /// a leading UTF-8 byte-order mark), and a failure if a read fails; `buffer` gives storage
    /// that no chunk still in use holds.
    func read(buffer: () -> Buffer, _ yield: (Piece) -> Void) {
        var current = buffer()
        var filled = 0               // bytes in the buffer
        var bufferOffset: Int64 = 0  // file offset of the buffer's first byte
        var nextLine = 1
        var atStart = true
        var readLimit = min(chunkSize, firstReadSize)
        while true {
            if filled == current.bytes.count { current.grow(to: 2 * current.bytes.count, keeping: filled) }
            let room = max(readLimit, filled + 1)
            readLimit = Int.max
            let got = Glibc.read(descriptor, current.bytes.baseAddress! + filled, min(current.bytes.count, room) - filled)
            if got < 0 {
                let reason = String(cString: strerror(errno))
                yield(.failure(Diagnostic(file: path, message: "the file could not be read: \(reason)")))
                return
            }
            filled += got
            let final = got == 0
            var skip = 0
            if atStart, filled >= 3 || final {
                if filled >= 3, current.bytes[0] == 0xEF, current.bytes[1] == 0xBB, current.bytes[2] == 0xBF { skip = 3 }
                atStart = false
            } else if atStart {
                continue
            }
            let view = UnsafeBufferPointer(rebasing: current.bytes[0..<filled])
            let found = JSONLinesCorpus.lines(in: view, from: skip, firstLine: nextLine, final: final)
            nextLine += found.lines.count
            if final {
                if !found.lines.isEmpty {
                    yield(.chunk(Chunk(buffer: current, count: filled, offset: bufferOffset, lines: found.lines)))
                }
                return
            }
            let rest = filled - found.end
            if found.lines.isEmpty {
                // Nothing complete yet (a byte-order mark at most): keep reading into this buffer.
                if found.end > 0 {
                    _ = memmove(current.bytes.baseAddress!, current.bytes.baseAddress! + found.end, rest)
                }
            } else {
                // The unfinished line moves to the front of the next buffer before this one goes.
                let next = buffer()
                next.grow(to: current.bytes.count, keeping: 0)
                if rest > 0 { next.bytes.baseAddress!.update(from: current.bytes.baseAddress! + found.end, count: rest) }
                yield(.chunk(Chunk(buffer: current, count: filled, offset: bufferOffset, lines: found.lines)))
                current = next
            }
            filled = rest
            bufferOffset += Int64(found.end)
        }
    }
}
