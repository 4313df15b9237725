import Foundation
import Testing
@testable import SyndicationEngine

/// The fast path from raw bytes must give exactly what the general path gives: same shingle
/// hashes in the same order, same signature, for every input.
@Suite("DocumentSketcher")
struct DocumentSketcherTests {
    /// The general path the sketcher must reproduce.
    static func generalSignature(_ bytes: [UInt8], _ parameters: MinHashParameters) -> MinHashSignature {
        let text = AnalyzedText(String(decoding: bytes, as: UTF8.self))
        return MinHasher(parameters: parameters).signature(of: SortedHashSet.make(parameters.shingling.hashes(of: text)))
    }

    static func generalHashes(_ bytes: [UInt8], _ shingling: Shingling) -> [UInt64] {
        shingling.hashes(of: AnalyzedText(String(decoding: bytes, as: UTF8.self)))
    }

    /// The scanner's own hashes, or nil when it refuses the bytes.
    static func scannedHashes(_ bytes: [UInt8], _ shingling: Shingling) -> [UInt64]? {
        struct Collect: ShingleHashSink {
            var hashes: [UInt64] = []
            mutating func add(_ hash: UInt64) { hashes.append(hash) }
        }
        var sink = Collect()
        let sizes = FoldedShingleScanner.scratchSizes(forInputCount: bytes.count)
        var text = [UInt8](repeating: 0, count: sizes.text)
        var folded = [UInt8](repeating: 0, count: sizes.folded)
        var starts = [Int32](repeating: 0, count: sizes.wordStarts)
        let scanner = FoldedShingleScanner(shingling: shingling)
        let accepted = bytes.withUnsafeBytes { input in
            text.withUnsafeMutableBytes { text in
                folded.withUnsafeMutableBytes { folded in
                    starts.withUnsafeMutableBufferPointer { starts in
                        (try? scanner.scan(input, text: text, folded: folded, wordStarts: starts, into: &sink)) != nil
                    }
                }
            }
        }
        return accepted ? sink.hashes : nil
    }

