import NewsDesk
import SyndicationTesting
import Testing

/// Swift Testing: each `expect…` records an issue at its own line when it does not hold.
@Suite struct NewsDeskExpectationTests {
    /// Republishing adds a credit line and must leave a near-duplicate. The estimate's lower
    /// bound must reach 0.8, so this holds whatever the MinHash seed.
    @Test func republishedStoryIsANearDuplicate() {
        expectNearDuplicate(Stories.wire, NewsDesk.republish(Stories.wire, credit: "Coastal Wire"), atLeast: 0.8)
    }

    /// House style changes spellings only: all of the story is still aligned as copy.
    @Test func houseStyleKeepsTheCopy() {
        let styled = NewsDesk.houseStyle(Stories.wire)
        expectNearDuplicate(Stories.wire, styled, atLeast: 0.9, score: .coverage)
        expectPassageReused("Two tugboats tried to pull the vessel free at high tide but failed", from: Stories.wire, in: styled)
    }

    /// Unrelated stories must stay apart: even the upper bound of the estimate stays low.
    @Test func unrelatedStoriesShareNothing() {
        expectNotReused(Stories.wire, Stories.library, atMost: 0.05, score: .jaccard)
        expectNotReused(Stories.wire, Stories.library, atMost: 0.05)
    }

    /// Deliberately false, to show a failure: house style changes a few words in most
    /// sentences, so the exact Jaccard of word 5-shingles is far below 0.95 (run with
    /// SYNDETECT_EXAMPLE_FAIL=1).
    @Test(.enabled(if: Stories.showFailures)) func deliberatelyFalseNearDuplicate() {
        expectNearDuplicate(Stories.wire, NewsDesk.houseStyle(Stories.wire), atLeast: 0.95, mode: .exact)
    }
}
