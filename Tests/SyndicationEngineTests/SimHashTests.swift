import Foundation
import Testing
@testable import SyndicationEngine

/// SimHash fingerprints: identity, near duplicates, unrelated texts, weights and parameters.
@Suite struct SimHashTests {
    /// A text of `count` words drawn from a 500-word generated vocabulary.
    static func generatedWords(count: Int, seed: UInt64) -> [String] {
        var random = SketchTestRandom(seed: 0xC0FFEE)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let vocabulary = (0..<500).map { _ in
            String((0..<(3 + Int(random.next() % 6))).map { _ in letters[Int(random.next() % 26)] })
        }
        var picker = SketchTestRandom(seed: seed)
        return (0..<count).map { _ in vocabulary[Int(picker.next() % 500)] }
    }

    static func hashes(_ words: [String]) -> [UInt64] {
        Shingling.words5.hashes(of: AnalyzedText(words.joined(separator: " ")))
    }

    static func simHash(_ hashes: [UInt64], seed: UInt64 = 0) -> SimHash {
        SimHash(hashes: hashes, shingling: .words5, seed: seed)
    }

    /// Recorded from this implementation for ``MinHashSignatureTests/fixtureText``; a change
    /// changes every stored fingerprint.
    static let goldenFingerprint: UInt64 = 0xB6E8_E3AA_AAB4_D1B1

    @Test func goldenFingerprintOfFixture() {
        let simHash = Self.simHash(MinHashSignatureTests.fixtureHashes, seed: 0)
        #expect(simHash.fingerprint == Self.goldenFingerprint)
    }

