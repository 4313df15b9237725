/// A prepared document held by reference while the pairs of a batch or tile read it: handing
/// it to a pair retains the holder once, where a copy of ``PreparedDocument`` retains each of
/// the many arrays and strings it carries (its text, profile, shingle index and sketches).
final class HeldDocument: Sendable {
    /// The document.
    let prepared: PreparedDocument

    /// `prepared`, held.
    init(_ prepared: PreparedDocument) {
        self.prepared = prepared
    }

    /// ``PairVerifier/verify(_:_:)`` of this document and `other`, both read where they are held.
    func verified(with other: HeldDocument, by verifier: PairVerifier) -> PairFinding? {
        verifier.verify(prepared, other.prepared)
    }
}
