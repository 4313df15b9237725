import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// JSON Lines files as a streamed ``DocumentSource``: read in chunks of a few megabytes, never
/// whole, with each document re-read later by its byte offset.
///
/// Lines are parsed as ``CorpusReader`` parses them (the same documents, origins and
/// warnings), several at a time on the scan's threads. A file that starts with a UTF-16
/// byte-order mark is the exception: it is read whole and transcoded, as ``CorpusReader`` does.
/// Duplicate ids are left to the scan, which keeps the first in path-and-line order and warns
/// about the rest as ``CorpusReader`` does.
public struct JSONLinesCorpus: DocumentSource {
    /// The files, as given.
    public var paths: [String]
    /// Bytes read from a file at a time.
    public var chunkSize: Int

    /// Whether regular files are read through mappings (``MappedFileReading``), the default,
    /// or copied into buffers by `read(2)`: a file cut short while mapped stops the process
    /// (`SIGBUS`), one read is only shorter than it was.
    public var mapsFiles = true

    /// Lines a worker parses, transforms and packs at a time (``readAll(threads:readsAhead:transforming:packing:_:)``;
    /// tests lower it to split small files).
    var linesPerPart = recordsPerPart

    /// A source reading `paths` in chunks of `chunkSize` bytes.
    public init(paths: [String], chunkSize: Int = 8 << 20) {
        self.paths = paths
        self.chunkSize = max(1, chunkSize)
    }

    /// Whether `path` is a file this source reads (a `.jsonl` or `.ndjson` file).
    public static func accepts(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        let ext = (path as NSString).pathExtension.lowercased()
        return (ext == "jsonl" || ext == "ndjson")
            && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func readAll(threads: Int, _ body: ([SourceRecord]) -> Void) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (input, path) in paths.enumerated() {
            read(path, input: Int32(input), threads: threads, warnings: &warnings, body)
        }
        return warnings
    }

