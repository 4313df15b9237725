import SyndicationEngine

/// The whole scan: documents in, a ``ScanReport`` out, in memory bounded by what is found
/// rather than by the corpus.
///
/// 1. **Census** (first pass, streamed): each document's metadata, a key of its text
///    (``TextKey``), length and line keys; never its text (``CorpusCensus``). Identical texts
///    (same key, confirmed by SHA-256) form copy groups analysed once.
/// 2. **Boilerplate**: lines that recur across the corpus or a site (``LineCensus``, with
///    ``BoilerplateDetector``'s rules).
/// 3. **Sketch** (second pass, streamed): per document, the LSH band keys of a MinHash
///    signature over its shingles *outside template lines* (a shared 40-line template must not
///    make every page a candidate of every other) and the sentence fingerprints
///    (``PassageFingerprints``) for reworded copy. A near-duplicate scan
///    (``CandidateScope/documents``) signs whole texts in the census pass instead and reads
///    again only the documents with template lines.
/// 4. **Candidates**: LSH (``BandIndex``), documents sharing a rare line, and sentence
///    fingerprints that point at copy (``PassageFingerprints/pointsAtCopy(_:rareCollisions:)``)
///    — never all pairs. Sentence keys are joined partition by partition, spilled to
///    temporary files past a memory budget (``SentenceKeyStore``). Buckets over their caps
///    are skipped and *reported* in the report's warnings. ``candidateScope`` can narrow
///    this to document LSH alone (near-duplicates).
/// 5. **Verify** (in bounded batches): only documents in a candidate pair are read again and
///    analysed in full; connected components of the candidate graph that fit half a batch are
///    verified whole (each document analysed once; a small one on one worker, which analyses,
///    verifies and frees its documents while they are in its cache), larger ones a block of positions against
///    another (a block nested-loop join, at most ``verificationBatchSize`` documents at once);
///    exact scores, aligned passages, relation.
/// 6. **Provenance**: direction, credit, clusters and origins (``ProvenanceResolver``).
///
/// The result does not depend on the thread count or the order of the input.
public struct CorpusScanner: Sendable {
    /// The scan's settings.
    public var parameters: ScanParameters
    /// Called as stages progress; nil for silence.
    public var progress: (@Sendable (ScanProgress) -> Void)?
    /// Corpora of at most this many documents list every document in the report; larger
    /// ones list the documents in pairs and clusters (the report's `document_count` gives the
    /// total).
    public var documentListLimit: Int = 10_000
    /// Whether ``Outcome/texts`` is filled (the texts of documents in pairs, for Markdown and
    /// HTML excerpts); a JSON-only scan can leave it empty.
    public var keepsTexts: Bool = true
    /// The most documents analysed in full at once while verifying.
    public var verificationBatchSize: Int = 4_096
    /// The documents of candidate components read at a time while verifying: the texts of
    /// small components (near-duplicate pairs and groups, each analysed, verified and freed by
    /// one worker), or the documents of larger ones analysed, verified and freed together, and
    /// the representatives of copy groups. Small batches keep memory low and reuse it: on the
    /// 20k bench corpus (documents scope) 256 rather than 1,024 (a quarter of
    /// ``verificationBatchSize``, the limit before) took the peak from 328 MB to 161 MB and
    /// system time (page faults) from 0.30 s to 0.20 s at 2 threads, 211 MB to 74 MB and
    /// 0.25 s to 0.10 s at 1, with the same report, when every component's documents were
    /// analysed together.
    public var componentBatchSize: Int = 256
    /// LSH buckets holding more documents than this are skipped (and reported).
    public var lshBucketLimit: Int = 1_000
    /// Which rules propose candidate pairs; ``CandidateScope/documents`` looks for
    /// near-duplicates only (and says so in the report's warnings).
    public var candidateScope: CandidateScope = .passages
    /// Bytes of sentence-fingerprint keys held in memory before they go to temporary files
    /// (``SentenceKeyStore``); the result does not depend on it.
    public var fingerprintMemoryLimit: Int = 256 << 20
    /// Candidate components of at most this many documents are each analysed, verified and
    /// freed by one worker (``verify(_:texts:preparer:verifier:copyOf:)``); larger ones are
    /// analysed by all workers together, then verified by all together. The findings are the
    /// same either way; tests force both paths.
    var smallComponentLimit = 16
    /// How copy groups (identical texts) are reported.
    var copyGroups = CopyGroups()
    /// Whether stages prepare their next batch while working on this one: the first pass
    /// reads ahead (``CorpusCensus/take(of:threads:wholeText:readsAhead:progress:)``) and
    /// verification analyses the next batch's documents (``overlapsBatches``). Nil: when there
    /// is more than one thread. The result is the same either way; tests force both paths.
    var worksAhead: Bool? = nil

