import Foundation
import SyndicationScan

/// Writes a ``ScanReport`` as the `syndetect-report/1` JSON document.
///
/// The output is stable byte for byte: keys sorted, two-space indentation, `/` left unescaped,
/// a trailing newline, and every `Double` rounded to at most four decimals before encoding so
/// that `0.1 + 0.2` is written `0.3`, never `0.30000000000000004`.
///
/// The report is written piece by piece (``write(_:to:)``): the top-level fields from a
/// skeleton without documents, pairs or clusters, encoded by `JSONEncoder`, then each
/// document, pair and cluster written by ``JSONElementEncoder`` (the same bytes, several times
/// faster) where pretty printing would place it. So writing a million-document report holds one
/// element's JSON at a time, not the whole document (616 MB, several copies, at a million).
public enum JSONReportWriter {
    /// The number of decimals every `Double` in the JSON keeps.
    public static let decimals = 4

    /// The report as pretty-printed JSON with a trailing newline.
    ///
    /// - Throws: `EncodingError.invalidValue` when a score is NaN or infinite.
    /// - Complexity: O(*n*) in the size of the report.
    public static func render(_ report: ScanReport) throws -> String {
        var json = ""
        try write(report, to: &json)
        return json
    }

    /// Writes the report to `output` as ``render(_:)`` would return it, a block of documents,
    /// pairs or clusters at a time, each block's elements encoded on up to `threads` workers
    /// (the same bytes at any thread count).
    ///
    /// - Throws: `EncodingError.invalidValue` when a score is NaN or infinite; what was
    ///   written before the bad value stays written.
    /// - Complexity: O(*n*) time in the size of the report; memory beyond `output` is one
    ///   block's JSON (``blockSize`` elements per thread).
    public static func write<Output: TextOutputStream>(
        _ report: ScanReport, to output: inout Output, threads: Int = 1
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var skeleton = report
        skeleton.documents = []
        skeleton.pairs = []
        skeleton.clusters = []
        let top = compactingEmptyContainers(
            String(decoding: try encoder.encode(skeleton.roundedForOutput(decimals: decimals)), as: UTF8.self))
        for line in top.split(separator: "\n", omittingEmptySubsequences: false) {
            let (key, comma) = Self.emptyArrayKey(line)
            switch key {
            case "documents" where !report.documents.isEmpty:
                try writeArray("documents", count: report.documents.count, comma: comma, threads: threads, to: &output) {
                    $0.write(report.documents[$1], level: 2)
                }
            case "pairs" where !report.pairs.isEmpty:
                try writeArray("pairs", count: report.pairs.count, comma: comma, threads: threads, to: &output) {
                    try $0.write(report.pairs[$1], level: 2, decimals: decimals)
                }
            case "clusters" where !report.clusters.isEmpty:
                try writeArray("clusters", count: report.clusters.count, comma: comma, threads: threads, to: &output) {
                    $0.write(report.clusters[$1], level: 2)
                }
            default:
                output.write(String(line))
                output.write("\n")
            }
        }
    }

    /// The key of a top-level line `  "key" : []` (with or without a trailing comma), and
    /// whether it has the comma; nil for any other line. A JSON string holds no raw line
    /// break, so a line indented by exactly two spaces is one of the top-level object's.
    static func emptyArrayKey(_ line: Substring) -> (key: String?, comma: Bool) {
        let prefix = "  \""
        let suffix = "\" : []"
        var body = line
        let comma = body.hasSuffix(",")
        if comma { body = body.dropLast() }
        guard body.hasPrefix(prefix), body.hasSuffix(suffix), !body.dropFirst(prefix.count).hasPrefix(" ") else {
            return (nil, false)
        }
        let key = body.dropFirst(prefix.count).dropLast(suffix.count)
        return (key.contains("\"") ? nil : String(key), comma)
    }

    /// Elements encoded together, on one worker, into one piece of output.
    static let blockSize = 256

    /// Writes `  "key" : [` … `  ]` with each of its `count` elements written by `element`
    /// (``JSONElementEncoder``) where pretty printing the whole report would place it: blocks
    /// of ``blockSize`` elements encoded on up to `threads` workers, a few per thread at a
    /// time, and handed to `output` in order.
    ///
    /// - Throws: what `element` throws; the elements before the failing one stay written.
    private static func writeArray<Output: TextOutputStream>(
        _ key: String, count: Int, comma: Bool, threads: Int, to output: inout Output,
        _ element: (inout JSONElementEncoder, Int) throws -> Void
    ) throws {
        output.write("  \"\(key)\" : [\n")
        let round = blockSize * 8 * (threads <= 0 ? ParallelWork.coreCount : max(1, threads))
        var start = 0
        while start < count {
            let end = min(count, start + round)
            let blocks = ParallelWork.map(count: (end - start + blockSize - 1) / blockSize, threads: threads) {
                block -> (text: String, error: (any Error)?) in
                var encoder = JSONElementEncoder()
                let first = start + block * blockSize
                for index in first..<min(end, first + blockSize) {
                    let mark = encoder.bytes.count
                    encoder.bytes.appendSpaces(4)
                    do {
                        try element(&encoder, index)
                    } catch {
                        encoder.bytes.truncate(to: mark)
                        return (encoder.bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }, error)
                    }
                    encoder.bytes.append(index == count - 1 ? "\n" : ",\n")
                }
                return (encoder.bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }, nil)
            }
            for block in blocks {
                output.write(block.text)
                if let error = block.error { throw error }
            }
            start = end
        }
        output.write(comma ? "  ],\n" : "  ]\n")
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
        copy.pairs = pairs.map { $0.roundedForOutput(decimals: decimals) }
        return copy
    }
}

extension PairFinding {
    /// The pair with every `Double` rounded to `decimals` places.
    func roundedForOutput(decimals: Int) -> PairFinding {
        var pair = self
        let round = { (value: Double) in value.roundedForOutput(decimals: decimals) }
        pair.scores.jaccard = round(scores.jaccard)
        pair.scores.containmentAInB = round(scores.containmentAInB)
        pair.scores.containmentBInA = round(scores.containmentBInA)
        pair.scores.minhash.estimate = round(scores.minhash.estimate)
        pair.scores.minhash.lower = round(scores.minhash.lower)
        pair.scores.minhash.upper = round(scores.minhash.upper)
        pair.coverage = coverage.mapValues(round)
        pair.passages = passages.map { passage in
            var passage = passage
            passage.similarity = round(passage.similarity)
            return passage
        }
        return pair
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
