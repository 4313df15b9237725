import SyndicationEngine

/// The settings of a scan. The report records them so that a finding can be reproduced.
public struct ScanParameters: Codable, Hashable, Sendable {
    /// Document-level shingles for Jaccard, containment, MinHash and SimHash.
    public var documentShingling: Shingling = .words5
    /// MinHash permutation count (signature length).
    public var permutationCount: Int = 128
    /// `one-permutation` (Li et al. 2012 with densification) or `classic` (Broder 1997).
    public var minhashScheme: MinHashScheme = .onePermutation
    /// Seed of the MinHash permutations and SimHash.
    public var seed: UInt64 = 0x5EED
    /// Jaccard threshold the document-level LSH bands are tuned for.
    public var lshThreshold: Double = 0.5
    /// z-score of the confidence bounds on estimates (1.96 for 95 %).
    public var confidenceZ: Double = 1.96
    /// Character-shingle size of sentence fingerprints and passage similarity.
    public var sentenceShingleSize: Int = 5
    /// Least character-shingle Jaccard for two sentences to seed an alignment.
    public var sentenceSeedThreshold: Double = 0.25
    /// Most sentences a gap inside one aligned passage may skip, on either side.
    public var maximumGapSentences: Int = 3
    /// Least number of words of copied prose for a pair to count as reuse.
    public var minimumCopyWords: Int = 25
    /// A line repeated in this many documents or more is boilerplate wherever it stands.
    public var boilerplateDocumentCount: Int = 10
    /// Worker threads; 0 means all cores. Results do not depend on it, so reports leave it
    /// out: the same input gives byte-identical reports at any thread count.
    public var threads: Int = 0

    /// The default settings.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case documentShingling = "document_shingling"
        case permutationCount = "permutation_count"
        case minhashScheme = "minhash_scheme"
        case seed
        case lshThreshold = "lsh_threshold"
        case confidenceZ = "confidence_z"
        case sentenceShingleSize = "sentence_shingle_size"
        case sentenceSeedThreshold = "sentence_seed_threshold"
        case maximumGapSentences = "maximum_gap_sentences"
        case minimumCopyWords = "minimum_copy_words"
        case boilerplateDocumentCount = "boilerplate_document_count"
    }
}
