import SyndicationEngine

/// Finds direct quotations: text between double quotation marks, marks included.
///
/// News copy often breaks quotation marks (a spinner drops a closing mark; a scraper mixes
/// straight and curly glyphs), so the finder is forgiving: a quotation never crosses a line
/// break; an opening curly mark met inside an open quotation closes the open one there; and a
/// straight mark closes an open quotation. Single quotation marks are left alone, since they
/// cannot be told from apostrophes reliably.
public enum QuotationFinder {
    /// The longest quotation accepted, in code points. An opening mark whose closing mark lies
    /// farther away is a stray mark (or a quote opening an unmarked long passage), and the text
    /// after it is prose.
    public static let maximumLength = 600

    /// Code-point spans of the quotations in `scalars`, in text order, not overlapping.
    ///
    /// - Complexity: O(*n*).
    public static func quotations(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        candidates(in: scalars).filter { $0.length <= maximumLength }
    }

    static func candidates(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        var openAt: Int?
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}":
                if let start = openAt, index > start + 1 {
                    result.append(TextSpan(start: start, end: index))
                }
                openAt = nil
            case "\u{201C}", "\u{201E}", "\u{00AB}":
                if let start = openAt, index > start + 1 {
                    result.append(TextSpan(start: start, end: index))
                }
                openAt = index
            case "\u{201D}", "\u{00BB}":
                if let start = openAt {
                    result.append(TextSpan(start: start, end: index + 1))
                    openAt = nil
                }
                // A closing mark with no opening one is ignored: guessing where it began
                // would turn prose into quotation.
            case "\"":
                if let start = openAt {
                    result.append(TextSpan(start: start, end: index + 1))
                    openAt = nil
                } else {
                    openAt = index
                }
            default:
                break
            }
        }
        if let start = openAt, scalars.count > start + 1 {
            result.append(TextSpan(start: start, end: scalars.count))
        }
        return result
    }
}
