/// How far a scan has got, for a progress display.
public enum ScanProgress: Sendable {
    /// Reading the corpus (first pass): this many documents read so far.
    case reading(documents: Int)
    /// Sketching (second pass): `done` of `total` documents.
    case sketching(done: Int, total: Int)
    /// Looking for candidate pairs.
    case findingCandidates
    /// Verifying and aligning: `done` of `total` candidate pairs.
    case verifying(done: Int, total: Int)
    /// Deciding direction, credit and clusters.
    case resolvingProvenance
    /// Finished.
    case finished
}
