import Foundation
import Testing
import TestSupport
@testable import SyndicationEngine

/// ``AnalyzedText`` takes text apart through fast paths — words found 64 bytes at a time in a
/// narrowed copy (``WordFolding/words(of:)``), sentence ends looked for eight code points at a
/// time, ASCII answered without Unicode property lookups, abbreviations looked up as packed
/// bytes. On generated texts mixing ASCII with accented, CJK, compatibility (`ﬁ`, full-width),
/// expanding (`ﷺ`), mark-only and separator code points, everything equals the plain loops
/// over code points that use the Unicode properties.
@Suite struct AnalysisFastPathTests {
    /// Code points the generator draws from: mostly ASCII words, spaces and punctuation.
    static let ascii: [Unicode.Scalar] = Array("abcxyzABCXYZ0189  .,;:!?'\"()-".unicodeScalars)
    static let other: [Unicode.Scalar] = [
        "\n", "\r", "\u{2028}", "\t", "\u{00A0}", "\u{2026}", "\u{201C}", "\u{201D}", "\u{2019}", "\u{2014}",
        "é", "É", "ß", "ñ", "Ж", "ж", "Ω", "ω", "東", "한", "ア", "\u{0301}", "\u{0308}", "\u{20DD}",
        "ﬁ", "Ｆ", "ｆ", "\u{FDFA}", "\u{212A}", "İ", "²", "½", "🇺", "😀", "\u{00AD}", "\u{200B}", "\u{0000}",
    ]

    /// A text of `length` code points; `otherShare` of 64 come from ``other``.
    static func text(length: Int, otherShare: UInt64, _ generator: inout SeededGenerator) -> [Unicode.Scalar] {
        (0..<length).map { _ in
            let pick = generator.next()
            if pick & 63 < otherShare { return other[Int((pick >> 8) % UInt64(other.count))] }
            return ascii[Int((pick >> 8) % UInt64(ascii.count))]
        }
    }

    /// Abbreviations, initials and sentence starts, for the splitter.
    static let phrases = [
        "Mr. Smith", "U.S. officials", "Feb. 3.", "J. Doe", "e.g. this", "No. 5", "APPROX. 7", "Sept. 9",
        "Fig. 2", "É. Zola", "Ét. 5", "He left. Then", "“Done,” he said! Next", "it ended… Then", "(See) it.",
        "wait?! 12 more", "ends.\nNew line", "dept.\nlower", "a b c d e f g\nh i", "prof. X", "Capt. Ahab",
    ]

