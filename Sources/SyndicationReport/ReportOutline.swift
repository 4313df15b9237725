import SyndicationEngine
import SyndicationScan

/// What the Markdown and HTML reports show, worked out once from a ``ReportInput`` so that both
/// show the same content in the same order. Nothing here depends on dictionary order.
struct ReportOutline {
    let input: ReportInput
    /// Clusters by spread: member count, then outlet count, then uncredited copies (each most
    /// first), then id. ``ClusterView/number`` is the rank.
    let clusters: [ClusterView]
    /// Reuse pairs: uncredited first, then credited, then undetermined; each by relation and ids.
    let reusePairs: [PairView]
    /// Pairs that share only quotations or page template, quotes first.
    let sharedPairs: [PairView]
    /// Documents in report order, with their credits.
    let documents: [DocumentView]
    /// Distinct outlets, sorted; a document's outlet is filtered by its position here.
    let outlets: [String]
    private let documentIndex: [String: Int]
    /// The cluster (index into ``clusters``) each pair between two of its members belongs to.
    private let clusterIndexByPair: [String: Int]

    var report: ScanReport { input.report }

    init(_ input: ReportInput) {
        self.input = input
        let report = input.report
        documents = report.documents.map(DocumentView.init)
        var documentIndex: [String: Int] = [:]
        for (index, document) in documents.enumerated() where documentIndex[document.summary.id] == nil {
            documentIndex[document.summary.id] = index
        }
        self.documentIndex = documentIndex
        outlets = Set(report.documents.compactMap(\.outlet)).sorted()
        let texts = DocumentTexts(texts: input.texts, ids: report.pairs.flatMap { [$0.a, $0.b] })
        var anchors = Anchors.Registry()

        let pairViews = report.pairs.map { PairView($0, texts: texts, anchors: &anchors) }
        reusePairs = pairViews.filter { $0.pair.relation.isReuse }.sorted { lhs, rhs in
            (lhs.creditRank, lhs.relationRank, lhs.pair.a, lhs.pair.b)
                < (rhs.creditRank, rhs.relationRank, rhs.pair.a, rhs.pair.b)
        }
        sharedPairs = pairViews.filter { !$0.pair.relation.isReuse }.sorted { lhs, rhs in
            (lhs.relationRank, lhs.pair.a, lhs.pair.b) < (rhs.relationRank, rhs.pair.a, rhs.pair.b)
        }
        let byID = Dictionary(documents.map { ($0.summary.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ranked = report.clusters
            .map { ClusterView($0, documents: byID, pairs: pairViews, anchors: &anchors) }
            .sorted { lhs, rhs in
                (rhs.cluster.members.count, rhs.outletCount, rhs.uncreditedCount, lhs.cluster.id)
                    < (lhs.cluster.members.count, lhs.outletCount, lhs.uncreditedCount, rhs.cluster.id)
            }
        clusters = ranked.enumerated().map { index, view in
            var numbered = view
            numbered.number = index + 1
            return numbered
        }
        var clusterIndexByPair: [String: Int] = [:]
        for (index, view) in clusters.enumerated() {
            for pair in view.pairs where clusterIndexByPair[pair.anchor] == nil { clusterIndexByPair[pair.anchor] = index }
        }
        self.clusterIndexByPair = clusterIndexByPair
    }

    /// The cluster whose members the pair joins, if any.
    func cluster(of pair: PairView) -> ClusterView? { clusterIndexByPair[pair.anchor].map { clusters[$0] } }

    /// The number of pairs of each relation, in `Relation.allCases` order.
    var relationCounts: [(relation: Relation, count: Int)] {
        Relation.allCases.map { relation in (relation, report.pairs.count { $0.relation == relation }) }
    }

    /// The number of reuse pairs that do not credit their source.
    var uncreditedCount: Int { reusePairs.count { $0.pair.credited == false } }

    /// Uncredited reuse pairs, in report order.
    var uncreditedPairs: [PairView] { reusePairs.filter { $0.pair.credited == false } }

    /// Whether passages start unfolded: in a short report; a long one folds them so the page
    /// can be skimmed.
    var passagesStartOpen: Bool { reusePairs.count <= 10 }

    /// The document with `id`, when the report lists it.
    func document(_ id: String) -> DocumentView? { documentIndex[id].map { documents[$0] } }

    /// `id · outlet`, or the id alone when the outlet is unknown.
    func label(_ id: String) -> String {
        guard let outlet = document(id)?.summary.outlet else { return id }
        return "\(id) · \(outlet)"
    }

    /// The filter token of an outlet: `o1`, `o2`, … by sorted position, `o0` for unknown.
    func outletToken(_ outlet: String?) -> String {
        guard let outlet, let index = outlets.firstIndex(of: outlet) else { return "o0" }
        return "o\(index + 1)"
    }

    /// The filter tokens of the documents `ids`: their outlets, each once, sorted.
    func outletTokens(_ ids: [String]) -> [String] {
        Set(ids.map { outletToken(document($0)?.summary.outlet) }).sorted()
    }
}

extension ScanParameters {
    /// Every setting as (name, value), names as the JSON report spells them.
    var reportRows: [(name: String, value: String)] {
        [
            ("document_shingling", documentShingling.description),
            ("permutation_count", String(permutationCount)),
            ("minhash_scheme", Self.spelling(minhashScheme)),
            ("seed", "\(seed) (0x\(String(seed, radix: 16)))"),
            ("lsh_threshold", ReportNumbers.fixed(lshThreshold, digits: 4)),
            ("confidence_z", ReportNumbers.fixed(confidenceZ, digits: 4)),
            ("sentence_shingle_size", String(sentenceShingleSize)),
            ("sentence_seed_threshold", ReportNumbers.fixed(sentenceSeedThreshold, digits: 4)),
            ("maximum_gap_sentences", String(maximumGapSentences)),
            ("minimum_copy_words", String(minimumCopyWords)),
            ("boilerplate_document_count", String(boilerplateDocumentCount)),
        ]
    }

    private static func spelling(_ value: String) -> String { value }

    private static func spelling<Value: RawRepresentable>(_ value: Value) -> String
    where Value.RawValue == String { value.rawValue }
}
