import SyndicationEngine
import SyndicationScan

/// What the Markdown and HTML reports show, worked out once from a ``ReportInput`` so that both
/// show the same content in the same order. Nothing here depends on dictionary order.
struct ReportOutline {
    let input: ReportInput
    /// Clusters by member count (largest first), then id.
    let clusters: [ClusterView]
    /// Reuse pairs: uncredited first, then credited, then undetermined; each by relation and ids.
    let reusePairs: [PairView]
    /// Pairs that share only quotations or page template, quotes first.
    let sharedPairs: [PairView]
    /// Documents in report order, with their credits.
    let documents: [DocumentView]

    var report: ScanReport { input.report }

    init(_ input: ReportInput) {
        self.input = input
        let report = input.report
        let documentsByID = Dictionary(report.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        clusters = report.clusters
            .sorted { ($1.members.count, $0.id) < ($0.members.count, $1.id) }
            .map { ClusterView($0, documents: documentsByID, pairs: pairViews, anchors: &anchors) }
        documents = report.documents.map(DocumentView.init)
    }

    /// The number of pairs of each relation, in `Relation.allCases` order.
    var relationCounts: [(relation: Relation, count: Int)] {
        Relation.allCases.map { relation in (relation, report.pairs.count { $0.relation == relation }) }
    }

    /// The number of reuse pairs that do not credit their source.
    var uncreditedCount: Int { reusePairs.count { $0.pair.credited == false } }
}

/// A document with its credits as listed.
struct DocumentView {
    let summary: DocumentSummary
    let anchor: String
    /// Credited outlets in order of first mention, one each; a name credited only in
    /// boilerplate is marked so.
    let credits: [String]

    init(_ summary: DocumentSummary) {
        self.summary = summary
        anchor = Anchors.document(summary.id)
        credits = Self.creditNames(summary.credits)
    }

    static func creditNames(_ credits: [Credit]) -> [String] {
        var names: [String] = []
        var inBody: Set<String> = []
        for credit in credits {
            if !names.contains(credit.name) { names.append(credit.name) }
            if !credit.inBoilerplate { inBody.insert(credit.name) }
        }
        return names.map { inBody.contains($0) ? $0 : "\($0) (in boilerplate)" }
    }
}

/// A cluster with its members, propagation timeline and pairs.
struct ClusterView {
    struct Member {
        let id: String
        let document: DocumentView?
        let isOrigin: Bool
    }

    /// One member on the propagation timeline.
    struct TimelineEntry {
        let id: String
        let published: String?
        let time: PublicationTime?
        /// Seconds after the earliest dated member; nil when the member has no parsable time.
        let offset: Int64?
        /// Whether day-precise times make the lag approximate.
        let approximate: Bool

        var lagText: String {
            guard let offset else { return "time unknown" }
            if offset == 0 { return approximate ? "earliest (date precision)" : "earliest" }
            return ReportNumbers.lag(seconds: offset) + (approximate ? " (date precision)" : "")
        }
    }

    let cluster: Cluster
    let anchor: String
    let members: [Member]
    /// Members by publication time, then id; members without a parsable time last, by id.
    let timeline: [TimelineEntry]
    /// Pairs between two members, in report order.
    let pairs: [PairView]

    init(_ cluster: Cluster, documents: [String: DocumentSummary], pairs: [PairView],
         anchors: inout Anchors.Registry) {
        self.cluster = cluster
        anchor = anchors.claim(Anchors.cluster(cluster.id))
        members = cluster.members.map { id in
            Member(id: id, document: documents[id].map(DocumentView.init), isOrigin: id == cluster.origin)
        }
        let dated = cluster.members.map { id in
            (id: id, published: documents[id]?.published,
             time: documents[id]?.published.flatMap { PublicationTime(iso8601: $0) })
        }
        let known = dated.compactMap { entry in entry.time.map { (entry.id, entry.published, $0) } }
            .sorted { ($0.2, $0.0) < ($1.2, $1.0) }
        let unknown = dated.filter { $0.time == nil }.sorted { $0.id < $1.id }
        var timeline: [TimelineEntry] = []
        if let earliest = known.first?.2 {
            timeline = known.map { id, published, time in
                TimelineEntry(
                    id: id, published: published, time: time,
                    offset: time.secondsSinceEpoch - earliest.secondsSinceEpoch,
                    approximate: max(time.uncertainty, earliest.uncertainty) >= 3600)
            }
        }
        self.timeline = timeline + unknown.map {
            TimelineEntry(id: $0.id, published: $0.published, time: nil, offset: nil, approximate: false)
        }
        let memberSet = Set(cluster.members)
        self.pairs = pairs.filter { memberSet.contains($0.pair.a) && memberSet.contains($0.pair.b) }
    }

