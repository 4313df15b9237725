import SyndicationEngine
import Testing
import TestSupport
@testable import SyndicationScan

@Suite struct SHA256Tests {
    /// The FIPS 180-4 example messages (NIST CSRC "SHA256.pdf" and the SHAVS short messages).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func fipsVectors(message: String, expected: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == expected)
        #expect(SHA256.hexDigest(of: message) == expected)
    }

    @Test func millionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: message)
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundaries of one and two blocks (55, 56, 63, 64, 65 bytes
    /// and 119 to 129) take the one- and two-block padding paths after zero, one and two whole
    /// blocks; their digests are pinned from `sha256sum` and Python's `hashlib`.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        (129, "c12cb024a2e5551cca0e08fce8f1c5e314555cc3fef6329ee994a3db752166ae"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(SHA256.hexDigest(of: message) == expected)
    }

    /// Every length from 0 to 299 bytes of varied (non-repeating) bytes: the digests, written
    /// one after another in hexadecimal, hash to the value Python's `hashlib` gives for the
    /// same, so a wrong digest at any single length (any schedule word, any padding case)
    /// shows here.
    @Test func everyLengthToNearlyFiveBlocks() {
        var digests = ""
        for length in 0..<300 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            digests += SHA256.hexDigest(of: bytes)
        }
        #expect(digests.count == 300 * 64)
        #expect(SHA256.hexDigest(of: digests) == "37293c9149fd1e92ade27cfaa67205d1fe897e27bf266af051f5258e9af5d6e0")
    }

    /// The hexadecimal digest spells the digest's bytes, two lower-case digits each.
    @Test func hexSpellsTheBytes() {
        for length in [0, 3, 64, 100] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 91 &+ 5) }
            let spelled = SHA256.digest(of: bytes).map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined()
            #expect(SHA256.hexDigest(of: bytes) == spelled)
            #expect(SHA256.hexDigest(of: bytes.lazy.map { $0 }) == spelled)
        }
    }

    /// Contiguous bytes are hashed in place, other collections through a copy: both agree at
    /// every length over three blocks (whole blocks, one- and two-block padding).
    @Test func contiguousAndOtherCollectionsAgree() {
        for length in 0...200 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            let lazy = (0..<length).lazy.map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            #expect(SHA256.digest(of: bytes) == SHA256.digest(of: lazy), "\(length) bytes")
            #expect(SHA256.digest(of: bytes).count == 32)
        }
    }

    /// The processor's SHA extensions and the Swift rounds give the same words at every
    /// length over five blocks and for a long text (whole blocks in one call, one- and
    /// two-block padding); the digests above go through the extensions where there are any.
    @Test func hardwareAndPortableRoundsAgree() {
        guard HardwareSHA256.isAvailable else { return }
        var generator = SeededGenerator(state: 20_261_124)
        for length in Array(0...330) + [4_096, 100_003] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let (hardware, portable) = bytes.withUnsafeBytes {
                (SHA256.words(of: $0, hardware: true), SHA256.words(of: $0, hardware: false))
            }
            #expect(SHA256.hex(hardware) == SHA256.hex(portable), "\(length) bytes")
        }
    }
}
