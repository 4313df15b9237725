import Testing
@testable import SyndicationScan

/// ``PassageAligner/isChance(shared:_:_:)`` answers as its whole formula does (a tenth of the
/// smaller set, then the Jaccard against half of the seed threshold) for every small count
/// and for thresholds on both sides of where the division is skipped.
@Suite struct ChanceSharingTests {
    static func plainIsChance(shared: Int, _ left: Int, _ right: Int, threshold: Double) -> Bool {
        guard 10 * shared < min(left, right) else { return false }
        let union = left + right - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        return jaccard < threshold / 2
    }

    @Test(arguments: [0.0, 0.05, 0.1, 0.1052, 0.1053, 0.106, 0.11, 0.125, 0.25, 0.5, 1.0])
    func isChanceIsTheWholeFormula(threshold: Double) {
        let aligner = PassageAligner(seedThreshold: threshold)
        var chance = 0, differences: [String] = []
        for left in 0...120 {
            for right in 0...120 {
                for shared in 0...min(left, right) {
                    let fast = aligner.isChance(shared: shared, left, right)
                    if fast != Self.plainIsChance(shared: shared, left, right, threshold: threshold) {
                        differences.append("\(shared) of \(left), \(right)")
                    }
                    if fast { chance += 1 }
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(threshold == 0 || chance > 0)
    }
}
