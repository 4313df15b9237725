import Testing
@testable import SyndicationScan

@Suite struct PublicationTimeTests {
    @Test func parsesOffsetsToUTC() throws {
        let plus = try #require(PublicationTime(iso8601: "2005-03-08T14:32:00+01:00"))
        let zulu = try #require(PublicationTime(iso8601: "2005-03-08T13:32:00Z"))
        #expect(plus.secondsSinceEpoch == zulu.secondsSinceEpoch)
        #expect(zulu.secondsSinceEpoch == 1_110_288_720)
        #expect(plus.uncertainty == 60)
    }

    @Test func dateOnlyAndMidnightAreDayPrecise() throws {
        let date = try #require(PublicationTime(iso8601: "2025-07-22"))
        let midnight = try #require(PublicationTime(iso8601: "2025-07-22T00:00:00+03:00"))
        #expect(date.uncertainty == 86_400)
        #expect(midnight.uncertainty == 86_400)
        let afternoon = try #require(PublicationTime(iso8601: "2025-07-22T15:00:00Z"))
        #expect(!date.isSurelyBefore(afternoon))
        let nextDay = try #require(PublicationTime(iso8601: "2025-07-23T15:00:00Z"))
        #expect(date.isSurelyBefore(nextDay))
        #expect(!nextDay.isSurelyBefore(date))
    }

    @Test(arguments: ["", "yesterday", "2025-13-01", "2025-07-22T25:00", "2025-07-22T10:00+5"])
    func rejectsMalformed(_ text: String) {
        #expect(PublicationTime(iso8601: text) == nil)
    }
}
