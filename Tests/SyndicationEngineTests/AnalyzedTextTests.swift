import Testing
@testable import SyndicationEngine

@Suite struct AnalyzedTextTests {
    @Test func tokensKeepCodePointOffsets() {
        let text = AnalyzedText("“Ｆｕｌｌ” café — ﬁnal 50-day 🇺🇦 Zelenskyy’s")
        let words = text.tokens.indices.map { text.foldedWord($0) }
        #expect(words == ["full", "café", "final", "50", "day", "zelenskyy", "s"])
        for token in text.tokens {
            // Each token's span cuts out the original word, whatever its width in UTF-8.
            let original = text.text(of: token.span)
            #expect(TokenNormalizer.folded(original) == String(decoding: text.folded[Int(token.foldedStart)..<Int(token.foldedEnd)], as: UTF8.self))
        }
        #expect(text.text(of: text.tokens[1].span) == "café")
        #expect(text.tokens[0].start == 1)
    }

    @Test func quotesDashesAndSpacesFoldAlike() {
        let curly = AnalyzedText("He said “peace – now”,\n  again.")
        let straight = AnalyzedText("he SAID \"peace - now\", again.")
        #expect(curly.folded == straight.folded)
        #expect(Shingling.words5.hashes(of: curly) == Shingling.words5.hashes(of: straight))
    }

    @Test func sentencesRespectAbbreviationsAndLines() {
        let source = "Mr. Smith met U.S. officials on Feb. 3. They agreed. “Done,” he said! Next line\nNew paragraph here"
        let text = AnalyzedText(source)
        let sentences = text.sentences.map { text.text(of: $0) }
        #expect(sentences == [
            "Mr. Smith met U.S. officials on Feb. 3.",
            "They agreed.",
            "“Done,” he said!",
            "Next line",
            "New paragraph here",
        ])
    }

    @Test func linesAreTrimmedAndSkipBlank() {
        let text = AnalyzedText("  Title  \n\n\tBody line.\r\n")
        #expect(text.lines.map { text.text(of: $0) } == ["Title", "Body line."])
    }

    @Test func tokenRangeFindsTokensInsideASpan() {
        let text = AnalyzedText("alpha beta gamma delta")
        let range = text.tokenRange(in: TextSpan(start: 6, end: 16))
        #expect(range == 1..<3)
        #expect(text.tokenRange(in: TextSpan(start: 5, end: 6)).isEmpty)
    }

    @Test func characterShinglesIgnorePunctuation() {
        let a = AnalyzedText("peace-lasting peace")
        let b = AnalyzedText("peace – lasting peace!")
        let shingling = Shingling(unit: .characters, size: 5)
        #expect(shingling.hashes(of: a) == shingling.hashes(of: b))
        #expect(shingling.hashes(of: a).count == "peace lasting peace".utf8.count - 4)
    }

    @Test func shortTextsGiveOneShingle() {
        let text = AnalyzedText("two words")
        #expect(Shingling.words5.hashes(of: text).count == 1)
        #expect(Shingling.words5.hashes(of: AnalyzedText("")).isEmpty)
    }
}

