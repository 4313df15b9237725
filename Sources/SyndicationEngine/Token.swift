/// A word of a document: where it stands in the original text and where its folded form
/// stands in ``AnalyzedText/folded``.
public struct Token: Hashable, Sendable {
    /// First code point of the word in the original text.
    public var start: Int32
    /// One past the last code point of the word in the original text.
    public var end: Int32
    /// First byte of the folded word in ``AnalyzedText/folded``.
    public var foldedStart: Int32
    /// One past the last byte of the folded word in ``AnalyzedText/folded``.
    public var foldedEnd: Int32

    /// The word's code-point span in the original text.
    public var span: TextSpan { TextSpan(start: Int(start), end: Int(end)) }
}
