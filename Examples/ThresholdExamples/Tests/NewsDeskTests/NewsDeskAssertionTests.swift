import NewsDesk
import SyndicationTesting
import XCTest

/// XCTest: each `XCTAssert…` calls `XCTFail` at its own line when it does not hold.
final class NewsDeskAssertionTests: XCTestCase {
    func testRepublishedStoryIsANearDuplicate() {
        XCTAssertNearDuplicate(Stories.wire, NewsDesk.republish(Stories.wire, credit: "Coastal Wire"), atLeast: 0.8)
    }

    func testTeaserReusesTheOpening() {
        let teaser = NewsDesk.teaser(Stories.wire, sentences: 3)
        XCTAssertPassageReused(teaser, from: Stories.wire, in: NewsDesk.republish(Stories.wire, credit: "Coastal Wire"))
        XCTAssertNearDuplicate(teaser, Stories.wire, atLeast: 0.9, score: .containment, mode: .exact)
    }

    func testUnrelatedStoriesShareNothing() {
        // Containment bounds are wider than Jaccard's: with no shared shingle at all, the upper
        // bound at 128 permutations is still about 0.07.
        XCTAssertNotReused(Stories.wire, Stories.library, atMost: 0.1, score: .containment)
    }

    /// Deliberately false, to show a failure: a republished story reuses all of the wire copy
    /// (run with SYNDETECT_EXAMPLE_FAIL=1).
    func testDeliberatelyFalseLimit() throws {
        try XCTSkipUnless(Stories.showFailures, "set SYNDETECT_EXAMPLE_FAIL=1 to see a failing assertion")
        XCTAssertNotReused(Stories.wire, NewsDesk.republish(Stories.wire, credit: "Coastal Wire"), atMost: 0.2,
                           "a republished story is all copy")
    }
}
