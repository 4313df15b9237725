/// Unicode property lookups, each in a function of its own: a function that reads
/// `Unicode.Scalar.Properties` sets up their metadata on entry (about ninety instructions,
/// callgrind), so the splitter's ASCII answers stay free only when the lookups are out of line.
enum UnicodeProperties {
    @inline(never)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase }

    @inline(never)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }

    @inline(never)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// Whether the code point has a numeric type (digits, numerals, fractions).
    @inline(never)
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType != nil }
}
