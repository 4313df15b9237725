import SyndicationEngine

/// A document prepared for passage alignment: its sentences with their character-shingle
/// sets, which words are quoted, and which lines are page furniture.
public struct DocumentProfile: Sendable {
    /// One sentence's alignment features (or one piece's, of a sentence cut by ``SentencePieces``).
    public struct Sentence: Sendable {
        /// Where the sentence stands in the original text.
        public var span: TextSpan
        /// Its tokens in ``DocumentProfile/text``.
        public var tokens: Range<Int>
        /// Sorted distinct character-shingle hashes of the whole sentence (in a profile made
        /// for ``FingerprintShingles/hashes``, the hashes in text order, repeats kept).
        public var shingles: [UInt64]
        /// Sorted distinct character-shingle hashes of the words outside quotations.
        public var proseShingles: [UInt64]
        /// Words outside quotations.
        public var proseWordCount: Int
        /// Sorted distinct hashes of the folded words (the bag-of-words of the sentence).
        public var words: [UInt64]
        /// Whether the sentence stands in boilerplate, furniture or the title line.
        public var isExcluded: Bool
        /// Whether the sentence stands in boilerplate.
        public var isBoilerplate: Bool
        /// The words of the whole of ``span`` (`text.tokenRange(in: span).count`): those of
        /// ``tokens`` and, for a sentence whose dateline is left out, the dateline's too.
        public var spanWordCount: Int

        /// The number of words.
        public var wordCount: Int { tokens.count }
    }

    /// Most words of a title line; headlines are shorter (WireBench dev titles: at most 13 words).
    public static let titleWordLimit = 20

    /// The document's id.
    public var id: String
    /// The analysed text.
    public var text: AnalyzedText
    /// The sentences in text order.
    public var sentences: [Sentence]
    /// Quotations, in text order.
    public var quotations: [TextSpan]
    /// Boilerplate lines, in text order.
    public var boilerplate: [TextSpan]
    /// The title line when the text opens with it.
    public var titleLine: TextSpan?
    /// Code points of prose: sentences that are neither boilerplate, furniture nor the title line.
    public var proseLength: Int

    /// Profiles `text`, given its boilerplate lines and (optionally) its title; sentences of
    /// more than `maximumSentenceWords` words align as pieces (``SentencePieces``).
    public init(
        id: String, text: AnalyzedText, boilerplate: [TextSpan], title: String?,
        shingleSize: Int, maximumSentenceWords: Int = SentencePieces.maximumWords
    ) {
        self.init(
            id: id, text: text, boilerplate: boilerplate, title: title, shingleSize: shingleSize,
            maximumSentenceWords: maximumSentenceWords, sentenceSets: nil)
    }