    /// A scanner with the given settings.
    public init(parameters: ScanParameters = ScanParameters(), progress: (@Sendable (ScanProgress) -> Void)? = nil) {
        self.parameters = parameters
        self.progress = progress
    }

    /// The report and the texts its offsets index.
    public struct Outcome: Sendable {
        /// What the scan found.
        public var report: ScanReport
        /// The full text of each document in a pair, by id (empty unless ``CorpusScanner/keepsTexts``).
        public var texts: [String: String]
        /// Candidate pairs before verification, by source, for diagnostics.
        public var candidateCounts: CandidateCounts
        /// How many of the report's warnings, at its end, the scan itself added (capped
        /// buckets, large copy groups) after the input's.
        public var scanWarningCount: Int
    }

    /// How many candidate pairs each stage proposed.
    public struct CandidateCounts: Hashable, Sendable {
        /// From document-level MinHash LSH.
        public var lsh = 0
        /// LSH candidates dropped before verification because their MinHash estimate was
        /// confidently below the threshold (candidate scope `documents`).
        public var belowThreshold = 0
        /// From rare lines two documents share.
        public var sharedLines = 0
        /// From sentence fingerprints.
        public var passages = 0
        /// All distinct candidates.
        public var total = 0
        /// Buckets too large to pair, skipped (LSH and sentence fingerprints).
        public var skippedBuckets = 0
        /// Documents whose text is identical to an earlier document's, analysed through it.
        public var copies = 0
    }

    var minhashParameters: MinHashParameters {
        MinHashParameters(
            permutationCount: parameters.permutationCount, seed: parameters.seed,
            scheme: parameters.minhashScheme, shingling: parameters.documentShingling)
    }

    /// Scans `documents` (ids must be distinct), carrying `warnings` into the report.
    public func scan(_ documents: [Document], warnings: [Diagnostic] = []) -> Outcome {
        scan(DocumentList(documents, warnings: warnings), afterReading: { _, _ in })
    }

    /// Scans the documents of `source`, reading it twice from start to end and then only the
    /// documents in candidate pairs.
    public func scan(_ source: some DocumentSource) -> Outcome {
        scan(source, afterReading: { _, _ in })
    }