@Suite struct ScalarDecodingTests {
    /// `AnalyzedText.scalars(of:)` decodes like `String.unicodeScalars` for code points of every
    /// UTF-8 width, at every offset around its eight-byte ASCII steps, and for bridged-looking
    /// inputs repaired from bad bytes.
    @Test func decodesLikeUnicodeScalars() {
        let pieces = ["a", "Z", " ", "\n", "é", "ß", "€", "—", "東", "서", "👍", "🇩🇪", "\u{0301}", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"]
        var state: UInt64 = 7
        for length in 0...120 {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += (state >> 60) < 10 ? "plain" : pieces[Int(state >> 33) % pieces.count]
            }
            #expect(AnalyzedText.scalars(of: text) == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
        let repaired = String(decoding: [0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x62, 0xF0, 0x9F, 0x98], as: UTF8.self)
        #expect(AnalyzedText.scalars(of: repaired) == Array(repaired.unicodeScalars))
    }
}

@Suite struct SortedHashSetTests {
    @Test func setOperationsMatchSwiftSets() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let left = (0..<200).map { _ in UInt64.random(in: 0..<400, using: &generator) }
            let right = (0..<150).map { _ in UInt64.random(in: 0..<400, using: &generator) }
            let a = Set(left), b = Set(right)
            let sortedA = SortedHashSet.make(left), sortedB = SortedHashSet.make(right)
            #expect(sortedA == a.sorted())
            #expect(SortedHashSet.intersectionCount(sortedA, sortedB) == a.intersection(b).count)
            #expect(SortedHashSet.jaccard(sortedA, sortedB) == Double(a.intersection(b).count) / Double(a.union(b).count))
            #expect(SortedHashSet.containment(of: sortedA, in: sortedB) == Double(a.intersection(b).count) / Double(a.count))
        }
    }

    /// The in-place merge of `intersectionCount` against Swift sets at the edges: empty
    /// sides, one side inside the other, the largest hashes, and sets of very different sizes.
    @Test func intersectionCountMatchesSwiftSetsAtTheEdges() {
        var generator = SystemRandomNumberGenerator()
        let top: [UInt64] = [0, 1, UInt64.max - 1, UInt64.max]
        var cases: [([UInt64], [UInt64])] = [([], []), ([], top), (top, []), (top, top), ([UInt64.max], top), (top, [0])]
        for _ in 0..<50 {
            let many = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
            let few = (0..<Int.random(in: 0..<4, using: &generator)).map { _ in many.randomElement(using: &generator) ?? 7 }
            cases.append((many, few))
            cases.append((few, many + top))
        }
        for (left, right) in cases {
            let a = SortedHashSet.make(left), b = SortedHashSet.make(right)
            #expect(SortedHashSet.intersectionCount(a, b) == Set(left).intersection(Set(right)).count)
        }
    }

    /// The address-calculation sort behind `make` and `make(sorting:workspace:)` against the
    /// standard sort, at every size around its switch points, on uniform hashes, small values
    /// (all at address 0: the fallback), heavy repeats, values in one narrow top-bit band (the
    /// fallback), long runs that stay under the fallback's limit, and the extreme values.
    @Test func makeSortsAndDeduplicatesAnyInput() {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return XXHash.hash64(withUnsafeBytes(of: state) { Array($0) }, seed: 7)
        }
        let sizes = Array(0...70) + [100, 127, 128, 129, 1_000, 4_096, 4_097, 70_000, 140_000]
        let shapes: [(String, () -> UInt64)] = [
            ("uniform", { next() }),
            ("small", { next() % 1_000 }),
            ("repeats", { next() % 5 << 60 }),
            ("band", { 0xABCD_0000_0000_0000 | next() >> 20 }),
            ("runs", { let value = next(); return value % 3 == 0 ? value & 0xFFF0_0000_0000_0000 | value % 64 : value }),
            ("extremes", { [0, .max, 1, .max - 1, next()][Int(next() % 5)] }),
        ]
        for size in sizes {
            for (name, value) in shapes {
                let hashes = (0..<size).map { _ in value() }
                let expected = Set(hashes).sorted()
                #expect(SortedHashSet.make(hashes) == expected, "\(name), \(size) hashes")
                var buffer = hashes
                var workspace = [UInt64](repeating: 0, count: SortedHashSet.workspaceCount(for: size))
                let fromBuffer = buffer.withUnsafeMutableBufferPointer { hashes in
                    workspace.withUnsafeMutableBufferPointer { SortedHashSet.make(sorting: hashes, workspace: $0.baseAddress!) }
                }
                #expect(fromBuffer == expected, "\(name), \(size) hashes, from a buffer")
                #expect(buffer == hashes, "\(name), \(size) hashes: the buffer is left as it was")
            }
        }
    }

    /// More hashes than a table takes go to the standard sort, in place for `make(_:)`; the
    /// workspace stops growing there.
    @Test func hashesPastTheTableLimitTakeTheStandardSort() {
        var state: UInt64 = 0xB16
        let hashes = (0..<(SortedHashSet.tableLimit + 1)).map { index -> UInt64 in
            state &+= 0x9E37_79B9_7F4A_7C15
            return index % 7 == 0 ? UInt64(index) : state &* 0xBF58_476D_1CE4_E5B9
        }
        let expected = Set(hashes).sorted()
        #expect(SortedHashSet.make(hashes) == expected)
        let count = SortedHashSet.workspaceCount(for: SortedHashSet.tableLimit)
        #expect(SortedHashSet.workspaceCount(for: hashes.count) == count)
        var buffer = hashes
        var workspace = [UInt64](repeating: 0, count: count)
        let fromBuffer = buffer.withUnsafeMutableBufferPointer { hashes in
            workspace.withUnsafeMutableBufferPointer { SortedHashSet.make(sorting: hashes, workspace: $0.baseAddress!) }
        }
        #expect(fromBuffer == expected)
    }

    /// The workspace stays within its documented bound (10 × count + 2 words), and the table
    /// reuses one workspace across calls of any size up to the one it was made for.
    @Test func workspaceIsBoundedAndReusable() {
        for count in [1, 2, 3, 31, 32, 33, 100, 1_000, 4_096, 4_097, 10_000, 1 << 20, 1 << 22] {
            #expect(SortedHashSet.workspaceCount(for: count) <= 10 * count + 2, "\(count)")
        }
        var state: UInt64 = 0xFACE
        var workspace = [UInt64](repeating: 0, count: SortedHashSet.workspaceCount(for: 400))
        for round in 0..<300 {
            let size = round % 3 == 0 ? 400 : (round * 7919) % 400
            var hashes = (0..<size).map { _ -> UInt64 in
                state &+= 0x9E37_79B9_7F4A_7C15
                return XXHash.hash64(withUnsafeBytes(of: state) { Array($0) }, seed: 3) % (round % 2 == 0 ? .max : 300)
            }
            let expected = Set(hashes).sorted()
            let sorted = hashes.withUnsafeMutableBufferPointer { hashes in
                workspace.withUnsafeMutableBufferPointer { SortedHashSet.make(sorting: hashes, workspace: $0.baseAddress!) }
            }
            #expect(sorted == expected, "round \(round), \(size) hashes")
        }
    }
}

@Suite struct SoftWrapTests {
    @Test func hardWrappedSentencesJoinAcrossLineBreaks() {
        let text = AnalyzedText("Students must provide the documentation as\noutlined in the\nrequirements below. Next one.\nHeadline Here\nBody starts here.")
        #expect(text.lines.map { text.text(of: $0) } == [
            "Students must provide the documentation as\noutlined in the\nrequirements below. Next one.",
            "Headline Here",
            "Body starts here.",
        ])
        #expect(text.sentences.count == 4)
    }
}
