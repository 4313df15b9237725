import Foundation
import Testing
@testable import SyndicationEngine

/// Golden signatures, the reference implementation, set semantics and parameter checks.
@Suite struct MinHashSignatureTests {
    static let fixtureText = """
        The city council voted on Tuesday to approve the new budget, which includes funding \
        for two additional fire stations and a long-delayed repair of the harbour bridge, \
        officials said after a meeting that lasted late into the night.
        """

    /// The fixture's 35 word-5 shingle hashes (39 words).
    static var fixtureHashes: [UInt64] { Shingling.words5.hashes(of: AnalyzedText(fixtureText)) }

    /// XXH3-64 of the values' little-endian bytes.
    static func checksum(_ values: [UInt64]) -> UInt64 {
        XXHash.hash64(values.flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } })
    }

    /// (scheme, first eight values, checksum of all 128) under the default parameters,
    /// recorded from this implementation at format version 1. With 35 shingles in 128 bins
    /// most one-permutation values are densified (bin 7 borrows bin 3's value), so the
    /// densification is pinned too. If this changes, every stored signature changes: bump
    /// ``MinHashParameters/currentFormatVersion`` and re-record.
    static let golden: [(MinHashScheme, [UInt64], UInt64)] = [
        (.onePermutation, [
            0xFA60_43B6_3AF0_145C, 0x5AE3_82D1_0FB7_90FB, 0x734A_0C56_AAE3_6355, 0x0688_A42D_1B7D_2D9F,
            0xBE71_B1FD_4550_99A7, 0x0A31_A914_04BB_99D0, 0xC82F_A22A_DCE6_87EF, 0x0688_A42D_1B7D_2D9F,
        ], 0xDBF6_818C_9789_C58E),
        (.classic, [
            0x0738_ADFC_30F9_5FC6, 0x0E82_23E0_0076_646A, 0x0466_2F6E_3BD4_F775, 0x0F6B_1263_6483_C76D,
            0x0C72_3527_72FD_B99C, 0x0128_C87F_9FE3_DE54, 0x0907_18AF_F66D_8EFF, 0x033D_929B_B3FF_BD80,
        ], 0x2B1A_2E48_50DF_2EDA),
    ]

    @Test(arguments: golden.indices)
    func goldenSignature(_ index: Int) {
        let (scheme, firstValues, checksum) = Self.golden[index]
        let signature = MinHasher(parameters: MinHashParameters(scheme: scheme)).signature(of: Self.fixtureHashes)
        #expect(Self.fixtureHashes.count == 35)
        #expect(signature.parameters.formatVersion == 1)
        #expect(signature.values.count == 128)
        #expect(Array(signature.values.prefix(8)) == firstValues)
        #expect(Self.checksum(signature.values) == checksum)
    }

    // MARK: Reference implementation

    /// One-permutation hashing with optimal densification written plainly: a set, optional
    /// bins, and densification that reads a separate record of which bins were filled.
    static func referenceOnePermutation(_ hashes: [UInt64], _ parameters: MinHashParameters) -> [UInt64] {
        let count = parameters.permutationCount
        let key = MinHashMixing.key(seed: parameters.seed, stream: .max)
        let densificationKey = MinHashMixing.key(seed: parameters.seed, stream: .max - 1)
        var bins = [UInt64?](repeating: nil, count: count)
        for hash in Set(hashes) {
            let value = MinHashMixing.mix(hash ^ key)
            let bin = Int(value.multipliedFullWidth(by: UInt64(count)).high)
            bins[bin] = Swift.min(bins[bin] ?? value, value)
        }
        guard bins.contains(where: { $0 != nil }) else { return Array(repeating: .max, count: count) }
        return (0..<count).map { bin in
            if let value = bins[bin] { return value }
            var attempt: UInt64 = 1
            while true {
                let draw = MinHashMixing.mix(MinHashMixing.mix(densificationKey ^ UInt64(bin)) &+ attempt)
                if let value = bins[Int(draw.multipliedFullWidth(by: UInt64(count)).high)] { return value }
                attempt += 1
            }
        }
    }

    /// Classic MinHash written plainly: the minimum of each keyed permutation over the set.
    static func referenceClassic(_ hashes: [UInt64], _ parameters: MinHashParameters) -> [UInt64] {
        (0..<parameters.permutationCount).map { index in
            let key = MinHashMixing.key(seed: parameters.seed, stream: UInt64(index))
            return hashes.map { MinHashMixing.mix($0 ^ key) }.min() ?? .max
        }
    }

    @Test(arguments: MinHashScheme.allCases, [1, 7, 64, 128, 256])
    func fastPathEqualsReference(_ scheme: MinHashScheme, _ permutationCount: Int) {
        var random = SketchTestRandom(seed: UInt64(permutationCount))
        for size in [0, 1, 2, 5, 50, 500, 3_000] {
            let parameters = MinHashParameters(
                permutationCount: permutationCount, seed: random.next(), scheme: scheme)
            let hashes = SketchFixtures.distinctHashes(count: size, using: &random)
            let expected = scheme == .onePermutation
                ? Self.referenceOnePermutation(hashes, parameters)
                : Self.referenceClassic(hashes, parameters)
            #expect(MinHasher(parameters: parameters).signature(of: hashes).values == expected, "size \(size)")
        }
    }

    // MARK: Set semantics and entry points

    @Test(arguments: MinHashScheme.allCases)
    func signatureIgnoresOrderAndRepeats(_ scheme: MinHashScheme) {
        let hasher = MinHasher(parameters: MinHashParameters(scheme: scheme))
        let hashes = Self.fixtureHashes
        let reordered = hashes.reversed() + hashes.prefix(10)
        #expect(hasher.signature(of: Array(reordered)) == hasher.signature(of: hashes))
    }

    @Test(arguments: MinHashScheme.allCases)
    func entryPointsAgree(_ scheme: MinHashScheme) {
        let hasher = MinHasher(parameters: MinHashParameters(scheme: scheme))
        let hashes = Self.fixtureHashes
        let expected = hasher.signature(of: hashes)
        #expect(hashes.withUnsafeBufferPointer { hasher.signature(of: $0) } == expected)
        #expect(hasher.signature(of: Set(hashes)) == expected)
        #expect(hasher.signature(of: hashes.lazy.map { $0 }) == expected)
    }

    @Test(arguments: MinHashScheme.allCases)
    func emptyInputEstimatesZeroAgainstEverything(_ scheme: MinHashScheme) throws {
        let hasher = MinHasher(parameters: MinHashParameters(scheme: scheme))
        let empty = hasher.signature(of: [UInt64]())
        let full = hasher.signature(of: Self.fixtureHashes)
        #expect(empty.isEmpty)
        #expect(!full.isEmpty)
        #expect(empty.values.allSatisfy { $0 == .max })
        #expect(empty == MinHashSignature.empty(parameters: hasher.parameters))
        for other in [empty, full] {
            let estimate = try empty.jaccard(with: other)
            #expect(estimate == .emptySet())
            #expect(try other.jaccard(with: empty) == .emptySet())
        }
        #expect(try full.jaccard(with: full).estimate == 1)
    }

    @Test(arguments: MinHashScheme.allCases)
    func seedChangesEverySignature(_ scheme: MinHashScheme) {
        let first = MinHasher(parameters: MinHashParameters(seed: 1, scheme: scheme)).signature(of: Self.fixtureHashes)
        let second = MinHasher(parameters: MinHashParameters(seed: 2, scheme: scheme)).signature(of: Self.fixtureHashes)
        // Same set, other bijections: even where both pick the same shingle, its two images
        // differ, so an equal value would take a 2⁻⁶⁴ coincidence.
        let agreeing = zip(first.values, second.values).filter { $0 == $1 }.count
        #expect(agreeing == 0)
    }

    // MARK: Parameters

    static let base = MinHashParameters()
    static let incompatible: [MinHashParameters] = [
        MinHashParameters(seed: 1),
        MinHashParameters(permutationCount: 64),
        MinHashParameters(scheme: .classic),
        MinHashParameters(shingling: Shingling(unit: .characters, size: 5)),
        MinHashParameters(shingling: Shingling(unit: .words, size: 5, seed: 9)),
    ]

    @Test(arguments: incompatible)
    func incompatibleSignaturesThrow(_ other: MinHashParameters) throws {
        let signature = MinHasher(parameters: Self.base).signature(of: Self.fixtureHashes)
        let otherSignature = MinHasher(parameters: other).signature(of: Self.fixtureHashes)
        let error = #expect(throws: SketchError.self) { try signature.jaccard(with: otherSignature) }
        #expect(error == .incompatibleParameters(Self.base.description, other.description))
        #expect(error?.description.contains(other.description) == true)
        #expect(error?.description.contains(Self.base.description) == true)
        #expect(throws: SketchError.self) { try otherSignature.matchCount(with: signature) }
    }

    @Test func parametersDescribeThemselves() {
        #expect(Self.base.description == "minhash-v1 one-permutation k=128 seed=0 words-5@0")
        #expect(MinHashScheme(rawValue: "one-permutation") == .onePermutation)
    }

    @Test func signatureRoundTripsThroughJSON() throws {
        let signature = MinHasher(parameters: MinHashParameters(seed: 0x5EED, scheme: .classic))
            .signature(of: Self.fixtureHashes)
        let data = try JSONEncoder().encode(signature)
        #expect(try JSONDecoder().decode(MinHashSignature.self, from: data) == signature)
    }

    @Test func decodingRefusesUnknownFormatVersionAndWrongLength() throws {
        let signature = MinHasher(parameters: MinHashParameters(permutationCount: 2)).signature(of: [1, 2, 3])
        let json = String(decoding: try JSONEncoder().encode(signature), as: UTF8.self)
        #expect(json.contains("\"format_version\":1"))
        let future = json.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":2")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MinHashSignature.self, from: Data(future.utf8)) }
        let values = signature.values.map(String.init).joined(separator: ",")
        let short = json.replacingOccurrences(of: "[\(values)]", with: "[\(signature.values[0])]")
        #expect(short != json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MinHashSignature.self, from: Data(short.utf8)) }
    }
}