    /// A text of phrases and generated stretches.
    static func prose(_ generator: inout SeededGenerator) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        for _ in 0..<(generator.next() % 12) {
            if generator.next() % 3 == 0 {
                scalars += text(length: Int(generator.next() % 40), otherShare: generator.next() % 16, &generator)
            } else {
                scalars += phrases[Int(generator.next() % UInt64(phrases.count))].unicodeScalars
            }
            scalars.append(generator.next() % 4 == 0 ? "\n" : " ")
        }
        return scalars
    }

    @Test func wordsEqualTheOneByOneLoop() {
        var generator = SeededGenerator(seed: 0xA11A)
        for length in 0..<400 {
            for otherShare: UInt64 in [0, 1, 8, 40] {
                let scalars = Self.text(length: length, otherShare: otherShare, &generator)
                scalars.withUnsafeBufferPointer { buffer in
                    let fast = WordFolding.words(of: buffer)
                    let reference = WordFolding.wordsOneByOne(of: buffer)
                    #expect(fast.tokens == reference.tokens, "length \(length), share \(otherShare)")
                    #expect(fast.folded == reference.folded, "length \(length), share \(otherShare)")
                }
            }
        }
    }

    /// Decoding sixteen ASCII bytes at a time, and one code point at a time elsewhere, gives
    /// the string's own code points at every length and mix.
    @Test func decodedScalarsEqualTheStringsOwn() {
        var generator = SeededGenerator(seed: 0xDEC0)
        for length in 0..<300 {
            for otherShare: UInt64 in [0, 1, 8, 40] {
                let scalars = Self.text(length: length, otherShare: otherShare, &generator)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                let string = String(view)
                #expect(AnalyzedText.scalars(of: string) == Array(string.unicodeScalars), "length \(length)")
                #expect(AnalyzedText.scalars(of: string) == scalars, "length \(length)")
            }
        }
    }

    /// Analysing a string, whose bytes are decoded and narrowed in one pass, equals analysing
    /// its code points, narrowed after decoding, at every length and mix (the sixteen-byte
    /// blocks meet every offset of a code point outside ASCII and of the text's end).
    @Test func analysedStringEqualsAnalysedScalars() {
        var generator = SeededGenerator(seed: 0xF05E)
        func expectSame(_ scalars: [Unicode.Scalar], _ note: String) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let fused = AnalyzedText(String(view))
            let plain = AnalyzedText(scalars: scalars)
            #expect(fused.scalars == plain.scalars, "\(note)")
            #expect(fused.tokens == plain.tokens, "\(note)")
            #expect(fused.folded == plain.folded, "\(note)")
            #expect(fused.lines == plain.lines, "\(note)")
            #expect(fused.sentences == plain.sentences, "\(note)")
        }
        for length in 0..<300 {
            for otherShare: UInt64 in [0, 1, 8, 40] {
                expectSame(Self.text(length: length, otherShare: otherShare, &generator), "length \(length), share \(otherShare)")
            }
        }
        for round in 0..<500 { expectSame(Self.prose(&generator), "round \(round)") }
    }

    /// Words long enough to cross the 64-byte blocks, and folds that lengthen the stream past
    /// the text's own length (ﷺ folds to 33 bytes), which grows the stream's buffer.
    @Test func longWordsAndExpandingFoldsEqualTheOneByOneLoop() {
        var generator = SeededGenerator(seed: 0xB10C)
        for length in [63, 64, 65, 127, 128, 129, 500] {
            var scalars = Array(repeating: Unicode.Scalar("A"), count: length)
            for _ in 0..<3 { scalars[Int(generator.next() % UInt64(length))] = "é" }
            scalars += [" "] + Array(repeating: "\u{FDFA}", count: length / 2) + ["x", " ", "\u{0301}", " ", "y"]
            scalars.withUnsafeBufferPointer { buffer in
                let fast = WordFolding.words(of: buffer)
                let reference = WordFolding.wordsOneByOne(of: buffer)
                #expect(fast.tokens == reference.tokens, "length \(length)")
                #expect(fast.folded == reference.folded, "length \(length)")
                #expect(fast.folded.count > buffer.count, "the folds lengthen the stream")
            }
        }
    }

    @Test func sentencesEqualThePlainLoop() {
        var generator = SeededGenerator(seed: 0x5E47)
        for round in 0..<2000 {
            let scalars = Self.prose(&generator)
            let text = AnalyzedText(scalars: scalars)
            scalars.withUnsafeBufferPointer { buffer in
                #expect(text.sentences == Self.referenceSentences(buffer, lines: text.lines), "round \(round)")
                #expect(text.lines == SentenceSplitterLinesTests.reference(buffer), "round \(round)")
            }
        }
    }

    /// The ASCII answers equal the Unicode properties.
    @Test func asciiShortcutsEqualTheProperties() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            #expect(SentenceSplitter.isLowercase(scalar) == scalar.properties.isLowercase, "\(value)")
            #expect(SentenceSplitter.isUppercase(scalar) == scalar.properties.isUppercase, "\(value)")
            #expect(
                SentenceSplitter.canStartSentence(scalar)
                    == (scalar.properties.isUppercase || scalar.properties.numericType != nil || "\"'([-".unicodeScalars.contains(scalar)),
                "\(value)")
        }
    }

    /// Every abbreviation is found whatever its case, and only abbreviations are.
    @Test func packedAbbreviationsEqualTheSet() {
        let words = SentenceSplitter.abbreviations.flatMap { [$0, $0.uppercased(), $0.capitalized] }
            + ["mrx", "u.s.", "us", "a", "approxi", "sepT", "Dec", "DEC", "feb1", "e.G"]
        for word in words {
            let scalars = Array(word.unicodeScalars)
            let key = scalars.withUnsafeBufferPointer { SentenceSplitter.asciiKey($0, 0..<$0.count) }
            #expect((key.map(SentenceSplitter.isAbbreviationKey) ?? false)
                        == SentenceSplitter.abbreviations.contains(word.lowercased()), "\(word)")
        }
    }

    /// The sentences as the splitter found them one code point at a time, with every test
    /// answered from the Unicode properties and abbreviations looked up as strings.
    static func referenceSentences(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, lines: [TextSpan]) -> [TextSpan] {
        func canStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isUppercase || scalar.properties.numericType != nil
                || "\"'([\u{201C}\u{2018}\u{00AB}\u{201E}-\u{2014}".unicodeScalars.contains(scalar)
        }
        func isAbbreviation(before index: Int, lineStart: Int) -> Bool {
            var wordStart = index
            while wordStart > lineStart, TokenNormalizer.isWordScalar(scalars[wordStart - 1]) || scalars[wordStart - 1] == "." {
                wordStart -= 1
            }
            let length = index - wordStart
            if length == 0 { return false }
            if length == 1 { return scalars[wordStart].properties.isUppercase }
            guard length <= 6 else { return false }
            var word = ""
            for position in wordStart..<index { word.unicodeScalars.append(scalars[position]) }
            return SentenceSplitter.abbreviations.contains(word.lowercased())
        }
        var result: [TextSpan] = []
        for line in lines {
            var sentenceStart = line.start
            var index = line.start
            while index < line.end {
                let scalar = scalars[index]
                guard SentenceSplitter.isTerminal(scalar) else { index += 1; continue }
                var after = index + 1
                while after < line.end, SentenceSplitter.isTerminal(scalars[after]) || SentenceSplitter.isCloser(scalars[after]) {
                    after += 1
                }
                guard after < line.end, scalars[after].properties.isWhitespace else {
                    index = after
                    continue
                }
                var next = after
                while next < line.end, scalars[next].properties.isWhitespace { next += 1 }
                if next < line.end, canStart(scalars[next]), !(scalar == "." && isAbbreviation(before: index, lineStart: sentenceStart)) {
                    if let span = SentenceSplitter.trimmed(scalars, sentenceStart, after) { result.append(span) }
                    sentenceStart = next
                }
                index = next
            }
            if let span = SentenceSplitter.trimmed(scalars, sentenceStart, line.end) { result.append(span) }
        }
        return result
    }
}
