/// Escaping of input text for HTML text and attribute values.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, safe in element content
    /// and in quoted attribute values. Control characters other than tab and line breaks become
    /// U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A URL as a link when it is an absolute `http` or `https` URL without white space or
    /// control characters, else as plain text; either way escaped.
    static func url(_ url: String) -> String {
        let lowered = url.lowercased()
        let isWeb = (lowered.hasPrefix("http://") || lowered.hasPrefix("https://"))
            && !url.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
        guard isWeb else { return escape(url) }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(escape(url))</a>"
    }
}
