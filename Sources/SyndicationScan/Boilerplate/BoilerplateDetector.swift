import SyndicationEngine

/// Finds page furniture: lines that recur across documents without being copy.
///
/// A line (paragraph) is keyed by the hash of its folded words. It is boilerplate in a
/// document when the same line also stands in
/// - ``minimumDocuments`` documents or more of at most ``templateOutletLimit`` outlets (a site
///   or media group template), or ``ubiquitousDocuments`` documents of any outlets (cookie
///   notices, app banners), or
/// - another document of the same outlet (a site's own template and teasers), or
/// - any other document while it is *furniture*: a short line that is not a sentence
///   (`Comments`, `Try Our AI Features`, `Explore what Daily8 AI can do for you:`).
///
/// Shared prose sentences between two outlets are not boilerplate: that is what copy is.
public struct BoilerplateDetector: Sendable {
    /// Documents a line must recur in to be boilerplate wherever it stands.
    public var minimumDocuments: Int
    /// Lines of at most this many words without a sentence ending are furniture.
    public var furnitureWordLimit: Int
    /// A frequent line on pages of more outlets than this is syndicated copy, not a template.
    public var templateOutletLimit: Int = 3
    /// A line on this many pages is boilerplate however many outlets carry it.
    public var ubiquitousDocuments: Int = 50

    /// A detector with the given limits.
    public init(minimumDocuments: Int = 10, furnitureWordLimit: Int = 12) {
        self.minimumDocuments = max(2, minimumDocuments)
        self.furnitureWordLimit = furnitureWordLimit
    }

    /// One document as the detector sees it.
    public struct Page: Sendable {
        /// The outlet, when known; pages of one outlet share a template.
        public var outlet: String?
        /// The analysed text.
        public var text: AnalyzedText
        /// The keys and spans of its lines, from ``BoilerplateDetector/lineKeys(of:)``.
        public var lines: [(key: UInt64, span: TextSpan)]

        /// A page of `outlet` with `text`.
        public init(outlet: String?, text: AnalyzedText, lines: [(key: UInt64, span: TextSpan)]? = nil) {
            self.outlet = outlet
            self.text = text
            self.lines = lines ?? BoilerplateDetector.lineKeys(of: text)
        }
    }

    /// The key of every line of `text` that has words, with the line's span.
    public static func lineKeys(of text: AnalyzedText) -> [(key: UInt64, span: TextSpan)] {
        text.folded.withUnsafeBytes { folded in
            var result: [(key: UInt64, span: TextSpan)] = []
            result.reserveCapacity(text.lines.count)
            forEachWordLine(of: text) { line, first, last in
                let start = Int(text.tokens[first].foldedStart), end = Int(text.tokens[last - 1].foldedEnd)
                let key = XXHash.hash64(UnsafeRawBufferPointer(rebasing: folded[start..<end]), seed: lineKeySeed)
                result.append((key, line))
            }
            return result
        }
    }

    /// ``lineKeys(of:)`` when the keys are known already, in line order (the census's, made
    /// from the same text: ``CensusLines``): the lines of `text` that have words, each with
    /// its key from `keys`; nil when `text` has not as many such lines as `keys` has keys.
    static func lines(of text: AnalyzedText, keys: ArraySlice<UInt64>) -> [(key: UInt64, span: TextSpan)]? {
        var result: [(key: UInt64, span: TextSpan)] = []
        result.reserveCapacity(keys.count)
        var next = keys.startIndex
        var fits = true
        forEachWordLine(of: text) { line, _, _ in
            guard next < keys.endIndex else { fits = false; return }
            result.append((keys[next], line))
            next += 1
        }
        return fits && next == keys.endIndex ? result : nil
    }

    /// Calls `body` with each line of `text` that has words and the range `first..<last` of
    /// its tokens, in text order: what ``AnalyzedText/tokenRange(in:)`` gives each line. Lines
    /// and tokens both ascend and never overlap, so each search starts where the last line's
    /// tokens began.
    @inline(__always)
    static func forEachWordLine(of text: AnalyzedText, _ body: (_ line: TextSpan, _ first: Int, _ last: Int) -> Void) {
        text.tokens.withUnsafeBufferPointer { tokens in
            let count = tokens.count
            var lower = 0
            for line in text.lines {
                // The first token ending after the line's start, then the first starting at or
                // after its end (binary searches: a line holds many tokens).
                var high = count
                while lower < high {
                    let middle = (lower &+ high) &>> 1
                    if Int(tokens[middle].end) <= line.start { lower = middle &+ 1 } else { high = middle }
                }
                guard lower < count, Int(tokens[lower].start) < line.end else { continue }
                var upper = lower &+ 1
                high = count
                while upper < high {
                    let middle = (upper &+ high) &>> 1
                    if Int(tokens[middle].start) < line.end { upper = middle &+ 1 } else { high = middle }
                }
                body(line, lower, upper)
            }
        }
    }

