import SyndicationEngine

/// Finds lists — runs of short lines that are content, not page furniture — and joins their
/// lines into alignment segments.
///
/// A short line without a sentence ending is furniture when it stands alone (a headline, a
/// byline, "Related: …", a subheading between paragraphs). Lines of the same shape one after
/// another are a list: recipe ingredients, a table of contents, a list of courses or of
/// photograph captions. Copy of a list is copy, but one line of three words aligns with
/// nothing reliably, and a copy that rewrote the list as running text (PAN 2013 random and
/// translation obfuscation do) has no line to match at all. So a list's lines are grouped
/// into segments of at least ``segmentWords`` words, which align like sentences.
///
/// Lines that are boilerplate (a template menu, a footer) break a run; so does a blank line,
/// which separates a page's header lines (headline, byline, date) from one another more
/// often than it separates the items of a list. Short lines before the page's first line of
/// prose are its header, never a list: a headline, a section path and a date one under the
/// other have the shape of a list, and copies share them.
public enum ListRuns {
    /// Least lines of a list.
    public static let minimumLines = 2
    /// Least words of a list, all lines together.
    public static let minimumWords = 10
    /// Least words of one list segment (the last one of a list may be joined to the one before).
    public static let segmentWords = 20

    /// The lines of `text` that stand in lists: runs of at least ``minimumLines`` consecutive
    /// furniture-shaped lines (``BoilerplateDetector/isFurniture(_:in:wordLimit:)``, not site
    /// notices, not overlapping `boilerplate`) with at least ``minimumWords`` words together,
    /// after the first line of prose.
    public static func listLines(in text: AnalyzedText, boilerplate: [TextSpan]) -> Set<TextSpan> {
        listLines(in: text, boilerplate: boilerplate, shapes: LineShape.shapes(of: text))
    }

    /// ``listLines(in:boilerplate:)`` from the shapes of the lines of `text`, in line order.
    static func listLines(in text: AnalyzedText, boilerplate: [TextSpan], shapes: [LineShape]) -> Set<TextSpan> {
        var result = Set<TextSpan>()
        var run: [TextSpan] = []
        var words = 0
        func endRun() {
            if run.count >= minimumLines && words >= minimumWords { result.formUnion(run) }
            run = []
            words = 0
        }
        var boilerplateCursor = 0
        var afterProse = false
        for (line, shape) in zip(text.lines, shapes) {
            while boilerplateCursor < boilerplate.count, boilerplate[boilerplateCursor].end <= line.start {
                boilerplateCursor += 1
            }
            let isBoilerplate = boilerplateCursor < boilerplate.count
                && boilerplate[boilerplateCursor].overlap(with: line) > 0
            let isShort = shape.isShort
            let isNotice = shape.isNotice
            if !isBoilerplate && !isShort && !isNotice { afterProse = true }
            guard afterProse, !isBoilerplate, isShort, !isNotice else {
                endRun()
                continue
            }
            if let last = run.last, blankLineBetween(last, line, in: text) { endRun() }
            run.append(line)
            words += shape.words.count
        }
        endRun()
        return result
    }

    /// Whether an empty line separates two lines.
    static func blankLineBetween(_ first: TextSpan, _ second: TextSpan, in text: AnalyzedText) -> Bool {
        var breaks = 0
        for index in first.end..<second.start where text.scalars[index] == "\n" {
            breaks += 1
            if breaks > 1 { return true }
        }
        return false
    }

    /// The alignment segments of `text`: its sentences, except that the sentences of each run
    /// of consecutive `listLines` are joined into segments of at least ``segmentWords`` words
    /// (a shorter last segment joins the one before it).
    public static func segments(of text: AnalyzedText, listLines: Set<TextSpan>) -> [TextSpan] {
        guard !listLines.isEmpty else { return text.sentences }
        let lines = text.lines
        var result: [TextSpan] = []
        var segment: TextSpan?
        var segmentWordCount = 0
        // Whether the last segment in `result` belongs to the list being read.
        var listSegmentBefore = false
        var lineIndex = 0
        var previousLine: Int?
        func endList() {
            if let open = segment {
                if 2 * segmentWordCount < segmentWords, listSegmentBefore, let last = result.last {
                    result[result.count - 1] = last.union(open)
                } else {
                    result.append(open)
                }
            }
            segment = nil
            segmentWordCount = 0
            listSegmentBefore = false
        }
        for sentence in text.sentences {
            while lineIndex < lines.count, lines[lineIndex].end <= sentence.start { lineIndex += 1 }
            guard lineIndex < lines.count, listLines.contains(lines[lineIndex]) else {
                endList()
                previousLine = nil
                result.append(sentence)
                continue
            }
            // A list line right after another list line continues its list (a blank line
            // between them already ended the run in `listLines`, but two runs may touch).
            if let previous = previousLine, lineIndex > previous + 1 { endList() }
            previousLine = lineIndex
            segment = segment.map { $0.union(sentence) } ?? sentence
            segmentWordCount += text.tokenRange(in: sentence).count
            if segmentWordCount >= segmentWords, let full = segment {
                result.append(full)
                listSegmentBefore = true
                segment = nil
                segmentWordCount = 0
            }
        }
        endList()
        return result
    }
}

/// What list finding and alignment profiles read of one line, worked out once per line.
struct LineShape {
    /// The line's tokens.
    var words: Range<Int>
    /// Whether it has the shape of furniture (``BoilerplateDetector/isFurniture(_:in:wordLimit:)``).
    var isShort: Bool
    /// Whether it is a site notice (``SiteNotice/isNotice(_:in:)``).
    var isNotice: Bool

    /// The shapes of the lines of `text`, in line order.
    static func shapes(of text: AnalyzedText) -> [LineShape] {
        var tokenCursor = TokenCursor()
        return text.scalars.withUnsafeBufferPointer { scalars in
            text.lines.map { line in
                let words = tokenCursor.tokenRange(in: line, of: text)
                return LineShape(
                    words: words, isShort: BoilerplateDetector.isFurniture(line, in: scalars, words: words.count),
                    isNotice: SiteNotice.isNotice(words: words, in: text))
            }
        }
    }
}
