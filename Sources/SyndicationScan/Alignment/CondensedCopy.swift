import SyndicationEngine

/// Condensed copy: one document keeps a few sentences of a long passage of the other side by
/// side (a summary, an abstract, a digest paragraph).
extension PassageAligner {
    /// Most code points between two passages in the document where a condensed copy (a
    /// summary) keeps them together.
    public static let condensedNearGap = 300
    /// Most code points between the same two passages in the document they condense.
    public static let condensedFarGap = 2_500
    /// Least ratio of the longer side to the shorter of two passages joined as a condensation.
    public static let condensedRatio = 2.0

    /// Copy passages joined where one document condenses the other: two passages, in the same
    /// order in both documents, that lie at most ``condensedNearGap`` code points apart in one
    /// and at most ``condensedFarGap`` apart in the other, with the joined passage at least
    /// ``condensedRatio`` times longer on one side than on the other. A summary keeps a few
    /// sentences of a long passage next to each other (Sanchez-Perez, Sidorov & Gelbukh 2014
    /// align summaries with a larger gap on the source side); without joining, one summary is
    /// reported as two or three short passages. Other passages are returned as they are.
    /// `passages` must be sorted by position in the first document.
    public static func joinedCondensations(_ passages: [AlignedPassage]) -> [AlignedPassage] {
        var result: [AlignedPassage] = []
        for passage in passages {
            guard passage.kind.isCopy, let index = result.lastIndex(where: \.kind.isCopy) else {
                result.append(passage)
                continue
            }
            let last = result[index]
            let gapA = passage.a.start - last.a.end, gapB = passage.b.start - last.b.end
            let inOrder = gapA >= 0 && gapB >= 0
            let condensed = (gapA <= condensedNearGap && gapB <= condensedFarGap)
                || (gapB <= condensedNearGap && gapA <= condensedFarGap)
            var joined = last
            joined.a = last.a.union(passage.a)
            joined.b = last.b.union(passage.b)
            let longer = Double(max(joined.a.length, joined.b.length))
            let shorter = Double(max(1, min(joined.a.length, joined.b.length)))
            guard inOrder, condensed, longer >= condensedRatio * shorter else {
                result.append(passage)
                continue
            }
            let lengthLast = Double(last.a.length), lengthNew = Double(passage.a.length)
            joined.similarity = (last.similarity * lengthLast + passage.similarity * lengthNew)
                / max(1, lengthLast + lengthNew)
            joined.kind = joined.similarity >= verbatimSimilarity ? .verbatim
                : joined.similarity >= editedSimilarity ? .edited : .rewritten
            result[index] = joined
        }
        return result
    }
}
