/// How a ``MinHasher`` turns a set of shingle hashes into `permutationCount` minima.
///
/// The raw values are the spellings used in reports and configuration files.
public enum MinHashScheme: String, Hashable, Codable, Sendable, CaseIterable {
    /// One-permutation hashing (Li, Owen & Zhang, "One Permutation Hashing", NIPS 2012):
    /// one hash per shingle, the hash range split into `permutationCount` bins, the minimum
    /// kept per bin. Empty bins are filled by optimal densification (Shrivastava, "Optimal
    /// Densification for Fast and Accurate Minwise Hashing", ICML 2017).
    ///
    /// - Complexity: O(*n* + *k*) per signature for *n* shingles and *k* bins
    ///   (plus O(*k*²/*m*) expected for densification when only *m* < *k* bins are filled).
    case onePermutation = "one-permutation"

    /// Classic MinHash (Broder, "On the resemblance and containment of documents", 1997):
    /// `permutationCount` independent hash functions, the minimum of each over the set.
    ///
    /// - Complexity: O(*n*·*k*) per signature.
    case classic
}
