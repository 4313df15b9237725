import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where ``SpillingPartitions`` close their files (emptying those of released partitions first),
/// one after another, beside the caller's work: freeing the pages of gigabytes of spilled
/// records keeps the kernel busy, and waiting on writeback, for seconds.
private let closingFiles = DispatchQueue(label: "syndetect.spilled-files")

/// Closes `descriptors` on ``closingFiles``, emptying each file first when `emptying`.
private func closeAside(_ descriptors: [Int32], emptying: Bool) {
    guard !descriptors.isEmpty else { return }
    closingFiles.async {
        for descriptor in descriptors {
            if emptying { ftruncate(descriptor, 0) }
            close(descriptor)
        }
    }
}

/// Fixed-size records in partitions, kept in memory up to a budget and spilled to temporary
/// files past it, so that a pass over them needs one partition in memory at a time.
///
/// A caller puts every record that must meet another in one partition (by key range or by a
/// hash of what they share), then works through the partitions one by one: a partitioned
/// hash join, as external sorts and databases do it (Shapiro 1986). The files live in a
/// directory of their own, made with `mkdtemp` under `TMPDIR` (or `/tmp`), never beside the
/// input; each is unlinked as soon as it is open, and the directory is removed when the
/// partitions are released.
///
/// In memory, a partition's records fill blocks of ``blockCapacity`` records from a pool
/// (``RecordBlocks``), which a spill or a release hands back for the next records: the
/// budget's memory is touched once and reused, where a growing array per partition copied its
/// records at every doubling and was freed at every spill, to be faulted in afresh. Beyond the
/// budget, memory holds at most one partly filled block a partition.
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
    /// Records a block holds.
    let blockCapacity: Int
    /// Where blocks come from and go back to, shared with other partitions that pass it.
    let blocks: RecordBlocks
    /// Each partition's full blocks, in the order filled.
    private var fullBlocks: [[UnsafeMutablePointer<Record>]]
    /// Each partition's block being filled, or nil.
    private let openBlocks: UnsafeMutablePointer<UnsafeMutablePointer<Record>?>
    /// The records in each partition's open block (``blockCapacity`` when it has none, so that
    /// the next record starts one).
    private let openCounts: UnsafeMutablePointer<Int>
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
    /// or `/tmp`), in memory in `blocks` (a pool of its own unless given; its blocks must hold
    /// a record at least).
    init(partitionCount: Int, memoryLimit: Int, label: String, base: String? = nil, blocks: RecordBlocks = RecordBlocks()) {
        self.partitionCount = max(1, partitionCount)
        self.memoryLimit = max(0, memoryLimit / MemoryLayout<Record>.stride)
        memoryBudget = memoryLimit
        self.label = label
        self.base = base ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        precondition(MemoryLayout<Record>.alignment <= RecordBlocks.alignment, "records aligned within a block")
        precondition(blocks.byteCount >= MemoryLayout<Record>.stride, "a block holds a record")
        self.blocks = blocks
        blockCapacity = blocks.byteCount / MemoryLayout<Record>.stride
        fullBlocks = Array(repeating: [], count: self.partitionCount)
        openBlocks = .allocate(capacity: self.partitionCount)
        openBlocks.initialize(repeating: nil, count: self.partitionCount)
        openCounts = .allocate(capacity: self.partitionCount)
        openCounts.initialize(repeating: blockCapacity, count: self.partitionCount)
        descriptors = Array(repeating: -1, count: self.partitionCount)
        written = Array(repeating: 0, count: self.partitionCount)
    }

    deinit {
        removeFiles()
        for index in 0..<partitionCount { giveBack(index) }
        openBlocks.deallocate()
        openCounts.deallocate()
    }

    /// Whether any records went to disk.
    var hasSpilled: Bool { directory != nil }

    /// The records of partition `index` held in memory.
    private func countInMemory(_ index: Int) -> Int {
        fullBlocks[index].count * blockCapacity + (openBlocks[index] == nil ? 0 : openCounts[index])
    }

    /// Files partition `index`'s open block (full) and opens another from the pool.
    @inline(never)
    private func openBlock(_ index: Int) {
        if let block = openBlocks[index] { fullBlocks[index].append(block) }
        openBlocks[index] = blocks.take().bindMemory(to: Record.self, capacity: blockCapacity)
        openCounts[index] = 0
    }

    /// Adds records through `body`, which is handed a function putting one record in a
    /// partition; spills afterwards if the budget is passed.
    func append(_ body: ((Record, Int) -> Void) -> Void) {
        var added = 0
        let (blocks, counts, capacity) = (openBlocks, openCounts, blockCapacity)
        body { record, partition in
            if counts[partition] == capacity { openBlock(partition) }
            let count = counts[partition]
            blocks[partition].unsafelyUnwrapped[count] = record
            counts[partition] = count &+ 1
            added += 1
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
            part.withUnsafeBufferPointer { part in
                var next = 0
                while next < part.count {
                    if openCounts[partition] == blockCapacity { openBlock(partition) }
                    let count = openCounts[partition]
                    let taken = min(blockCapacity - count, part.count - next)
                    (openBlocks[partition].unsafelyUnwrapped + count).initialize(from: part.baseAddress! + next, count: taken)
                    openCounts[partition] = count + taken
                    next += taken
                }
            }
            added += part.count
        }
        count += added
        buffered += added
        if buffered > memoryLimit { spill() }
    }

    /// Lets partition `index`'s records go once they have been read for the last time: its
    /// memory back to the pool, its file emptied and closed on a queue of its own (its
    /// records are gone: it reads back empty).
    ///
    /// Emptying a file as soon as it is read frees its pages while the join goes on, for the
    /// next partitions' writes to reuse, and spares the system writing them back to disk: at
    /// a million articles the spilled keys and collisions are 11.7 GB.
    func release(_ index: Int) {
        buffered -= countInMemory(index)
        giveBack(index)
        written[index] = 0
        guard descriptors[index] >= 0 else { return }
        closeAside([descriptors[index]], emptying: true)
        descriptors[index] = -1
    }

    /// Hands partition `index`'s blocks back to the pool, leaving it none.
    private func giveBack(_ index: Int) {
        var handed = fullBlocks[index].map { UnsafeMutableRawPointer($0) }
        if let block = openBlocks[index] { handed.append(UnsafeMutableRawPointer(block)) }
        blocks.give(handed)
        fullBlocks[index] = []
        openBlocks[index] = nil
        openCounts[index] = blockCapacity
    }

    /// The records of partition `index`, from its file and its blocks: those spilled first,
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
    ///
    /// Reads only: workers may read partitions at once.
    func records(of index: Int, into result: inout [Record]) {
        result.removeAll(keepingCapacity: true)
        let stride = MemoryLayout<Record>.stride
        let onDisk = written[index]
        result.reserveCapacity(onDisk + countInMemory(index))
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
        forEachBlock(of: index) { result.append(contentsOf: $0) }
    }

    /// Calls `body` with each of partition `index`'s blocks in memory, in the order filled,
    /// as far as each is filled.
    private func forEachBlock(of index: Int, _ body: (UnsafeBufferPointer<Record>) -> Void) {
        for block in fullBlocks[index] { body(UnsafeBufferPointer(start: block, count: blockCapacity)) }
        if let block = openBlocks[index] { body(UnsafeBufferPointer(start: block, count: openCounts[index])) }
    }

    /// Writes partitions' blocks to their files, in turn from where the last spill stopped,
    /// until at most seven eighths of ``memoryLimit`` records are held (none, for a limit of
    /// none); on failure, keeps records in memory.
    ///
    /// A spill writes an eighth of the budget, not all of it: a caller that fills the
    /// partitions beside other work (the sketch pass files each batch's keys while the next
    /// batch is sketched) then writes a little at every few batches, rather than stopping for
    /// the whole budget at once while the other workers run out of work. Each partition's
    /// records still reach its file in the order added; its blocks go back to the pool, for
    /// the records added next.
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
            let inMemory = countInMemory(index)
            guard inMemory > 0 else { continue }
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
            var offset = written[index] * stride
            var ok = true
            forEachBlock(of: index) { records in
                guard ok else { return }
                let bytes = UnsafeRawBufferPointer(records)
                var done = 0
                while done < bytes.count {
                    let put = pwrite(descriptors[index], bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
                    if put <= 0 {
                        ok = false
                        return
                    }
                    done += put
                }
                offset += bytes.count
            }
            guard ok else {
                spillError = "could not write \(path(of: index))"
                return
            }
            written[index] += inMemory
            buffered -= inMemory
            giveBack(index)
        }
    }

    private func path(of index: Int) -> String {
        (directory ?? "/tmp") + "/partition-\(index)"
    }

    /// Removes the directory (empty: each file was unlinked once open) and closes the files.
    ///
    /// Closing the last descriptor of an unlinked file frees its pages, which for the
    /// gigabytes a million articles spill keeps the kernel busy, and waiting on writeback, for
    /// seconds while both cores would idle: the descriptors are closed aside (``closeAside(_:emptying:)``),
    /// and the scan goes on meanwhile.
    func removeFiles() {
        guard let directory else { return }
        let open = descriptors.filter { $0 >= 0 }
        descriptors = Array(repeating: -1, count: partitionCount)
        rmdir(directory)
        self.directory = nil
        closeAside(open, emptying: false)
    }
}
