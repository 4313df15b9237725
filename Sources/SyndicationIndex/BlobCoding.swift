import Foundation
import SyndicationEngine

/// Fixed-width little-endian encodings of the integer lists the index keeps in blobs, and the
/// 64-bit-to-SQLite mapping (SQLite integers are signed: a `UInt64` is stored by its bit
/// pattern).
enum BlobCoding {
    /// `values` as 8 bytes each.
    static func data(_ values: [UInt64]) -> Data {
        var data = Data(count: values.count * 8)
        data.withUnsafeMutableBytes { bytes in
            for (index, value) in values.enumerated() { bytes.storeBytes(of: value.littleEndian, toByteOffset: index * 8, as: UInt64.self) }
        }
        return data
    }

    /// The values of a blob made by ``data(_:)``.
    static func integers(_ data: Data) -> [UInt64] {
        data.withUnsafeBytes { bytes in
            (0..<bytes.count / 8).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }

    /// A `UInt64` as the SQLite integer that stores it.
    static func sql(_ value: UInt64) -> Int64 { Int64(bitPattern: value) }

    /// The `UInt64` an SQLite integer stores.
    static func unsigned(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) }
}