    /// Scans the documents of `source`, reading it twice from start to end and then only the
    /// documents in candidate pairs.
    ///
    /// `afterReading` is called after the first pass with the problems met reading the input and
    /// the number of documents read; it may throw to stop the scan there.
    public func scan(
        _ source: some DocumentSource, afterReading: ([Diagnostic], Int) throws -> Void
    ) rethrows -> Outcome {
        let threads = parameters.threads
        report(.reading(documents: 0))
        // A near-duplicate scan signs whole texts in the census pass, so that documents
        // without template lines need no second pass (``sketch(_:_:_:fingerprints:sample:)``).
        let sketcher = DocumentSketcher(parameters: minhashParameters)
        let banding = bandIndex.parameters
        let wholeText = candidateScope == .documents
            ? CorpusCensus.WholeTextSketcher(sketcher: sketcher, bandKeys: { banding.bandKeys(of: $0) }) : nil
        var census = CorpusCensus.take(of: source, threads: threads, wholeText: wholeText, readsAhead: worksAhead) {
            report(.reading(documents: $0))
        }
        try afterReading(census.warnings, census.count)
        let detector = BoilerplateDetector(minimumDocuments: parameters.boilerplateDocumentCount)
        let lines = LineCensus(
            census, detector: detector, sharedLineLimit: parameters.boilerplateDocumentCount, threads: threads)
        let fingerprints = PassageFingerprints()
        var counts = CandidateCounts()
        counts.copies = census.count - census.representatives.count
        var warnings = census.warnings
        let candidates: [CandidatePair]
        var sketchFacts: [Int: DocumentFacts] = [:]
        do {  // The sample, the sketches (and their temporary files) go once the candidates are known.
            let sample = candidateScope == .passages ? commonShingles(census, lines, source, fingerprints) : AnalysedSample(common: [])
            let sketches = sketch(census, lines, source, fingerprints: fingerprints, sample: sample)
            census.wholeTextBandKeys = nil  // the sketches hold what is still needed, until the candidates are known
            census.wholeTextSignatures = nil
            sketchFacts = sketches.facts
            report(.findingCandidates)
            candidates = candidatePairs(census, lines, sketches, fingerprints: fingerprints, counts: &counts, warnings: &warnings)
        }

        let verified = verify(candidates, census, lines, source)
        let copies = copyPairs(census, lines, source, verified: verified)
        if let copyWarning = copies.warning { warnings.append(copyWarning) }
        let (findings, memberPositions) = census.sortedByIdsWithPositions(verified.findings + copies.findings, threads: threads)

        report(.resolvingProvenance)
        // Representatives analysed for their copy groups' pairs are analysed for the list too.
        var facts = verified.facts.merging(copies.facts) { verified, _ in verified }
            .merging(sketchFacts) { analysed, sketched in analysed.merged(with: sketched) }
        let listed = census.count <= documentListLimit ? Array(0..<census.count) : memberPositions
        let missing = Set(listed.map { census.representative[$0] }).filter { facts[$0]?.credits == nil }.sorted()
        for (position, fact) in zip(missing, creditFacts(missing, census, lines, source)) {
            facts[position] = fact.merged(with: facts[position])
        }
        let knownFacts = facts
        let members = ParallelWork.map(count: memberPositions.count, threads: threads) { index -> ProvenanceResolver.Member in
            let position = memberPositions[index]
            let credits = knownFacts[census.representative[position]]?.credits ?? []
            return Self.member(census.documents[position], credits: credits)
        }
        // Each distinct outlet name folded once, not once per document.
        let corpusOutlets = Set(Set(census.documents.compactMap(\.outlet)).map(ProvenanceResolver.key))
        let (pairs, resolved) = ProvenanceResolver().resolve(
            pairs: findings, members: members, corpusOutlets: corpusOutlets, threads: threads)
        let clusters = copyGroups.clusters(resolved, groups: census.copyGroups.map { $0.map { census.documents[$0].id } })
        let digests = census.digests(at: listed, in: source, threads: threads) { facts[census.representative[$0]]?.digest }
        let summaries = ParallelWork.map(count: listed.count, threads: threads) { index in
            let (position, digest) = (listed[index], digests[index])
            return DocumentSummary(
                id: census.documents[position].id, title: census.documents[position].title,
                outlet: census.documents[position].outlet, url: census.documents[position].url,
                published: census.documents[position].published?.original,
                sha256: digest.hex, length: census.lengths[position],
                credits: knownFacts[census.representative[position]]?.credits ?? [],
                origin: census.documents[position].origin)
        }
        // `resolve` keeps the pairs' order and their ids: they are still sorted by ids.
        var scanReport = ScanReport(
            tool: .current, parameters: parameters, documents: summaries,
            pairs: pairs, clusters: clusters, warnings: warnings)
        if listed.count < census.count { scanReport.documentCount = census.count }
        var texts: [String: String] = [:]
        if keepsTexts {
            // The pairs name the documents the findings name.
            let paired = memberPositions
            for (position, document) in zip(paired, source.documents(at: paired.map { census.locations[$0] }, threads: threads)) {
                texts[census.documents[position].id] = document.text
            }
        }
        report(.finished)
        return Outcome(
            report: scanReport, texts: texts, candidateCounts: counts,
            scanWarningCount: warnings.count - census.warnings.count)
    }

    /// Compares two documents directly, with no corpus around them: only furniture lines
    /// they share count as boilerplate. Returns nil when they share nothing.
    public func compare(_ a: Document, _ b: Document) -> PairFinding? {
        let prepared = prepare([a, b], threads: 1)
        guard let finding = PairVerifier(parameters: parameters).verify(prepared[0], prepared[1]) else { return nil }
        let members = prepared.map { Self.member($0.document, credits: $0.credits) }
        return ProvenanceResolver().resolve(pairs: [finding], members: members).pairs.first
    }

