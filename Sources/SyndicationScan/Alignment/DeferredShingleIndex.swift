import SyndicationEngine

/// The first document's ``SentenceShingleIndex`` for aligning one pair, its hash table and bit
/// sets built only on first need.
///
/// A document the scan did not index (it stands in one pair) is indexed for that pair. Seeding
/// through twins (``SentenceTwins``) reads the second document's index alone when every
/// sentence of the first with shingles has a twin, and a passage whose sentences' twins hold
/// the same shingles needs no counting: in a verbatim copy the first document's table is never
/// read. Its word frequencies and sentence word counts, which every pair reads, are made at
/// once, by the same functions the index's initializer uses; the rest is the index itself,
/// built from the same profile when first asked for (the same index, so the same counts).
///
/// One pair's alignment uses it on one thread; it is not shared.
final class DeferredShingleIndex {
    /// The indexed profile, while the index is to be built from it.
    private let profile: DocumentProfile?
    /// The index, once built (or given).
    private var built: SentenceShingleIndex?
    /// The profile's sentence count (``SentenceShingleIndex/sentenceCount``).
    let sentenceCount: Int
    /// ``SentenceShingleIndex/wordFrequencies``.
    let wordFrequencies: SentenceWordFrequencies
    /// ``SentenceShingleIndex/sentenceWords``.
    let sentenceWords: [Int32]

    /// An index already built.
    init(built index: SentenceShingleIndex) {
        profile = nil
        built = index
        sentenceCount = index.sentenceCount
        wordFrequencies = index.wordFrequencies
        sentenceWords = index.sentenceWords
    }

    /// The index of `profile`, built on first need; nil when `profile` has more than
    /// ``SentenceShingleIndex/sentenceLimit`` sentences (no index, as
    /// ``SentenceShingleIndex/init(_:)`` gives none).
    init?(_ profile: DocumentProfile) {
        guard profile.sentences.count <= SentenceShingleIndex.sentenceLimit else { return nil }
        self.profile = profile
        sentenceCount = profile.sentences.count
        wordFrequencies = SentenceWordFrequencies(profile)
        sentenceWords = SentenceShingleIndex.wordCounts(of: profile)
    }

    /// Whether the index has been built (or was given).
    var isBuilt: Bool { built != nil }

    /// The index, built now if it was not yet.
    var index: SentenceShingleIndex {
        if let built { return built }
        // The profile has at most `sentenceLimit` sentences; its frequencies and counts are made.
        let made = SentenceShingleIndex(profile!, wordFrequencies: wordFrequencies, sentenceWords: sentenceWords)
        built = made
        return made
    }
}
