internal import CLibXXHash

/// XXH3-64, the 64-bit variant of Yann Collet's xxHash family, from the system xxHash
/// (`libxxhash-dev`), compiled in from its header so that short inputs are hashed inline.
///
/// This file is the only place in syndetect that touches C. Every shingle hash, every
/// sketch and every fingerprint flows through ``XXHash/hash64(_:seed:)``.
public enum XXHash {
    /// XXH3-64 of `bytes` with `seed`.
    ///
    /// - Complexity: O(*n*) in the byte count, a few nanoseconds for a 30-byte shingle.
    @inlinable
    public static func hash64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        rawHash64(bytes.baseAddress, bytes.count, seed)
    }

    /// XXH3-64 of `bytes` with `seed`, equal to ``hash64(_:seed:)``, for inputs mostly of at
    /// most 16 bytes (character shingles, single words), whose branch of XXH3 it inlines first.
    ///
    /// - Complexity: O(*n*) in the byte count, about twenty instructions up to 16 bytes.
    @inlinable
    public static func hash64Short(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        rawHash64Short(bytes.baseAddress, bytes.count, seed)
    }

    /// XXH3-64 of a byte array with `seed`.
    @inlinable
    public static func hash64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash64($0, seed: seed) }
    }

    /// XXH3-64 of a slice of a byte array with `seed`.
    @inlinable
    public static func hash64(_ bytes: ArraySlice<UInt8>, seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash64($0, seed: seed) }
    }

    /// XXH3-64 of a string's UTF-8 bytes with `seed`.
    public static func hash64(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { rawHash64(UnsafeRawPointer($0.baseAddress), $0.count, seed) }
    }

    /// The xxHash version compiled in, such as `"0.8.1"`, for reports that must be reproducible.
    public static var libraryVersion: String {
        let number = Int(syndetect_xxh_version_number())
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }

    /// XXH3-64 through the whole of `XXH3_64bits_withSeed`, without the shortcuts that
    /// `hash64(_:seed:)` and `hash64Short(_:seed:)` take for 17 to 128 and for up to 16 bytes:
    /// for tests that pin them together.
    static func wholeFunctionHash64(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        syndetect_xxh3_64_any(bytes.baseAddress, bytes.count, seed)
    }

    @usableFromInline
    static func rawHash64(_ pointer: UnsafeRawPointer?, _ count: Int, _ seed: UInt64) -> UInt64 {
        syndetect_xxh3_64(pointer, count, seed)
    }

    @usableFromInline
    static func rawHash64Short(_ pointer: UnsafeRawPointer?, _ count: Int, _ seed: UInt64) -> UInt64 {
        syndetect_xxh3_64_short(pointer, count, seed)
    }
}
