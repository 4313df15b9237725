import SyndicationEngine

/// SHA-256 as FIPS 180-4 §6.2 defines it, in plain Swift.
///
/// The report prints each document's digest so that a reader can check that the text they hold
/// is the text that was scanned; nothing here is used for security.
///
/// Where the processor has the SHA extensions (x86-64 SHA-NI), the blocks go through them
/// (``HardwareSHA256``, in SyndicationEngine's one C-facing file). Elsewhere, and under
/// Valgrind, the rounds here: about 48 instructions a byte (callgrind, 2,800-byte texts),
/// against 62 for the plain loop over a 64-word schedule that came before: the rounds are
/// written out, with the round constants as immediates and the schedule grown in a 16-word
/// window. `swift-crypto`'s BoringSSL would do the same, but it would add a C library of
/// some 360 files to every clean build.
public enum SHA256 {
    /// The lower-case hexadecimal SHA-256 digest of `bytes`.
    ///
    /// - Complexity: O(*n*) in the byte count; the bytes are read once, one 64-byte block at
    ///   a time.
    public static func hexDigest(of bytes: some Collection<UInt8>) -> String {
        if let hex = bytes.withContiguousStorageIfAvailable({ hexDigest(of: UnsafeRawBufferPointer($0)) }) {
            return hex
        }
        return Array(bytes).withUnsafeBytes { hexDigest(of: $0) }
    }

    /// The lower-case hexadecimal SHA-256 digest of the bytes at `bytes`.
    static func hexDigest(of bytes: UnsafeRawBufferPointer) -> String {
        hex(words(of: bytes))
    }

