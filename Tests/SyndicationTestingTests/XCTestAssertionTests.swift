import SyndicationTesting
import Testing  // only for the Swift Testing form's `#_sourceLocation` default argument
import XCTest

/// The XCTest entry points under XCTest. Failures are captured by overriding
/// `recordFailure`, so a false assertion can be checked without failing this test; a true
/// one must capture nothing.
final class XCTestAssertionTests: XCTestCase {
    private var failures: [(description: String, file: String, line: Int)] = []

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        failures.append((description, filePath, lineNumber))
    }

    func testTrueAssertionsRecordNothing() throws {
        XCTAssertNearDuplicate(Articles.wire, Articles.republished, atLeast: 0.8)
        XCTAssertNotReused(Articles.wire, Articles.unrelated, atMost: 0.05)
        XCTAssertPassageReused(Articles.keptPassage, from: Articles.wire, in: Articles.edited)
        XCTAssertOnlyQuotes(try Articles.seed("002"), try Articles.seed("003"))
        XCTAssertOnlyBoilerplate(try Articles.seed("003"), try Articles.seed("004"))
        let captured = failures
        failures = []
        XCTAssertTrue(captured.isEmpty, "\(captured.map(\.description))")
    }

    func testFalseAssertionFailsAtTheCallersLineWithPassages() {
        let line = #line + 1
        XCTAssertNearDuplicate(Articles.wire, Articles.edited, atLeast: 0.95, mode: .exact)
        let captured = failures
        failures = []
        XCTAssertEqual(captured.count, 1)
        guard let failure = captured.first else { return }
        XCTAssertEqual(failure.line, line)
        XCTAssertTrue(failure.file.hasSuffix("XCTestAssertionTests.swift"), failure.file)
        XCTAssertTrue(failure.description.contains("jaccard exact value"), failure.description)
        XCTAssertTrue(failure.description.contains("Harbour authorities in Port Elwin"), failure.description)
    }

    /// The Swift Testing form called from XCTest records an XCTest failure (an `Issue` would
    /// pass silently) whose message names the caller's place.
    func testSwiftTestingFormFailsUnderXCTest() {
        let line = #line + 1
        expectOnlyQuotes(Articles.wire, Articles.edited)
        let captured = failures
        failures = []
        XCTAssertEqual(captured.count, 1)
        XCTAssertTrue(captured.first?.description.contains("XCTestAssertionTests.swift:\(line):") == true,
                      captured.first?.description ?? "no failure")
    }
}
