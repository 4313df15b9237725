/// Escaping of input text for Mermaid diagram labels (as GitHub renders ```` ```mermaid ````
/// blocks).
///
/// A label is always written in double quotes, and inside it every character other than ASCII
/// letters and digits, space, `.`, `,`, `-`, `_`, `+`, `%` and non-ASCII letters and digits is
/// written as a Mermaid entity code (`#60;` for `<`). So input can close no quote, bracket or
/// link, start no statement (`click`, `style`, `classDef` need a line of their own), and holds
/// no markup; the only markup in a label is the renderer's own `<br>`.
enum MermaidText {
    /// `text` escaped for the inside of a quoted label, on one line.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", " ", ".", ",", "-", "_", "+", "%":
                result.unicodeScalars.append(scalar)
            case _ where scalar.value >= 0x80 && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
                && !scalar.properties.isWhitespace:
                result.unicodeScalars.append(scalar)
            default:
                result += "#\(scalar.value);"
            }
        }
        return result
    }

    /// A quoted label of lines escaped one by one, joined by `<br>`.
    static func label(_ lines: [String]) -> String {
        "\"" + lines.map(escape).joined(separator: "<br>") + "\""
    }
}
