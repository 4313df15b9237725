#if canImport(Testing)
import Testing
#endif
#if canImport(XCTest)
import XCTest
#endif

/// Records a failed verdict with whichever test framework is running the current test.
///
/// Neither framework sees the other's failures: an `Issue` recorded inside an XCTest test, or
/// an `XCTFail` inside a Swift Testing test, would pass silently. So each entry point asks
/// Swift Testing whether one of its tests is running (`Test.current`) and records there or
/// with XCTest.
enum FailureReporting {
    /// For the Swift Testing entry points: an `Issue` at `sourceLocation`; outside a Swift
    /// Testing test, an XCTest failure whose message starts with that location.
    #if canImport(Testing)
    static func record(_ verdict: SimilarityVerdict, sourceLocation: SourceLocation) {
        guard !verdict.isSatisfied else { return }
        #if canImport(XCTest)
        if Test.current == nil {
            XCTFail("\(sourceLocation.fileName):\(sourceLocation.line): \(verdict.message)")
            return
        }
        #endif
        Issue.record(Comment(rawValue: verdict.message), sourceLocation: sourceLocation)
    }
    #endif

    /// For the XCTest entry points: `XCTFail` at `file`:`line`; inside a Swift Testing test, an
    /// `Issue` at the same place.
    #if canImport(XCTest)
    static func record(_ verdict: SimilarityVerdict, message: String, file: StaticString, line: UInt) {
        guard !verdict.isSatisfied else { return }
        let text = message.isEmpty ? verdict.message : message + "\n" + verdict.message
        #if canImport(Testing)
        if Test.current != nil {
            Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation(file: file, line: line))
            return
        }
        #endif
        XCTFail(text, file: file, line: line)
    }
    #endif

    #if canImport(Testing)
    /// A Swift Testing location for an XCTest-style `#filePath` and `#line`; the module is
    /// taken to be the file's folder name, as in a SwiftPM target.
    static func sourceLocation(file: StaticString, line: UInt) -> SourceLocation {
        let path = "\(file)"
        let parts = path.split(separator: "/")
        let fileName = parts.last.map(String.init) ?? path
        let module = parts.count >= 2 ? String(parts[parts.count - 2]) : "Tests"
        return SourceLocation(fileID: module + "/" + fileName, filePath: path, line: max(1, Int(line)), column: 1)
    }
    #endif
}
