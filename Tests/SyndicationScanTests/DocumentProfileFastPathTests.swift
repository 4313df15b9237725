import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// ``DocumentProfile`` builds its sentences through fast paths — each segment's character
/// shingles hashed once into a reused buffer and a quoted sentence's prose shingles taken from
/// them, every set sorted from that buffer (``SortedHashSet/make(sorting:)``), each line's
/// furniture and notice tests made once (``LineShape``), quotations found eight code points at
/// a time, datelines looked for only on lines with a bracket near their start. On generated
/// texts with quotations (straight, curly, broken), datelines, lists, notices, short lines and
/// non-ASCII words, everything equals the plain derivation through the public one-array APIs.
@Suite struct DocumentProfileFastPathTests {
    static let pieces = [
        "Shares rose sharply on Monday.", "“We are ready,” the minister said.", "He said \"no way\" twice.",
        "LONDON (Reuters) - Prices fell.", "(AP) — Officials met today.", "BRUSSELS, Mar. 8 (Wire) - Talks ended.",
        "“An unclosed quotation runs on", "12\" pipes and 3\" nails.", "We use cookies on this site.",
        "Sign up for our newsletter", "Eggs", "Flour and sugar", "Butter, softened", "Related: more news",
        "Café naïve ﬁnal Ｆinal straße.", "«Bonjour», dit-il.", "„Guten Tag“, sagte er.", "a b c", "x",
        "The committee (which met twice) - agreed.", "said: \"it's 'fine'\" and left", "東京 한국 Ω ω",
        "A long sentence with many words that goes on and on without a stop for quite some while indeed",
        "Terms and conditions apply.", "Share this story", "\u{2028}", "tab\tseparated\twords.",
    ]

    /// A text of pieces joined by spaces, line breaks and blank lines.
    static func text(_ generator: inout SeededGenerator) -> String {
        var result = ""
        for _ in 0..<(1 + generator.next() % 24) {
            result += pieces[Int(generator.next() % UInt64(pieces.count))]
            switch generator.next() % 6 {
            case 0, 1: result += "\n"
            case 2: result += "\n\n"
            default: result += " "
            }
        }
        return result
    }

    static let characterShingling = Shingling(unit: .characters, size: 5, seed: 0xC4A2)
    static let wordShingling = Shingling(unit: .words, size: 1, seed: 0x3D)

    /// The plain prose shingles of a sentence: the shingles of each run of tokens outside every
    /// quotation, each run hashed on its own.
    static func plainProse(_ sentence: DocumentProfile.Sentence, _ profile: DocumentProfile) -> (shingles: [UInt64], words: Int, quoted: Bool) {
        let text = profile.text
        var hashes: [UInt64] = []
        var words = 0
        var quoted = false
        var runStart: Int?
        for token in sentence.tokens {
            let start = Int(text.tokens[token].start)
            if profile.quotations.contains(where: { $0.start <= start && start < $0.end }) {
                quoted = true
                if let first = runStart { hashes += characterShingling.hashes(of: text, tokens: first..<token) }
                runStart = nil
            } else {
                words += 1
                if runStart == nil { runStart = token }
            }
        }
        if let first = runStart { hashes += characterShingling.hashes(of: text, tokens: first..<sentence.tokens.upperBound) }
        return (SortedHashSet.make(hashes), words, quoted)
    }

    @Test func sentencesEqualThePlainDerivation() {
        var generator = SeededGenerator(seed: 0xD0C5)
        var quotedSentences = 0
        for _ in 0..<600 {
            let text = AnalyzedText(Self.text(&generator))
            let profile = DocumentProfile(id: "d", text: text, boilerplate: [], title: nil, shingleSize: 5)
            for sentence in profile.sentences {
                #expect(sentence.shingles == SortedHashSet.make(Self.characterShingling.hashes(of: text, tokens: sentence.tokens)))
                #expect(sentence.words == SortedHashSet.make(Self.wordShingling.hashes(of: text, tokens: sentence.tokens)))
                let prose = Self.plainProse(sentence, profile)
                #expect(sentence.proseWordCount == prose.words)
                #expect(sentence.spanWordCount == text.tokenRange(in: sentence.span).count)
                #expect(sentence.proseShingles == (prose.quoted ? prose.shingles : sentence.shingles), "\(text.text(of: sentence.span))")
                if prose.quoted { quotedSentences += 1 }
            }
        }
        // Quoted sentences, whose prose is taken from the sentence's own hashes, occur.
        #expect(quotedSentences > 200)
    }

