import SyndicationEngine

/// A document with everything the scan derives from it once: analysed text, sketches,
/// alignment profile and credits.
public struct PreparedDocument: Sendable {
    /// The document as read.
    public var document: Document
    /// Its sorted distinct word-shingle hashes (the exact Jaccard and containment basis).
    public var shingles: [UInt64]
    /// Its MinHash signature.
    public var minhash: MinHashSignature
    /// Its SimHash fingerprint.
    public var simhash: SimHash
    /// Its alignment profile.
    public var profile: DocumentProfile
    /// The keys of its boilerplate lines, with their spans.
    public var boilerplateLines: [(key: UInt64, span: TextSpan)]
    /// The attributions found in its text.
    public var credits: [Credit]
    /// Its profile's sentence shingles, indexed for alignment (nil for a document of more than
    /// ``SentenceShingleIndex/sentenceLimit`` sentences, or when not built).
    public var shingleIndex: SentenceShingleIndex? = nil
    /// The SHA-256 of its text, when the scan made it here (for the report's document list).
    var digest: TextDigest? = nil

    /// The document's id.
    public var id: String { document.id }

    /// Its sentence shingle index for aligning its pairs: the one built when it was analysed,
    /// or one built when a pair first reads it (``DeferredShingleIndex``); nil for a profile
    /// of more than ``SentenceShingleIndex/sentenceLimit`` sentences.
    var deferredShingleIndex: DeferredShingleIndex? {
        shingleIndex.map(DeferredShingleIndex.init(built:)) ?? DeferredShingleIndex(profile)
    }
}
