/// Why two sketches cannot be compared, or one cannot be added to an index.
///
/// A sketch carries its parameters (seed, permutation count, scheme, shingling, format version);
/// sketches made under different parameters sample different permutations, so any similarity
/// computed between them would be meaningless rather than merely noisy. Comparing them throws.
public enum SketchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The two sketches (or a sketch and an index) were made with different parameters;
    /// the payloads describe each side's parameters.
    case incompatibleParameters(String, String)

    /// A message naming both sides' parameters.
    public var description: String {
        switch self {
        case let .incompatibleParameters(left, right):
            return "incompatible sketch parameters: \(left) vs \(right)"
        }
    }
}
