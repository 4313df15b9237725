import SyndicationEngine

/// Text cut out of a document by code-point span, tidied for a message.
enum TextExcerpt {
    /// The code points of `span` in `scalars`, clamped to the text, with every run of white
    /// space (line breaks included) as one space and none at the ends.
    static func text(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        let start = max(0, min(span.start, scalars.count)), end = max(start, min(span.end, scalars.count))
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars[start..<end] {
            if scalar.properties.isWhitespace {
                pendingSpace = !view.isEmpty
            } else {
                if pendingSpace { view.append(" ") }
                pendingSpace = false
                view.append(scalar)
            }
        }
        return String(view)
    }

    /// `text` without white space at either end.
    static func trimmed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    /// `text` cut to `limit` characters with an ellipsis when longer.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The span of the first occurrence of `needle` in `haystack`, or nil (also for an empty needle).
    ///
    /// - Complexity: O(*n* · *m*), fine for test texts.
    static func firstRange(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> TextSpan? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return TextSpan(start: start, end: start + needle.count)
        }
        return nil
    }

    /// `text` broken into lines of at most `width` characters at spaces; a word longer than
    /// the width is cut.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Two texts in columns of `width` characters separated by ` │ `, at most `maximumLines`
    /// lines (the last one `…` when cut).
    static func sideBySide(_ left: String, _ right: String, width: Int, maximumLines: Int) -> [String] {
        var leftLines = wrapped(left, width: width), rightLines = wrapped(right, width: width)
        let count = max(leftLines.count, rightLines.count)
        if count > maximumLines {
            leftLines = Array(leftLines.prefix(maximumLines - 1)) + (leftLines.count >= maximumLines ? ["…"] : [])
            rightLines = Array(rightLines.prefix(maximumLines - 1)) + (rightLines.count >= maximumLines ? ["…"] : [])
        }
        return (0..<min(count, maximumLines)).map { index in
            let left = index < leftLines.count ? leftLines[index] : ""
            let right = index < rightLines.count ? rightLines[index] : ""
            return padded(left, to: width) + " │ " + right
        }
    }

    /// `text` followed by spaces up to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