    /// Analyses documents held in memory, with the boilerplate found among them.
    func prepare(_ documents: [Document], threads: Int) -> [PreparedDocument] {
        let hasher = MinHasher(parameters: minhashParameters)
        let detector = CreditDetector()
        let analyses = ParallelWork.map(count: documents.count, threads: threads) { index in
            Analysis(documents[index], parameters: parameters, hasher: hasher, detector: detector)
        }
        let pages = analyses.map { BoilerplateDetector.Page(outlet: $0.document.outlet, text: $0.text, lines: $0.lines) }
        let boilerplate = BoilerplateDetector(minimumDocuments: parameters.boilerplateDocumentCount).boilerplate(in: pages)
        return ParallelWork.map(count: documents.count, threads: threads) { index in
            analyses[index].prepared(boilerplate: boilerplate[index], parameters: parameters)
        }
    }

    func report(_ stage: ScanProgress) {
        progress?(stage)
    }

    /// What provenance resolution needs to know of a document with `credits`.
    static func member(_ document: Document, credits: [Credit]) -> ProvenanceResolver.Member {
        ProvenanceResolver.Member(id: document.id, outlet: document.outlet, published: document.published, credits: credits)
    }
}

extension PreparedDocument {
    /// What provenance resolution needs to know of the document.
    var member: ProvenanceResolver.Member {
        CorpusScanner.member(document, credits: credits)
    }
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

    /// The analysis of `document`; `lineKeys`, when given, are the keys of its lines with words
    /// as the census made them (``CorpusCensus/lineKeys``), which are then not made again (unless
    /// the text no longer has as many such lines). With a `memo`, lines it has read take their
    /// credits from it (``CreditLineMemo``).
    init(
        _ document: Document, parameters: ScanParameters, hasher: MinHasher, detector: CreditDetector,
        lineKeys: ArraySlice<UInt64>? = nil, memo: CreditLineMemo? = nil
    ) {
        self.document = document
        let text = AnalyzedText(document.text)
        self.text = text
        let hashes = parameters.documentShingling.hashes(of: text)
        shingles = SortedHashSet.make(hashes)
        minhash = hasher.signature(of: shingles)
        simhash = SimHash(hashes: hashes, shingling: parameters.documentShingling, seed: parameters.seed)
        lines = lineKeys.flatMap { BoilerplateDetector.lines(of: text, keys: $0) } ?? BoilerplateDetector.lineKeys(of: text)
        credits = memo.map { detector.credits(in: text, memo: $0) } ?? detector.credits(in: text)
    }

    func prepared(
        boilerplate lines: [BoilerplateLine], parameters: ScanParameters, sentenceSets: SentenceSetCache? = nil
    ) -> PreparedDocument {
        let boilerplate = lines.map(\.span)
        let profile = DocumentProfile(
            id: document.id, text: text, boilerplate: lines.filter(\.isTemplate).map(\.span),
            title: document.title, shingleSize: parameters.sentenceShingleSize, sentenceSets: sentenceSets)
        let boilerplateLines = Self.lines(self.lines, at: boilerplate)
        let marked = CorpusScanner.marked(credits, inBoilerplate: boilerplate)
        return PreparedDocument(
            document: document, shingles: shingles, minhash: minhash, simhash: simhash, profile: profile,
            boilerplateLines: boilerplateLines, credits: marked)
    }

    /// The `lines` whose spans are among `spans`, in order. The boilerplate lines of a document
    /// are some of its lines, in the same order (``LineCensus/boilerplate(lines:slots:)``), and
    /// its lines ascend: one walk over both finds them, with no set of spans; other `spans`
    /// take the set.
    static func lines(
        _ lines: [(key: UInt64, span: TextSpan)], at spans: [TextSpan]
    ) -> [(key: UInt64, span: TextSpan)] {
        guard !spans.isEmpty else { return [] }
        var result: [(key: UInt64, span: TextSpan)] = []
        result.reserveCapacity(spans.count)
        var next = 0
        for line in lines where next < spans.count && line.span == spans[next] {
            result.append(line)
            next += 1
        }
        if next == spans.count { return result }
        let set = Set(spans)
        return lines.filter { set.contains($0.span) }
    }
}
