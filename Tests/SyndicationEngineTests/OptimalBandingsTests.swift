import Testing
@testable import SyndicationEngine

/// The process's memory of optimal bandings gives what computing afresh gives, per setting.
@Suite struct OptimalBandingsTests {
    /// Settings asked in an interleaved order (each twice) get the banding computed afresh for
    /// that very setting: a memory keyed on too little (the threshold alone, say) would hand
    /// one setting's banding to another, and these settings' optima differ.
    @Test func rememberedBandingsAreEachSettingsOwn() {
        let settings = [
            OptimalBandings.Setting(threshold: 0.5, permutationCount: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5),
            OptimalBandings.Setting(threshold: 0.5, permutationCount: 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9),
            OptimalBandings.Setting(threshold: 0.5, permutationCount: 64, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5),
            OptimalBandings.Setting(threshold: 0.8, permutationCount: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5),
        ]
        let fresh = settings.map { LSHParameters.computedOptimal(for: $0) }
        #expect(Set(fresh).count == settings.count, "the settings were chosen to have different optima")
        for _ in 0..<2 {
            for (setting, expected) in zip(settings, fresh) {
                let remembered = LSHParameters.optimal(
                    threshold: setting.threshold, permutationCount: setting.permutationCount,
                    falsePositiveWeight: setting.falsePositiveWeight, falseNegativeWeight: setting.falseNegativeWeight)
                #expect(remembered == expected, "\(setting)")
            }
        }
    }

    /// A remembered setting is not computed again, a new one is, and the memory starts afresh
    /// when it is full rather than growing past its capacity.
    @Test func computesEachSettingOnceAndStaysBounded() {
        let memory = OptimalBandings()
        var computed = 0
        func banding(_ threshold: Double) -> LSHParameters {
            memory.banding(for: .init(threshold: threshold, permutationCount: 16, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)) {
                computed += 1
                return LSHParameters.computedOptimal(for: $0)
            }
        }
        let first = banding(0.5)
        #expect(banding(0.5) == first)
        #expect(computed == 1)
        _ = banding(0.6)
        #expect(computed == 2)
        for index in 0..<(2 * OptimalBandings.capacity) { _ = banding(0.01 + Double(index) / 200) }
        #expect(memory.count <= OptimalBandings.capacity)
        #expect(memory.count >= 1)
    }
}
