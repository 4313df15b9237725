import Foundation
import Testing

/// Compares text output with a committed golden file in `Golden/` next to this file, byte for
/// byte.
///
/// Run with `SYNDETECT_RECORD=1` to rewrite the golden files; recording records an issue, so a
/// recording run always fails and is never mistaken for a passing one.
enum GoldenFile {
    /// The `Golden/` directory beside this source file.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    /// Whether this run records golden files instead of comparing with them.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["SYNDETECT_RECORD"] == "1" }

    /// Expects `actual` to equal the golden file `name`, or records it when recording.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let actualData = Data(actual.utf8)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actualData.write(to: url)
                Issue.record("recorded golden file \(url.path); rerun without SYNDETECT_RECORD",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(url.path) is missing; record it with SYNDETECT_RECORD=1",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actualData else { return }
        let message = "\(name) differs from its golden file \(url.path): \(firstDifference(expected, actualData)); "
            + "if the change is intended, rerun with SYNDETECT_RECORD=1"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// Where two texts first differ, by line, for the failure message.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if want != got { return "line \(index + 1): expected \(want.debugDescription), got \(got.debugDescription)" }
        }
        return "same lines, different bytes (\(expected.count) expected, \(actual.count) written)"
    }
}
