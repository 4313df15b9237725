/// Every sentence-fingerprint key of a corpus, partitioned by key range in
/// ``SpillingPartitions`` (in memory up to a budget, in temporary files past it), so that
/// finding colliding sentences needs one partition in memory at a time, not the whole
/// corpus's keys (a million articles hold about 300 million of them: 7 GB).
///
/// The records of one key all land in one partition, so buckets are whole within a
/// partition and partitions can be joined one by one.
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
    var partitionCount: Int { partitions.partitionCount }
    /// Records held in memory before partitions are written out.
    var memoryLimit: Int { partitions.memoryLimit }
    /// The bytes of records held in memory before partitions are written out.
    var memoryBudget: Int { partitions.memoryBudget }
    /// The directory of the spilled files, once there are any.
    var directory: String? { partitions.directory }
    /// Why spilling failed, if it did (the records then stay in memory).
    var spillError: String? { partitions.spillError }
    /// The number of records added.
    var count: Int { partitions.count }
    /// Whether any records went to disk.
    var hasSpilled: Bool { partitions.hasSpilled }
    /// The pool the records' memory comes from: what the joins file next can take the memory
    /// of the partitions already read (``SpillingPartitions/release(_:)``).
    var blocks: RecordBlocks { partitions.blocks }
    private let partitions: SpillingPartitions<Record>
    private let shift: UInt64

    /// A store of `partitionCount` partitions (rounded up to a power of two) that spills
    /// once more than `memoryLimit` bytes of records are held.
    init(partitionCount: Int = 256, memoryLimit: Int = 256 << 20) {
        var count = 1
        while count < max(1, partitionCount) { count <<= 1 }
        partitions = SpillingPartitions(partitionCount: count, memoryLimit: memoryLimit, label: "syndetect-fingerprints")
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    /// Adds the keys of one document's sentences (``PassageFingerprints/keys(of:common:)``,
    /// `bandCount` keys per sentence, band 0 first).
    func append(document: Int32, keys: [(key: UInt64, sentence: Int32)], bandCount: Int) {
        partitions.append { put in
            var index = 0
            while index < keys.count {
                let first = keys[index].key
                for band in 0..<bandCount where index + band < keys.count {
                    let entry = keys[index + band]
                    put(Record(key: entry.key, firstBandKey: first, document: document, sentence: entry.sentence), partition(of: entry.key))
                }
                index += bandCount
            }
        }
    }

    /// The partition of `key`: its top bits.
    @inline(__always)
    func partition(of key: UInt64) -> Int {
        shift >= 64 ? 0 : Int(key >> shift)
    }

    /// The records of partition `index`, from its file and its buffer, in no particular order.
    func records(of index: Int) -> [Record] {
        partitions.records(of: index)
    }

    /// ``records(of:)`` into `result`, whose storage is kept (``SpillingPartitions/records(of:into:)``).
    func records(of index: Int, into result: inout [Record]) {
        partitions.records(of: index, into: &result)
    }

    /// Lets partition `index`'s records go, memory and file, once they have been read for the
    /// last time (``SpillingPartitions/release(_:)``).
    func release(_ index: Int) {
        partitions.release(index)
    }

    /// Closes the (already unlinked) files and removes their directory.
    func removeFiles() {
        partitions.removeFiles()
    }
}
