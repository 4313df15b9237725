import Synchronization

/// Blocks of memory of one size that ``SpillingPartitions`` fill with records and hand back
/// when the records have gone to disk or been read for the last time, so that the next
/// records, of the same partitions or of other partitions sharing the pool, reuse memory
/// already touched.
///
/// Fresh memory costs: the system faults it in and clears it page by page. On the
/// 100k-document corpus, the sentence keys' per-partition arrays, grown by doubling and freed
/// at every spill, spent 7 % of a default scan's samples copying and faulting; the colliding
/// pairs that the join files next went on faulting in memory of their own while the keys'
/// was being freed (the allocator keeps freed blocks of this size for the thread that made
/// them, and the join's workers are others). The pool frees its blocks when it goes.
final class RecordBlocks: @unchecked Sendable {
    /// The bytes of a block.
    let byteCount: Int
    private let spare = Mutex<[Block]>([])

    /// A block's address: memory this pool alone hands out, one holder at a time.
    private struct Block: @unchecked Sendable {
        let address: UnsafeMutableRawPointer
    }

    /// The alignment of every block's start: a cache line, more than any record needs.
    static let alignment = 64

    /// A pool of blocks of `byteCount` bytes (at least one).
    init(byteCount: Int = 64 << 10) {
        self.byteCount = max(1, byteCount)
    }

    deinit {
        spare.withLock { blocks in
            for block in blocks { block.address.deallocate() }
            blocks = []
        }
    }

    /// A block: one handed back before, or a new one.
    func take() -> UnsafeMutableRawPointer {
        spare.withLock { $0.popLast() }?.address ?? .allocate(byteCount: byteCount, alignment: Self.alignment)
    }

    /// Takes `blocks` back, for the next ``take()``.
    func give(_ blocks: [UnsafeMutableRawPointer]) {
        guard !blocks.isEmpty else { return }
        let handed = blocks.map(Block.init(address:))
        spare.withLock { $0 += handed }
    }

    /// The blocks handed back and not taken again.
    var spareCount: Int { spare.withLock { $0.count } }
}
