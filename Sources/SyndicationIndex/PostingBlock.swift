import Foundation

/// A block of a posting run, as stored in `posting_block.entries`.
///
/// Schema v3 packs a block's postings (sorted by key, then value) into bit fields of the
/// widths the block needs — frame-of-reference coding with a width per block, after the
/// "patched frame of reference" family of Zukowski, Héman, Nes and Boncz ("Super-scalar RAM-CPU
/// cache compression", ICDE 2006) without the patches, and the gap coding of inverted lists
/// (Zobel and Moffat, "Inverted files for text search engines", ACM Computing Surveys 38(2),
/// 2006):
///
/// - a 24-byte header: the count (`UInt32`), the key-gap width, the value's low-field size
///   `lowBits` (the sentence field of a sentence posting, 20; 0 for the others), the widths of
///   the value's high field (the document) and low field, the first key and the least high
///   field (`Int64` each), little-endian;
/// - the gaps between consecutive keys (`count − 1` fields of the key-gap width; 0 for a key
///   held again), then each value as its high field less the least one and its low field;
/// - eight zero bytes, so that every field is read by one unaligned 8-byte load (and one more
///   byte when it straddles).
///
/// A key gap between random 64-bit keys in a block of a run of N postings is about 2⁶⁴ / N,
/// so it takes about 64 − log₂ N + 3 bits (the largest of a block's 4,096 exponential gaps is
/// about ln 4,096 ≈ 8 times the mean), and a sentence posting's value takes the bits of the
/// document range plus those of the largest sentence index: at 1M documents about 8 bytes a
/// posting where v2 stored 16 (its keys, then its values, 8 bytes each: ``Format/fixed``).
struct PostingBlock {
    /// How a block is encoded.
    enum Format: Sendable {
        /// Schema v2: keys then values, 8 bytes each, little-endian.
        case fixed
        /// Schema v3: the bit fields above.
        case packed
    }

    private(set) var keys: [Int64] = []
    private(set) var values: [Int64] = []

    var count: Int { keys.count }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Bytes before the packed fields.
    static let headerBytes = 24
    /// Zero bytes after them.
    static let paddingBytes = 8

    /// `postings` (sorted, distinct) as a blob in `format`; `lowBits` splits a packed value
    /// into its high and low fields (``PostingKind/sentenceBits``).
    static func encode(_ postings: [Posting], lowBits: Int, format: Format = .packed) -> Data {
        switch format {
        case .fixed: return encodeFixed(postings)
        case .packed: return encodePacked(postings, lowBits: lowBits)
        }
    }

    private static func encodeFixed(_ postings: [Posting]) -> Data {
        let count = postings.count
        var data = Data(count: count * 16)
        data.withUnsafeMutableBytes { bytes in
            for (index, posting) in postings.enumerated() {
                bytes.storeBytes(of: posting.key.littleEndian, toByteOffset: index * 8, as: Int64.self)
                bytes.storeBytes(of: posting.value.littleEndian, toByteOffset: (count + index) * 8, as: Int64.self)
            }
        }
        return data
    }

    /// Bits needed to write `value` (0 for 0).
    static func width(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }

    private static func encodePacked(_ postings: [Posting], lowBits: Int) -> Data {
        let lowMask = lowBits == 0 ? Int64(0) : (Int64(1) << lowBits) - 1
        var largestGap: UInt64 = 0
        var leastHigh = Int64.max, largestHigh = Int64.min
        var largestLow: Int64 = 0
        for (index, posting) in postings.enumerated() {
            if index > 0 {
                largestGap = max(largestGap, UInt64(bitPattern: posting.key) &- UInt64(bitPattern: postings[index - 1].key))
            }
            let high = posting.value >> lowBits
            leastHigh = min(leastHigh, high)
            largestHigh = max(largestHigh, high)
            largestLow = max(largestLow, posting.value & lowMask)
        }
        if postings.isEmpty { leastHigh = 0; largestHigh = 0 }
        let keyWidth = width(largestGap)
        let highWidth = width(UInt64(bitPattern: largestHigh &- leastHigh))
        let lowWidth = width(UInt64(largestLow))
        let fieldBits = (postings.count > 0 ? postings.count - 1 : 0) * keyWidth + postings.count * (highWidth + lowWidth)
        var writer = BitWriter(capacity: headerBytes + (fieldBits + 7) / 8 + paddingBytes)
        writer.bytes.append(contentsOf: withUnsafeBytes(of: UInt32(postings.count).littleEndian, Array.init))
        writer.bytes.append(contentsOf: [UInt8(keyWidth), UInt8(lowBits), UInt8(highWidth), UInt8(lowWidth)])
        writer.bytes.append(contentsOf: withUnsafeBytes(of: (postings.first?.key ?? 0).littleEndian, Array.init))
        writer.bytes.append(contentsOf: withUnsafeBytes(of: leastHigh.littleEndian, Array.init))
        for index in postings.indices.dropFirst() {
            writer.write(UInt64(bitPattern: postings[index].key) &- UInt64(bitPattern: postings[index - 1].key), keyWidth)
        }
        for posting in postings {
            writer.write(UInt64(bitPattern: (posting.value >> lowBits) &- leastHigh), highWidth)
            writer.write(UInt64(posting.value & lowMask), lowWidth)
        }
        writer.finish()
        writer.bytes.append(contentsOf: repeatElement(0, count: paddingBytes))
        return Data(writer.bytes)
    }

