import Foundation
import SyndicationScan

/// Writes a ``ScanReport`` as the `syndetect-report/1` JSON document.
///
/// The output is stable byte for byte: keys sorted, two-space indentation, `/` left unescaped,
/// a trailing newline, and every `Double` rounded to at most four decimals before encoding so
/// that `0.1 + 0.2` is written `0.3`, never `0.30000000000000004`.
public enum JSONReportWriter {
    /// The number of decimals every `Double` in the JSON keeps.
    public static let decimals = 4

    /// The report as pretty-printed JSON with a trailing newline.
    ///
    /// - Throws: `EncodingError.invalidValue` when a score is NaN or infinite.
    /// - Complexity: O(*n*) in the size of the report.
    public static func render(_ report: ScanReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report.roundedForOutput(decimals: decimals))
        return compactingEmptyContainers(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// `{` or `[` followed by white space holding a line break and then `}` or `]` becomes `{}`
    /// or `[]`, as pretty printing writes empty containers across lines. A JSON string holds no
    /// raw line break, so only structure is touched.
    static func compactingEmptyContainers(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += 1
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else { continue }
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            var end = index
            var sawLineBreak = false
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\n") {
                sawLineBreak = sawLineBreak || bytes[end] == UInt8(ascii: "\n")
                end += 1
            }
            if sawLineBreak, end < bytes.count, bytes[end] == close {
                result.append(close)
                index = end + 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension ScanReport {
    /// The report with every `Double` rounded to `decimals` places.
    func roundedForOutput(decimals: Int) -> ScanReport {
        var copy = self
        let round = { (value: Double) in value.roundedForOutput(decimals: decimals) }
        copy.parameters.lshThreshold = round(parameters.lshThreshold)
        copy.parameters.confidenceZ = round(parameters.confidenceZ)
        copy.parameters.sentenceSeedThreshold = round(parameters.sentenceSeedThreshold)
        copy.pairs = pairs.map { pair in
            var pair = pair
            pair.scores.jaccard = round(pair.scores.jaccard)
            pair.scores.containmentAInB = round(pair.scores.containmentAInB)
            pair.scores.containmentBInA = round(pair.scores.containmentBInA)
            pair.scores.minhash.estimate = round(pair.scores.minhash.estimate)
            pair.scores.minhash.lower = round(pair.scores.minhash.lower)
            pair.scores.minhash.upper = round(pair.scores.minhash.upper)
            pair.coverage = pair.coverage.mapValues(round)
            pair.passages = pair.passages.map { passage in
                var passage = passage
                passage.similarity = round(passage.similarity)
                return passage
            }
            return pair
        }
        return copy
    }
}

extension Double {
    /// The double nearest to this value rounded to `decimals` places, whose shortest decimal
    /// form therefore has at most `decimals` fraction digits. Negative zero becomes zero;
    /// values too large to carry decimals, and non-finite values, are returned unchanged.
    func roundedForOutput(decimals: Int) -> Double {
        guard isFinite, abs(self) < 1e15 else { return self }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (self * scale).rounded(.toNearestOrAwayFromZero) / scale
        return rounded == 0 ? 0 : rounded
    }
}
