import SyndicationEngine

/// The scan's stages one document at a time, for callers that keep the corpus elsewhere (a
/// persistent index) and compare new documents against it instead of re-scanning everything.
///
/// Each stage is the one ``CorpusScanner`` runs — the same analysis, sketches, boilerplate
/// rules, sentence fingerprints, verification and provenance — but the corpus-wide facts
/// boilerplate needs (how many documents, of which outlets, carry a line) come from the caller
/// as ``LineCounts`` instead of from a list of every page. Given the counts of the whole
/// corpus, a document prepared here equals the one ``CorpusScanner`` prepares.
public struct IncrementalScan: Sendable {
    /// The scan's settings.
    public var parameters: ScanParameters
    /// The sentence-fingerprint settings.
    public var fingerprints: PassageFingerprints

    /// Stages with the given settings and the default sentence fingerprints.
    public init(parameters: ScanParameters = ScanParameters()) {
        self.parameters = parameters
        self.fingerprints = PassageFingerprints()
    }

    /// The MinHash parameters documents are sketched with.
    public var minhashParameters: MinHashParameters {
        MinHashParameters(
            permutationCount: parameters.permutationCount, seed: parameters.seed,
            scheme: parameters.minhashScheme, shingling: parameters.documentShingling)
    }

    /// The document-level LSH banding of the scan.
    public var lshParameters: LSHParameters {
        .optimal(threshold: parameters.lshThreshold, permutationCount: parameters.permutationCount)
    }

    /// One document analysed and sketched, before the corpus's boilerplate is known.
    public struct DocumentAnalysis: Sendable {
        let analysis: Analysis

        /// The document as read.
        public var document: Document { analysis.document }
        /// Its MinHash signature over the document shingles.
        public var minhash: MinHashSignature { analysis.minhash }
        /// Its SimHash fingerprint.
        public var simhash: SimHash { analysis.simhash }
        /// The distinct keys of its lines, sorted (what boilerplate counts are kept by).
        public var lineKeys: [UInt64] { Array(Set(analysis.lines.map(\.key))).sorted() }
    }

    /// Analyses and sketches `document`.
    public func analyse(_ document: Document) -> DocumentAnalysis {
        DocumentAnalysis(analysis: Analysis(
            document, parameters: parameters, hasher: MinHasher(parameters: minhashParameters),
            detector: CreditDetector()))
    }

    /// The distinct keys of the lines of `text`, sorted: the cheap part of ``analyse(_:)`` that
    /// boilerplate counts need.
    public static func lineKeys(of text: String) -> [UInt64] {
        Array(Set(BoilerplateDetector.lineKeys(of: AnalyzedText(text)).map(\.key))).sorted()
    }

    /// How many documents of a corpus carry one line.
    public struct LineCounts: Hashable, Sendable {
        /// Documents carrying the line.
        public var documents: Int
        /// Documents carrying it, by outlet; documents of unknown outlet are not listed.
        public var documentsByOutlet: [String: Int]

        /// Counts with the given figures.
        public init(documents: Int, documentsByOutlet: [String: Int]) {
            self.documents = documents
            self.documentsByOutlet = documentsByOutlet
        }

        /// Distinct outlets carrying the line, each document of unknown outlet counted as an
        /// outlet of its own (as ``BoilerplateDetector`` counts them).
        public var outletCount: Int {
            let known = documentsByOutlet.values.reduce(0, +)
            return documentsByOutlet.count + (documents - known)
        }
    }

    /// `analysis` prepared for verification, its boilerplate decided by `counts` (the line's
    /// counts over the whole corpus, this document included).
    public func prepare(_ analysis: DocumentAnalysis, counts: (UInt64) -> LineCounts) -> PreparedDocument {
        let detector = BoilerplateDetector(minimumDocuments: parameters.boilerplateDocumentCount)
        let page = BoilerplateDetector.Page(
            outlet: analysis.document.outlet, text: analysis.analysis.text, lines: analysis.analysis.lines)
        return analysis.analysis.prepared(boilerplate: detector.boilerplate(of: page, counts: counts), parameters: parameters)
    }