    /// The elements of `parts`, one part after another.
    private static func joined<Element>(_ parts: [[Element]]) -> [Element] {
        var all: [Element] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all += part }
        return all
    }

    /// Calls `body` with the parts of each chunk's records, in order, as ``DocumentSource``'s
    /// `readAll(threads:readsAhead:transforming:packing:_:)` does, but parsing on the same
    /// workers: a worker parses a run of ``linesPerPart`` consecutive lines, transforms each
    /// record and packs what it made (`pack`), so that what a transform makes and `pack` does
    /// not keep (a document's text) is freed on the thread that made it; with `readsAhead`, a
    /// thread reads and splits the next chunks meanwhile (``JSONLinesChunks``). Parts of no
    /// record are left out. Called on the concrete type, so that it is specialised.
    func readAll<Output, Packed>(
        threads: Int, readsAhead: Bool, transforming transform: (SourceRecord) -> Output,
        packing pack: ([Output]) -> Packed, _ body: ([Packed]) -> Void
    ) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (input, path) in paths.enumerated() {
            read(path, input: Int32(input), threads: threads, readsAhead: readsAhead, warnings: &warnings, transform, pack, body)
        }
        return warnings
    }

    public func documents(at locations: [RecordLocation], threads: Int) -> [Document] {
        var descriptors: [Int32: Int32] = [:]
        for input in Set(locations.map(\.input)) {
            descriptors[input] = open(paths[Int(input)], O_RDONLY)
        }
        defer { for descriptor in descriptors.values where descriptor >= 0 { close(descriptor) } }
        let whole = Set(locations.map(\.input)).filter { Self.isUTF16(paths[Int($0)]) }
        var transcoded: [Int32: [UInt8]] = [:]
        for input in whole {
            if let data = try? Data(contentsOf: URL(fileURLWithPath: paths[Int(input)])) {
                transcoded[input] = Array(DecodedText(decoding: data).text.utf8)
            }
        }
        let found = ParallelWork.map(count: locations.count, threads: threads) { index -> Document? in
            let location = locations[index]
            let reader = JSONLinesReader(path: paths[Int(location.input)])
            let bytes: [UInt8]
            if let text = transcoded[location.input] {
                let start = Int(location.offset)
                bytes = Array(text[start..<(start + Int(location.length))])
            } else if let descriptor = descriptors[location.input], descriptor >= 0 {
                // Read straight into the array's storage: no zero fill that the read overwrites.
                var complete = true
                bytes = [UInt8](unsafeUninitializedCapacity: Int(location.length)) { buffer, initialized in
                    var done = 0
                    while done < buffer.count {
                        let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(location.offset) + off_t(done))
                        if got <= 0 {
                            complete = false
                            break
                        }
                        done += got
                    }
                    initialized = done
                }
                if !complete { return nil }
            } else {
                return nil
            }
            return bytes.withUnsafeBufferPointer { reader.parse($0, number: Int(location.line)).0?.document }
        }
        return found.enumerated().map { index, document in
            // A file changed under the scan: keep the place, say what happened.
            document ?? Document(
                id: "", text: "", origin: "\(paths[Int(locations[index].input)]):\(locations[index].line)")
        }
    }

    /// Whether a file starts with a UTF-16 byte-order mark.
    static func isUTF16(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        return head.count == 2 && ((head.first == 0xFF && head.last == 0xFE) || (head.first == 0xFE && head.last == 0xFF))
    }

    /// Reads the file `path`, the input numbered `input`, handing its documents to `body`.
    func read(
        _ path: String, input: Int32, threads: Int, warnings: inout [Diagnostic], _ body: ([SourceRecord]) -> Void
    ) {
        read(path, input: input, threads: threads, readsAhead: false, warnings: &warnings, { $0 }, { $0 }) { parts in
            body(Self.joined(parts))
        }
    }

    /// Reads the file `path`, the input numbered `input`, handing what `transform` makes of
    /// its documents to `body`, a chunk at a time.
    func read<Output, Packed>(
        _ path: String, input: Int32, threads: Int, readsAhead: Bool, warnings: inout [Diagnostic],
        _ transform: (SourceRecord) -> Output, _ pack: ([Output]) -> Packed, _ body: ([Packed]) -> Void
    ) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            warnings.append(Diagnostic(file: path, message: "there is no such file or folder"))
            return
        }
        let reader = JSONLinesReader(path: path)
        if Self.isUTF16(path) {
            // Rare: transcode the whole file, as CorpusReader does, and read its lines.
            guard let data = CorpusReader.contents(of: path, warnings: &warnings) else { return }
            let decoded = DecodedText(decoding: data)
            if let problem = decoded.problem { warnings.append(Diagnostic(file: path, message: "the file \(problem)")) }
            var text = Array(decoded.text.utf8)
            text.withUnsafeMutableBufferPointer { buffer in
                let lines = Self.lines(in: UnsafeBufferPointer(buffer), from: 0, firstLine: 1, final: true).lines
                emit(lines, buffer: UnsafeBufferPointer(buffer), bufferOffset: 0, input: input, reader: reader,
                     threads: threads, warnings: &warnings, transform, pack, body)
            }
            return
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            warnings.append(Diagnostic(file: path, message: "the file could not be read: \(reason)"))
            return
        }
        defer { close(descriptor) }
        var chunks = JSONLinesChunks(path: path, descriptor: descriptor, chunkSize: chunkSize, firstReadSize: Self.firstReadSize)
        chunks.mapsFile = mapsFiles
        chunks.forEach(readsAhead: readsAhead) { piece in
            switch piece {
            case .chunk(let chunk):
                emit(chunk.lines, buffer: chunk.bytes, bufferOffset: chunk.offset, input: input, reader: reader,
                     threads: threads, warnings: &warnings, transform, pack, body)
            case .failure(let warning):
                warnings.append(warning)
            }
        }
    }

    /// Bytes of a file's first read (``chunkSize`` when smaller).
    static let firstReadSize = 1 << 20

    /// One line of a buffer: where its bytes are (without the newline and a trailing CR).
    struct Line {
        var start: Int
        var end: Int
        var number: Int
    }

    /// The complete lines of `bytes` from `start` (and the last, unterminated one when
    /// `final`); `end` is where the unfinished rest begins.
    static func lines(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int, final: Bool
    ) -> (lines: [Line], end: Int) {
        var lines: [Line] = []
        var lineStart = start
        var number = firstLine
        while lineStart < bytes.count {
            guard let newline = memchr(bytes.baseAddress! + lineStart, 0x0A, bytes.count - lineStart) else { break }
            let lineEnd = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(Line(start: lineStart, end: end, number: number))
            number += 1
            lineStart = lineEnd + 1
        }
        if final, lineStart < bytes.count {
            var end = bytes.count
            if bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(Line(start: lineStart, end: end, number: number))
            lineStart = bytes.count
        }
        return (lines, lineStart)
    }

    /// Parses `lines` on `threads`, a run of ``linesPerPart`` at a time, transforming each
    /// record and packing each run's on the worker that parsed it, and hands the parts on in
    /// line order.
    private func emit<Output, Packed>(
        _ lines: [Line], buffer: UnsafeBufferPointer<UInt8>, bufferOffset: Int64, input: Int32,
        reader: JSONLinesReader, threads: Int, warnings: inout [Diagnostic],
        _ transform: (SourceRecord) -> Output, _ pack: ([Output]) -> Packed, _ body: ([Packed]) -> Void
    ) {
        guard !lines.isEmpty else { return }
        nonisolated(unsafe) let bytes = buffer
        let size = max(1, linesPerPart)
        let partCount = (lines.count + size - 1) / size
        var parsed = ParallelWork.map(count: partCount, threads: threads) { part -> (Packed?, [Diagnostic]) in
            var made: [Output] = []
            made.reserveCapacity(size)
            var problems: [Diagnostic] = []
            for line in lines[(part * size)..<min(lines.count, (part + 1) * size)] {
                let (candidate, found) = reader.parse(UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]), number: line.number)
                problems += found
                guard let candidate else { continue }
                let location = RecordLocation(
                    input: input, offset: bufferOffset + Int64(line.start), length: Int32(line.end - line.start),
                    line: Int32(line.number))
                made.append(transform(SourceRecord(
                    location: location, document: candidate.document, file: candidate.file, line: candidate.line)))
            }
            return (made.isEmpty ? nil : pack(made), problems)
        }
        var parts: [Packed] = []
        parts.reserveCapacity(parsed.count)
        // Each part moved out, not copied.
        parsed.withUnsafeMutableBufferPointer { items in
            for index in items.indices {
                let (part, problems) = (items.baseAddress! + index).move()
                (items.baseAddress! + index).initialize(to: (nil, []))
                if !problems.isEmpty { warnings += problems }
                guard let part else { continue }
                parts.append(part)
            }
        }
        parsed = []
        body(parts)
    }
}
