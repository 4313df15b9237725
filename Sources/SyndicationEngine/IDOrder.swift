import Foundation

/// The order of document ids everywhere syndetect sorts or searches them: the Unicode
/// scalar values of their canonical composition (NFC), compared one after another.
///
/// That is the order `String`'s `<` describes, and it is a strict total order whose
/// equality is `String`'s `==` (canonically equivalent ids are the same id). `String`'s
/// `<` itself is not one in Swift 6.3 on Linux: when one string is decomposed and its
/// composition is a prefix of the other's, neither is less than the other although they
/// differ (`"e\u{301}"` and `"éa"`, `"émil"` spelled with a combining accent and
/// `"émile"`). A binary search over ids sorted with it can miss an id that is there, and
/// file names written on macOS are decomposed, so such ids meet in real corpora.
///
/// ASCII ids, the usual case, are compared byte by byte without normalising.
public enum IDOrder {
    /// The form of `id` that orders ids byte by byte: `id` itself when it is ASCII (its own
    /// composition), else its canonical composition. Two ids are equal (`==`) exactly when
    /// their keys have the same bytes.
    public static func key(_ id: String) -> String {
        isASCII(id) ? id : id.precomposedStringWithCanonicalMapping
    }

    /// Whether `id` is all ASCII (and so its own composition).
    @inline(__always)
    static func isASCII(_ id: String) -> Bool {
        id.utf8.withContiguousStorageIfAvailable { bytes in
            var union: UInt8 = 0
            for byte in bytes { union |= byte }
            return union < 0x80
        } ?? id.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the key `a` comes before the key `b` (keys made by ``key(_:)``): UTF-8 byte
    /// order, which is scalar order.
    public static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0 {
                    let difference = memcmp(a.baseAddress!, b.baseAddress!, common)
                    if difference != 0 { return difference < 0 }
                }
                return a.count < b.count
            }
        }
    }

    /// Whether the id `a` comes before the id `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        // Two ASCII ids: `String`'s own comparison is byte order there, and quicker.
        if isASCII(a), isASCII(b) { return a < b }
        return keyPrecedes(key(a), key(b))
    }

    /// Whether the pair of ids `(a, b)` comes before `(c, d)`: by first id, then second.
    public static func precedes(_ first: (String, String), _ second: (String, String)) -> Bool {
        if first.0 != second.0 { return precedes(first.0, second.0) }
        return precedes(first.1, second.1)
    }
}
