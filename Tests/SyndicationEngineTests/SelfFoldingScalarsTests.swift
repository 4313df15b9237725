import Foundation
import Testing
@testable import SyndicationEngine

/// `SelfFoldingScalars` lets the sketcher skip NFKC for words of its code points; these tests
/// prove, for every code point of every range, the three conditions its documentation states.
@Suite("SelfFoldingScalars")
struct SelfFoldingScalarsTests {
    static var members: [Unicode.Scalar] {
        SelfFoldingScalars.ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
    }

    @Test("contains(_:) answers exactly the listed ranges, over all of Unicode")
    func membership() {
        for value in UInt32(0)...0x10FFFF {
            let listed = SelfFoldingScalars.ranges.contains { $0.contains(value) }
            #expect(SelfFoldingScalars.contains(value) == listed, "U+\(String(value, radix: 16))")
        }
    }

    @Test("Every member is a word code point that TokenNormalizer folds to itself")
    func foldsToItself() {
        let members = Self.members
        #expect(members.count > 30_000)
        for scalar in members {
            // From Unicode's own data, not through TokenNormalizer's shortcuts for these ranges.
            #expect(WordScalarTests.isWordByProperties(scalar), "U+\(String(scalar.value, radix: 16))")
            #expect(String(scalar).precomposedStringWithCompatibilityMapping.lowercased() == String(scalar),
                    "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("No member starts with a code point that NFKC could compose with the code point before it")
    func neverJoinsItsPredecessor() {
        // Every code point that follows another in some canonical decomposition: only these
        // can be the second half of a composition (Unicode Standard Annex #15).
        var seconds = Set<UInt32>()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            for later in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst() {
                seconds.insert(later.value)
            }
        }
        #expect(seconds.contains(0x301) && seconds.contains(0x11A8), "the scan should find combining marks and Hangul jamo")
        for scalar in Self.members {
            let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            #expect(!seconds.contains(first.value), "U+\(String(scalar.value, radix: 16)) starts with a composition second")
        }
        // ASCII letters and digits, which share words with the members, are never seconds either.
        for value in UInt32(0x30)...0x7A where TokenNormalizer.isWordScalar(Unicode.Scalar(value)!) {
            #expect(!seconds.contains(value))
        }
    }

    @Test("Words mixing members, ASCII and other code points fold as TokenNormalizer folds them")
    func mixedWords() {
        var random = SketchTestRandom(seed: 0x5E1F)
        let members = Self.members
        let others: [Unicode.Scalar] = ["A", "Z", "a", "0", "\u{301}", "\u{308}", "\u{3099}", "\u{11A8}", "\u{1161}",
                                        "É", "Σ", "İ", "ﬁ", "Ａ", "\u{1100}"]
        let sketcher = DocumentSketcher(parameters: MinHashParameters(shingling: Shingling(unit: .words, size: 1)))
        for _ in 0..<3000 {
            var word = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                word.append(random.next() % 3 == 0 ? others.randomElement(using: &random)! : members.randomElement(using: &random)!)
            }
            let text = "x " + String(word) + " y"
            let bytes = Array(text.utf8)
            let scanned = bytes.withUnsafeBytes { sketcher.shingleHashes(utf8: $0) }
            let expected = sketcher.parameters.shingling.hashes(of: AnalyzedText(text))
            #expect(scanned == expected, "\(word.map { String($0.value, radix: 16) })")
        }
    }
}
