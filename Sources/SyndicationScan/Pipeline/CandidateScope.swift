/// Which rules propose the candidate pairs a scan verifies.
public enum CandidateScope: String, Sendable, CaseIterable {
    /// Document-level MinHash LSH, rare lines two documents share, and sentence fingerprints
    /// (``PassageFingerprints``): whole, partial and reworded copy. The default.
    case passages
    /// Document-level MinHash LSH alone (and identical texts): near-duplicates of the whole
    /// text, at estimated Jaccard around ``ScanParameters/lshThreshold`` and above, which is
    /// what deduplication tools look for. Partial and sentence-by-sentence reworded copy is
    /// not looked for, and the report says so in a warning.
    case documents
}