    /// The signature `document` is banded by for document LSH candidates, by the rule
    /// ``CorpusScanner`` uses: over its word shingles outside its template lines (its whole
    /// signature when it has none). Given the counts of the whole corpus, its band keys equal
    /// the scan's.
    public func candidateSignature(of document: PreparedDocument) -> MinHashSignature {
        CandidateSignature.make(
            document.profile.text, template: document.profile.boilerplate, shingling: parameters.documentShingling,
            hasher: MinHasher(parameters: minhashParameters), whole: { document.minhash })
    }

    /// The sentence-fingerprint keys of `document`, leaving out `common` shingles.
    public func passageKeys(of document: PreparedDocument, common: Set<UInt64>) -> [(key: UInt64, sentence: Int32)] {
        fingerprints.keys(of: document.profile, common: common)
    }

    /// The shingles too common to fingerprint, from a sample of `documents`, counted on up to
    /// `threads` workers (the same set at any count).
    public func commonShingles(_ documents: [PreparedDocument], threads: Int = 1) -> Set<UInt64> {
        fingerprints.commonShingles(documents.map(\.profile), threads: threads)
    }

    /// Verifies one candidate pair (`a.id < b.id`): the finding before provenance, or nil.
    public func verify(_ a: PreparedDocument, _ b: PreparedDocument) -> PairFinding? {
        PairVerifier(parameters: parameters).verify(a, b)
    }

    /// The report's summary of `document`.
    public static func summary(of document: PreparedDocument) -> DocumentSummary {
        DocumentSummary(
            id: document.id, title: document.document.title, outlet: document.document.outlet,
            url: document.document.url, published: document.document.published?.original,
            sha256: SHA256.hexDigest(of: Array(document.document.text.utf8)),
            length: document.profile.text.scalars.count, credits: document.credits,
            origin: document.document.origin)
    }

    /// What provenance resolution needs to know of `document`.
    public static func member(of document: PreparedDocument) -> ProvenanceResolver.Member {
        document.member
    }

    /// An outlet name folded as provenance compares outlets and credits.
    public static func outletKey(_ name: String) -> String {
        ProvenanceResolver.key(name)
    }

    /// The provenance member of a document known only by its summary (outlet, time, credits),
    /// as ``member(of:)`` would make it from the prepared document.
    public static func member(of summary: DocumentSummary) -> ProvenanceResolver.Member {
        ProvenanceResolver.Member(
            id: summary.id, outlet: summary.outlet, published: summary.published.flatMap { PublicationTime(iso8601: $0) },
            credits: summary.credits)
    }
}

extension BoilerplateDetector {
    /// The boilerplate lines of one page, with the corpus known only through `counts`: the
    /// rules of ``boilerplate(in:)`` applied to the counts of each line instead of its holders.
    public func boilerplate(of page: Page, counts: (UInt64) -> IncrementalScan.LineCounts) -> [BoilerplateLine] {
        var known: [UInt64: IncrementalScan.LineCounts] = [:]
        return page.lines.compactMap { line -> BoilerplateLine? in
            let count: IncrementalScan.LineCounts
            if let cached = known[line.key] { count = cached } else { count = counts(line.key); known[line.key] = count }
            guard count.documents > 1 else { return nil }
            if count.documents >= minimumDocuments
                && (count.documents >= ubiquitousDocuments || count.outletCount <= templateOutletLimit) {
                return BoilerplateLine(span: line.span, isTemplate: true)
            }
            if let outlet = page.outlet, (count.documentsByOutlet[outlet] ?? 0) >= 2 {
                return BoilerplateLine(span: line.span, isTemplate: true)
            }
            return isFurniture(line.span, in: page.text) ? BoilerplateLine(span: line.span, isTemplate: false) : nil
        }
    }
}
