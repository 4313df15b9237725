/// Escaping of input text for GitHub-flavoured Markdown.
///
/// Text from documents and reports is never trusted: `&`, `<` and `>` become entities so no raw
/// HTML gets through; Markdown punctuation (`` ` `` `*` `_` `[` `]` `|` `~` `$` `\`) is
/// backslash-escaped so the text makes no code span, emphasis, link, table cell or math;
/// a leading `#`, `-`, `+`, `=` or `1.` is escaped so it starts no heading, list or rule;
/// line breaks become `lineBreak`; other control characters become U+FFFD.
enum MarkdownText {
    /// `text` escaped for use inline (in a heading, list item or table cell).
    static func escape(_ text: String, lineBreak: String = " ") -> String {
        var result = ""
        var atLineStart = true
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if scalar == "\n" && previousWasCR { continue }
                result += lineBreak
                atLineStart = true
                continue
            }
            if atLineStart && (scalar == " " || scalar == "\t") { continue }
            if atLineStart {
                atLineStart = false
                if "#-+=".unicodeScalars.contains(scalar) {
                    result += "\\"
                }
            }
            appendEscaped(scalar, to: &result)
        }
        return escapeOrderedListMarker(result)
    }

    /// `text` escaped for the inside of a table cell, where no block can start: everything
    /// `escape` does except the line-start rules, and white space kept as it is (line breaks
    /// become `<br>`), so that pieces of one text can be escaped one by one and joined.
    static func inline(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{2028}", "\u{2029}": result += "<br>"
            default: appendEscaped(scalar, to: &result)
            }
        }
        return result
    }

    /// Appends one scalar of input text, escaped: entities for `& < >`, a backslash before
    /// Markdown punctuation, a space for a tab, U+FFFD for other control characters.
    static func appendEscaped(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\\", "`", "*", "_", "[", "]", "|", "~", "$":
            result += "\\"
            result.unicodeScalars.append(scalar)
        case "\t": result += " "
        case "\u{0}"..."\u{1F}", "\u{7F}": result += "\u{FFFD}"
        default: result.unicodeScalars.append(scalar)
        }
    }

    /// A Markdown table row of already escaped cells.
    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// A fenced code block holding `text` verbatim, with a fence longer than any backtick run
    /// in it, so nothing inside is interpreted.
    static func codeBlock(_ text: String) -> String {
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + text + "\n" + fence
    }

    /// `1. x` → `1\. x` and `1) x` → `1\) x` at the start, so input opens no ordered list
    /// (`0.5` is left alone: a list marker is followed by white space or nothing).
    private static func escapeOrderedListMarker(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, index < 9, ("0"..."9").contains(scalars[index]) { index += 1 }
        guard index > 0, index < scalars.count, scalars[index] == "." || scalars[index] == ")",
              index + 1 == scalars.count || scalars[index + 1] == " "
        else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<index])
        view.append("\\")
        view.append(contentsOf: scalars[index...])
        return String(view)
    }
}
