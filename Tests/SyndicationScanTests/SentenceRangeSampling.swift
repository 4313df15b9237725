import TestSupport
@testable import SyndicationScan

extension DocumentProfile {
    /// A random range of this profile's sentence indices: a first sentence, then a last one
    /// at or after it, drawn in that order (the shortcut tests compare passages over them).
    ///
    /// - Precondition: the profile has sentences.
    func randomSentenceRange(using generator: inout SeededGenerator) -> ClosedRange<Int> {
        let lower = Int.random(in: 0..<sentences.count, using: &generator)
        return lower...Int.random(in: lower..<sentences.count, using: &generator)
    }
}