    /// The 64 lower-case hexadecimal digits of a digest's words, each word's most significant
    /// digit first.
    static func hex(_ words: Words) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            let digits: StaticString = "0123456789abcdef"
            let digit = digits.utf8Start
            withUnsafeBytes(of: words) { raw in
                for index in 0..<8 {
                    let word = raw.load(fromByteOffset: 4 * index, as: UInt32.self)
                    for place in 0..<8 {
                        buffer[8 * index + place] = digit[Int(word &>> UInt32(28 - 4 * place) & 0xF)]
                    }
                }
            }
            return 64
        }
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
    /// partial block and the padding from a copy; no allocation. The blocks go through the
    /// processor's SHA extensions when `hardware` (by default: when it has them), else
    /// through the rounds below; the words are the same (`SHA256Tests`).
    static func words(of bytes: UnsafeRawBufferPointer, hardware: Bool = HardwareSHA256.isAvailable) -> Words {
        var state: Words = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { window in
            let schedule = window.baseAddress!
            func compress(_ blocks: UnsafeRawPointer, count: Int) {
                if hardware {
                    withUnsafeMutableBytes(of: &state) { words in
                        HardwareSHA256.compress(
                            words.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks: blocks, blockCount: count)
                    }
                    return
                }
                for block in 0..<count { Self.compress(&state, blocks + block * 64, schedule) }
            }
            let whole = bytes.count / 64 * 64
            if whole > 0 { compress(bytes.baseAddress!, count: whole / 64) }
            // Padding: 0x80, zeros to 56 mod 64, then the bit length big-endian.
            withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
                tail.initializeMemory(as: UInt8.self, repeating: 0)
                let rest = bytes.count - whole
                if rest > 0 { tail.baseAddress!.copyMemory(from: bytes.baseAddress! + whole, byteCount: rest) }
                tail[rest] = 0x80
                let blocks = rest + 1 > 56 ? 2 : 1
                let bitLength = UInt64(bytes.count) &* 8
                tail.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
                compress(UnsafeRawPointer(tail.baseAddress!), count: blocks)
            }
        }
        return state
    }

    /// The eight working words of the hash.
    typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    // The round constants K (the first 32 bits of the fractional parts of the cube roots of
    // the first 64 primes) are written into the rounds below.

    /// One application of the compression function to the 64-byte block at `block`
    /// (FIPS 180-4 §6.2.2), its 64 rounds written out: the working variables' roles rotate
    /// from call to call instead of the variables being moved, the round constants are
    /// immediates, and the message schedule grows in the 16-word window `w` as the rounds
    /// need it. (Not inlined: its two callers would each hold a copy of the rounds.)
    @inline(never)
    private static func compress(_ state: inout Words, _ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>) {
        for index in 0..<16 {
            w[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 &* index, as: UInt32.self))
        }
        var (a, b, c, d, e, f, g, h) = state
        step(a, b, c, &d, e, f, g, &h, 0x428a2f98 &+ w[0])
        step(h, a, b, &c, d, e, f, &g, 0x71374491 &+ w[1])
        step(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf &+ w[2])
        step(f, g, h, &a, b, c, d, &e, 0xe9b5dba5 &+ w[3])
        step(e, f, g, &h, a, b, c, &d, 0x3956c25b &+ w[4])
        step(d, e, f, &g, h, a, b, &c, 0x59f111f1 &+ w[5])
        step(c, d, e, &f, g, h, a, &b, 0x923f82a4 &+ w[6])
        step(b, c, d, &e, f, g, h, &a, 0xab1c5ed5 &+ w[7])

        step(a, b, c, &d, e, f, g, &h, 0xd807aa98 &+ w[8])
        step(h, a, b, &c, d, e, f, &g, 0x12835b01 &+ w[9])
        step(g, h, a, &b, c, d, e, &f, 0x243185be &+ w[10])
        step(f, g, h, &a, b, c, d, &e, 0x550c7dc3 &+ w[11])
        step(e, f, g, &h, a, b, c, &d, 0x72be5d74 &+ w[12])
        step(d, e, f, &g, h, a, b, &c, 0x80deb1fe &+ w[13])
        step(c, d, e, &f, g, h, a, &b, 0x9bdc06a7 &+ w[14])
        step(b, c, d, &e, f, g, h, &a, 0xc19bf174 &+ w[15])

        step(a, b, c, &d, e, f, g, &h, 0xe49b69c1 &+ next(w, 0))
        step(h, a, b, &c, d, e, f, &g, 0xefbe4786 &+ next(w, 1))
        step(g, h, a, &b, c, d, e, &f, 0x0fc19dc6 &+ next(w, 2))
        step(f, g, h, &a, b, c, d, &e, 0x240ca1cc &+ next(w, 3))
        step(e, f, g, &h, a, b, c, &d, 0x2de92c6f &+ next(w, 4))
        step(d, e, f, &g, h, a, b, &c, 0x4a7484aa &+ next(w, 5))
        step(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc &+ next(w, 6))
        step(b, c, d, &e, f, g, h, &a, 0x76f988da &+ next(w, 7))

        step(a, b, c, &d, e, f, g, &h, 0x983e5152 &+ next(w, 8))
        step(h, a, b, &c, d, e, f, &g, 0xa831c66d &+ next(w, 9))
        step(g, h, a, &b, c, d, e, &f, 0xb00327c8 &+ next(w, 10))
        step(f, g, h, &a, b, c, d, &e, 0xbf597fc7 &+ next(w, 11))
        step(e, f, g, &h, a, b, c, &d, 0xc6e00bf3 &+ next(w, 12))
        step(d, e, f, &g, h, a, b, &c, 0xd5a79147 &+ next(w, 13))
        step(c, d, e, &f, g, h, a, &b, 0x06ca6351 &+ next(w, 14))
        step(b, c, d, &e, f, g, h, &a, 0x14292967 &+ next(w, 15))

        step(a, b, c, &d, e, f, g, &h, 0x27b70a85 &+ next(w, 0))
        step(h, a, b, &c, d, e, f, &g, 0x2e1b2138 &+ next(w, 1))
        step(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc &+ next(w, 2))
        step(f, g, h, &a, b, c, d, &e, 0x53380d13 &+ next(w, 3))
        step(e, f, g, &h, a, b, c, &d, 0x650a7354 &+ next(w, 4))
        step(d, e, f, &g, h, a, b, &c, 0x766a0abb &+ next(w, 5))
        step(c, d, e, &f, g, h, a, &b, 0x81c2c92e &+ next(w, 6))
        step(b, c, d, &e, f, g, h, &a, 0x92722c85 &+ next(w, 7))

        step(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1 &+ next(w, 8))
        step(h, a, b, &c, d, e, f, &g, 0xa81a664b &+ next(w, 9))
        step(g, h, a, &b, c, d, e, &f, 0xc24b8b70 &+ next(w, 10))
        step(f, g, h, &a, b, c, d, &e, 0xc76c51a3 &+ next(w, 11))
        step(e, f, g, &h, a, b, c, &d, 0xd192e819 &+ next(w, 12))
        step(d, e, f, &g, h, a, b, &c, 0xd6990624 &+ next(w, 13))
        step(c, d, e, &f, g, h, a, &b, 0xf40e3585 &+ next(w, 14))
        step(b, c, d, &e, f, g, h, &a, 0x106aa070 &+ next(w, 15))

        step(a, b, c, &d, e, f, g, &h, 0x19a4c116 &+ next(w, 0))
        step(h, a, b, &c, d, e, f, &g, 0x1e376c08 &+ next(w, 1))
        step(g, h, a, &b, c, d, e, &f, 0x2748774c &+ next(w, 2))
        step(f, g, h, &a, b, c, d, &e, 0x34b0bcb5 &+ next(w, 3))
        step(e, f, g, &h, a, b, c, &d, 0x391c0cb3 &+ next(w, 4))
        step(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a &+ next(w, 5))
        step(c, d, e, &f, g, h, a, &b, 0x5b9cca4f &+ next(w, 6))
        step(b, c, d, &e, f, g, h, &a, 0x682e6ff3 &+ next(w, 7))

        step(a, b, c, &d, e, f, g, &h, 0x748f82ee &+ next(w, 8))
        step(h, a, b, &c, d, e, f, &g, 0x78a5636f &+ next(w, 9))
        step(g, h, a, &b, c, d, e, &f, 0x84c87814 &+ next(w, 10))
        step(f, g, h, &a, b, c, d, &e, 0x8cc70208 &+ next(w, 11))
        step(e, f, g, &h, a, b, c, &d, 0x90befffa &+ next(w, 12))
        step(d, e, f, &g, h, a, b, &c, 0xa4506ceb &+ next(w, 13))
        step(c, d, e, &f, g, h, a, &b, 0xbef9a3f7 &+ next(w, 14))
        step(b, c, d, &e, f, g, h, &a, 0xc67178f2 &+ next(w, 15))

        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
        state.4 &+= e
        state.5 &+= f
        state.6 &+= g
        state.7 &+= h
    }

    /// The next schedule word, W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16], written
    /// over W[t−16] at `slot` (t mod 16) of the window.
    @inline(__always)
    private static func next(_ w: UnsafeMutablePointer<UInt32>, _ slot: Int) -> UInt32 {
        let w15 = w[(slot &+ 1) & 15]
        let w2 = w[(slot &+ 14) & 15]
        // σ0 = ROTR⁷ ⊕ ROTR¹⁸ ⊕ SHR³ and σ1 = ROTR¹⁷ ⊕ ROTR¹⁹ ⊕ SHR¹⁰, as nested rotations.
        let sigma0 = rotateRight(w15 ^ rotateRight(w15, 11), 7) ^ (w15 &>> 3)
        let sigma1 = rotateRight(w2 ^ rotateRight(w2, 2), 17) ^ (w2 &>> 10)
        let word = w[slot] &+ sigma0 &+ w[(slot &+ 9) & 15] &+ sigma1
        w[slot] = word
        return word
    }

    /// One round, given K[t] + W[t]: `d` gains T1 and `h` becomes T1 + T2; the caller renames
    /// the eight words for the next round. Σ1 and Σ0 are computed as nested rotations
    /// (Σ1(e) = ROTR⁶(e ⊕ ROTR⁵(e ⊕ ROTR¹⁴(e))), and Σ0 likewise), which need fewer copies.
    @inline(__always)
    private static func step(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32
    ) {
        let sum1 = rotateRight(e ^ rotateRight(e ^ rotateRight(e, 14), 5), 6)
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ sum1 &+ choice &+ constantAndWord
        let sum0 = rotateRight(a ^ rotateRight(a ^ rotateRight(a, 9), 11), 2)
        let majority = (a & b) | (c & (a | b))
        d &+= temp1
        h = temp1 &+ sum0 &+ majority
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 &- count))
    }
}
