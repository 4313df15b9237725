import SyndicationEngine
import SyndicationScan

/// The two sides of an aligned passage compared word by word, cut into segments to render.
///
/// Words are compared folded (NFKC, lower case; quotation marks, dashes and spacing are not
/// words), so only real wording changes are marked. A run of words one side drops where the
/// other adds words is a change; words only one side has are removed (left) or added (right).
/// Text between two marked words of one kind is marked with them, so a changed phrase reads as
/// one highlight. Direct quotations (``QuotationFinder``) are flagged: they are shown distinctly
/// and not counted as copy.
struct PassageDiff: Hashable {
    /// How a word compares with the other side.
    enum Mark: Hashable {
        /// The other side has the same word here.
        case same
        /// The other side has different words here.
        case changed
        /// Only the left side has these words.
        case removed
        /// Only the right side has these words.
        case added
    }

    /// A stretch of text with one mark, inside or outside a quotation.
    struct Segment: Hashable {
        var text: String
        var mark: Mark
        var quoted: Bool
    }

    /// Word counts, outside quotations unless said otherwise.
    struct Counts: Hashable {
        /// Words of the right side the left side has too.
        var same = 0
        /// Words of the right side that replace other words of the left side.
        var changed = 0
        /// Words only the right side has.
        var added = 0
        /// Words only the left side has.
        var removed = 0
        /// Words of the right side inside quotations, which are not counted as copy.
        var quoted = 0

        /// The share of the right side's words (outside quotations) the left side has too.
        var sameShare: Double {
            let total = same + changed + added
            return total == 0 ? 0 : Double(same) / Double(total)
        }
    }

    let left: [Segment]
    let right: [Segment]
    let counts: Counts

    /// Compares `left` with `right` word by word.
    ///
    /// - Complexity: O((*n* + *m*) · *D*) for *n* and *m* words and *D* differing words.
    init(left: String, right: String) {
        let leftText = AnalyzedText(left), rightText = AnalyzedText(right)
        let leftWords = leftText.tokens.indices.map(leftText.foldedWord)
        let rightWords = rightText.tokens.indices.map(rightText.foldedWord)
        var leftMarks = Array(repeating: Mark.same, count: leftWords.count)
        var rightMarks = Array(repeating: Mark.same, count: rightWords.count)
        var pending: [WordDiff.Run] = []
        func settle() {
            let changes = pending.contains { $0.operation == .delete } && pending.contains { $0.operation == .insert }
            for run in pending {
                if run.operation == .delete {
                    for index in run.a..<run.a + run.count { leftMarks[index] = changes ? .changed : .removed }
                } else {
                    for index in run.b..<run.b + run.count { rightMarks[index] = changes ? .changed : .added }
                }
            }
            pending.removeAll()
        }
        for run in WordDiff.runs(leftWords, rightWords) {
            if run.operation == .equal { settle() } else { pending.append(run) }
        }
        settle()

        let leftQuoted = Self.quotedScalars(leftText.scalars)
        let rightQuoted = Self.quotedScalars(rightText.scalars)
        self.left = Self.segments(leftText, marks: leftMarks, quoted: leftQuoted)
        self.right = Self.segments(rightText, marks: rightMarks, quoted: rightQuoted)

        var counts = Counts()
        for (index, token) in rightText.tokens.enumerated() {
            if rightQuoted[Int(token.start)] {
                counts.quoted += 1
                continue
            }
            switch rightMarks[index] {
            case .same: counts.same += 1
            case .changed: counts.changed += 1
            case .added, .removed: counts.added += 1
            }
        }
        for (index, token) in leftText.tokens.enumerated()
        where leftMarks[index] == .removed && !leftQuoted[Int(token.start)] {
            counts.removed += 1
        }
        self.counts = counts
    }

    /// Whether each code point lies inside a direct quotation.
    private static func quotedScalars(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var quoted = Array(repeating: false, count: scalars.count)
        for span in QuotationFinder.quotations(in: scalars) {
            for index in max(span.start, 0)..<min(span.end, scalars.count) { quoted[index] = true }
        }
        return quoted
    }

    /// The text cut where the mark or the quotation flag changes. Text between two words takes
    /// their mark when both have the same one, else none.
    private static func segments(_ text: AnalyzedText, marks: [Mark], quoted: [Bool]) -> [Segment] {
        var scalarMarks = Array(repeating: Mark.same, count: text.scalars.count)
        for (index, token) in text.tokens.enumerated() {
            let mark = marks[index]
            guard mark != .same else { continue }
            var end = Int(token.end)
            if index + 1 < text.tokens.count, marks[index + 1] == mark { end = Int(text.tokens[index + 1].start) }
            for position in Int(token.start)..<end { scalarMarks[position] = mark }
        }
        var segments: [Segment] = []
        var current = String.UnicodeScalarView()
        var currentKey: (Mark, Bool)?
        for (position, scalar) in text.scalars.enumerated() {
            let key = (scalarMarks[position], quoted[position])
            if let open = currentKey, open != key {
                segments.append(Segment(text: String(current), mark: open.0, quoted: open.1))
                current = String.UnicodeScalarView()
            }
            currentKey = key
            current.append(scalar)
        }
        if let open = currentKey {
            segments.append(Segment(text: String(current), mark: open.0, quoted: open.1))
        }
        return segments
    }
}
