/// How many binomial samples a one-permutation Jaccard estimate is worth.
///
/// Model (Li, Owen & Zhang, NIPS 2012; Shrivastava, ICML 2017): of the *k* bins, the *F*
/// filled by the union *A* ∪ (|*A* ∪ *B*| = *U*) each hold the least of a few union elements,
/// which is in *A* ∩ *B* with probability *J*; as *F* draws without replacement from *U*
/// elements their mean has variance *J*(1−*J*)/*F* · (*U* − *F*)/(*U* − 1). Each of the
/// *k* − *F* bins empty in both copies, under optimal densification, the first bin of its
/// seeded sequence that either set filled: a uniform draw with replacement among the *F*,
/// adding *J*(1−*J*)·(*k* − *F*)/*k*² to the variance of the share of matching positions.
/// So
///
///     Var ≈ J(1 − J) · [ (k − F)/k² + (U − F) / (F·(U − 1)) ]
///
/// and the effective sample size is 1 / [ … ], capped at *k* so that the bounds are never
/// narrower than classic MinHash's. When the union fills every bin this is *k*; for a union
/// of 40 shingles in 128 bins it is about 98 (variance 1.3 × binomial), which the tests check
/// by the coverage of the resulting intervals. *F* is read off the signatures: a value lies in
/// its own bin's hash range exactly when that bin was filled (see ``MinHasher``). *U* is
/// estimated as the least *U* whose expected number of filled bins, *k*(1 − (1 − 1/*k*)ᵁ),
/// reaches *F*.
extension MinHashSignature {
    /// The number of positions filled by shingles, not densification, in either signature.
    ///
    /// - Complexity: O(*k*).
    func unionFilledBinCount(with other: MinHashSignature) -> Int {
        let count = values.count
        var filled = 0
        for bin in 0..<count {
            let value = values[bin]
            let otherValue = other.values[bin]
            if (value != .max && MinHashMixing.reduce(value, into: count) == bin)
                || (otherValue != .max && MinHashMixing.reduce(otherValue, into: count) == bin) {
                filled += 1
            }
        }
        return filled
    }

    /// The effective sample size of a one-permutation estimate with `filledBins` of
    /// `binCount` bins filled by the union.
    ///
    /// - Complexity: O(log² *k*).
    static func onePermutationEffectiveSampleSize(filledBins: Int, binCount: Int) -> Double {
        let k = Double(binCount)
        guard filledBins > 0 else { return k }
        let filled = Double(filledBins)
        var correction = 1.0
        if filledBins < binCount {
            let union = Double(estimatedUnionSize(filledBins: filledBins, binCount: binCount))
            correction = union > filled ? (union - filled) / (union - 1) : 0
        }
        let variance = (k - filled) / (k * k) + correction / filled
        return Swift.min(k, 1 / variance)
    }

    /// The least *U* ≥ `filledBins` with *k*(1 − (1 − 1/*k*)ᵁ) ≥ `filledBins`, by bisection.
    ///
    /// - Precondition: `0 < filledBins < binCount`.
    static func estimatedUnionSize(filledBins: Int, binCount: Int) -> Int {
        let emptyShare = 1 - Double(filledBins) / Double(binCount)
        let stay = 1 - 1 / Double(binCount)
        // (1 − 1/k)^U ≤ 1 − F/k; at F = k − 1 that needs U ≈ k ln k < 64 k.
        var low = filledBins
        var high = 64 * binCount
        while low < high {
            let middle = (low + high) / 2
            if stay.raised(to: middle) <= emptyShare { high = middle } else { low = middle + 1 }
        }
        return low
    }

}