    /// Checks signature, filled values and hashes against the general path; returns whether
    /// the scanner took the bytes (rather than refusing them to the general path).
    @discardableResult
    static func expectSameAsGeneral(
        _ bytes: [UInt8], _ parameters: MinHashParameters, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        let sketcher = DocumentSketcher(parameters: parameters)
        let expected = generalSignature(bytes, parameters)
        let signature = bytes.withUnsafeBytes { sketcher.signature(utf8: $0) }
        #expect(signature == expected, "signature differs for \(String(reflecting: String(decoding: bytes, as: UTF8.self)))",
                sourceLocation: sourceLocation)
        let expectedHashes = generalHashes(bytes, parameters.shingling)
        let hashes = bytes.withUnsafeBytes { sketcher.shingleHashes(utf8: $0) }
        #expect(hashes == expectedHashes, "hashes differ for \(String(reflecting: String(decoding: bytes, as: UTF8.self)))",
                sourceLocation: sourceLocation)
        let scanned = scannedHashes(bytes, parameters.shingling)
        if let scanned {
            #expect(scanned == expectedHashes, "the scanner accepted the bytes but hashed them differently",
                    sourceLocation: sourceLocation)
        }
        expectWordsMatchAnalysis(String(decoding: bytes, as: UTF8.self), parameters, sourceLocation: sourceLocation)
        return scanned != nil
    }

    /// The folded words the sketcher lends on its way to a signature are ``AnalyzedText``'s:
    /// the same stream (with one space after the last word), the same folded and input starts
    /// of each word, the same code-point count; and lending them leaves the signature as it is.
    static func expectWordsMatchAnalysis(
        _ text: String, _ parameters: MinHashParameters, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let sketcher = DocumentSketcher(parameters: parameters)
        let analysed = AnalyzedText(text)
        // The UTF-8 offset of each code point, to place the tokens in bytes.
        var byteOffsets: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            byteOffsets.append(offset)
            offset += UTF8.width(scalar)
        }
        var visits = 0
        let signature = sketcher.signature(of: text) { words in
            visits += 1
            #expect(words.scalarCount == analysed.scalars.count, sourceLocation: sourceLocation)
            #expect(words.count == analysed.tokens.count, "\(text.debugDescription)", sourceLocation: sourceLocation)
            guard words.count == analysed.tokens.count else { return }
            #expect(Array(words.folded) == (analysed.folded.isEmpty ? [] : analysed.folded + [0x20]),
                    "\(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(words.foldedStarts.count == words.count + 1, sourceLocation: sourceLocation)
            for (index, token) in analysed.tokens.enumerated() {
                #expect(Int(words.foldedStarts[index]) == Int(token.foldedStart), sourceLocation: sourceLocation)
                #expect(Int(words.inputStarts[index]) == byteOffsets[Int(token.start)], sourceLocation: sourceLocation)
            }
            if words.count > 0 {
                #expect(Array(words.bytes(of: 0..<words.count)) == analysed.folded, sourceLocation: sourceLocation)
                let last = analysed.tokens.count - 1
                #expect(Array(words.bytes(of: last..<last + 1)) == Array(analysed.folded[Int(analysed.tokens[last].foldedStart)...]),
                        sourceLocation: sourceLocation)
            }
            #expect(words.bytes(of: 0..<0).isEmpty, sourceLocation: sourceLocation)
        }
        #expect(signature == sketcher.signature(of: text), sourceLocation: sourceLocation)
        #expect(visits <= 1, sourceLocation: sourceLocation)
        if text.isEmpty { #expect(visits == 0, sourceLocation: sourceLocation) }
    }

    /// Parameter sets covering both schemes, odd and even bin counts, seeds, and every
    /// shingling shape the scanner handles.
    static let parameterSets: [MinHashParameters] = [
        MinHashParameters(),
        MinHashParameters(permutationCount: 128, seed: 0x5EED),
        MinHashParameters(permutationCount: 37, seed: 9, shingling: Shingling(unit: .words, size: 1, seed: 3)),
        MinHashParameters(permutationCount: 64, seed: 1, shingling: Shingling(unit: .words, size: 2)),
        MinHashParameters(permutationCount: 200, seed: 2, shingling: Shingling(unit: .words, size: 8, seed: 77)),
        MinHashParameters(permutationCount: 16, seed: 4, shingling: Shingling(unit: .characters, size: 5)),
        MinHashParameters(permutationCount: 32, seed: 5, shingling: Shingling(unit: .characters, size: 1)),
        MinHashParameters(permutationCount: 24, seed: 6, scheme: .classic),
    ]

    /// ASCII texts built from words, numbers, mixed case and every kind of separator,
    /// including apostrophes, hyphens, underscores, control bytes and the bytes next to the
    /// letter and digit ranges (`/`, `:`, `@`, `[`, `` ` ``, `{`).
    static func asciiText(using random: inout SketchTestRandom) -> [UInt8] {
        let words = ["the", "The", "THE", "don", "t", "wire", "Reuters", "AP", "2024", "3rd", "x",
                     "McDonald", "e2e", "ZZ", "a1B2", "0", "9", "Zeta", "alpha", "omega"]
        let separators: [[UInt8]] = [[0x20], [0x20], [0x20], [0x20, 0x20], [0x2C, 0x20], [0x2E, 0x20], [0x27],
                                     [0x2D], [0x5F], [0x0A], [0x0D, 0x0A], [0x09], [0x00], [0x7F], [0x2F], [0x3A],
                                     [0x40], [0x5B], [0x60], [0x7B], [0x22, 0x20, 0x28], [0x21, 0x3F]]
        var bytes: [UInt8] = []
        let wordCount = Int.random(in: 0...(random.next() % 4 == 0 ? 8 : 120), using: &random)
        if Bool.random(using: &random) { bytes += separators.randomElement(using: &random)! }
        for index in 0..<wordCount {
            if index > 0 { bytes += separators.randomElement(using: &random)! }
            if random.next() % 5 == 0 {
                // An arbitrary run of printable ASCII, to reach byte combinations the word list misses.
                for _ in 0..<Int.random(in: 1...6, using: &random) { bytes.append(UInt8.random(in: 0x20...0x7E, using: &random)) }
            } else {
                bytes += Array(words.randomElement(using: &random)!.utf8)
            }
        }
        if Bool.random(using: &random) { bytes += separators.randomElement(using: &random)! }
        return bytes
    }

    @Test("ASCII texts: the fast path takes them and matches the general path", arguments: parameterSets)
    func asciiTexts(parameters: MinHashParameters) {
        var random = SketchTestRandom(seed: 0xA5C11 ^ UInt64(parameters.permutationCount))
        for _ in 0..<300 {
            let bytes = Self.asciiText(using: &random)
            let accepted = Self.expectSameAsGeneral(bytes, parameters)
            #expect(accepted, "the scanner refused ASCII text")
        }
    }

    @Test("Runs of words: the signature over chosen runs matches the general path over those token ranges",
          arguments: parameterSets)
    func wordRuns(parameters: MinHashParameters) {
        var random = SketchTestRandom(seed: 0x5E15 ^ UInt64(parameters.permutationCount))
        let sketcher = DocumentSketcher(parameters: parameters)
        let hasher = MinHasher(parameters: parameters)
        var texts = (0..<150).map { _ in String(decoding: Self.asciiText(using: &random), as: UTF8.self) }
        texts += ["", " ", "a", "a b c d e f g", "“Quoted” — dash…\nÉcole Straße ﬁne", "x\u{301}y z"]
        for text in texts {
            let analysed = AnalyzedText(text)
            var runs: [Range<Int>] = []
            var seen = -1
            let signature = sketcher.signature(of: text) { words -> [Range<Int>]? in
                seen = words.count
                // Random runs in text order, some overlapping or touching, some short.
                var start = 0
                while start < words.count {
                    let end = Swift.min(words.count, start + Int.random(in: 1...12, using: &random))
                    if Bool.random(using: &random) { runs.append(start..<end) }
                    start = Swift.max(start + 1, end - Int.random(in: 0...2, using: &random))
                }
                return runs
            }
            guard parameters.shingling.unit == .words else {
                #expect(signature == nil, "character shingles take the general path")
                continue
            }
            #expect(seen == analysed.tokens.count, "\(text.debugDescription)")
            let hashes = runs.flatMap { parameters.shingling.hashes(of: analysed, tokens: $0) }
            #expect(signature == hasher.signature(of: SortedHashSet.make(hashes)), "\(text.debugDescription)")
            #expect(sketcher.signature(of: text) { _ in nil } == nil, "declining signs nothing")
            let all = sketcher.signature(of: text) { [0..<$0.count] }
            #expect(all == (analysed.tokens.isEmpty ? MinHashSignature.empty(parameters: parameters) : sketcher.signature(of: text)))
        }
    }

    @Test("Short texts around the shingle size, empty and separator-only texts")
    func shortTexts() {
        let texts = ["", " ", "...", "\n\n", "'", "a", "A", " a ", "a b", "a b c d", "a b c d e", "a b c d e f",
                     "One, two; three: four! five?", "it's--don't", "x_y", "ÀB", "\u{301}", " \u{301} a"]
        for parameters in Self.parameterSets {
            for text in texts { Self.expectSameAsGeneral(Array(text.utf8), parameters) }
        }
        let empty = DocumentSketcher().signature(of: "  , ;  ")
        #expect(empty.isEmpty)
        #expect(empty == MinHashSignature.empty(parameters: MinHashParameters()))
    }

    @Test("Non-ASCII text: quotes and dashes separate, accented and other scripts fold by NFKC")
    func nonASCIITexts() {
        let texts = [
            "“Quoted,” she said — it’s the wire’s copy – again‘s…",
            "Café CAFÉ café cafe\u{301} CAFE\u{301} ﬁnal ＦＩＮＡＬ final ½ ¼ x² Ŀ",
            "Der Straße STRASSE İstanbul ΣΟΦΊΑ σοφία Ǆemal",
            "서울 — 연합뉴스 기자가 보도했다. 다시 보도했다 오늘",
            "日本語のテキストと English words mixed 2024年",
            "mark\u{0301}s and \u{0301} lone marks \u{20DD} enclosing",
            "emoji 😀 between 🇫🇷 words and ZWJ 👩‍👩‍👧 family",
            "nbsp\u{00A0}between\u{2009}thin\u{3000}ideographic",
        ]
        var random = SketchTestRandom(seed: 0x70A5C11)
        for parameters in Self.parameterSets {
            for text in texts {
                let accepted = Self.expectSameAsGeneral(Array(text.utf8), parameters)
                #expect(accepted, "the scanner refused well-formed UTF-8: \(text)")
            }
            // ASCII texts with non-ASCII code points spliced in at random places.
            let pieces = ["’", "“", "é", "Ü", "—", "\u{301}", "ﬁ", "😀", "서", "Σ", "\u{00A0}", "²"]
            for _ in 0..<60 {
                var bytes = Self.asciiText(using: &random)
                for _ in 0..<Int.random(in: 1...6, using: &random) {
                    var at = Int.random(in: 0...bytes.count, using: &random)
                    while at < bytes.count && bytes[at] & 0xC0 == 0x80 { at += 1 }
                    bytes.insert(contentsOf: Array(pieces.randomElement(using: &random)!.utf8), at: at)
                }
                // Splicing may cut an ASCII word but never a multi-byte sequence: the bytes stay valid.
                #expect(Self.expectSameAsGeneral(bytes, parameters))
            }
        }
    }

    @Test("Malformed UTF-8 falls back to the general path, which repairs it to U+FFFD")
    func malformedUTF8() {
        let cases: [[UInt8]] = [
            [0x61, 0x80, 0x62],                         // lone continuation byte
            [0x61, 0x20, 0xC3],                         // truncated at the end
            [0xC0, 0xAF, 0x61, 0x62],                   // overlong '/'
            [0xE0, 0x80, 0xAF],                         // overlong three-byte form
            [0xED, 0xA0, 0x80, 0x20, 0x61],             // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],                   // past U+10FFFF
            [0xF5, 0x61], [0xFF, 0xFE, 0x61],           // never-valid lead bytes
            Array("caf".utf8) + [0xC3] + Array("x words go on here now".utf8),
        ]
        for parameters in Self.parameterSets {
            for bytes in cases {
                let accepted = Self.expectSameAsGeneral(bytes, parameters)
                #expect(!accepted, "the scanner accepted malformed UTF-8 \(bytes)")
            }
        }
        var random = SketchTestRandom(seed: 0xBAD)
        for _ in 0..<400 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                random.next() % 3 == 0 ? UInt8.random(in: 0x80...0xFF, using: &random) : UInt8.random(in: 0x20...0x7E, using: &random)
            }
            Self.expectSameAsGeneral(bytes, MinHashParameters())
            Self.expectSameAsGeneral(bytes, MinHashParameters(permutationCount: 16, shingling: Shingling(unit: .words, size: 2)))
        }
    }

    @Test("Folding that outgrows the scratch buffer falls back and still matches")
    func expandingFold() {
        // U+FDFA folds (NFKC) to 18 letters: 3 input bytes become 33.
        let text = String(repeating: "ﷺ ", count: 40) + "and then plain words follow here"
        let accepted = Self.expectSameAsGeneral(Array(text.utf8), MinHashParameters())
        #expect(!accepted, "the scanner should have refused a fold longer than its buffer")
        Self.expectSameAsGeneral(Array("a ﷺ b c d e".utf8), MinHashParameters())
    }

    @Test("Real articles from the fixtures match the general path")
    func fixtureArticles() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixtures.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 10)
        var nonASCII = 0
        for file in files {
            let bytes = try Array(Data(contentsOf: fixtures.appendingPathComponent(file)))
            if bytes.contains(where: { $0 >= 0x80 }) { nonASCII += 1 }
            for parameters in [MinHashParameters(), MinHashParameters(permutationCount: 128, seed: 0x5EED)] {
                #expect(Self.expectSameAsGeneral(bytes, parameters), "the scanner refused \(file)")
            }
        }
        #expect(nonASCII > 0, "the fixtures should include non-ASCII articles")
    }

    @Test("Byte-parallel word tests agree with the byte-at-a-time rule for every byte at every position")
    func byteParallelClassification() {
        // A block holding bytes of every kind, so carries between lanes would show.
        let background: [UInt8] = (0..<64).map { [0x7F, 0x41, 0xFF, 0x30, 0x5A, 0x80, 0x7A, 0x20, 0x39, 0x60, 0x40, 0x7B][$0 % 12] }
        for position in 0..<64 {
            for value in 0...255 {
                var bytes = background
                bytes[position] = UInt8(value)
                let mask = bytes.withUnsafeBytes { FoldedShingleScanner.wordMask($0.baseAddress!) }
                for index in 0..<64 {
                    let b = bytes[index]
                    let isWord = b >= 0x80 || TokenNormalizer.isWordScalar(Unicode.Scalar(b))
                    #expect((mask >> UInt64(index)) & 1 == (isWord ? 1 : 0), "byte \(b) at \(index)")
                }
                if position < 16 {
                    let lanes = bytes.withUnsafeBytes { $0.loadUnaligned(as: FoldedShingleScanner.Lanes.self) }
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let lowered = FoldedShingleScanner.lowercased(lanes)
                    let loweredWord = FoldedShingleScanner.lowercased(word)
                    var ascii = [UInt8](repeating: 0x61, count: 16)
                    ascii[position] = UInt8(value)
                    let asciiLanes = ascii.withUnsafeBytes { $0.loadUnaligned(as: FoldedShingleScanner.Lanes.self) }
                    #expect(FoldedShingleScanner.hasNonASCII(asciiLanes) == (value >= 0x80), "byte \(value) in lane \(position)")
                    for index in 0..<16 {
                        let b = bytes[index]
                        let expected = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                        #expect(lowered[index] == expected, "byte \(b) in lane \(index)")
                        if index < 8 {
                            #expect(UInt8(truncatingIfNeeded: loweredWord >> UInt64(index * 8)) == expected, "byte \(b) in lane \(index)")
                        }
                    }
                }
            }
        }
    }

    @Test("The General Punctuation shortcut agrees with TokenNormalizer on every code point")
    func punctuationShortcut() {
        for value in UInt32(0x80)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(FoldedShingleScanner.isWordScalar(scalar) == TokenNormalizer.isWordScalar(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("fillSignature writes the signature values and reports an empty document")
    func fillSignature() {
        let sketcher = DocumentSketcher(parameters: MinHashParameters(permutationCount: 64, seed: 11))
        let text = "Officials said on Tuesday that the bridge would reopen next week after repairs."
        var values = [UInt64](repeating: 0, count: 64)
        let filled = Array(text.utf8).withUnsafeBytes { bytes in
            values.withUnsafeMutableBufferPointer { sketcher.fillSignature(utf8: bytes, into: $0) }
        }
        #expect(filled)
        #expect(values == sketcher.signature(of: text).values)
        let empty = Array("--".utf8).withUnsafeBytes { bytes in
            values.withUnsafeMutableBufferPointer { sketcher.fillSignature(utf8: bytes, into: $0) }
        }
        #expect(!empty)
        #expect(values.allSatisfy { $0 == .max })
    }
}
