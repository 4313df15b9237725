/// Check results as JUnit XML, the format CI systems read test results from: one
/// `<testcase>` per ``CheckCase``, a `<failure>` carrying the reason of each that failed.
///
/// No timestamps or durations are written, so the same results give the same bytes.
public enum JUnitReport {
    /// The XML document for `cases` in one suite named `suiteName`.
    public static func render(_ cases: [CheckCase], suiteName: String = "syndetect check") -> String {
        let failures = cases.filter { !$0.passed }.count
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(escaped(suiteName))\" \(counts)>\n"
        xml += "  <testsuite name=\"\(escaped(suiteName))\" \(counts) skipped=\"0\">\n"
        for check in cases {
            let opening = "    <testcase classname=\"\(escaped(suiteName))\" name=\"\(escaped(check.name))\""
            if let failure = check.failure {
                let firstLine = failure.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? failure
                xml += opening + ">\n"
                xml += "      <failure message=\"\(escaped(firstLine))\" type=\"expectation\">\(escaped(failure, inAttribute: false))</failure>\n"
                xml += "    </testcase>\n"
            } else {
                xml += opening + "/>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// `text` safe in XML 1.0 character data or a double-quoted attribute: markup characters
    /// as entities, characters XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF, lone
    /// surrogates cannot occur in a Swift string) as U+FFFD. In attributes, tab and line
    /// breaks are written as character references so parsers keep them.
    public static func escaped(_ text: String, inAttribute: Bool = true) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
