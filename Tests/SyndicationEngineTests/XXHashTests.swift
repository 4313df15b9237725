import Testing
@testable import SyndicationEngine

/// Reference values from xxHash's own sanity test (`tests/sanity_test_vectors.h`): the
/// generated buffer of 2,367 bytes, prime 2654435761, lengths 0 and 1 with seeds 0 and PRIME64.
@Suite struct XXHashTests {
    static let prime32: UInt64 = 2_654_435_761
    static let prime64: UInt64 = 0x9E37_79B1_85EB_CA8D

    /// xxHash's sanity buffer: byte *i* is the top byte of a 64-bit generator stepped by PRIME32.
    static func sanityBuffer(count: Int) -> [UInt8] {
        var generator: UInt64 = prime32
        var buffer = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            buffer[index] = UInt8(truncatingIfNeeded: generator >> 56)
            generator = generator &* prime64
        }
        return buffer
    }

    /// (length, seed, expected XXH3-64) from xxHash 0.8's `XSUM_XXH3_testdata`.
    static let referenceVectors: [(Int, UInt64, UInt64)] = [
        (0, 0, 0x2D06_8005_38D3_94C2), (0, prime64, 0xA8A6_B918_B2F0_364A),
        (1, 0, 0xC44B_DFF4_074E_ECDB), (1, prime64, 0x032B_E332_DD76_6EF8),
        (6, 0, 0x27B5_6A84_CD2D_7325), (6, prime64, 0x8458_9C11_6AB5_9AB9),
        (12, 0, 0xA713_DAF0_DFBB_77E7), (12, prime64, 0xE730_3E1B_2336_DE0E),
        (24, 0, 0xA3FE_70BF_9D35_10EB), (24, prime64, 0x850E_80FC_35BD_D690),
        (48, 0, 0x397D_A259_ECBA_1F11), (48, prime64, 0xADC2_CBAA_44AC_C616),
        (80, 0, 0xBCDE_FBBB_2C47_C90A), (80, prime64, 0xC6DD_0CB6_9953_2E73),
        (195, 0, 0xCD94_217E_E362_EC3A), (195, prime64, 0xBA68_003D_370C_B3D9),
        (403, 0, 0xCDEB_804D_65C6_DEA4),
    ]

    @Test(arguments: referenceVectors.indices)
    func matchesReferenceVector(_ index: Int) {
        let (length, seed, expected) = Self.referenceVectors[index]
        let buffer = Self.sanityBuffer(count: 2367)
        #expect(XXHash.hash64(buffer[0..<length], seed: seed) == expected)
    }

    @Test("The inlined 17-128 and 0-16-byte branches (hash64, hash64Short) equal the whole XXH3 function at every length, offset and seed")
    func shortcutEqualsWholeFunction() {
        let buffer = Self.sanityBuffer(count: 2367)
        buffer.withUnsafeBytes { all in
            for seed: UInt64 in [0, 1, 0x5EED, Self.prime64, .max] {
                for length in 0...300 {
                    for offset in [0, 1, 7, 13] {
                        let bytes = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + length)])
                        #expect(XXHash.hash64(bytes, seed: seed) == XXHash.wholeFunctionHash64(bytes, seed: seed),
                                "length \(length), offset \(offset), seed \(seed)")
                        #expect(XXHash.hash64Short(bytes, seed: seed) == XXHash.wholeFunctionHash64(bytes, seed: seed),
                                "short, length \(length), offset \(offset), seed \(seed)")
                    }
                }
            }
        }
    }

    /// The five-byte windows hashed eight at a time equal the whole XXH3 function of each
    /// window, for runs of every count from none to past several registers' worth (so every
    /// tail length), at several offsets and seeds, and write nothing past the windows. (On a
    /// processor without AVX-512 there is no such path: `Shingling` hashes one window at a time.)
    @Test func windowHashesEqualTheWholeFunction() {
        guard WindowHashes.isAvailable else { return }
        let buffer = Self.sanityBuffer(count: 2367)
        buffer.withUnsafeBytes { all in
            for seed: UInt64 in [0, 0xC4A2, Self.prime64, .max] {
                for count in 0...70 {
                    for offset in [0, 1, 5, 9, 2000] {
                        let start = all.baseAddress! + offset
                        var vector = [UInt64](repeating: 0, count: count + 1)
                        WindowHashes.hashes5(start, count: count, seed: seed, into: &vector)
                        let whole = (0..<count).map {
                            XXHash.wholeFunctionHash64(UnsafeRawBufferPointer(start: start + $0, count: 5), seed: seed)
                        }
                        #expect(Array(vector.prefix(count)) == whole, "count \(count), offset \(offset), seed \(seed)")
                        #expect(vector[count] == 0, "nothing written past the windows")
                    }
                }
            }
        }
    }

    /// `Shingling`'s character 5-grams are XXH3 of each five-byte window of the folded text,
    /// by whichever path this processor takes (eight windows at a time from twelve windows
    /// up, one at a time below), and its sorted sets are those hashes' sorted distinct values.
    @Test func characterFiveGramsAreXXH3OfEachWindow() {
        let shingling = Shingling(unit: .characters, size: 5, seed: 0xC4A2)
        let words = ["the", "minister", "said", "talks", "a", "ceasefire", "in", "Kyiv", "the", "talks"]
        for count in 1...40 {
            let text = AnalyzedText((0..<count).map { words[($0 * 7) % words.count] }.joined(separator: " "))
            let expected = text.folded.withUnsafeBytes { bytes in
                bytes.count <= 5
                    ? [XXHash.wholeFunctionHash64(bytes, seed: shingling.seed)]
                    : (0...(bytes.count - 5)).map {
                        XXHash.wholeFunctionHash64(UnsafeRawBufferPointer(rebasing: bytes[$0..<($0 + 5)]), seed: shingling.seed)
                    }
            }
            let range = 0..<text.tokens.count
            #expect(shingling.hashes(of: text, tokens: range) == expected, "\(count) words")
            let room = shingling.hashCount(of: text, tokens: range)
            var output = [UInt64](repeating: 0, count: room)
            var workspace = [UInt64](repeating: 0, count: SortedHashSet.workspaceCount(for: room))
            let sorted = output.withUnsafeMutableBufferPointer { output in
                workspace.withUnsafeMutableBufferPointer { workspace in
                    shingling.writeHashes(of: text, tokens: range, into: output.baseAddress!, sortingWith: workspace.baseAddress!)
                }
            }
            #expect(sorted.set == Array(Set(expected)).sorted(), "\(count) words, sorted")
        }
    }

    @Test func versionIsReported() {
        #expect(XXHash.libraryVersion.split(separator: ".").count == 3)
    }

    @Test func stringAndBytesAgree() {
        let text = "the quick brown fox"
        #expect(XXHash.hash64(text, seed: 7) == XXHash.hash64(Array(text.utf8), seed: 7))
        #expect(XXHash.hash64(text, seed: 7) != XXHash.hash64(text, seed: 8))
    }
}