    /// Character shingles of other sizes, which take the general loop, and word shingles
    /// (whose short ones take XXH3's inlined short branch), through the reused buffer equal the
    /// one-array path and XXH3 of each window.
    @Test func writtenHashesEqualTheArrayAndEachWindow() {
        var generator = SeededGenerator(seed: 0x5417)
        for _ in 0..<200 {
            let text = AnalyzedText(Self.text(&generator))
            guard !text.tokens.isEmpty else { continue }
            let start = Int(generator.next() % UInt64(text.tokens.count))
            let range = start..<(start + 1 + Int(generator.next() % UInt64(text.tokens.count - start)))
            for shingling in [Shingling(unit: .characters, size: 5, seed: 9), Shingling(unit: .characters, size: 3),
                              Shingling(unit: .characters, size: 20, seed: 1), Shingling(unit: .words, size: 1, seed: 2),
                              Shingling(unit: .words, size: 3, seed: 0x7E), Shingling(unit: .words, size: 5)] {
                let count = shingling.hashCount(of: text, tokens: range)
                let written = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                    initialized = shingling.writeHashes(of: text, tokens: range, into: buffer.baseAddress!)
                }
                #expect(written == shingling.hashes(of: text, tokens: range))
                guard shingling.unit == .characters else {
                    let windows = (0..<max(1, range.count - shingling.size + 1)).map { offset in
                        let first = Int(text.tokens[range.lowerBound + offset].foldedStart)
                        let last = Int(text.tokens[min(range.upperBound, range.lowerBound + offset + shingling.size) - 1].foldedEnd)
                        return XXHash.hash64(Array(text.folded[first..<last]), seed: shingling.seed)
                    }
                    #expect(written == windows)
                    continue
                }
                let bytes = Array(text.folded[Int(text.tokens[range.lowerBound].foldedStart)..<Int(text.tokens[range.upperBound - 1].foldedEnd)])
                let windows = bytes.count > shingling.size
                    ? (0...(bytes.count - shingling.size)).map { XXHash.hash64(bytes[$0..<($0 + shingling.size)], seed: shingling.seed) }
                    : [XXHash.hash64(bytes, seed: shingling.seed)]
                #expect(written == windows)
            }
        }
    }

    /// Hashes sorted as they are made (character 5-shingles and single words in one pass,
    /// other shinglings written and then sorted) equal the written hashes and their sorted set,
    /// on texts and on token ranges of every length from one word.
    @Test func hashesSortedAsMadeEqualWrittenThenSorted() {
        var generator = SeededGenerator(seed: 0x50_27ED)
        var onePass = 0
        for _ in 0..<300 {
            let text = AnalyzedText(Self.text(&generator))
            guard !text.tokens.isEmpty else { continue }
            let start = Int(generator.next() % UInt64(text.tokens.count))
            let range = start..<(start + 1 + Int(generator.next() % UInt64(text.tokens.count - start)))
            for shingling in [Self.characterShingling, Self.wordShingling, Shingling(unit: .characters, size: 5, seed: 9),
                              Shingling(unit: .characters, size: 3), Shingling(unit: .words, size: 3, seed: 0x7E)] {
                let count = shingling.hashCount(of: text, tokens: range)
                var output = [UInt64](repeating: 0, count: count)
                var workspace = [UInt64](repeating: 0, count: SortedHashSet.workspaceCount(for: count))
                let (written, set) = output.withUnsafeMutableBufferPointer { output in
                    workspace.withUnsafeMutableBufferPointer {
                        shingling.writeHashes(of: text, tokens: range, into: output.baseAddress!, sortingWith: $0.baseAddress!)
                    }
                }
                let hashes = shingling.hashes(of: text, tokens: range)
                #expect(written == hashes.count)
                #expect(output == hashes)
                #expect(set == Set(hashes).sorted())
                if count > 1, shingling.size == 5 || (shingling.unit == .words && shingling.size == 1) { onePass += 1 }
            }
        }
        #expect(onePass > 300)
    }

    @Test func lineShapesEqualThePublicTests() {
        var generator = SeededGenerator(seed: 0x11E5)
        for _ in 0..<400 {
            let text = AnalyzedText(Self.text(&generator))
            let shapes = LineShape.shapes(of: text)
            #expect(shapes.count == text.lines.count)
            for (line, shape) in zip(text.lines, shapes) {
                #expect(shape.words == text.tokenRange(in: line))
                #expect(shape.isShort == BoilerplateDetector.isFurniture(line, in: text))
                #expect(shape.isNotice == SiteNotice.isNotice(line, in: text))
            }
        }
    }

    @Test func quotationsAndDatelinesEqualTheOneByOneLoops() {
        var generator = SeededGenerator(seed: 0x0407E)
        var found = (quotations: 0, datelines: 0)
        for _ in 0..<600 {
            let text = AnalyzedText(Self.text(&generator))
            let quotations = QuotationFinder.quotations(in: text.scalars)
            #expect(quotations == Self.plainQuotations(text.scalars))
            found.quotations += quotations.count
            for line in text.lines {
                let start = DatelineFinder.textStart(in: text.scalars, line: line)
                #expect(start == Self.plainDatelineEnd(text.scalars, line: line), "\(text.text(of: line))")
                if start != nil { found.datelines += 1 }
            }
        }
        #expect(found.quotations > 100 && found.datelines > 50)
    }

    /// The dateline finder's ASCII shortcuts for the Lowercase and White_Space properties
    /// agree with the property tables on every ASCII code point (the rest read the tables).
    @Test func datelineCharacterTestsEqualTheProperties() {
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + ["\u{85}", "\u{A0}", "é", "ß", "Ω", "ω", "\u{2028}", "\u{3000}", "ª"]
        for scalar in scalars {
            #expect(DatelineFinder.isLowercase(scalar) == scalar.properties.isLowercase, "\(scalar.value)")
            #expect(DatelineFinder.isWhitespace(scalar) == scalar.properties.isWhitespace, "\(scalar.value)")
        }
    }

    /// The token cursor gives `tokenRange(in:)` for spans in text order (lines, sentences,
    /// abutting, overlapping, empty, between words) and for spans that go back.
    @Test func tokenCursorEqualsTheBinarySearches() {
        var generator = SeededGenerator(seed: 0xC025)
        var backwards = 0
        for _ in 0..<400 {
            let text = AnalyzedText(Self.text(&generator))
            var cursor = TokenCursor()
            for line in text.lines { #expect(cursor.tokenRange(in: line, of: text) == text.tokenRange(in: line)) }
            cursor = TokenCursor()
            for sentence in text.sentences { #expect(cursor.tokenRange(in: sentence, of: text) == text.tokenRange(in: sentence)) }
            cursor = TokenCursor()
            var start = 0
            for _ in 0..<20 {
                let length = text.scalars.count + 1
                if generator.next() % 4 == 0 {
                    start = Int(generator.next() % UInt64(length))
                    backwards += 1
                } else {
                    start = min(text.scalars.count, start + Int(generator.next() % 12))
                }
                let span = TextSpan(start: start, end: min(text.scalars.count, start + Int(generator.next() % 40)))
                #expect(cursor.tokenRange(in: span, of: text) == text.tokenRange(in: span), "\(span)")
            }
        }
        #expect(backwards > 1_000)
    }

    /// The quotation finder, which passes over sixteen code points at a time where none may be a
    /// mark, equals the loop over every code point on random strings of marks, line breaks, spaces,
    /// brackets, ASCII and non-ASCII letters (and code points whose low byte is a mark's).
    @Test func quotationsOfRandomScalarsEqualTheOneByOneLoop() {
        let alphabet: [Unicode.Scalar] = [
            "a", "b", " ", " ", "\"", "\"", "\n", "\r", "(", ".", ",", "-", "\u{201C}", "\u{201D}", "\u{201E}",
            "\u{00AB}", "\u{00BB}", "\u{2028}", "\u{2029}", "é", "\u{122}", "\u{10A}", "\u{10D}", "\u{2026}", "\u{3000}",
        ]
        var generator = SeededGenerator(seed: 0x9E0)
        var found = 0
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 90)
            let scalars = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let quotations = QuotationFinder.quotations(in: scalars)
            #expect(quotations == Self.plainQuotations(scalars), "\(String(String.UnicodeScalarView(scalars)).debugDescription)")
            found += quotations.count
        }
        #expect(found > 1_000)
    }

    /// The quotation finder equals the loop over every code point on long strings of plain ASCII
    /// runs (which it passes sixteen code points at a time) broken by marks, line breaks and
    /// non-ASCII code points at random places: blocks with one mark anywhere in them, blocks
    /// with none, and the last code points, fewer than sixteen.
    @Test func quotationsOfSparseMarksEqualTheOneByOneLoop() {
        let plain: [Unicode.Scalar] = ["a", "b", "Z", " ", " ", ".", ",", "(", ")", "-", "0", "\t", "!"]
        let marks: [Unicode.Scalar] = [
            "\"", "\"", "\"", "\n", "\r", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2028}",
            "é", "\u{122}", "\u{10A}", "\u{10D}", "\u{2026}", "\u{3000}",
        ]
        var generator = SeededGenerator(seed: 0x9E1)
        var found = 0
        for _ in 0..<1_000 {
            var scalars: [Unicode.Scalar] = []
            let length = Int(generator.next() % 400)
            while scalars.count < length {
                for _ in 0..<Int(generator.next() % 48) { scalars.append(plain[Int(generator.next() % UInt64(plain.count))]) }
                scalars.append(marks[Int(generator.next() % UInt64(marks.count))])
            }
            let quotations = QuotationFinder.quotations(in: scalars)
            #expect(quotations == Self.plainQuotations(scalars), "\(String(String.UnicodeScalarView(scalars)).debugDescription)")
            found += quotations.count
        }
        #expect(found > 1_000)
    }

    /// The dateline finder's search for the bracket, eight code points at a time, finds the
    /// first `(` of the range as a plain search does, with brackets anywhere or nowhere and
    /// code points whose low byte is a bracket's (U+0128, U+2028).
    @Test func firstBracketEqualsThePlainSearch() {
        let alphabet: [Unicode.Scalar] = ["a", "B", " ", ".", ")", "-", "\u{128}", "\u{2028}", "é", "8"]
        var generator = SeededGenerator(seed: 0xB7AC)
        var found = 0
        for _ in 0..<3_000 {
            var scalars = (0..<Int(generator.next() % 60)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if !scalars.isEmpty, generator.next() % 3 != 0 { scalars[Int(generator.next() % UInt64(scalars.count))] = "(" }
            let start = scalars.isEmpty ? 0 : Int(generator.next() % UInt64(scalars.count))
            let limit = start + Int(generator.next() % UInt64(scalars.count - start + 1))
            let expected = scalars[start..<limit].firstIndex(of: "(")
            #expect(DatelineFinder.firstBracket(in: scalars, from: start, before: limit) == expected)
            if expected != nil { found += 1 }
        }
        #expect(found > 400)
    }

    /// The quotation finder's loop over every code point.
    static func plainQuotations(_ scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        var openAt: Int?
        var openedStraight = false
        func endUnclosed(at index: Int) {
            if let start = openAt, index > start + 1, !openedStraight { result.append(TextSpan(start: start, end: index)) }
            openAt = nil
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}":
                endUnclosed(at: index)
            case "\u{201C}", "\u{201E}", "\u{00AB}":
                endUnclosed(at: index)
                (openAt, openedStraight) = (index, false)
            case "\u{201D}", "\u{00BB}":
                if let start = openAt {
                    result.append(TextSpan(start: start, end: index + 1))
                    openAt = nil
                }
            case "\"":
                let before = index == 0 || scalars[index - 1].properties.isWhitespace || "([{-\u{2013}\u{2014}".unicodeScalars.contains(scalars[index - 1])
                let after = index + 1 == scalars.count || scalars[index + 1].properties.isWhitespace
                    || ".,;:!?)]}-\u{2013}\u{2014}\u{2026}".unicodeScalars.contains(scalars[index + 1])
                let shape: QuotationFinder.Shape = before && !after ? .opening : !before && after ? .closing : .either
                if let start = openAt {
                    if shape == .opening {
                        endUnclosed(at: index)
                        (openAt, openedStraight) = (index, true)
                    } else {
                        result.append(TextSpan(start: start, end: index + 1))
                        openAt = nil
                    }
                } else if shape != .closing {
                    (openAt, openedStraight) = (index, true)
                }
            default:
                break
            }
        }
        endUnclosed(at: scalars.count)
        return result.filter { $0.length <= QuotationFinder.maximumLength }
    }

    /// The dateline finder reading the words before the bracket as it goes (the finder looks
    /// for the bracket first); what follows the bracket is the finder's own.
    static func plainDatelineEnd(_ scalars: [Unicode.Scalar], line: TextSpan) -> Int? {
        var index = line.start
        let limit = min(line.end, line.start + 40)
        var wordStart = true
        while index < limit, scalars[index] != "(" {
            if wordStart && scalars[index].properties.isLowercase { return nil }
            wordStart = scalars[index].properties.isWhitespace
            index += 1
        }
        guard index < limit else { return nil }
        return DatelineFinder.textStart(afterBracketAt: index, in: scalars, line: line)
    }
}
