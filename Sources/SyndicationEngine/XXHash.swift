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

/// SHA-256's compression function (FIPS 180-4 §6.2.2) in the processor's SHA extensions
/// (x86-64 SHA-NI), where it has them: about 1.5 instructions a byte against some 48 for the
/// plain-Swift rounds that `SHA256` in SyndicationScan uses everywhere else (and under
/// Valgrind, whose processor has no SHA extensions). It lives here because this file is the
/// only one that touches C; the padding and the digest's form stay with `SHA256`.
public enum HardwareSHA256 {
    /// Whether this processor has the SHA extensions (and the SSSE3 and SSE4.1 the rounds
    /// use); false on every other architecture.
    public static let isAvailable: Bool = syndetect_sha256_hardware_available() != 0

    /// Applies the compression function to the `blockCount` 64-byte blocks at `blocks`,
    /// updating the eight working words at `state` (A to H, in the machine's byte order).
    ///
    /// - Precondition: ``isAvailable``.
    public static func compress(_ state: UnsafeMutablePointer<UInt32>, blocks: UnsafeRawPointer, blockCount: Int) {
        precondition(isAvailable, "the processor has no SHA extensions")
        syndetect_sha256_blocks_hardware(state, blocks.assumingMemoryBound(to: UInt8.self), blockCount)
    }
}

/// ``RowMinima``'s loop in AVX-512 (F and DQ) where the processor has it: eight rows to a
/// register, against one multiply-and-compare chain per row in Swift. It lives here because
/// this file is the only one that touches C; the rows' meaning stays with `RowMinima`.
public enum HardwareRowMinima {
    /// Whether this processor has AVX-512 F and DQ and the system keeps their registers; false
    /// on every other architecture and under Valgrind.
    public static let isAvailable: Bool = syndetect_row_minima_hardware_available() != 0

    /// Lowers each `minima[r]` to the least `RowMinima.mix(v &+ offsets[r])` over `values`, for
    /// every row r of `minima` (as many as `offsets`, a multiple of 8).
    ///
    /// - Precondition: ``isAvailable``, `offsets.count == minima.count`, and a multiple of 8.
    public static func lower(
        _ minima: UnsafeMutableBufferPointer<UInt64>, over values: UnsafeBufferPointer<UInt64>,
        offsets: UnsafeBufferPointer<UInt64>
    ) {
        precondition(isAvailable, "the processor has no AVX-512 F and DQ")
        precondition(offsets.count == minima.count && minima.count % 8 == 0, "rows must be a multiple of 8")
        guard let base = values.baseAddress, let rows = minima.baseAddress, let keys = offsets.baseAddress else { return }
        syndetect_row_minima_hardware(base, values.count, keys, rows, minima.count)
    }
}

/// XXH3-64 of every five-byte window of a byte run (the sentence profiles' character
/// 5-grams), eight windows to a register in AVX-512 (F, DQ and BW) where the processor has
/// it: the same values as ``XXHash/hash64Short(_:seed:)`` of each window, which is
/// `Shingling`'s loop everywhere else. It lives here because this file is the only one that
/// touches C; what the windows mean stays with `Shingling`.
public enum WindowHashes {
    /// Whether this processor has AVX-512 F, DQ and BW and the system keeps their registers;
    /// false on every other architecture and under Valgrind.
    public static let isAvailable: Bool = syndetect_windows5_hardware_available() != 0

    /// Writes XXH3-64 with `seed` of the five bytes at `bytes + i` to `output[i]`, for each
    /// `i` below `count`, reading the `count + 4` bytes from `bytes`.
    ///
    /// - Precondition: ``isAvailable``.
    public static func hashes5(
        _ bytes: UnsafeRawPointer, count: Int, seed: UInt64, into output: UnsafeMutablePointer<UInt64>
    ) {
        precondition(isAvailable, "the processor has no AVX-512 F, DQ and BW")
        syndetect_windows5_hardware(bytes.assumingMemoryBound(to: UInt8.self), count, seed, output)
    }
}
