/// A set of sentence pairs of two documents (a sentence of the first, one of the second): a
/// bit per pair, so that asking for one costs an index rather than a hash.
struct SentencePairSet {
    /// Bit `first * columns + second` is set when the set holds that pair.
    private var bits: [UInt64]
    /// The second document's sentence count.
    private let columns: Int

    /// The empty set of pairs of `rows` sentences of the first document and `columns` of the
    /// second.
    init(rows: Int, columns: Int) {
        self.columns = columns
        bits = [UInt64](repeating: 0, count: (rows * columns + 63) / 64)
    }

    /// Whether the set holds sentence `first` of the first document with sentence `second` of
    /// the second.
    @inline(__always)
    func contains(_ first: Int, _ second: Int) -> Bool {
        let index = first &* columns &+ second
        return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds the pair of sentence `first` of the first document and `second` of the second.
    @inline(__always)
    mutating func insert(_ first: Int, _ second: Int) {
        let index = first &* columns &+ second
        bits[index >> 6] |= 1 << UInt64(index & 63)
    }
}
