import SyndicationEngine

/// A document prepared for passage alignment: its sentences with their character-shingle
/// sets, which words are quoted, and which lines are page furniture.
public struct DocumentProfile: Sendable {
    /// One sentence's alignment features.
    public struct Sentence: Sendable {
        /// Where the sentence stands in the original text.
        public var span: TextSpan
        /// Its tokens in ``DocumentProfile/text``.
        public var tokens: Range<Int>
        /// Sorted distinct character-shingle hashes of the whole sentence.
        public var shingles: [UInt64]
        /// Sorted distinct character-shingle hashes of the words outside quotations.
        public var proseShingles: [UInt64]
        /// Words outside quotations.
        public var proseWordCount: Int
        /// Whether the sentence stands in boilerplate or the title line.
        public var isExcluded: Bool
        /// Whether the sentence stands in boilerplate.
        public var isBoilerplate: Bool

        /// The number of words.
        public var wordCount: Int { tokens.count }
    }

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
    /// Code points of prose: sentences that are neither boilerplate nor the title line.
    public var proseLength: Int

    /// Profiles `text`, given its boilerplate lines and (optionally) its title.
    public init(
        id: String, text: AnalyzedText, boilerplate: [TextSpan], title: String?,
        shingleSize: Int
    ) {
        self.id = id
        self.text = text
        self.boilerplate = boilerplate
        let quotations = QuotationFinder.quotations(in: text.scalars)
        self.quotations = quotations
        var titleLine: TextSpan?
        if let first = text.lines.first {
            let line = text.text(of: first)
            if let title, !title.isEmpty, Self.sameWords(line, title) { titleLine = first }
        }
        self.titleLine = titleLine
        let shingling = Shingling(unit: .characters, size: shingleSize, seed: 0xC4A2)
        var boilerplateCursor = 0
        var quoteCursor = 0
        var sentences: [Sentence] = []
        var proseLength = 0
        for span in text.sentences {
            let tokens = text.tokenRange(in: span)
            guard !tokens.isEmpty else { continue }
            while boilerplateCursor < boilerplate.count, boilerplate[boilerplateCursor].end <= span.start {
                boilerplateCursor += 1
            }
            let isBoilerplate = boilerplateCursor < boilerplate.count
                && boilerplate[boilerplateCursor].overlap(with: span) > span.length / 2
            let isTitle = titleLine.map { $0.overlap(with: span) > 0 } ?? false
            // Prose shingles: runs of tokens that lie outside every quotation.
            while quoteCursor < quotations.count, quotations[quoteCursor].end <= span.start {
                quoteCursor += 1
            }
            var prose: [UInt64] = []
            var proseWords = 0
            var runStart: Int?
            var cursor = quoteCursor
            for token in tokens {
                let start = Int(text.tokens[token].start)
                while cursor < quotations.count, quotations[cursor].end <= start { cursor += 1 }
                let quoted = cursor < quotations.count && quotations[cursor].start <= start
                if quoted {
                    if let first = runStart {
                        prose += shingling.hashes(of: text, tokens: first..<token)
                        runStart = nil
                    }
                } else {
                    proseWords += 1
                    if runStart == nil { runStart = token }
                }
            }
            if let first = runStart { prose += shingling.hashes(of: text, tokens: first..<tokens.upperBound) }
            let sentence = Sentence(
                span: span, tokens: tokens,
                shingles: SortedHashSet.make(shingling.hashes(of: text, tokens: tokens)),
                proseShingles: SortedHashSet.make(prose), proseWordCount: proseWords,
                isExcluded: isBoilerplate || isTitle, isBoilerplate: isBoilerplate)
            if !sentence.isExcluded { proseLength += span.length }
            sentences.append(sentence)
        }
        self.sentences = sentences
        self.proseLength = proseLength
    }

    /// Whether two strings have the same words, ignoring case and punctuation.
    static func sameWords(_ lhs: String, _ rhs: String) -> Bool {
        let left = AnalyzedText(lhs)
        let right = AnalyzedText(rhs)
        return !left.folded.isEmpty && left.folded == right.folded
    }

    /// The code points of `span` that are prose (in a non-excluded sentence).
    public func proseOverlap(with span: TextSpan) -> Int {
        sentences.reduce(0) { total, sentence in
            sentence.isExcluded ? total : total + sentence.span.overlap(with: span)
        }
    }
}