    /// The same profile, with the sets of sentences the profiles sharing `sentenceSets` met
    /// before taken from there (``SentenceSetCache``), and those of the others filed there.
    ///
    /// A profile made for `fingerprints` holds only what sentence fingerprints read (each
    /// sentence's span, words, exclusion and character shingles, in the form `fingerprints`
    /// names): no quotations are looked for and no word sets made, so its sentences are all
    /// prose and their ``Sentence/words`` empty. It aligns nothing.
    init(
        id: String, text: AnalyzedText, boilerplate: [TextSpan], title: String?,
        shingleSize: Int, maximumSentenceWords: Int = SentencePieces.maximumWords,
        sentenceSets: SentenceSetCache?, fingerprints: FingerprintShingles? = nil
    ) {
        let forFingerprints = fingerprints != nil
        precondition(!forFingerprints || sentenceSets == nil, "a fingerprint profile's sets are not a full profile's")
        self.id = id
        self.text = text
        self.boilerplate = boilerplate
        let quotations = forFingerprints ? [] : QuotationFinder.quotations(in: text.scalars)
        self.quotations = quotations
        var titleLine: TextSpan?
        // A first line of more than ``titleWordLimit`` words is prose, whatever the title says:
        // a reader that takes a plain-text file's first line as its title would otherwise hide
        // a whole paragraph (or a one-line document) from alignment.
        if let first = text.lines.first, let title, !title.isEmpty {
            let words = text.tokenRange(in: first)
            if words.count <= Self.titleWordLimit, Self.sameWords(words, of: text, title) { titleLine = first }
        }
        self.titleLine = titleLine
        let shingling = Shingling(unit: .characters, size: shingleSize, seed: 0xC4A2)
        // Short lines that are not sentences (headlines, datelines, menus) and site notices
        // (cookie banners, copyright footers) are furniture: they neither seed an alignment nor
        // count as prose, shared or not. Short lines in a list are content (``ListRuns``).
        let shapes = LineShape.shapes(of: text)
        let listLines = ListRuns.listLines(in: text, boilerplate: boilerplate, shapes: shapes)
        var furniture: [TextSpan] = []
        for (line, shape) in zip(text.lines, shapes) where shape.isShort || shape.isNotice {
            if !listLines.contains(line) { furniture.append(line) }
        }
        var furnitureCursor = 0
        // Where a dateline ends, by the offset of the line it opens, in text order.
        var datelineEnds: [(lineStart: Int, textStart: Int)] = []
        for line in text.lines {
            if let start = DatelineFinder.textStart(in: text.scalars, line: line) { datelineEnds.append((line.start, start)) }
        }
        var datelineCursor = 0
        // Each segment with its tokens and the words of its whole span.
        var segments: [(span: TextSpan, tokens: Range<Int>, spanWords: Int)] = []
        // One per sentence, as a rule (lists join sentences, run-ons are cut into pieces).
        segments.reserveCapacity(text.sentences.count)
        var tokenCursor = TokenCursor()
        for span in ListRuns.segments(of: text, listLines: listLines) {
            var tokens = tokenCursor.tokenRange(in: span, of: text)
            let spanWords = tokens.count
            while datelineCursor < datelineEnds.count, datelineEnds[datelineCursor].lineStart < span.start {
                datelineCursor += 1
            }
            if datelineCursor < datelineEnds.count, datelineEnds[datelineCursor].lineStart == span.start {
                // A dateline is a credit, not copy: the sentence's words start after it.
                let textStart = datelineEnds[datelineCursor].textStart
                tokens = textStart < span.end ? text.tokenRange(in: TextSpan(start: textStart, end: span.end)) : 0..<0
            }
            guard !tokens.isEmpty else { continue }
            // A run-on sentence aligns as pieces of sentence length (``SentencePieces``); one of
            // at most `maximumSentenceWords` words is its own one piece.
            if tokens.count <= maximumSentenceWords {
                segments.append((span, tokens, spanWords))
            } else {
                for piece in SentencePieces.pieces(of: span, tokens: tokens, in: text, maximumWords: maximumSentenceWords) {
                    segments.append((piece.span, piece.tokens, text.tokenRange(in: piece.span).count))
                }
            }
        }
        var sentences: [Sentence] = []
        sentences.reserveCapacity(segments.count)
        var proseLength = 0
        // One buffer for a segment's hashes, one for its prose's (both at most one per folded
        // byte of the longest segment, and at least one), one for its words', and the sort's
        // workspace. The segment's hashes and words are sorted as they are made, its prose's
        // from their buffer; each set into an array of its own.
        var capacity = 1
        var wordCapacity = 0
        for (_, tokens, _) in segments {
            let length = Int(text.tokens[tokens.upperBound - 1].foldedEnd) - Int(text.tokens[tokens.lowerBound].foldedStart)
            capacity = max(capacity, length)
            wordCapacity = max(wordCapacity, tokens.count)
        }
        let workspaceCount = SortedHashSet.workspaceCount(for: capacity)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * capacity + wordCapacity + workspaceCount) { buffer in
            let hashes = buffer.baseAddress!, prose = hashes + capacity, words = prose + capacity
            let workspace = words + wordCapacity
            func sortedSet(_ start: UnsafeMutablePointer<UInt64>, count: Int) -> [UInt64] {
                SortedHashSet.make(sorting: UnsafeMutableBufferPointer(start: start, count: count), workspace: workspace)
            }
            /// The segment `tokens`' sets, its hashes left in the buffer in text order.
            func makeSets(_ tokens: Range<Int>) -> SentenceSetCache.Sets {
                if fingerprints == .hashes {
                    let count = shingling.writeHashes(of: text, tokens: tokens, into: hashes)
                    return SentenceSetCache.Sets(shingles: Array(UnsafeBufferPointer(start: hashes, count: count)), words: [])
                }
                return SentenceSetCache.Sets(
                    shingles: shingling.writeHashes(of: text, tokens: tokens, into: hashes, sortingWith: workspace).set,
                    words: forFingerprints ? [] : Self.wordShingling.writeHashes(of: text, tokens: tokens, into: words, sortingWith: workspace).set)
            }
            var boilerplateCursor = 0
            var quoteCursor = 0
            for (span, tokens, spanWords) in segments {
                while boilerplateCursor < boilerplate.count, boilerplate[boilerplateCursor].end <= span.start {
                    boilerplateCursor += 1
                }
                let isBoilerplate = boilerplateCursor < boilerplate.count
                    && boilerplate[boilerplateCursor].overlap(with: span) > span.length / 2
                let isTitle = titleLine.map { $0.overlap(with: span) > 0 } ?? false
                while furnitureCursor < furniture.count, furniture[furnitureCursor].end <= span.start {
                    furnitureCursor += 1
                }
                let isFurniture = furnitureCursor < furniture.count && furniture[furnitureCursor].overlap(with: span) > 0
                // Prose shingles: runs of tokens that lie outside every quotation.
                while quoteCursor < quotations.count, quotations[quoteCursor].end <= span.start {
                    quoteCursor += 1
                }
                // No quotation left that starts by the last word's start: no word is quoted
                // (most sentences), and the words need not be read one by one.
                let lastWordStart = Int(text.tokens[tokens.upperBound - 1].start)
                let mayQuote = quoteCursor < quotations.count && quotations[quoteCursor].start <= lastWordStart
                // The segment's sets: a sentence met before in the cache's other profiles
                // takes its sets from there; otherwise its hashes are written (for its
                // prose's) and sorted as they are made, and the sets filed.
                var hashesWritten = true
                let sets: SentenceSetCache.Sets
                if let cache = sentenceSets, cache.shingleSize == shingleSize {
                    let firstByte = Int(text.tokens[tokens.lowerBound].foldedStart)
                    let lastByte = Int(text.tokens[tokens.upperBound - 1].foldedEnd)
                    sets = text.folded.withUnsafeBytes { folded in
                        let bytes = UnsafeRawBufferPointer(rebasing: folded[firstByte..<lastByte])
                        let key = SentenceSetCache.key(of: bytes)
                        if let filed = cache.sets(of: bytes, key: key, wordCount: tokens.count) {
                            hashesWritten = false
                            return filed
                        }
                        let made = makeSets(tokens)
                        cache.file(made, of: bytes, key: key, wordCount: tokens.count)
                        return made
                    }
                } else {
                    sets = makeSets(tokens)
                }
                let shingles = sets.shingles
                var proseCount = 0
                var proseWords = 0
                var runStart: Int?
                var isQuoted = false
                var cursor = quoteCursor
                /// Appends the shingles of the run of prose `run` to the prose buffer.
                func appendProse(_ run: Range<Int>) {
                    if !hashesWritten {
                        // Sets from the cache, and a quotation in the sentence: its hashes in text order.
                        _ = shingling.writeHashes(of: text, tokens: tokens, into: hashes)
                        hashesWritten = true
                    }
                    proseCount += Self.writeRunHashes(
                        run, of: tokens, hashes: hashes, in: text, shingling: shingling, into: prose + proseCount)
                }
                if !mayQuote {
                    proseWords = tokens.count
                } else {
                    for token in tokens {
                        let start = Int(text.tokens[token].start)
                        while cursor < quotations.count, quotations[cursor].end <= start { cursor += 1 }
                        let quoted = cursor < quotations.count && quotations[cursor].start <= start
                        if quoted {
                            isQuoted = true
                            if let first = runStart {
                                appendProse(first..<token)
                                runStart = nil
                            }
                        } else {
                            proseWords += 1
                            if runStart == nil { runStart = token }
                        }
                    }
                }
                if isQuoted, let first = runStart { appendProse(first..<tokens.upperBound) }
                // A sentence with no quoted word is all prose: its prose shingles are its shingles.
                let sentence = Sentence(
                    span: span, tokens: tokens,
                    shingles: shingles,
                    proseShingles: isQuoted ? sortedSet(prose, count: proseCount) : shingles,
                    proseWordCount: proseWords,
                    words: sets.words,
                    isExcluded: isBoilerplate || isTitle || isFurniture, isBoilerplate: isBoilerplate,
                    spanWordCount: spanWords)
                sentences.append(sentence)
            }
        }
        let body = Self.mainBlock(lines: text.lines, boilerplate: boilerplate, sentences: sentences)
        for index in sentences.indices where !sentences[index].isExcluded {
            if let body, sentences[index].span.overlap(with: body) == 0 {
                // Prose outside the article's block: teasers and asides after the template.
                sentences[index].isExcluded = true
            } else {
                proseLength += sentences[index].span.length
            }
        }
        self.sentences = sentences
        self.proseLength = proseLength
    }

    /// The shingling of a sentence's words (its bag of words, ``Sentence/words``).
    static let wordShingling = Shingling(unit: .words, size: 1, seed: 0x3D)

    /// Writes the shingle hashes of the tokens `run` of a segment's `tokens` to `output` and
    /// returns how many: `shingling.hashes(of: text, tokens: run)`, taken from the segment's
    /// own `hashes` where they hold them. The run's folded bytes lie within the segment's, and
    /// a window of the run is the segment's window at the same byte; only a run no longer than
    /// one shingle is hashed again, whole.
    static func writeRunHashes(
        _ run: Range<Int>, of tokens: Range<Int>, hashes: UnsafePointer<UInt64>, in text: AnalyzedText,
        shingling: Shingling, into output: UnsafeMutablePointer<UInt64>
    ) -> Int {
        let segmentStart = Int(text.tokens[tokens.lowerBound].foldedStart)
        let segmentLength = Int(text.tokens[tokens.upperBound - 1].foldedEnd) - segmentStart
        let runStart = Int(text.tokens[run.lowerBound].foldedStart)
        let runLength = Int(text.tokens[run.upperBound - 1].foldedEnd) - runStart
        guard shingling.unit == .characters, runLength > shingling.size, segmentLength > shingling.size else {
            return shingling.writeHashes(of: text, tokens: run, into: output)
        }
        let count = runLength - shingling.size + 1
        output.update(from: hashes + (runStart - segmentStart), count: count)
        return count
    }

    /// The span of the page's main block, when boilerplate splits the page into several.
    ///
    /// A run of two or more boilerplate lines (a share bar and "Related Articles", a cookie
    /// notice and a footer) separates blocks; a single one (an advertisement line) does not.
    /// The first block with real prose is the article; prose in other blocks is teasers and
    /// asides ("Also on this site: …"), which neither seed an alignment nor count as prose.
    /// Returns nil when there is only one block.
    static func mainBlock(lines: [TextSpan], boilerplate: [TextSpan], sentences: [Sentence]) -> TextSpan? {
        guard boilerplate.count >= 2 else { return nil }
        let boilerplateStarts = Set(boilerplate.map(\.start))
        var blocks: [TextSpan] = []
        var blockStart: Int?
        var lastContentEnd = 0
        var index = 0
        while index < lines.count {
            var run = index
            while run < lines.count, boilerplateStarts.contains(lines[run].start) { run += 1 }
            if run - index >= 2 {
                if let start = blockStart { blocks.append(TextSpan(start: start, end: lastContentEnd)) }
                blockStart = nil
                index = run
                continue
            }
            if blockStart == nil { blockStart = lines[index].start }
            lastContentEnd = lines[max(index, run - 1)].end
            index = max(index + 1, run)
        }
        if let start = blockStart { blocks.append(TextSpan(start: start, end: lastContentEnd)) }
        guard blocks.count > 1 else { return nil }
        let weights = blocks.map { block in
            sentences.reduce(0) { $0 + ($1.isExcluded ? 0 : $1.span.overlap(with: block)) }
        }
        // Pages put the article before the teasers, and teasers can outweigh a short article
        // (an aggregator's "Related Articles" with whole paragraphs): the article is the first
        // block with real prose, not simply the largest.
        guard let largest = weights.max(), largest > 0 else { return nil }
        let first = weights.indices.first { weights[$0] >= min(400, largest) || 4 * weights[$0] >= largest }
        return first.map { blocks[$0] }
    }

    /// Whether two strings have the same words, ignoring case and punctuation.
    static func sameWords(_ lhs: String, _ rhs: String) -> Bool {
        let left = AnalyzedText(lhs)
        let right = AnalyzedText(rhs)
        return !left.folded.isEmpty && left.folded == right.folded
    }

    /// Whether the words `tokens` of `text` are those of `other` (ignoring case and
    /// punctuation), as ``sameWords(_:_:)`` would find for the text of a line holding exactly
    /// those words: words never cross a line's ends, and each folds alone, so the line's own
    /// folded stream is the stretch of the text's stream from its first word to its last.
    static func sameWords(_ tokens: Range<Int>, of text: AnalyzedText, _ other: String) -> Bool {
        guard !tokens.isEmpty else { return false }
        let other = AnalyzedText(other).folded
        let start = Int(text.tokens[tokens.lowerBound].foldedStart)
        let end = Int(text.tokens[tokens.upperBound - 1].foldedEnd)
        return other.count == end - start && text.folded[start..<end].elementsEqual(other)
    }

    /// The code points of `span` that are prose (in a non-excluded sentence).
    public func proseOverlap(with span: TextSpan) -> Int {
        sentences.reduce(0) { total, sentence in
            sentence.isExcluded ? total : total + sentence.span.overlap(with: span)
        }
    }
}

/// The form of the character shingles a profile made for sentence fingerprints holds
/// (``DocumentProfile/init(id:text:boilerplate:title:shingleSize:maximumSentenceWords:sentenceSets:fingerprints:)``).
enum FingerprintShingles {
    /// Each sentence's sorted distinct set, as a full profile holds it: what counting common
    /// shingles reads (``FrequentShingles``).
    case sets
    /// Each sentence's hashes in text order, repeats kept: the same minima, so the same
    /// fingerprint keys (``PassageFingerprints``), without the sort.
    case hashes
}