    /// The XXH3 seed of line keys.
    static let lineKeySeed: UInt64 = 0xB011

    /// Whether a frequent line is spread like a template rather than like a syndicated story.
    ///
    /// A template line stands on many pages of few outlets (one site, one media group); a
    /// widely syndicated paragraph stands on pages of many outlets, about one each. A line on
    /// pages of more than ``templateOutletLimit`` outlets is boilerplate only when it is
    /// ubiquitous: on ``ubiquitousDocuments`` pages or more (cookie notices, app banners).
    func isTemplateSpread(_ holders: [Int32], _ pages: [Page]) -> Bool {
        if holders.count >= ubiquitousDocuments { return true }
        var outlets = Set<String>()
        for holder in holders {
            // A page of unknown outlet counts as an outlet of its own.
            outlets.insert(pages[Int(holder)].outlet ?? "\u{0}\(holder)")
            if outlets.count > templateOutletLimit { return false }
        }
        return true
    }

    /// For each line key, the indices of the documents that have the line, ascending.
    public static func documentsByLine(_ lines: [[(key: UInt64, span: TextSpan)]]) -> [UInt64: [Int32]] {
        var documents: [UInt64: [Int32]] = [:]
        for (index, list) in lines.enumerated() {
            for key in Set(list.map(\.key)) { documents[key, default: []].append(Int32(index)) }
        }
        return documents
    }

    /// Whether a line is furniture: short and not ending like a sentence.
    public func isFurniture(_ line: TextSpan, in text: AnalyzedText) -> Bool {
        Self.isFurniture(line, in: text, wordLimit: furnitureWordLimit)
    }

    /// Whether a line is furniture: at most `wordLimit` words and not ending like a sentence
    /// (headlines, datelines, bylines, menu items, "Last updated: 9 Mar 2005, 14:49 GMT"), or
    /// at most three words whatever its ending.
    public static func isFurniture(_ line: TextSpan, in text: AnalyzedText, wordLimit: Int = 12) -> Bool {
        text.scalars.withUnsafeBufferPointer { isFurniture(line, in: $0, words: text.tokenRange(in: line).count, wordLimit: wordLimit) }
    }

    /// ``isFurniture(_:in:wordLimit:)`` for a line of `scalars` that holds `words` words.
    static func isFurniture(
        _ line: TextSpan, in scalars: UnsafeBufferPointer<Unicode.Scalar>, words: Int, wordLimit: Int = 12
    ) -> Bool {
        guard words <= wordLimit else { return false }
        var end = line.end - 1
        while end > line.start, SentenceSplitterCloser.isCloser(scalars[end]) { end -= 1 }
        let last = scalars[end]
        let endsSentence = (last == "." || last == "!" || last == "?")
            && !(end >= line.start + 2 && scalars[end - 1] == "." && scalars[end - 2] == ".")
        return !endsSentence || words <= 3
    }

    /// The boilerplate lines of each page, in page order.
    ///
    /// - Complexity: O(total lines) expected.
    public func boilerplate(in pages: [Page]) -> [[BoilerplateLine]] {
        let documents = Self.documentsByLine(pages.map(\.lines))
        return pages.map(\.lines).enumerated().map { index, lines in
            lines.compactMap { line -> BoilerplateLine? in
                guard let holders = documents[line.key], holders.count > 1 else { return nil }
                if holders.count >= minimumDocuments && isTemplateSpread(holders, pages) {
                    return BoilerplateLine(span: line.span, isTemplate: true)
                }
                if let outlet = pages[index].outlet,
                   holders.contains(where: { Int($0) != index && pages[Int($0)].outlet == outlet }) {
                    return BoilerplateLine(span: line.span, isTemplate: true)
                }
                return isFurniture(line.span, in: pages[index].text)
                    ? BoilerplateLine(span: line.span, isTemplate: false) : nil
            }
        }
    }
}

/// A boilerplate line of one page.
public struct BoilerplateLine: Hashable, Sendable {
    /// Where the line stands.
    public var span: TextSpan
    /// Whether corpus evidence makes it a template line (many pages, or the same outlet's
    /// pages), rather than short furniture that two pages happen to share. Only template lines
    /// mark where a page's article ends and its teasers begin.
    public var isTemplate: Bool
}

/// Closing quotation marks and brackets that may follow a sentence's last word.
enum SentenceSplitterCloser {
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}": return true
        default: return false
        }
    }
}
