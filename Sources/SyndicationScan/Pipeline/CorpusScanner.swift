import SyndicationEngine

/// The whole scan: documents in, a ``ScanReport`` out.
///
/// 1. **Prepare** each document (in parallel): analyse the text; word shingles, MinHash
///    signature and SimHash; credits.
/// 2. **Boilerplate**: lines that recur across the corpus or a site (``BoilerplateDetector``).
/// 3. **Candidates**: document-level LSH over the MinHash signatures, documents sharing a
///    rare line, and passage-level sentence fingerprints (``PassageFingerprints``) for
///    reworded copy — never all pairs.
/// 4. **Verify** each candidate (in parallel): exact scores, aligned passages, relation.
/// 5. **Provenance**: direction, credit, clusters and origins (``ProvenanceResolver``).
///
/// The result does not depend on the thread count or the order of the input.
public struct CorpusScanner: Sendable {
    /// The scan's settings.
    public var parameters: ScanParameters
    /// Called as stages progress; nil for silence.
    public var progress: (@Sendable (ScanProgress) -> Void)?

    /// A scanner with the given settings.
    public init(parameters: ScanParameters = ScanParameters(), progress: (@Sendable (ScanProgress) -> Void)? = nil) {
        self.parameters = parameters
        self.progress = progress
    }

    /// The report and the texts its offsets index.
    public struct Outcome: Sendable {
        /// What the scan found.
        public var report: ScanReport
        /// Each document's full text by id.
        public var texts: [String: String]
        /// Candidate pairs before verification, by source, for diagnostics.
        public var candidateCounts: CandidateCounts
    }

    /// How many candidate pairs each stage proposed.
    public struct CandidateCounts: Hashable, Sendable {
        /// From document-level MinHash LSH.
        public var lsh = 0
        /// From rare lines two documents share.
        public var sharedLines = 0
        /// From sentence fingerprints.
        public var passages = 0
        /// All distinct candidates.
        public var total = 0
        /// Buckets too large to pair, skipped.
        public var skippedBuckets = 0
    }

    var minhashParameters: MinHashParameters {
        MinHashParameters(
            permutationCount: parameters.permutationCount, seed: parameters.seed,
            scheme: parameters.minhashScheme, shingling: parameters.documentShingling)
    }

    /// Scans `documents` (ids must be distinct), carrying `warnings` into the report.
    public func scan(_ documents: [Document], warnings: [Diagnostic] = []) -> Outcome {
        let documents = documents.sorted { $0.id < $1.id }
        let threads = parameters.threads
        report(.preparing(documents.count))
        let (prepared, pages) = prepare(documents, threads: threads)
        report(.findingCandidates)
        var counts = CandidateCounts()
        let candidates = candidatePairs(prepared, pages: pages, counts: &counts)
        report(.verifying(candidates.count))
        let verifier = PairVerifier(parameters: parameters)
        let findings = ParallelWork.map(count: candidates.count, threads: threads) { index in
            verifier.verify(prepared[candidates[index].first], prepared[candidates[index].second])
        }.compactMap { $0 }
        report(.resolvingProvenance)
        let members = prepared.map(\.member)
        let (pairs, clusters) = ProvenanceResolver().resolve(pairs: findings, members: members)
        let summaries = ParallelWork.map(count: prepared.count, threads: threads) { index in
            Self.summary(of: prepared[index])
        }
        let report = ScanReport(
            tool: .current, parameters: parameters, documents: summaries,
            pairs: pairs.sorted { ($0.a, $0.b) < ($1.a, $1.b) }, clusters: clusters,
            warnings: warnings)
        var texts: [String: String] = [:]
        for document in documents { texts[document.id] = document.text }
        return Outcome(report: report, texts: texts, candidateCounts: counts)
    }

    /// Compares two documents directly, with no corpus around them: only furniture lines
    /// they share count as boilerplate. Returns nil when they share nothing.
    public func compare(_ a: Document, _ b: Document) -> PairFinding? {
        let prepared = prepare([a, b], threads: 1).prepared
        guard let finding = PairVerifier(parameters: parameters).verify(prepared[0], prepared[1]) else { return nil }
        let members = prepared.map(\.member)
        return ProvenanceResolver().resolve(pairs: [finding], members: members).pairs.first
    }

    /// Analyses and sketches each document, finds the boilerplate among them, and prepares
    /// each for verification; also returns the pages the boilerplate was found on.
    func prepare(_ documents: [Document], threads: Int) -> (prepared: [PreparedDocument], pages: [BoilerplateDetector.Page]) {
        let hasher = MinHasher(parameters: minhashParameters)
        let detector = CreditDetector()
        let analyses = ParallelWork.map(count: documents.count, threads: threads) { index in
            Analysis(documents[index], parameters: parameters, hasher: hasher, detector: detector)
        }
        let pages = analyses.map { BoilerplateDetector.Page(outlet: $0.document.outlet, text: $0.text, lines: $0.lines) }
        let boilerplate = BoilerplateDetector(minimumDocuments: parameters.boilerplateDocumentCount).boilerplate(in: pages)
        let prepared = ParallelWork.map(count: documents.count, threads: threads) { index in
            analyses[index].prepared(boilerplate: boilerplate[index], parameters: parameters)
        }
        return (prepared, pages)
    }