    /// "no origin in the corpus", or the origin's id.
    var originText: String { cluster.origin ?? "no origin in the corpus" }
}

/// A pair with its passages cut from the texts.
struct PairView {
    struct Passage {
        let passage: AlignedPassage
        let a: Excerpt
        let b: Excerpt
    }

    let pair: PairFinding
    let anchor: String
    let passages: [Passage]

    init(_ pair: PairFinding, texts: DocumentTexts, anchors: inout Anchors.Registry) {
        self.pair = pair
        anchor = anchors.claim(Anchors.pair(pair.a, pair.b))
        passages = pair.passages.map {
            Passage(passage: $0, a: texts.excerpt($0.a, of: pair.a), b: texts.excerpt($0.b, of: pair.b))
        }
    }

    var creditRank: Int {
        switch pair.credited {
        case false?: return 0
        case true?: return 1
        case nil: return 2
        }
    }

    var relationRank: Int { Relation.allCases.firstIndex(of: pair.relation) ?? 0 }

    /// `uncredited reuse`, `credited reuse`, `reuse, credit undetermined`, or the
    /// not-copy wording of quotes and boilerplate.
    var verdict: String {
        switch pair.relation {
        case .quotes: return "shared quotations — not copy"
        case .boilerplate: return "shared page template — not copy"
        default:
            switch pair.credited {
            case false?: return "uncredited reuse"
            case true?: return "credited reuse"
            case nil: return "reuse, credit undetermined"
            }
        }
    }

    /// `source → derived` when the direction is known, else `a ↔ b`.
    var direction: String {
        if let source = pair.source, let derived = pair.derived { return "\(source) → \(derived)" }
        return "\(pair.a) ↔ \(pair.b)"
    }

    /// `yes`, `no`, or `not determined`.
    var creditedText: String {
        switch pair.credited {
        case true?: return "yes"
        case false?: return "no"
        case nil: return "not determined"
        }
    }

    /// Coverage per document, by id.
    var coverage: [(id: String, share: Double)] {
        pair.coverage.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The score lines both renderers print, as (label, value) in a fixed order; `escape`
    /// escapes the document ids inside the labels.
    func scoreLines(escape: (String) -> String) -> [(label: String, value: String)] {
        let (a, b) = (escape(pair.a), escape(pair.b))
        let scores = pair.scores
        let minhash = scores.minhash
        return [
            ("Jaccard", ReportNumbers.fixed(scores.jaccard)),
            ("containment of \(a) in \(b)", ReportNumbers.fixed(scores.containmentAInB)),
            ("containment of \(b) in \(a)", ReportNumbers.fixed(scores.containmentBInA)),
            ("MinHash estimate [lower, upper]",
             "\(ReportNumbers.fixed(minhash.estimate)) [\(ReportNumbers.fixed(minhash.lower)), "
                + "\(ReportNumbers.fixed(minhash.upper))]"),
            ("SimHash distance", "\(scores.simhashDistance) of 64 bits"),
        ]
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
            ("threads", threads == 0 ? "0 (all cores; results do not depend on it)" : String(threads)),
        ]
    }

    private static func spelling(_ value: String) -> String { value }

    private static func spelling<Value: RawRepresentable>(_ value: Value) -> String
    where Value.RawValue == String { value.rawValue }
}