    /// Charikar's rule written plainly: 64 signed vote counters over the re-mixed hashes.
    static func referenceFingerprint(_ hashes: [UInt64], seed: UInt64) -> UInt64 {
        let key = MinHashMixing.key(seed: seed, stream: .max - 2)
        var votes = [Int](repeating: 0, count: 64)
        for hash in hashes {
            let bits = MinHashMixing.mix(hash ^ key)
            for bit in 0..<64 { votes[bit] += (bits >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        return (0..<64).reduce(0) { votes[$1] > 0 ? $0 | 1 << UInt64($1) : $0 }
    }

    /// The byte-lane counters flush every 255 hashes; sizes around that, and one hash repeated
    /// (which fills a lane byte to exactly 255 before the flush), must give the plain rule's
    /// fingerprint.
    @Test(arguments: [0, 1, 2, 7, 8, 9, 15, 16, 17, 254, 255, 256, 511, 600, 2_000, 2_039, 2_040, 2_041, 2_048, 4_087])
    func fastPathEqualsReference(_ count: Int) {
        var random = SketchTestRandom(seed: UInt64(count))
        let distinct = SketchFixtures.distinctHashes(count: count, using: &random)
        let repeated = distinct.isEmpty ? [] : (0..<count).map { distinct[$0 % Swift.max(1, count / 50)] }
        let single = distinct.isEmpty ? [] : Array(repeating: distinct[0], count: count)
        for hashes in [distinct, repeated, single] {
            for seed in [0 as UInt64, 0x5EED] {
                #expect(Self.simHash(hashes, seed: seed).fingerprint == Self.referenceFingerprint(hashes, seed: seed))
            }
        }
    }

    /// The inverse of ``MinHashMixing/mix(_:)``: undoes each multiply (by its inverse modulo
    /// 2⁶⁴) and each xor-shift (by repeating it until the shifted bits are spent).
    static func unmix(_ value: UInt64) -> UInt64 {
        func unshift(_ value: UInt64, _ shift: UInt64) -> UInt64 {
            var result = value
            var step = shift
            while step < 64 {
                result = value ^ (result >> shift)
                step += shift
            }
            return value ^ (result >> shift)
        }
        func inverse(_ odd: UInt64) -> UInt64 {
            var inverse = odd  // Newton's iteration doubles the correct low bits each step.
            for _ in 0..<6 { inverse = inverse &* (2 &- odd &* inverse) }
            return inverse
        }
        var z = unshift(value, 31)
        z = unshift(z &* inverse(0x94D0_49BB_1331_11EB), 27)
        return unshift(z &* inverse(0xBF58_476D_1CE4_E5B9), 30)
    }

    /// Hashes whose re-mixed votes are chosen: every bit set for counts past the byte counters'
    /// flush (255 groups of eight), one bit pattern outvoted by one, and exact ties, which
    /// leave a bit clear.
    @Test(arguments: [0 as UInt64, 0x5EED])
    func chosenVotesEqualReference(seed: UInt64) {
        let key = MinHashMixing.key(seed: seed, stream: .max - 2)
        func hash(voting bits: UInt64) -> UInt64 { Self.unmix(bits) ^ key }
        #expect(MinHashMixing.mix(hash(voting: 0xDEAD_BEEF) ^ key) == 0xDEAD_BEEF)
        let allSet = Array(repeating: hash(voting: .max), count: 4_100)
        let outvoted = Array(repeating: hash(voting: 0xF0F0_F0F0_F0F0_F0F0), count: 1_001)
            + Array(repeating: hash(voting: 0x0F0F_0F0F_0F0F_0F0F), count: 1_002)
        let tied = Array(repeating: hash(voting: 0xFFFF_0000_FFFF_0000), count: 9)
            + Array(repeating: hash(voting: 0x0000_FFFF_0000_FFFF), count: 9)
        for hashes in [allSet, outvoted, tied, outvoted.reversed()] {
            let reference = Self.referenceFingerprint(hashes, seed: seed)
            #expect(Self.simHash(hashes, seed: seed).fingerprint == reference)
        }
        #expect(Self.referenceFingerprint(allSet, seed: seed) == .max)
        #expect(Self.referenceFingerprint(outvoted, seed: seed) == 0x0F0F_0F0F_0F0F_0F0F)
        #expect(Self.referenceFingerprint(tied, seed: seed) == 0)
    }

    @Test(arguments: [0 as UInt64, 1, 0x5EED])
    func identicalTextsAreAtDistanceZero(_ seed: UInt64) throws {
        let hashes = Self.hashes(Self.generatedWords(count: 300, seed: seed))
        #expect(try Self.simHash(hashes, seed: seed).distance(to: Self.simHash(hashes, seed: seed)) == 0)
        #expect(try Self.simHash(hashes, seed: seed).distance(to: Self.simHash(hashes.reversed(), seed: seed)) == 0)
    }

    /// With ±1 votes, bit *i* differs with probability ≈ θ/π for θ the angle between the two
    /// documents' vote-count vectors, cos θ = Σ cₐ(x)c_b(x) / √(Σ cₐ² Σ c_b²) over shingles x
    /// (Charikar 2002). The distance must stay within 64·θ/π + 4σ, σ² = 64·(θ/π)(1 − θ/π).
    @Test(arguments: [1, 2, 5, 20])
    func nearDuplicateIsClose(_ editedWords: Int) throws {
        for seed in 0..<20 as Range<UInt64> {
            var words = Self.generatedWords(count: 300, seed: seed)
            let original = Self.hashes(words)
            var picker = SketchTestRandom(seed: seed &+ 99)
            for _ in 0..<editedWords { words[Int(picker.next() % 300)] = "replaced" }
            let edited = Self.hashes(words)
            let probability = acos(Self.cosine(original, edited)) / .pi
            let bound = 64 * probability + 4 * (64 * probability * (1 - probability)).squareRoot()
            let distance = try Self.simHash(original).distance(to: Self.simHash(edited))
            #expect(Double(distance) <= bound, "seed \(seed): expected about \(64 * probability)")
        }
    }

    static func cosine(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let countsA = Dictionary(a.map { ($0, 1.0) }, uniquingKeysWith: +)
        let countsB = Dictionary(b.map { ($0, 1.0) }, uniquingKeysWith: +)
        let dot = countsA.reduce(0) { $0 + $1.value * (countsB[$1.key] ?? 0) }
        let normA = countsA.values.reduce(0) { $0 + $1 * $1 }
        let normB = countsB.values.reduce(0) { $0 + $1 * $1 }
        return dot / (normA * normB).squareRoot()
    }

    /// Unrelated texts differ in Binomial(64, ½) bits: each distance within 32 ± 4σ (σ = 4),
    /// the mean of 50 within 32 ± 4σ/√50.
    @Test func unrelatedTextsAreAboutHalfApart() throws {
        var distances: [Int] = []
        for index in 0..<50 as Range<UInt64> {
            let a = Self.simHash(Self.hashes(Self.generatedWords(count: 200, seed: 1_000 + 2 * index)))
            let b = Self.simHash(Self.hashes(Self.generatedWords(count: 200, seed: 1_001 + 2 * index)))
            distances.append(try a.distance(to: b))
        }
        for distance in distances { #expect(abs(distance - 32) <= 16) }
        let mean = Double(distances.reduce(0, +)) / Double(distances.count)
        #expect(abs(mean - 32) <= 16 / Double(50).squareRoot())
    }

    @Test func unitWeightsEqualUnweighted() {
        let hashes = Self.hashes(Self.generatedWords(count: 120, seed: 5))
        let weighted = SimHash(hashes: hashes, weights: Array(repeating: 1, count: hashes.count), shingling: .words5)
        #expect(weighted == Self.simHash(hashes))
    }

    /// Shingles of zero weight do not vote, so two texts that differ only in them coincide.
    @Test func zeroWeightsSilenceShingles() throws {
        var random = SketchTestRandom(seed: 11)
        let common = SketchFixtures.distinctHashes(count: 101, using: &random)
        let onlyA = SketchFixtures.distinctHashes(count: 60, using: &random)
        let onlyB = SketchFixtures.distinctHashes(count: 60, using: &random)
        func weighted(_ extra: [UInt64]) -> SimHash {
            SimHash(hashes: common + extra, weights: Array(repeating: 2.5, count: common.count)
                + Array(repeating: 0, count: extra.count), shingling: .words5)
        }
        #expect(try weighted(onlyA).distance(to: weighted(onlyB)) == 0)
        #expect(try Self.simHash(common + onlyA).distance(to: Self.simHash(common + onlyB)) > 0)
    }

    @Test func emptyInputHasNoBitsSet() {
        #expect(Self.simHash([]).fingerprint == 0)
    }

    @Test(arguments: [
        SimHash(fingerprint: 0, shingling: .words5, seed: 1),
        SimHash(fingerprint: 0, shingling: Shingling(unit: .characters, size: 5), seed: 0),
    ])
    func incompatibleFingerprintsThrow(_ other: SimHash) {
        let base = SimHash(fingerprint: 0, shingling: .words5, seed: 0)
        let error = #expect(throws: SketchError.self) { try base.distance(to: other) }
        #expect(error == .incompatibleParameters(base.parameterDescription, other.parameterDescription))
    }

    @Test func seedChangesFingerprint() {
        let hashes = MinHashSignatureTests.fixtureHashes
        // Independent fingerprints agree on all 64 bits with probability 2⁻⁶⁴.
        #expect(Self.simHash(hashes, seed: 1).fingerprint != Self.simHash(hashes, seed: 2).fingerprint)
    }

    @Test func descriptionShowsHexAndParameters() {
        #expect(SimHash(fingerprint: 0xAB, shingling: .words5, seed: 3).description
            == "00000000000000ab simhash-64 seed=3 words-5@0")
    }
}