    func candidatePairs(
        _ prepared: [PreparedDocument], pages: [BoilerplateDetector.Page], counts: inout CandidateCounts
    ) -> [CandidatePair] {
        var all: [CandidatePair] = []
        // Document level: MinHash LSH.
        var index = LSHIndex(
            parameters: .optimal(threshold: parameters.lshThreshold, permutationCount: parameters.permutationCount),
            minhash: minhashParameters)
        for (position, document) in prepared.enumerated() where !document.minhash.isEmpty {
            try? index.insert(document.minhash, id: position)
        }
        let lshPairs = index.candidatePairs()
        counts.lsh = lshPairs.count
        counts.skippedBuckets += index.oversizedBucketCount
        all += lshPairs
        // Rare shared lines: verbatim paragraphs, and templates small enough to list.
        var linePairs: [CandidatePair] = []
        for holders in BoilerplateDetector.documentsByLine(pages.map { $0.lines }).values
        where holders.count > 1 && holders.count < parameters.boilerplateDocumentCount {
            for i in holders.indices {
                for j in (i + 1)..<holders.count {
                    linePairs.append(CandidatePair(unordered: Int(holders[i]), Int(holders[j])))
                }
            }
        }
        counts.sharedLines = Set(linePairs).count
        all += linePairs
        // Passage level: sentence fingerprints.
        let fingerprints = PassageFingerprints()
        let common = fingerprints.commonShingles(prepared.map(\.profile))
        let keys = ParallelWork.map(count: prepared.count, threads: parameters.threads) { position in
            fingerprints.keys(of: prepared[position].profile, common: common)
        }
        let passagePairs = fingerprints.candidatePairs(keys: keys)
        counts.passages = passagePairs.pairs.count
        counts.skippedBuckets += passagePairs.skippedBuckets
        all += passagePairs.pairs
        let unique = Array(Set(all)).sorted()
        counts.total = unique.count
        return unique
    }

    func report(_ stage: ScanProgress) {
        progress?(stage)
    }

    static func summary(of document: PreparedDocument) -> DocumentSummary {
        DocumentSummary(
            id: document.id, title: document.document.title, outlet: document.document.outlet,
            url: document.document.url, published: document.document.published?.original,
            sha256: SHA256.hexDigest(of: Array(document.document.text.utf8)),
            length: document.profile.text.scalars.count, credits: document.credits,
            origin: document.document.origin)
    }
}

extension PreparedDocument {
    /// The outlets the body credits as its source: credits outside boilerplate, leaving out
    /// the document's own outlet (a staff byline is not a source).
    var creditedSources: Set<String> {
        let own = document.outlet.map(ProvenanceResolver.key)
        return Set(credits.filter { !$0.inBoilerplate && ProvenanceResolver.key($0.name) != own }.map(\.name))
    }

    /// What provenance resolution needs to know of the document.
    var member: ProvenanceResolver.Member {
        ProvenanceResolver.Member(
            id: id, outlet: document.outlet, published: document.published, creditedNames: creditedSources)
    }
}

/// A stage of a scan, for progress display.
public enum ScanProgress: Sendable {
    /// Analysing and sketching this many documents.
    case preparing(Int)
    /// Looking for candidate pairs.
    case findingCandidates
    /// Verifying and aligning this many candidate pairs.
    case verifying(Int)
    /// Deciding direction, credit and clusters.
    case resolvingProvenance
}

/// One document's per-document work, before corpus-level boilerplate is known.
struct Analysis: Sendable {
    var document: Document
    var text: AnalyzedText
    var shingles: [UInt64]
    var minhash: MinHashSignature
    var simhash: SimHash
    var lines: [(key: UInt64, span: TextSpan)]
    var credits: [Credit]

    init(_ document: Document, parameters: ScanParameters, hasher: MinHasher, detector: CreditDetector) {
        self.document = document
        let text = AnalyzedText(document.text)
        self.text = text
        let hashes = parameters.documentShingling.hashes(of: text)
        shingles = SortedHashSet.make(hashes)
        minhash = hasher.signature(of: shingles)
        simhash = SimHash(hashes: hashes, shingling: parameters.documentShingling, seed: parameters.seed)
        lines = BoilerplateDetector.lineKeys(of: text)
        credits = detector.credits(in: text)
    }

    func prepared(boilerplate lines: [BoilerplateLine], parameters: ScanParameters) -> PreparedDocument {
        let boilerplate = lines.map(\.span)
        let profile = DocumentProfile(
            id: document.id, text: text, boilerplate: lines.filter(\.isTemplate).map(\.span),
            title: document.title, shingleSize: parameters.sentenceShingleSize)
        let spans = Set(boilerplate)
        let boilerplateLines = self.lines.filter { spans.contains($0.span) }
        let marked = credits.map { credit -> Credit in
            var credit = credit
            credit.inBoilerplate = boilerplate.contains { $0.overlap(with: credit.span) > 0 }
            return credit
        }
        return PreparedDocument(
            document: document, shingles: shingles, minhash: minhash, simhash: simhash, profile: profile,
            boilerplateLines: boilerplateLines, credits: marked)
    }
}
