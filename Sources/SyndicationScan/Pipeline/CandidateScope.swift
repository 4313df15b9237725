/// Which rules propose the candidate pairs a scan verifies.
public enum CandidateScope: String, Sendable, CaseIterable {
    /// Document-level MinHash LSH, rare lines two documents share, and sentence fingerprints
    /// (``PassageFingerprints``): whole, partial and reworded copy. The default.
    case passages
    /// Document-level MinHash LSH alone (and identical texts): near-duplicates of the whole
    /// text, at Jaccard ``ScanParameters/lshThreshold`` and above, which is what deduplication
    /// tools look for. Partial and sentence-by-sentence reworded copy is not looked for, and
    /// the report says so in a warning.
    ///
    /// Since LSH is then the only way a pair is found, its banding is tuned for recall at the
    /// threshold (``lshFalseNegativeWeight``), and the extra candidates that brings are
    /// screened before they are read again: a pair whose MinHash estimate is confidently below
    /// the threshold (its upper bound, at ``ScanParameters/confidenceZ``, is under it) is
    /// dropped (``BBitSignatures``).
    case documents

    /// The weight of a missed pair against a false candidate when the LSH banding is chosen
    /// (``LSHParameters/optimal(threshold:permutationCount:falsePositiveWeight:falseNegativeWeight:)``,
    /// whose false-positive weight is 1 minus this).
    ///
    /// Passages: 0.5, the usual even weighting (25 bands × 5 rows at 0.5 and *k* = 128), since
    /// sentence fingerprints and shared lines propose candidates too. Documents: 0.9 (32 × 4),
    /// since a pair LSH misses is lost while a false candidate costs one comparison of
    /// b-bit signatures; at Jaccard 0.5 a pair becomes a candidate with probability 0.87
    /// instead of 0.55.
    public var lshFalseNegativeWeight: Double {
        switch self {
        case .passages: 0.5
        case .documents: 0.9
        }
    }
}