    /// Replaces the block's postings with those of `data`, made by ``encode(_:lowBits:format:)``
    /// in `format`.
    ///
    /// - Throws: ``PostingBlockError`` when a packed block is shorter than its header says.
    mutating func decode(_ data: Data, format: Format = .packed) throws {
        removeAll()
        try data.withUnsafeBytes { bytes in
            switch format {
            case .fixed:
                let count = bytes.count / 16
                keys.reserveCapacity(count)
                values.reserveCapacity(count)
                for index in 0..<count {
                    keys.append(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)))
                }
                for index in 0..<count {
                    values.append(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: (count + index) * 8, as: Int64.self)))
                }
            case .packed:
                guard let reader = PackedBlockReader(bytes) else { throw PostingBlockError(run: 0, lastKey: 0) }
                keys.reserveCapacity(reader.count)
                values.reserveCapacity(reader.count)
                var cursor = reader.keys()
                while let key = cursor.next() {
                    keys.append(key)
                    values.append(reader.value(cursor.index))
                }
            }
        }
    }
}

/// A posting block whose header does not match its length (a damaged file).
struct PostingBlockError: Error, CustomStringConvertible {
    var run: Int64
    var lastKey: Int64

    var description: String { "posting block \(lastKey) of run \(run) is damaged (its length does not match its header)" }
}

/// Appends bit fields, least significant bit first, to a byte array.
struct BitWriter {
    var bytes: [UInt8] = []
    private var pending: UInt64 = 0
    private var pendingBits = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends the low `width` bits of `value` (`width` 0…64).
    mutating func write(_ value: UInt64, _ width: Int) {
        guard width > 0 else { return }
        let value = width == 64 ? value : value & ((1 &<< UInt64(width)) &- 1)
        pending |= value &<< UInt64(pendingBits)
        let room = 64 - pendingBits
        if width < room {
            pendingBits += width
            return
        }
        // The accumulator is full: write it, keep the bits that did not fit.
        appendWord(pending)
        pending = room == 64 ? 0 : value &>> UInt64(room)
        pendingBits = width - room
    }

    private mutating func appendWord(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes the bits still pending, padded with zeros to a whole byte.
    mutating func finish() {
        var remaining = pendingBits
        var word = pending
        while remaining > 0 {
            bytes.append(UInt8(truncatingIfNeeded: word))
            word &>>= 8
            remaining -= 8
        }
        pending = 0
        pendingBits = 0
    }
}

/// Reads a packed block (``PostingBlock/Format/packed``) in place.
struct PackedBlockReader {
    let bytes: UnsafeRawBufferPointer
    let count: Int
    let keyWidth: Int
    let lowBits: Int
    let highWidth: Int
    let lowWidth: Int
    let firstKey: Int64
    let leastHigh: Int64
    /// Bit offset of the values.
    let valueStart: Int

    /// The reader of `bytes`, or nil when they are too short for the header they carry.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= PostingBlock.headerBytes + PostingBlock.paddingBytes else { return nil }
        self.bytes = bytes
        count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
        keyWidth = Int(bytes[4])
        lowBits = Int(bytes[5])
        highWidth = Int(bytes[6])
        lowWidth = Int(bytes[7])
        firstKey = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: Int64.self))
        leastHigh = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: Int64.self))
        valueStart = PostingBlock.headerBytes * 8 + max(0, count - 1) * keyWidth
        let end = (valueStart + count * (highWidth + lowWidth) + 7) / 8
        guard keyWidth <= 64, highWidth <= 64, lowWidth <= 64, lowBits < 64,
              end + PostingBlock.paddingBytes <= bytes.count else { return nil }
    }

    /// The field of `width` bits (1…64) at bit `offset`.
    @inline(__always)
    func field(at offset: Int, width: Int) -> UInt64 {
        let byte = offset &>> 3, shift = UInt64(offset & 7)
        var word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: byte, as: UInt64.self)) &>> shift
        if Int(shift) + width > 64 {
            word |= UInt64(bytes[byte + 8]) &<< (64 &- shift)
        }
        return width == 64 ? word : word & ((1 &<< UInt64(width)) &- 1)
    }

    /// The value of posting `index`.
    @inline(__always)
    func value(_ index: Int) -> Int64 {
        let offset = valueStart + index * (highWidth + lowWidth)
        let high = highWidth == 0 ? 0 : Int64(bitPattern: field(at: offset, width: highWidth))
        let low = lowWidth == 0 ? 0 : Int64(bitPattern: field(at: offset + highWidth, width: lowWidth))
        return (leastHigh &+ high) << lowBits | low
    }

    /// The keys in order, each with its posting's index.
    func keys() -> KeyCursor { KeyCursor(reader: self) }

    /// Walks a packed block's keys in order.
    struct KeyCursor {
        let reader: PackedBlockReader
        /// The index of the key last returned (−1 before the first).
        private(set) var index = -1
        private(set) var key: Int64 = 0

        init(reader: PackedBlockReader) { self.reader = reader }

        /// The next key, or nil after the last.
        @inline(__always)
        mutating func next() -> Int64? {
            let following = index + 1
            guard following < reader.count else { return nil }
            if following == 0 {
                key = reader.firstKey
            } else if reader.keyWidth > 0 {
                let gap = reader.field(at: PostingBlock.headerBytes * 8 + (following - 1) * reader.keyWidth, width: reader.keyWidth)
                key = Int64(bitPattern: UInt64(bitPattern: key) &+ gap)
            }
            index = following
            return key
        }
    }
}
