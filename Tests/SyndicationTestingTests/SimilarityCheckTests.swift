import Testing
@testable import SyndicationTesting

/// The framework-free core: measurements and verdicts.
@Suite struct SimilarityCheckTests {
    let check = SimilarityCheck()

    @Test func republishedCopyIsANearDuplicateInBothModes() {
        for mode in SimilarityMode.allCases {
            let verdict = check.nearDuplicate(Articles.wire, Articles.republished, atLeast: 0.8, mode: mode)
            #expect(verdict.isSatisfied, "\(mode): \(verdict.message)")
            #expect(verdict.measurement.relation == .verbatim)
        }
    }

    @Test func unrelatedStoriesAreNotReusedByAnyScore() {
        for score in SimilarityScore.allCases {
            let verdict = check.notReused(Articles.wire, Articles.unrelated, atMost: 0.1, score: score)
            #expect(verdict.isSatisfied, "\(score): \(verdict.message)")
        }
        #expect(check.measure(Articles.wire, Articles.unrelated).finding == nil)
    }

    /// "Must be similar" reads the lower bound and "must not" the upper bound in estimate
    /// mode; exact mode reads the exact score. A threshold between the bound and the exact
    /// value separates the two modes.
    @Test func estimateModeComparesTheBoundsExactModeTheScore() throws {
        let measured = check.measure(Articles.wire, Articles.edited)
        for score in [SimilarityScore.jaccard, .containment] {
            let value = measured.measurement(of: score)
            try #require(value.lower < value.exact && value.exact < value.upper, "\(value)")
            let between = (value.lower + value.exact) / 2
            #expect(!check.nearDuplicate(Articles.wire, Articles.edited, atLeast: between, score: score).isSatisfied)
            #expect(check.nearDuplicate(Articles.wire, Articles.edited, atLeast: between, score: score, mode: .exact).isSatisfied)
            let above = (value.exact + value.upper) / 2
            #expect(!check.notReused(Articles.wire, Articles.edited, atMost: above, score: score).isSatisfied)
            #expect(check.notReused(Articles.wire, Articles.edited, atMost: above, score: score, mode: .exact).isSatisfied)
        }
    }

    /// Coverage has no estimate: both modes compare the aligned share itself.
    @Test func coverageIsTheSameInBothModes() {
        let coverage = check.measure(Articles.wire, Articles.edited).coverage
        #expect(!coverage.isEstimated)
        #expect(coverage.lower == coverage.exact && coverage.upper == coverage.exact)
        #expect(coverage.exact > 0.5)
        for mode in SimilarityMode.allCases {
            #expect(check.nearDuplicate(Articles.wire, Articles.edited, atLeast: coverage.exact, score: .coverage, mode: mode).isSatisfied)
            #expect(!check.notReused(Articles.wire, Articles.edited, atMost: coverage.exact - 0.01, mode: mode).isSatisfied)
        }
    }

    /// Coverage is the shorter text's: the edited copy drops sentences of the wire story, so
    /// the shorter one is almost all copy while the wire story is not.
    @Test func coverageIsTheShorterTextsShare() {
        let short = String(Articles.wire.prefix(520))
        let measured = check.measure(short, Articles.edited)
        #expect(measured.coverage.exact == measured.firstCoverage)
        let reversed = check.measure(Articles.edited, short)
        #expect(reversed.coverage.exact == reversed.secondCoverage)
        #expect(measured.coverage.exact == reversed.coverage.exact)
    }

    /// With the set sizes known, |A ∩ B| = J(|A| + |B|)/(1 + J): fed the exact Jaccard, the
    /// map from Jaccard to containment must give the exact containment.
    @Test func containmentBoundsFollowFromJaccardBounds() {
        let measured = check.measure(Articles.wire, Articles.edited)
        let sizes = (measured.firstShingleCount, measured.secondShingleCount)
        let derived = SimilarityMeasurement.containment(jaccard: measured.jaccard.exact, sizes: sizes)
        #expect(abs(derived - measured.containment.exact) < 1e-9)
        #expect(measured.containment.lower <= measured.containment.estimate)
        #expect(measured.containment.estimate <= measured.containment.upper)
        #expect(SimilarityMeasurement.containment(jaccard: 1, sizes: (10, 10)) == 1)
        #expect(SimilarityMeasurement.containment(jaccard: 0.5, sizes: (0, 10)) == 0)
    }

    @Test func aKeptPassageIsReusedADroppedOneIsNot() {
        let kept = check.passageReused(Articles.keptPassage, from: Articles.wire, in: Articles.edited)
        #expect(kept.isSatisfied, "\(kept.message)")
        let dropped = check.passageReused(Articles.droppedPassage, from: Articles.wire, in: Articles.edited)
        #expect(!dropped.isSatisfied)
        #expect(dropped.summary.contains("0.0 %"))
        let absent = check.passageReused("The moon is made of cheese.", from: Articles.wire, in: Articles.edited)
        #expect(!absent.isSatisfied)
        #expect(absent.summary.contains("does not contain it"))
    }

    /// Seeds 002 and 003 share quotations only; 003 and 004 only the aggregator's template.
    @Test func seedPagesShareOnlyQuotesOrOnlyBoilerplate() throws {
        let quotes = check.onlyQuotes(try Articles.seed("002"), try Articles.seed("003"))
        #expect(quotes.isSatisfied, "\(quotes.message)")
        let boilerplate = check.onlyBoilerplate(try Articles.seed("003"), try Articles.seed("004"))
        #expect(boilerplate.isSatisfied, "\(boilerplate.message)")
        #expect(!check.onlyBoilerplate(try Articles.seed("002"), try Articles.seed("003")).isSatisfied)
    }

    @Test func copyIsNeitherOnlyQuotesNorOnlyBoilerplate() {
        let quotes = check.onlyQuotes(Articles.wire, Articles.edited)
        #expect(!quotes.isSatisfied)
        #expect(quotes.summary.contains("the relation is edited"))
        let nothing = check.onlyBoilerplate(Articles.wire, Articles.unrelated)
        #expect(!nothing.isSatisfied)
        #expect(nothing.summary.contains("they share nothing"))
    }

    /// The settings travel: a seed changes the estimate, never the exact score.
    @Test func parametersReachTheMeasurement() {
        var parameters = ScanParameters()
        parameters.seed = 12345
        parameters.permutationCount = 256
        let other = SimilarityCheck(parameters: parameters).measure(Articles.wire, Articles.edited)
        let base = check.measure(Articles.wire, Articles.edited)
        #expect(other.jaccard.exact == base.jaccard.exact)
        #expect(other.jaccard.estimate != base.jaccard.estimate || other.jaccard.lower != base.jaccard.lower)
        #expect(other.parameters.permutationCount == 256)
    }
}
