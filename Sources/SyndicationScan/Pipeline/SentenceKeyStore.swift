import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every sentence-fingerprint key of a corpus, partitioned by key range, kept in memory up
/// to a budget and spilled to temporary files past it, so that finding colliding sentences
/// needs one partition in memory at a time, not the whole corpus's keys (a million
/// articles hold about 300 million of them: 7 GB).
///
/// The records of one key all land in one partition, so buckets are whole within a
/// partition and partitions can be joined one by one (a partitioned hash join, as external
/// sorts and databases do it; Shapiro 1986). The files live in a directory of their own,
/// made with `mkdtemp` under `TMPDIR` (or `/tmp`), never beside the input; each is unlinked
/// as soon as it is open, and the directory is removed when the store is released.
final class SentenceKeyStore: @unchecked Sendable {
    /// One sentence's key in one band, with what decides whether a collision is counted.
    struct Record: Sendable {
        /// The bucket key.
        var key: UInt64
        /// The same sentence's key in band 0: two sentences that collide there are counted
        /// there, and only there.
        var firstBandKey: UInt64
        /// The document's number.
        var document: Int32
        /// The sentence's index in its document's profile.
        var sentence: Int32
    }

    /// The number of key-range partitions (a power of two).
    let partitionCount: Int
    /// Records held in memory before every partition is written out.
    let memoryLimit: Int
    private var buffers: [[Record]]
    private var buffered = 0
    /// The directory of the spilled files, once there are any.
    private(set) var directory: String?
    private var descriptors: [Int32]
    private var written: [Int]
    private let shift: UInt64
    /// Why spilling failed, if it did (the records then stay in memory).
    private(set) var spillError: String?

    /// A store of `partitionCount` partitions (rounded up to a power of two) that spills
    /// once more than `memoryLimit` bytes of records are held.
    init(partitionCount: Int = 256, memoryLimit: Int = 256 << 20) {
        var count = 1
        while count < max(1, partitionCount) { count <<= 1 }
        self.partitionCount = count
        self.memoryLimit = max(0, memoryLimit / MemoryLayout<Record>.stride)
        buffers = Array(repeating: [], count: count)
        descriptors = Array(repeating: -1, count: count)
        written = Array(repeating: 0, count: count)
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    deinit {
        removeFiles()
    }

    /// The number of records added.
    private(set) var count = 0

    /// Whether any records went to disk.
    var hasSpilled: Bool { directory != nil }

    /// Adds the keys of one document's sentences (``PassageFingerprints/keys(of:common:)``,
    /// `bandCount` keys per sentence, band 0 first).
    func append(document: Int32, keys: [(key: UInt64, sentence: Int32)], bandCount: Int) {
        buffers.withUnsafeMutableBufferPointer { buffers in
            var index = 0
            while index < keys.count {
                let first = keys[index].key
                for band in 0..<bandCount where index + band < keys.count {
                    let entry = keys[index + band]
                    let record = Record(key: entry.key, firstBandKey: first, document: document, sentence: entry.sentence)
                    buffers[partition(of: entry.key)].append(record)
                }
                index += bandCount
            }
        }
        count += keys.count
        buffered += keys.count
        if buffered > memoryLimit { spill() }
    }

    /// The partition of `key`: its top bits.
    @inline(__always)
    func partition(of key: UInt64) -> Int {
        shift >= 64 ? 0 : Int(key >> shift)
    }

    /// The records of partition `index`, from its file and its buffer, in no particular order.
    func records(of index: Int) -> [Record] {
        var result: [Record] = []
        let stride = MemoryLayout<Record>.stride
        let onDisk = written[index]
        result.reserveCapacity(onDisk + buffers[index].count)
        if onDisk > 0, descriptors[index] >= 0 {
            result = [Record](unsafeUninitializedCapacity: onDisk + buffers[index].count) { buffer, initialized in
                let bytes = UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: onDisk * stride)
                var done = 0
                while done < bytes.count {
                    let got = pread(descriptors[index], bytes.baseAddress! + done, bytes.count - done, off_t(done))
                    if got <= 0 { break }
                    done += got
                }
                initialized = done / stride
            }
        }
        result += buffers[index]
        return result
    }

    /// Writes every partition's buffer to its file; on failure, keeps records in memory.
    private func spill() {
        guard spillError == nil else { return }
        if directory == nil {
            let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array((base + "/syndetect-fingerprints-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                spillError = "could not make a temporary directory under \(base)"
                return
            }
            directory = String(cString: made)
        }
        let stride = MemoryLayout<Record>.stride
        for index in 0..<partitionCount where !buffers[index].isEmpty {
            if descriptors[index] < 0 {
                descriptors[index] = open(path(of: index), O_RDWR | O_CREAT | O_EXCL, 0o600)
                if descriptors[index] < 0 {
                    spillError = "could not create \(path(of: index))"
                    return
                }
                // Unlinked at once: the open descriptor keeps the data, and nothing is left
                // behind if the process dies.
                unlink(path(of: index))
            }
            let ok = buffers[index].withUnsafeBytes { bytes -> Bool in
                var done = 0
                while done < bytes.count {
                    let put = pwrite(descriptors[index], bytes.baseAddress! + done, bytes.count - done, off_t(written[index] * stride + done))
                    if put <= 0 { return false }
                    done += put
                }
                return true
            }
            guard ok else {
                spillError = "could not write \(path(of: index))"
                return
            }
            written[index] += buffers[index].count
            buffers[index] = []
        }
        buffered = 0
    }

    private func path(of index: Int) -> String {
        (directory ?? "/tmp") + "/partition-\(index)"
    }

    /// Closes the (already unlinked) files and removes their directory.
    func removeFiles() {
        guard let directory else { return }
        for index in 0..<partitionCount where descriptors[index] >= 0 {
            close(descriptors[index])
            descriptors[index] = -1
        }
        rmdir(directory)
        self.directory = nil
    }
}
