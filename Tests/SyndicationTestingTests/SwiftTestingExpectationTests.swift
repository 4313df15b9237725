import Testing
import SyndicationTesting

/// The Swift Testing entry points: true expectations record nothing (an unexpected issue would
/// fail these tests); false ones record one issue, at the caller's line, whose comment holds
/// the scores with bounds and the passages.
@Suite struct SwiftTestingExpectationTests {
    @Test func trueExpectationsPass() throws {
        #expect(expectNearDuplicate(Articles.wire, Articles.republished, atLeast: 0.8).isSatisfied)
        #expect(expectNearDuplicate(Articles.wire, Articles.edited, atLeast: 0.7, score: .coverage).isSatisfied)
        #expect(expectNotReused(Articles.wire, Articles.unrelated, atMost: 0.05).isSatisfied)
        #expect(expectPassageReused(Articles.keptPassage, from: Articles.wire, in: Articles.edited).isSatisfied)
        #expect(expectOnlyQuotes(try Articles.seed("002"), try Articles.seed("003")).isSatisfied)
        #expect(expectOnlyBoilerplate(try Articles.seed("003"), try Articles.seed("004")).isSatisfied)
    }

    @Test func falseNearDuplicateRecordsAnIssueAtTheCallersLine() {
        let line = #line + 2
        withKnownIssue {
            expectNearDuplicate(Articles.wire, Articles.edited, atLeast: 0.95)
        } matching: { issue in
            let text = Self.text(of: issue)
            return issue.sourceLocation?.line == line
                && issue.sourceLocation?.fileName == "SwiftTestingExpectationTests.swift"
                && text.contains("jaccard ≥ 0.9500")
                && text.contains("lower bound")
                && text.contains("Harbour authorities in Port Elwin")
                && text.contains("Port authorities in Port Elwin")
        }
    }

    @Test func falseNotReusedShowsTheCopiedPassages() {
        withKnownIssue {
            expectNotReused(Articles.wire, Articles.edited, atMost: 0.2)
        } matching: { issue in
            let text = Self.text(of: issue)
            return text.contains("expected coverage ≤ 0.2000") && text.contains("The Marisol, a")
                && text.contains(" │ ")
        }
    }

    @Test func falsePassageAndRelationExpectationsRecordIssues() {
        withKnownIssue {
            expectPassageReused(Articles.droppedPassage, from: Articles.wire, in: Articles.edited)
        } matching: { Self.text(of: $0).contains("Local fishing crews") }
        withKnownIssue {
            expectOnlyQuotes(Articles.wire, Articles.edited)
        } matching: { Self.text(of: $0).contains("the relation is edited") }
        withKnownIssue {
            expectOnlyBoilerplate(Articles.wire, Articles.unrelated)
        } matching: { Self.text(of: $0).contains("they share nothing") }
    }

    /// The XCTest-style assertions, called from a Swift Testing test, record an `Issue` (an
    /// `XCTFail` here would pass silently) at the caller's file and line.
    @Test func xctestAssertionsRecordIssuesUnderSwiftTesting() {
        #expect(XCTAssertNearDuplicate(Articles.wire, Articles.republished, atLeast: 0.8).isSatisfied)
        let line = #line + 2
        withKnownIssue {
            XCTAssertNotReused(Articles.wire, Articles.edited, atMost: 0.2, "edited copy")
        } matching: { issue in
            let text = Self.text(of: issue)
            return issue.sourceLocation?.line == line
                && issue.sourceLocation?.fileName == "SwiftTestingExpectationTests.swift"
                && issue.sourceLocation?.moduleName == "SyndicationTestingTests"
                && text.hasPrefix("edited copy\n") && text.contains("coverage")
        }
    }

    static func text(of issue: Issue) -> String {
        issue.comments.map(\.rawValue).joined(separator: "\n")
    }
}
