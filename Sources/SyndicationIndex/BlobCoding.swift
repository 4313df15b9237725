import Foundation
import SyndicationEngine

/// Fixed-width little-endian encodings of the integer lists the index keeps in blobs, and the
/// 64-bit-to-SQLite mapping (SQLite integers are signed: a `UInt64` is stored by its bit
/// pattern).
enum BlobCoding {
    /// `values` as 8 bytes each.
    static func data(_ values: [UInt64]) -> Data {
        var data = Data(capacity: values.count * 8)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The values of a blob made by ``data(_:)``.
    static func integers(_ data: Data) -> [UInt64] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 8, by: 8).map { offset in
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * index) }
            return value
        }
    }

    /// Sentence-fingerprint keys as 12 bytes each: the key, then the sentence index.
    static func data(_ keys: [(key: UInt64, sentence: Int32)]) -> Data {
        var data = Data(capacity: keys.count * 12)
        for entry in keys {
            withUnsafeBytes(of: entry.key.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(bitPattern: entry.sentence).littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The keys of a blob made by ``data(_:)-(...)``.
    static func passageKeys(_ data: Data) -> [(key: UInt64, sentence: Int32)] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 12, by: 12).map { offset in
            var key: UInt64 = 0
            for index in 0..<8 { key |= UInt64(bytes[offset + index]) << (8 * index) }
            var sentence: UInt32 = 0
            for index in 0..<4 { sentence |= UInt32(bytes[offset + 8 + index]) << (8 * index) }
            return (key, Int32(bitPattern: sentence))
        }
    }

    /// A `UInt64` as the SQLite integer that stores it.
    static func sql(_ value: UInt64) -> Int64 { Int64(bitPattern: value) }

    /// The `UInt64` an SQLite integer stores.
    static func unsigned(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) }
}
