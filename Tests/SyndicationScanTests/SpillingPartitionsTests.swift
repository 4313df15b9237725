import Foundation
import Testing
@testable import SyndicationScan

/// ``SpillingPartitions`` gives back every record of a partition, spilled or not, and keeps
/// them in memory, saying why, when it cannot spill.
@Suite struct SpillingPartitionsTests {
    /// Block sizes the tests run with: a few records a block (so that a partition's records
    /// cross many block ends), and the default.
    static let blockSizes = [24, RecordBlocks().byteCount]

    /// Records added in batches over a budget of no bytes: each batch goes to disk, and each
    /// partition reads back its records, the spilled batches first, in the order added.
    @Test(arguments: blockSizes) func spilledRecordsReadBackInOrder(blockBytes: Int) throws {
        let partitions = SpillingPartitions<UInt64>(
            partitionCount: 3, memoryLimit: 0, label: "syndetect-test", blocks: RecordBlocks(byteCount: blockBytes))
        var expected: [[UInt64]] = [[], [], []]
        for batch in 0..<5 {
            partitions.append { put in
                for value in UInt64(batch * 10)..<UInt64(batch * 10 + 7) {
                    put(value, Int(value % 3))
                    expected[Int(value % 3)].append(value)
                }
            }
        }
        #expect(partitions.hasSpilled && partitions.spillError == nil)
        #expect(partitions.count == 35)
        for index in 0..<3 { #expect(partitions.records(of: index) == expected[index]) }
        let directory = try #require(partitions.directory)
        partitions.removeFiles()
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    /// Reading into an array kept from one partition to the next gives each partition's
    /// records, whatever the array held, with files longer than one read chunk.
    @Test(arguments: blockSizes) func readingIntoAKeptArrayGivesEachPartition(blockBytes: Int) {
        let partitions = SpillingPartitions<UInt64>(
            partitionCount: 3, memoryLimit: 1 << 20, label: "syndetect-test", blocks: RecordBlocks(byteCount: blockBytes))
        let perBatch = 100_000
        for batch in 0..<4 {
            partitions.append { put in
                for value in UInt64(batch * perBatch)..<UInt64((batch + 1) * perBatch) { put(value, Int(value % 3)) }
            }
        }
        #expect(partitions.hasSpilled)
        #expect(perBatch * 4 / 3 * MemoryLayout<UInt64>.stride > SpillingPartitions<UInt64>.readChunkBytes)
        var kept: [UInt64] = [42, 43]
        for index in [2, 0, 1, 0] {
            partitions.records(of: index, into: &kept)
            #expect(kept == (0..<UInt64(4 * perBatch)).filter { Int($0 % 3) == index }, "partition \(index)")
        }
        partitions.removeFiles()
    }

    /// Records added a partition's worth at a time land where one-by-one adding puts them,
    /// spilled at the same points; a released partition reads back empty, whether its
    /// records were on disk or in memory.
    @Test(arguments: blockSizes) func partitionedAddingEqualsAddingOneByOne(blockBytes: Int) {
        let oneByOne = SpillingPartitions<UInt64>(
            partitionCount: 4, memoryLimit: 96, label: "syndetect-test", blocks: RecordBlocks(byteCount: blockBytes))
        let partitioned = SpillingPartitions<UInt64>(
            partitionCount: 4, memoryLimit: 96, label: "syndetect-test", blocks: RecordBlocks(byteCount: blockBytes))
        for batch in 0..<6 {
            let values = (0..<UInt64(5 + batch)).map { $0 &* 2_654_435_761 &+ UInt64(batch) }
            oneByOne.append { put in for value in values { put(value, Int(value % 4)) } }
            partitioned.append(partitioned: (0..<4).map { part in values.filter { Int($0 % 4) == part } })
            #expect(partitioned.hasSpilled == oneByOne.hasSpilled, "batch \(batch)")
        }
        #expect(partitioned.hasSpilled && partitioned.count == oneByOne.count)
        for index in 0..<4 { #expect(partitioned.records(of: index) == oneByOne.records(of: index)) }
        for index in 0..<4 { #expect(!partitioned.records(of: index).isEmpty, "partition \(index) before release") }
        for index in 0..<4 { partitioned.release(index) }
        for index in 0..<4 { #expect(partitioned.records(of: index).isEmpty, "partition \(index)") }
        #expect(oneByOne.records(of: 0).count > 0, "the other partitions untouched")
        oneByOne.removeFiles()
        partitioned.removeFiles()
    }

    /// Memory is reused: a spill hands its partitions' blocks back to the pool and the next
    /// records take them rather than new ones; a released partition's blocks go back too, and
    /// partitions sharing the pool fill them with their own records, which read back whole,
    /// while the first partitions' records still in memory are untouched.
    @Test func blocksGoBackToThePoolAndAreReused() {
        let pool = RecordBlocks(byteCount: 32)  // four records a block
        let keys = SpillingPartitions<UInt64>(partitionCount: 2, memoryLimit: 8 * 8, label: "syndetect-test", blocks: pool)
        // Eight records in two partitions: a full block each, at the budget, no spill yet.
        keys.append { put in for value in 0..<8 as Range<UInt64> { put(value, Int(value % 2)) } }
        #expect(!keys.hasSpilled && pool.spareCount == 0)
        // One more, in a second block: over the budget, so partitions go to disk (from the
        // first) until at most seven records are held, and their blocks go back.
        keys.append { put in put(8, 0) }
        #expect(keys.hasSpilled && pool.spareCount == 2, "partition 0's two blocks back")
        keys.append { put in for value in 9..<13 as Range<UInt64> { put(value, Int(value % 2)) } }
        #expect(pool.spareCount < 3, "the next records took blocks from the pool")
        let expected = (0..<2).map { part in (0..<13 as Range<UInt64>).filter { Int($0 % 2) == part } }
        #expect(keys.records(of: 0) == expected[0] && keys.records(of: 1) == expected[1])
        // Partitions sharing the pool fill the blocks a release hands back.
        let before = pool.spareCount
        keys.release(0)
        let afterRelease = pool.spareCount
        #expect(afterRelease >= before)
        let pairs = SpillingPartitions<UInt64>(partitionCount: 3, memoryLimit: 1 << 20, label: "syndetect-test", blocks: pool)
        pairs.append(partitioned: [[100, 101, 102, 103, 104], [], [105]])
        #expect(pool.spareCount < afterRelease, "taken from the pool, not made")
        #expect(pairs.records(of: 0) == [100, 101, 102, 103, 104] && pairs.records(of: 2) == [105])
        #expect(keys.records(of: 1) == expected[1], "the other partition's records untouched")
        keys.removeFiles()
    }

    /// Under a directory that cannot be made, nothing is lost: the records stay in memory and
    /// the reason is kept for the scan's warning.
    @Test func unusableDirectoryKeepsRecordsInMemory() {
        let partitions = SpillingPartitions<UInt64>(
            partitionCount: 2, memoryLimit: 0, label: "syndetect-test", base: "/nonexistent-syndetect/none")
        partitions.append { put in for value in 0..<10 as Range<UInt64> { put(value, Int(value % 2)) } }
        partitions.append { put in put(10, 0) }
        #expect(!partitions.hasSpilled)
        #expect(partitions.spillError?.contains("/nonexistent-syndetect/none") == true)
        #expect(partitions.records(of: 0) == [0, 2, 4, 6, 8, 10])
        #expect(partitions.records(of: 1) == [1, 3, 5, 7, 9])
    }
}
