import SyndicationEngine
import SyndicationScan

/// Renders a ``SimilarityVerdict`` as plain text: summary, context line, score table and the
/// aligned passages side by side.
struct VerdictMessage {
    var verdict: SimilarityVerdict

    /// Width of each passage column, in characters.
    static let columnWidth = 44
    /// Most lines shown per passage.
    static let linesPerPassage = 8
    /// Most passages shown.
    static let passageLimit = 6

    func render() -> String {
        var lines = [verdict.summary, context(), ""]
        lines += scoreTable()
        lines.append("")
        lines += passageSection()
        return lines.joined(separator: "\n")
    }

    /// Relation, shingle counts and the MinHash settings behind the bounds.
    func context() -> String {
        let measurement = verdict.measurement
        let parameters = measurement.parameters
        let relation = measurement.relation?.rawValue ?? "none (nothing shared)"
        return "relation: \(relation) · shingles: first \(measurement.firstShingleCount), "
            + "second \(measurement.secondShingleCount), shared \(measurement.sharedShingleCount) · "
            + "MinHash k=\(parameters.permutationCount), seed 0x\(String(parameters.seed, radix: 16)), bounds at z=\(Number.format(parameters.confidenceZ, decimals: 2))"
    }

    /// One row per score, the compared one marked with the value and bound it had to meet.
    func scoreTable() -> [String] {
        let widths = [13, 8, 10, 8, 8]
        func row(_ cells: [String]) -> String {
            zip(cells, widths).map { TextExcerpt.padded($0, to: $1) }.joined()
        }
        var lines = [row(["score", "exact", "estimate", "lower", "upper"]).trailingSpacesRemoved]
        for score in SimilarityScore.allCases {
            let measured = verdict.measurement.measurement(of: score)
            var cells = [score.rawValue, Number.format(measured.exact)]
            cells += measured.isEstimated
                ? [Number.format(measured.estimate), Number.format(measured.lower), Number.format(measured.upper)]
                : ["–", "–", "–"]
            var line = row(cells)
            if let comparison = verdict.comparison, comparison.score == score {
                let which = SimilarityCheck.valueName(measured, mode: comparison.mode, isMinimum: comparison.isMinimum)
                let sign = comparison.isMinimum ? "≥" : "≤"
                let mark = verdict.isSatisfied ? "holds" : "FAILS"
                line += "◀ \(which) \(sign) \(Number.format(comparison.threshold)): \(mark)"
            }
            lines.append(line.trailingSpacesRemoved)
        }
        return lines
    }

    /// The aligned passages, first text on the left, second on the right; for a passage
    /// expectation, the passage itself first.
    func passageSection() -> [String] {
        let measurement = verdict.measurement
        var lines: [String] = []
        if case .passageReused(let passage, _) = verdict.expectation {
            lines.append("expected passage (first text):")
            lines += TextExcerpt.wrapped(TextExcerpt.text(Array(passage.unicodeScalars), TextSpan(start: 0, end: Int.max)),
                                         width: 2 * Self.columnWidth + 3).prefix(Self.linesPerPassage).map { "  " + $0 }
            lines.append("")
        }
        let passages = measurement.passages
        guard !passages.isEmpty else {
            lines.append("aligned passages: none")
            return lines
        }
        lines.append("aligned passages (\(passages.count)):")
        let first = Array(measurement.first.unicodeScalars), second = Array(measurement.second.unicodeScalars)
        for (index, passage) in passages.prefix(Self.passageLimit).enumerated() {
            lines.append("#\(index + 1) \(passage.kind.rawValue), similarity \(Number.format(passage.similarity, decimals: 3)), "
                         + "first \(passage.a) ~ second \(passage.b)")
            lines.append("  " + TextExcerpt.padded("first", to: Self.columnWidth) + " │ second")
            lines += TextExcerpt.sideBySide(
                TextExcerpt.text(first, passage.a), TextExcerpt.text(second, passage.b),
                width: Self.columnWidth, maximumLines: Self.linesPerPassage
            ).map { ("  " + $0).trailingSpacesRemoved }
        }
        if passages.count > Self.passageLimit {
            lines.append("… and \(passages.count - Self.passageLimit) more passages")
        }
        return lines
    }
}

extension String {
    /// The string without spaces at its end.
    var trailingSpacesRemoved: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
