/// SHA-256 as FIPS 180-4 §6.2 defines it, in plain Swift.
///
/// The report prints each document's digest so that a reader can check that the text they hold
/// is the text that was scanned; nothing here is used for security.
public enum SHA256 {
    /// The lower-case hexadecimal SHA-256 digest of `bytes`.
    ///
    /// - Complexity: O(*n*) in the byte count; the bytes are read once, one 64-byte block at
    ///   a time.
    public static func hexDigest(of bytes: some Collection<UInt8>) -> String {
        digest(of: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// The lower-case hexadecimal SHA-256 digest of a string's UTF-8 bytes.
    public static func hexDigest(of text: String) -> String {
        hexDigest(of: text.utf8)
    }

    /// The 32-byte SHA-256 digest of `bytes`.
    public static func digest(of bytes: some Collection<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable({ digest(of: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digest(of: $0) }
    }

    /// The 32-byte SHA-256 digest of the bytes at `bytes`.
    static func digest(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let state = words(of: bytes)
        var result: [UInt8] = []
        result.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            for shift in stride(from: 24, through: 0, by: -8) {
                result.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
        return result
    }

    /// The eight 32-bit words of the SHA-256 digest of the bytes at `bytes`, in order (the
    /// digest is their big-endian bytes): whole blocks straight from the bytes, the last
    /// partial block and the padding from a copy; no allocation.
    static func words(of bytes: UnsafeRawBufferPointer) -> Words {
        var state: Words = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        roundConstants.withUnsafeBufferPointer { constants in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let whole = bytes.count / 64 * 64
                var offset = 0
                while offset < whole {
                    compress(&state, bytes.baseAddress! + offset, schedule, constants)
                    offset += 64
                }
                // Padding: 0x80, zeros to 56 mod 64, then the bit length big-endian.
                withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
                    tail.initializeMemory(as: UInt8.self, repeating: 0)
                    let rest = bytes.count - whole
                    if rest > 0 { tail.baseAddress!.copyMemory(from: bytes.baseAddress! + whole, byteCount: rest) }
                    tail[rest] = 0x80
                    let blocks = rest + 1 > 56 ? 2 : 1
                    let bitLength = UInt64(bytes.count) &* 8
                    tail.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
                    for block in 0..<blocks {
                        compress(&state, UnsafeRawPointer(tail.baseAddress!) + block * 64, schedule, constants)
                    }
                }
            }
        }
        return state
    }

    /// The eight working words of the hash.
    typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// One application of the compression function to the 64-byte block at `block`
    /// (FIPS 180-4 §6.2.2), with `schedule` as scratch for the 64-word message schedule and
    /// the working variables in locals.
    @inline(__always)
    private static func compress(
        _ state: inout Words, _ block: UnsafeRawPointer, _ schedule: UnsafeMutableBufferPointer<UInt32>,
        _ constants: UnsafeBufferPointer<UInt32>
    ) {
        let w = schedule.baseAddress!
        let k = constants.baseAddress!
        for index in 0..<16 {
            w[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
        }
        for index in 16..<64 {
            let w15 = w[index - 15]
            let w2 = w[index - 2]
            let sigma0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 >> 3)
            let sigma1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 >> 10)
            w[index] = w[index - 16] &+ sigma0 &+ w[index - 7] &+ sigma1
        }
        var (a, b, c, d, e, f, g, h) = state
        for index in 0..<64 {
            let sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choice &+ k[index] &+ w[index]
            let sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = sum0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ temp1
            d = c
            c = b
            b = a
            a = temp1 &+ temp2
        }
        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
        state.4 &+= e
        state.5 &+= f
        state.6 &+= g
        state.7 &+= h
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
