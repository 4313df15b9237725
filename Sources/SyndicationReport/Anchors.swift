import SyndicationScan

/// Fragment identifiers for clusters, pairs and documents, shared by the Markdown and HTML
/// reports so that links into either look the same.
///
/// An anchor holds only ASCII letters, digits, `-`, `_`, `.` and `~`, so it is safe in an HTML
/// attribute and a URL fragment without escaping. Ids map to anchors one to one: every other
/// character of an id is written as `.hex.` (`a b` → `a.20.b`), and `~` joins the two ids of a pair.
enum Anchors {
    /// The anchor of a cluster.
    static func cluster(_ id: String) -> String { "cluster-" + slug(id) }

    /// The anchor of a pair of documents.
    static func pair(_ a: String, _ b: String) -> String { "pair-" + slug(a) + "~" + slug(b) }

    /// The anchor of a document's row in the documents table.
    static func document(_ id: String) -> String { "doc-" + slug(id) }

    /// `id` with every character other than ASCII letters, digits, `-` and `_` written as
    /// `.hex.`, so that distinct ids give distinct slugs.
    static func slug(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_":
                result.unicodeScalars.append(scalar)
            default:
                result += "." + String(scalar.value, radix: 16) + "."
            }
        }
        return result
    }

    /// Makes anchors unique in order of first use: a repeated anchor gains `~2`, `~3`, …
    /// (a slug never holds `~`, and a pair anchor holds only one).
    struct Registry {
        private var counts: [String: Int] = [:]

        mutating func claim(_ anchor: String) -> String {
            let count = counts[anchor, default: 0] + 1
            counts[anchor] = count
            return count == 1 ? anchor : "\(anchor)~\(count)"
        }
    }
}
