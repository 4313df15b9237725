import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fixed-size records in partitions, kept in memory up to a budget and spilled to temporary
/// files past it, so that a pass over them needs one partition in memory at a time.
///
/// A caller puts every record that must meet another in one partition (by key range or by a
/// hash of what they share), then works through the partitions one by one: a partitioned
/// hash join, as external sorts and databases do it (Shapiro 1986). The files live in a
/// directory of their own, made with `mkdtemp` under `TMPDIR` (or `/tmp`), never beside the
/// input; each is unlinked as soon as it is open, and the directory is removed when the
/// partitions are released.
final class SpillingPartitions<Record: BitwiseCopyable>: @unchecked Sendable {
    /// The number of partitions.
    let partitionCount: Int
    /// Records held in memory before partitions are written out (``spill()``).
    let memoryLimit: Int
    /// The bytes of records held in memory before partitions are written out, as given.
    let memoryBudget: Int
    /// What the temporary directory's name starts with.
    let label: String
    /// Where the temporary directory is made: `TMPDIR` (or `/tmp`) unless given.
    let base: String
    private var buffers: [[Record]]
    private var buffered = 0
    /// The partition the next spill starts with: partitions are written out in turn.
    private var nextToSpill = 0
    /// The directory of the spilled files, once there are any.
    private(set) var directory: String?
    private var descriptors: [Int32]
    private var written: [Int]
    /// Why spilling failed, if it did (the records then stay in memory).
    private(set) var spillError: String?
    /// The number of records added.
    private(set) var count = 0

    /// `partitionCount` partitions that spill once more than `memoryLimit` bytes of records
    /// are held, into a directory named `label-XXXXXX` under `base` (by default `TMPDIR`,
    /// or `/tmp`).
    init(partitionCount: Int, memoryLimit: Int, label: String, base: String? = nil) {
        self.partitionCount = max(1, partitionCount)
        self.memoryLimit = max(0, memoryLimit / MemoryLayout<Record>.stride)
        memoryBudget = memoryLimit
        self.label = label
        self.base = base ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        buffers = Array(repeating: [], count: self.partitionCount)
        descriptors = Array(repeating: -1, count: self.partitionCount)
        written = Array(repeating: 0, count: self.partitionCount)
    }

    deinit {
        removeFiles()
    }

    /// Whether any records went to disk.
    var hasSpilled: Bool { directory != nil }

    /// Adds records through `body`, which is handed a function putting one record in a
    /// partition; spills afterwards if the budget is passed.
    func append(_ body: ((Record, Int) -> Void) -> Void) {
        var added = 0
        buffers.withUnsafeMutableBufferPointer { buffers in
            body { record, partition in
                buffers[partition].append(record)
                added += 1
            }
        }
        count += added
        buffered += added
        if buffered > memoryLimit { spill() }
    }

    /// Adds `records`, those of partition `p` at `records[p]` (for `p` below
    /// ``partitionCount``), as ``append(_:)`` adding each partition's in turn would; spills
    /// afterwards if the budget is passed.
    func append(partitioned records: [[Record]]) {
        var added = 0
        for (partition, part) in records.enumerated() where !part.isEmpty {
            buffers[partition].append(contentsOf: part)
            added += part.count
        }
        count += added
        buffered += added
        if buffered > memoryLimit { spill() }
    }

    /// Frees the memory partition `index`'s records take, once they have been read for the
    /// last time (its file is left as it is, until ``removeFiles()``).
    func release(_ index: Int) {
        buffers[index] = []
    }

    /// The records of partition `index`, from its file and its buffer: those spilled first,
    /// each batch in the order it was added.
    func records(of index: Int) -> [Record] {
        var result: [Record] = []
        records(of: index, into: &result)
        return result
    }

    /// Records read from a file at a time: the file is read through a buffer this size
    /// into the caller's array, whose storage is kept from one partition to the next.
    static var readChunkBytes: Int { 1 << 20 }

    /// ``records(of:)`` into `result`, replacing its contents but keeping its storage: a
    /// caller reading one large partition after another touches that memory once, rather
    /// than having fresh pages faulted in for every partition.
    func records(of index: Int, into result: inout [Record]) {
        result.removeAll(keepingCapacity: true)
        let stride = MemoryLayout<Record>.stride
        let onDisk = written[index]
        result.reserveCapacity(onDisk + buffers[index].count)
        if onDisk > 0, descriptors[index] >= 0 {
            let chunk = max(1, min(onDisk, Self.readChunkBytes / stride))
            withUnsafeTemporaryAllocation(of: Record.self, capacity: chunk) { buffer in
                let bytes = UnsafeMutableRawBufferPointer(buffer)
                var done = 0
                var failed = false
                while done < onDisk * stride, !failed {
                    let wanted = min(onDisk * stride - done, chunk * stride)
                    var got = 0
                    while got < wanted {
                        let read = pread(descriptors[index], bytes.baseAddress! + got, wanted - got, off_t(done + got))
                        if read <= 0 {
                            failed = true
                            break
                        }
                        got += read
                    }
                    // Whole records only (a failed read may stop inside one).
                    result.append(contentsOf: buffer.prefix(got / stride))
                    done += got
                }
            }
        }
        result += buffers[index]
    }

    /// Writes partitions' buffers to their files, in turn from where the last spill stopped,
    /// until at most seven eighths of ``memoryLimit`` records are held (none, for a limit of
    /// none); on failure, keeps records in memory.
    ///
    /// A spill writes an eighth of the budget, not all of it: a caller that fills the
    /// partitions beside other work (the sketch pass files each batch's keys while the next
    /// batch is sketched) then writes a little at every few batches, rather than stopping for
    /// the whole budget at once while the other workers run out of work. Each partition's
    /// records still reach its file in the order added.
    private func spill() {
        guard spillError == nil else { return }
        if directory == nil {
            var template = Array((base + "/\(label)-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                spillError = "could not make a temporary directory under \(base)"
                return
            }
            directory = String(cString: made)
        }
        let stride = MemoryLayout<Record>.stride
        let target = memoryLimit - memoryLimit / 8
        var visited = 0
        while buffered > target, visited < partitionCount {
            let index = nextToSpill
            nextToSpill = (nextToSpill + 1) % partitionCount
            visited += 1
            guard !buffers[index].isEmpty else { continue }
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
            buffered -= buffers[index].count
            // Freed, not kept: partitions peak at different times, and keeping each one's
            // largest storage would hold several budgets' worth.
            buffers[index] = []
        }
    }

    private func path(of index: Int) -> String {
        (directory ?? "/tmp") + "/partition-\(index)"
    }

    /// Removes the directory (empty: each file was unlinked once open) and closes the files.
    ///
    /// Closing the last descriptor of an unlinked file frees its pages, which for the
    /// gigabytes a million articles spill keeps the kernel busy, and waiting on writeback, for
    /// seconds while both cores would idle: the descriptors are closed on a thread of their
    /// own, and the scan goes on meanwhile.
    func removeFiles() {
        guard let directory else { return }
        let open = descriptors.filter { $0 >= 0 }
        descriptors = Array(repeating: -1, count: partitionCount)
        rmdir(directory)
        self.directory = nil
        guard !open.isEmpty else { return }
        Thread { for descriptor in open { close(descriptor) } }.start()
    }
}
