import SyndicationEngine

extension RadixSort {
    /// Sorts `pairs` ascending, as `sort(by: <)` does, by a radix sort of (first, second), which
    /// document numbers below 2³² make one 64-bit key (equal pairs are equal values, so the
    /// order among them cannot show).
    ///
    /// - Complexity: O(*n*) for *n* pairs (``sort(_:keyBits:by:)``).
    static func sort(_ pairs: inout [CandidatePair]) {
        sort(&pairs, keyBits: 64) { UInt64(truncatingIfNeeded: $0.first) << 32 | UInt64(truncatingIfNeeded: $0.second) }
    }
}
