import SyndicationEngine

/// The stages of ``CorpusScanner/scan(_:)-(DocumentSource)`` after the census.
extension CorpusScanner {
    /// What the second pass keeps of each representative: LSH band keys and sentence keys.
    struct Sketches {
        /// Band keys by position (empty for copies and empty signatures).
        var bandKeys: [[UInt64]]
        /// The b-bit signature the band keys of each position were made from, in a
        /// near-duplicate scan (which screens its LSH candidates with them).
        var signatures: BBitSignatures? = nil
        /// Sentence-fingerprint keys of every representative, by key range, in memory up to
        /// a budget and in temporary files past it.
        var passageKeys: SentenceKeyStore
        /// The credits of representatives the pass analysed in full and the SHA-256 of every
        /// representative, when the report lists every document (so they need not be read
        /// again for the list).
        var facts: [Int: DocumentFacts] = [:]
    }

    /// The analysed sample that common shingles were found in, kept for the sketch pass when
    /// it is every representative (a corpus of at most ``PassageFingerprints/sampleSize``):
    /// the sample is held whole to count its shingles anyway, and the pass need not analyse
    /// those texts a second time.
    struct AnalysedSample {
        /// The common shingles.
        var common: Set<UInt64>
        /// Each kept representative's profile and boilerplate lines, by position.
        var documents: [Int: (profile: DocumentProfile, boilerplate: [BoilerplateLine])] = [:]
    }

    /// What the report's document list needs of a document, kept by the stage that held its
    /// text so that the list need not read it again.
    struct DocumentFacts: Sendable {
        /// Its credits, marked when they stand in boilerplate; nil when not analysed.
        var credits: [Credit]?
        /// The SHA-256 of its text, when made.
        var digest: TextDigest?

        /// What `self` and `other` know between them, `self` first.
        func merged(with other: DocumentFacts?) -> DocumentFacts {
            DocumentFacts(credits: credits ?? other?.credits, digest: digest ?? other?.digest)
        }
    }

    /// The findings of verification and the facts of the documents analysed for it.
    struct Verified {
        var findings: [PairFinding]
        var facts: [Int: DocumentFacts]
        /// The finding of each copy group whose representative verification analysed, by the
        /// representative's position: the group's verbatim pair (``copyFinding(_:copy:verifier:)``),
        /// none when the text holds nothing to report. ``copyPairs(_:_:_:verified:)`` analyses
        /// only the other groups' representatives.
        var copyFindings: [Int: [PairFinding]] = [:]
    }

    /// The LSH banding the scan uses.
    var bandIndex: BandIndex {
        BandIndex(
            parameters: .optimal(
                threshold: parameters.lshThreshold, permutationCount: parameters.permutationCount,
                falsePositiveWeight: 1 - candidateScope.lshFalseNegativeWeight,
                falseNegativeWeight: candidateScope.lshFalseNegativeWeight),
            maximumBucketSize: lshBucketLimit)
    }

    /// Reads the documents at `positions` again and analyses them in full, with their sentence
    /// shingles indexed for alignment where `indexed` says so (every document by default);
    /// when the report lists only documents in findings (a corpus over ``documentListLimit``),
    /// with the SHA-256 of their texts, made here while the text is at hand.
    func prepare(
        _ positions: [Int], _ census: CorpusCensus, _ lines: LineCensus, _ source: some DocumentSource,
        indexed: @escaping (Int) -> Bool = { _ in true }
    ) -> [PreparedDocument] {
        let texts = source.documents(at: positions.map { census.locations[$0] }, threads: parameters.threads)
        let preparer = Preparer(self, census, lines, indexed: indexed)
        return ParallelWork.map(count: positions.count, threads: parameters.threads) { index in
            preparer.prepared(positions[index], text: texts[index].text)
        }
    }

    /// Analyses one document read again for verification: what ``prepare(_:_:_:_:indexed:)``
    /// does for each of its documents, for callers that analyse a document where they use it.
    struct Preparer {
        let scanner: CorpusScanner
        let census: CorpusCensus
        let lines: LineCensus
        let indexed: (Int) -> Bool
        let hasher: MinHasher
        let detector = CreditDetector()
        /// Whether the SHA-256 of each text is made here (the report lists only the documents
        /// in findings, so no other stage reads them all).
        let digests: Bool
        /// The sets of sentences its profiles met before (``SentenceSetCache``).
        let sentenceSets: SentenceSetCache

        init(_ scanner: CorpusScanner, _ census: CorpusCensus, _ lines: LineCensus, indexed: @escaping (Int) -> Bool) {
            (self.scanner, self.census, self.lines, self.indexed) = (scanner, census, lines, indexed)
            hasher = MinHasher(parameters: scanner.minhashParameters)
            digests = census.count > scanner.documentListLimit
            sentenceSets = SentenceSetCache(shingleSize: scanner.parameters.sentenceShingleSize)
        }

        /// The document at `position`, whose text is `text`, analysed in full; with a `memo`,
        /// its lines that the memo has read take their credits from it (``CreditLineMemo``).
        /// Without `indexing`, its sentence shingle index is left to the caller.
        func prepared(
            _ position: Int, text: String, memo: CreditLineMemo? = nil, sentenceSets: SentenceSetCache? = nil,
            indexing: Bool = true
        ) -> PreparedDocument {
            var document = census.documents[position]
            document.text = text
            let parameters = scanner.parameters
            let slots = census.lines(of: position)
            let analysis = Analysis(
                document, parameters: parameters, hasher: hasher, detector: detector, lineKeys: census.lineKeys[slots],
                memo: memo)
            let boilerplate = lines.boilerplate(lines: analysis.lines, slots: slots)
            var prepared = analysis.prepared(
                boilerplate: boilerplate, parameters: parameters, sentenceSets: sentenceSets ?? self.sentenceSets)
            // Built once per document, for every pair it stands in.
            if indexing && indexed(position) { prepared.shingleIndex = SentenceShingleIndex(prepared.profile) }
            // A copy group's representative was digested by the census already.
            if digests { prepared.digest = census.knownDigests[position] ?? TextDigest(text) }
            return prepared
        }
    }

    /// The profile of one document for sentence fingerprints, from its text and census marks,
    /// its sentences' shingles in the form `shingles` (only what fingerprints read: see
    /// ``DocumentProfile/init(id:text:boilerplate:title:shingleSize:maximumSentenceWords:sentenceSets:fingerprints:)``).
    func profile(
        _ document: Document, text: AnalyzedText, boilerplate: [BoilerplateLine], shingles: FingerprintShingles
    ) -> DocumentProfile {
        DocumentProfile(
            id: document.id, text: text, boilerplate: boilerplate.filter(\.isTemplate).map(\.span),
            title: document.title, shingleSize: parameters.sentenceShingleSize, sentenceSets: nil, fingerprints: shingles)
    }

    /// Shingles too common to fingerprint, from an evenly spread sample of representatives;
    /// the sample's analyses too when it is every representative.
    func commonShingles(
        _ census: CorpusCensus, _ lines: LineCensus, _ source: some DocumentSource, _ fingerprints: PassageFingerprints
    ) -> AnalysedSample {
        let representatives = census.representatives
        let stride = max(1, representatives.count / fingerprints.sampleSize)
        let sample = Swift.stride(from: 0, to: representatives.count, by: stride).map { representatives[$0] }
        let texts = source.documents(at: sample.map { census.locations[$0] }, threads: parameters.threads)
        let analysed = ParallelWork.map(count: sample.count, threads: parameters.threads) { index in
            let text = AnalyzedText(texts[index].text)
            let lineKeys = BoilerplateDetector.lineKeys(of: text)
            let slots = census.lines(of: sample[index])
            let boilerplate = lines.boilerplate(lines: lineKeys, slots: slots)
            // Sets: the count takes each sentence's shingle once.
            return (profile: profile(census.documents[sample[index]], text: text, boilerplate: boilerplate, shingles: .sets),
                    boilerplate: boilerplate, matchesCensus: lineKeys.count == slots.count)
        }
        var result = AnalysedSample(common: fingerprints.commonShingles(analysed.map(\.profile), threads: parameters.threads))
        if sample.count == representatives.count {
            // A text that no longer has the census's lines is left to the sketch pass, which skips it.
            for (position, document) in zip(sample, analysed) where document.matchesCensus {
                result.documents[position] = (document.profile, document.boilerplate)
            }
        }
        return result
    }

    /// The MinHash signature candidate generation bands (``CandidateSignature``): over the
    /// document's word shingles outside its template lines.
    ///
    /// Without template lines it is the whole text's signature, which ``DocumentSketcher``
    /// makes from `raw`, the text's bytes (equal by construction to the general path).
    func candidateSignature(
        _ text: AnalyzedText, raw: String, template: [TextSpan], hasher: MinHasher, sketcher: DocumentSketcher
    ) -> MinHashSignature {
        CandidateSignature.make(
            text, template: template, shingling: parameters.documentShingling, hasher: hasher,
            whole: { sketcher.signature(of: raw) })
    }

    /// The second pass: band keys and sentence keys of every representative.
    ///
    /// A near-duplicate scan whose census made the band keys of whole texts
    /// (``CorpusCensus/wholeTextBandKeys``) takes those for documents without a template line
    /// and reads again only the documents with one; any other scan reads the source again
    /// from start to end.
    func sketch(
        _ census: CorpusCensus, _ lines: LineCensus, _ source: some DocumentSource,
        fingerprints: PassageFingerprints, sample: AnalysedSample
    ) -> Sketches {
        let threads = parameters.threads
        let hasher = MinHasher(parameters: minhashParameters)
        let sketcher = DocumentSketcher(parameters: minhashParameters)
        let findsPassages = candidateScope == .passages
        let banding = bandIndex
        let common = ShingleTable(sample.common)
        let keepsFacts = census.count <= documentListLimit
        let detector = CreditDetector()
        var sketches = Sketches(
            bandKeys: Array(repeating: [], count: census.count),
            passageKeys: SentenceKeyStore(memoryLimit: fingerprintMemoryLimit))
        typealias Sketch = (
            bands: [UInt64], signature: MinHashSignature?, keys: [(key: UInt64, sentence: Int32)], facts: DocumentFacts?)
        /// The sketch of the representative at `position`, whose text is `raw`; nil when the
        /// text no longer has the census's lines.
        func sketchOne(_ position: Int, _ raw: String) -> Sketch? {
            let slots = census.lines(of: position)
            let digest = keepsFacts ? TextDigest(raw) : nil
            if !findsPassages, !lines.hasTemplateLine(in: slots) {
                // Near-duplicates only, no template to leave out: straight from the bytes.
                let signature = sketcher.signature(of: raw)
                return (banding.parameters.bandKeys(of: signature), signature, [],
                        keepsFacts ? DocumentFacts(credits: nil, digest: digest) : nil)
            }
            if !findsPassages, !keepsFacts {
                // Near-duplicates only, no credits wanted: the signature over the words outside
                // template lines, straight from the bytes, the census's lines cut from the
                // sketcher's words (what ``CandidateSignature/make`` gives from the analysed text).
                var matchesCensus = true
                let signature = sketcher.signature(of: raw) { words -> [Range<Int>]? in
                    let lineWords = CensusLines.lineWords(raw, words: words)
                    guard lineWords.count == slots.count else {
                        matchesCensus = false
                        return nil
                    }
                    let template = zip(slots, lineWords).compactMap { lines.marks[$0] == .template ? $1 : nil }
                    return CandidateSignature.runs(outside: template, tokenCount: words.count)
                }
                if let signature { return (banding.parameters.bandKeys(of: signature), signature, [], nil) }
                // The text no longer has the census's lines; or it takes the general path below.
                guard matchesCensus else { return nil }
            }
            let text: AnalyzedText
            let boilerplate: [BoilerplateLine]
            var analysed: DocumentProfile?
            if let kept = sample.documents[position] {
                (text, boilerplate, analysed) = (kept.profile.text, kept.boilerplate, kept.profile)
            } else {
                text = AnalyzedText(raw)
                let lineKeys = BoilerplateDetector.lineKeys(of: text)
                guard lineKeys.count == slots.count else { return nil }
                boilerplate = lines.boilerplate(lines: lineKeys, slots: slots)
            }
            let template = boilerplate.filter(\.isTemplate).map(\.span)
            let signature = candidateSignature(text, raw: raw, template: template, hasher: hasher, sketcher: sketcher)
            let bands = banding.parameters.bandKeys(of: signature)
            let facts = keepsFacts
                ? DocumentFacts(credits: Self.credits(in: text, boilerplate: boilerplate, detector: detector), digest: digest)
                : nil
            guard findsPassages else { return (bands, signature, [], facts) }
            // Hashes: the keys are minima, which repeats and order do not change.
            let profile = analysed ?? profile(census.documents[position], text: text, boilerplate: boilerplate, shingles: .hashes)
            return (bands, nil, fingerprints.keys(of: profile, common: common), facts)
        }
        func keep(_ result: Sketch?, at position: Int) {
            guard let result else { return }
            sketches.bandKeys[position] = result.bands
            if let signature = result.signature { sketches.signatures?.replace(position, with: signature) }
            sketches.passageKeys.append(document: Int32(position), keys: result.keys, bandCount: fingerprints.bandCount)
            if let facts = result.facts { sketches.facts[position] = facts }
        }
        var done = 0
        // Each batch's sketches are kept (filed in the key store, which may write to disk)
        // while the next batch is sketched, in batch order on one worker at a time.
        var unkept: (positions: [Int], sketches: [Sketch?]) = ([], [])
        func keepUnkept() {
            for (position, result) in zip(unkept.positions, unkept.sketches) { keep(result, at: position) }
        }
        report(.sketching(done: 0, total: census.count))
        if !findsPassages, let whole = census.wholeTextBandKeys {
            sketches.signatures = census.wholeTextSignatures
            var templated: [Int] = []
            for position in census.representatives {
                if lines.hasTemplateLine(in: census.lines(of: position)) {
                    templated.append(position)
                } else {
                    sketches.bandKeys[position] = whole[position]
                }
            }
            done = census.count - templated.count
            report(.sketching(done: done, total: census.count))
            var start = 0
            while start < templated.count {
                let part = Array(templated[start..<min(templated.count, start + 4_096)])
                let texts = source.documents(at: part.map { census.locations[$0] }, threads: threads)
                let work = ParallelWork.map(count: part.count, threads: threads, alongside: keepUnkept) {
                    sketchOne(part[$0], texts[$0].text)
                }
                unkept = (part, work)
                done += part.count
                report(.sketching(done: done, total: census.count))
                start += part.count
            }
            keepUnkept()
            return sketches
        }
        var record = 0
        // With more than one thread the source is read ahead while this batch is sketched.
        func readAll(_ body: ([SourceRecord]) -> Void) -> [Diagnostic] {
            overlapsBatches ? ReadAhead().readAll(source, threads: threads, body) : source.readAll(threads: threads, body)
        }
        _ = readAll { batch in
            let positions = batch.indices.map { census.positionOfRecord[record + $0] }
            record += batch.count
            let work = ParallelWork.map(count: batch.count, threads: threads, alongside: keepUnkept) { index -> Sketch? in
                let position = positions[index]
                guard position >= 0, census.representative[position] == position else { return nil }
                return sketchOne(position, batch[index].document.text)
            }
            unkept = (positions, work)
            done += batch.count
            report(.sketching(done: done, total: census.count))
        }
        keepUnkept()
        return sketches
    }

    /// Candidate pairs of representatives from LSH, shared rare lines and sentence
    /// fingerprints; skipped buckets become warnings.
    func candidatePairs(
        _ census: CorpusCensus, _ lines: LineCensus, _ sketches: Sketches, fingerprints: PassageFingerprints,
        counts: inout CandidateCounts, warnings: inout [Diagnostic]
    ) -> [CandidatePair] {
        var lsh = bandIndex.candidatePairs(keys: sketches.bandKeys, threads: parameters.threads)
        counts.lsh = lsh.pairs.count
        if candidateScope == .documents, let signatures = sketches.signatures {
            let proposed = lsh.pairs.count
            lsh.pairs = screened(lsh.pairs, by: signatures)
            counts.belowThreshold = proposed - lsh.pairs.count
        }
        let passages = fingerprints.candidatePairs(sketches.passageKeys, threads: parameters.threads)
        sketches.passageKeys.removeFiles()
        if let problem = sketches.passageKeys.spillError ?? passages.spillError {
            warnings.append(Diagnostic(
                file: "scan", message: "sentence fingerprints were kept in memory: \(problem)"))
        }
        counts.sharedLines = lines.sharedLinePairs.count
        counts.passages = passages.pairs.count
        counts.skippedBuckets = lsh.skippedBuckets + passages.skippedBuckets
        if lsh.skippedBuckets > 0 {
            warnings.append(Diagnostic(
                file: "scan",
                message: "\(lsh.skippedBuckets) LSH bucket(s) of more than \(lshBucketLimit) documents were skipped "
                    + "(\(lsh.skippedDocuments.count) documents, such as '\(census.documents[lsh.skippedDocuments[0]].id)'); "
                    + "those documents were compared only through rare shared lines and sentence fingerprints"))
        }
        if passages.skippedBuckets > 0 {
            warnings.append(Diagnostic(
                file: "scan",
                message: "\(passages.skippedBuckets) sentence-fingerprint bucket(s) of more than \(fingerprints.maximumBucketSize) "
                    + "sentences were skipped (\(passages.skippedDocuments.count) documents had a sentence in one, such as "
                    + "'\(census.documents[passages.skippedDocuments[0]].id)'); sentences that common do not point at copy"))
        }
        if candidateScope == .documents {
            counts.sharedLines = 0
            warnings.append(Diagnostic(
                file: "scan",
                message: "candidates came from document-level MinHash LSH only (candidate scope 'documents', "
                    + "\(bandIndex.parameters.description); \(counts.belowThreshold) of \(counts.lsh) pairs were dropped "
                    + "because their MinHash estimate was confidently below \(parameters.lshThreshold)): "
                    + "near-duplicates of whole texts were looked for, partial and reworded copy was not"))
        }
        var all = lsh.pairs + (candidateScope == .passages ? lines.sharedLinePairs : []) + passages.pairs
        RadixSort.sort(&all)
        var unique: [CandidatePair] = []
        unique.reserveCapacity(all.count)
        for pair in all where unique.last != pair { unique.append(pair) }
        counts.total = unique.count
        return unique
    }

    /// The `pairs` whose Jaccard similarity may reach the LSH threshold: those whose b-bit
    /// MinHash estimate's upper bound, at the scan's confidence z, is at least the threshold.
    /// A near-duplicate scan screens its LSH candidates so, before reading them again
    /// (``CandidateScope/documents``).
    func screened(_ pairs: [CandidatePair], by signatures: BBitSignatures) -> [CandidatePair] {
        let (threshold, z) = (parameters.lshThreshold, parameters.confidenceZ)
        let kept = ParallelWork.map(count: pairs.count, threads: parameters.threads) { index in
            signatures.jaccard(pairs[index].first, pairs[index].second, confidenceZ: z).upper >= threshold
        }
        return zip(pairs, kept).compactMap { $1 ? $0 : nil }
    }

    /// Verifies `candidates` in batches of at most ``verificationBatchSize`` documents read
    /// again and analysed in full; copies of a representative share its findings.
    ///
    /// Connected components of the candidate graph that fit a batch are packed into batches
    /// whole, so each of their documents is analysed once (near-duplicate candidates are
    /// mostly pairs and small groups); the pairs of larger components go through tiles.
    func verify(
        _ candidates: [CandidatePair], _ census: CorpusCensus, _ lines: LineCensus, _ source: some DocumentSource
    ) -> Verified {
        let verifier = PairVerifier(parameters: parameters)
        var findings: [PairFinding] = []
        var facts: [Int: DocumentFacts] = [:]
        let batchSize = max(2, verificationBatchSize)
        var done = 0
        report(.verifying(done: 0, total: candidates.count))
        // In batches and tiles, a document in two or more pairs has its sentence shingle index
        // built once, when it is analysed, and kept with it; one in a single pair is indexed by
        // the verifier for that pair and the index dropped with it (``PairVerifier``), so it is
        // never held longer. (A small component, on one worker, builds each index when a pair
        // first reads it.)
        var pairCounts = [UInt8](repeating: 0, count: census.count)
        for pair in candidates {
            if pairCounts[pair.first] < 2 { pairCounts[pair.first] += 1 }
            if pairCounts[pair.second] < 2 { pairCounts[pair.second] += 1 }
        }
        let pairsOf = pairCounts
        let indexed: @Sendable (Int) -> Bool = { pairsOf[$0] >= 2 }
        // A copy group's representative in a candidate pair is at hand here: its group's pair
        // is verified while it is, rather than analysed again for copyPairs.
        var firstCopy: [Int: Int] = [:]
        for group in census.copyGroups { firstCopy[group[0]] = group[1] }
        var copyFindings: [Int: [PairFinding]] = [:]
        func verifyCopies(_ documents: [Int: HeldDocument]) {
            let representatives = documents.keys.filter { firstCopy[$0] != nil && copyFindings[$0] == nil }.sorted()
            guard !representatives.isEmpty else { return }
            let found = ParallelWork.map(count: representatives.count, threads: parameters.threads) { index in
                let position = representatives[index]
                return Self.copyFinding(documents[position]!.prepared, copy: census.documents[firstCopy[position]!], verifier: verifier)
            }
            for (position, finding) in zip(representatives, found) { copyFindings[position] = finding.map { [$0] } ?? [] }
        }
        /// Verifies `pairs` with `documents` at hand, in slices so that progress moves.
        func verifyPairs(_ pairs: ArraySlice<CandidatePair>, _ rows: [Int: HeldDocument], _ columns: [Int: HeldDocument]) {
            var slice = pairs.startIndex
            while slice < pairs.endIndex {
                let part = pairs[slice..<min(pairs.endIndex, slice + 2_048)]
                let found = ParallelWork.map(count: part.count, threads: parameters.threads) { index in
                    let pair = part[part.startIndex + index]
                    return rows[pair.first]!.verified(with: columns[pair.second]!, by: verifier)
                }
                findings += found.compactMap { $0 }
                slice = part.endIndex
                done += part.count
                report(.verifying(done: done, total: candidates.count))
            }
        }
        // Components of up to half a batch (what one tile holds of a row or a column block; a
        // quarter when the next batch is analysed ahead, so that the two held at once take the
        // memory of one) are verified whole.
        let (components, larger) = Self.components(
            candidates, documentCount: census.count, limit: max(2, batchSize / (overlapsBatches ? 4 : 2)))
        // Small ones (most: near-duplicate pairs and groups) each on one worker, which
        // analyses its documents, verifies its pairs and frees them while they are in its
        // cache; the texts of ``componentBatchSize`` documents are read at a time, the next
        // batch's beside this one's work.
        let small = components.filter { $0.documents.count <= smallComponentLimit }
        let preparer = Preparer(self, census, lines, indexed: indexed)
        let copyOf = firstCopy
        let ranges = Self.batches(of: small, batchLimit: max(2, componentBatchSize))
        func readTexts(of range: Range<Int>) -> [Document] {
            source.documents(at: small[range].flatMap { $0.documents.map { census.locations[$0] } }, threads: parameters.threads)
        }
        var upcoming = ranges.first.map(readTexts) ?? []
        for (number, range) in ranges.enumerated() {
            let part = small[range]
            var offsets = [0]
            for component in part { offsets.append(offsets[offsets.count - 1] + component.documents.count) }
            let texts = upcoming
            let readNext: (() -> Void)? = number + 1 < ranges.count ? { upcoming = readTexts(of: ranges[number + 1]) } : nil
            let verified = ParallelWork.map(count: part.count, threads: parameters.threads, alongside: readNext) { index in
                Self.verify(
                    part[part.startIndex + index], texts: texts[offsets[index]..<offsets[index + 1]].map(\.text),
                    preparer: preparer, verifier: verifier, copyOf: copyOf)
            }
            for component in verified {
                findings += component.findings
                for (position, fact) in component.facts { facts[position] = fact }
                for (position, found) in component.copyFindings { copyFindings[position] = found }
            }
            done += part.reduce(0) { $0 + $1.pairs.count }
            report(.verifying(done: done, total: candidates.count))
        }
        // Larger ones packed ``componentBatchSize`` documents at a time, each batch's documents
        // analysed together and its pairs verified together.
        let medium = components.filter { $0.documents.count > smallComponentLimit }
        let batches = Self.batches(of: medium, batchLimit: max(2, componentBatchSize)).map { medium[$0].flatMap(\.pairs) }
        func members(of batch: [CandidatePair]) -> [Int] { Set(batch.flatMap { [$0.first, $0.second] }).sorted() }
        // With more than one thread, the next batch is analysed while this one is verified.
        let scanner = self
        func prefetch(_ number: Int) -> Prefetch<[PreparedDocument]>? {
            guard overlapsBatches, number < batches.count else { return nil }
            let positions = members(of: batches[number])
            return Prefetch { scanner.prepare(positions, census, lines, source, indexed: indexed) }
        }
        var next = prefetch(0)
        for (number, batch) in batches.enumerated() {
            let positions = members(of: batch)
            var prepared = next?.wait() ?? prepare(positions, census, lines, source, indexed: indexed)
            next = prefetch(number + 1)
            var documents: [Int: HeldDocument] = [:]
            documents.reserveCapacity(positions.count)
            for (position, document) in zip(positions, prepared) {
                facts[position] = DocumentFacts(credits: document.credits, digest: document.digest)
                documents[position] = HeldDocument(document)
            }
            prepared = []
            verifyPairs(batch[...], documents, documents)
            verifyCopies(documents)
            Self.release(&documents, threads: parameters.threads)
        }
        // A block nested-loop join: positions fall in blocks of half a batch; the pairs of
        // one (row block, column block) tile are verified with both blocks' documents at hand,
        // tiles in row order, so a row block is analysed once per row, not once per batch of
        // pairs that happens to touch it.
        let involved = Set(larger.flatMap { [$0.first, $0.second] }).count
        let blockSize = involved <= batchSize ? Int.max : max(1, batchSize / 2)
        let tiled = larger.sorted {
            ($0.first / blockSize, $0.second / blockSize, $0.first, $0.second)
                < ($1.first / blockSize, $1.second / blockSize, $1.first, $1.second)
        }
        var row: (block: Int, documents: [Int: HeldDocument]) = (-1, [:])
        var column: (block: Int, documents: [Int: HeldDocument]) = (-1, [:])
        var start = 0
        while start < tiled.count {
            let rowBlock = tiled[start].first / blockSize, columnBlock = tiled[start].second / blockSize
            var end = start + 1
            while end < tiled.count, tiled[end].first / blockSize == rowBlock, tiled[end].second / blockSize == columnBlock {
                end += 1
            }
            if row.block != rowBlock {
                var done = row.documents
                row = column.block == rowBlock ? column : (rowBlock, [:])
                Self.release(&done, threads: parameters.threads)
            }
            if column.block != columnBlock {
                var done = column.documents
                column = (columnBlock, [:])
                Self.release(&done, threads: parameters.threads)
            }
            let tile = tiled[start..<end]
            let missingRow = Set(tile.map(\.first) + (rowBlock == columnBlock ? tile.map(\.second) : []))
                .filter { row.documents[$0] == nil }.sorted()
            let missingColumn = rowBlock == columnBlock
                ? [] : Set(tile.map(\.second)).filter { column.documents[$0] == nil }.sorted()
            let prepared = prepare(missingRow + missingColumn, census, lines, source, indexed: indexed)
            for (index, position) in (missingRow + missingColumn).enumerated() {
                facts[position] = DocumentFacts(credits: prepared[index].credits, digest: prepared[index].digest)
                let held = HeldDocument(prepared[index])
                if index < missingRow.count { row.documents[position] = held } else { column.documents[position] = held }
            }
            verifyPairs(tile, row.documents, rowBlock == columnBlock ? row.documents : column.documents)
            verifyCopies(row.documents)
            if rowBlock != columnBlock { verifyCopies(column.documents) }
            if rowBlock == columnBlock { column = (-1, [:]) }
            start = end
        }
        Self.release(&row.documents, threads: parameters.threads)
        Self.release(&column.documents, threads: parameters.threads)
        // Copies of small groups share their representative's findings. A finding names its
        // documents by id; the copies are found by the representative's id, so a finding with
        // none (most) costs two hash lookups, not two searches of the census.
        var copiesOf: [String: [String]] = [:]
        for group in census.copyGroups where group.count <= copyGroups.fullPairLimit {
            copiesOf[census.documents[group[0]].id] = group.dropFirst().map { census.documents[$0].id }
        }
        if !copiesOf.isEmpty {
            var expanded: [PairFinding] = []
            for finding in findings {
                let copiesA = copiesOf[finding.a], copiesB = copiesOf[finding.b]
                guard copiesA != nil || copiesB != nil else { continue }
                let sidesA = [finding.a] + (copiesA ?? [])
                let sidesB = [finding.b] + (copiesB ?? [])
                for (x, first) in sidesA.enumerated() {
                    for (y, second) in sidesB.enumerated() where x != 0 || y != 0 {
                        expanded.append(CopyGroups.relabel(finding, first: first, second: second))
                    }
                }
            }
            findings += expanded
        }
        return Verified(findings: findings, facts: facts, copyFindings: copyFindings)
    }

    /// Whether verification analyses the next batch of documents while it verifies this
    /// one's pairs (with more than one thread; ``worksAhead`` overrides). The findings are
    /// the same either way.
    var overlapsBatches: Bool {
        worksAhead ?? ((parameters.threads <= 0 ? ParallelWork.coreCount : parameters.threads) > 1)
    }

    /// Empties `documents`, freeing those it alone holds on up to `threads` workers
    /// (``ParallelWork/release(_:threads:)``): an analysed document is many arrays, and freeing
    /// a batch of them on one thread would leave the others idle.
    static func release(_ documents: inout [Int: HeldDocument], threads: Int) {
        var values = documents.values.map { Optional($0) }
        documents = [:]
        ParallelWork.release(&values, threads: threads)
    }

    /// Splits `candidates` (positions below `documentCount`) by connected component: the
    /// pairs of components of at most `limit` documents, packed into batches of at most
    /// `batchLimit` documents (a larger component alone in its batch) in order of each
    /// component's least position, and the pairs of larger components, in no particular order.
    ///
    /// - Complexity: O(*p* α(*n*) + *p* log *p*) for *p* pairs (union–find, Tarjan 1975).
    static func packComponents(
        _ candidates: [CandidatePair], documentCount: Int, limit: Int, batchLimit: Int? = nil
    ) -> (batches: [[CandidatePair]], rest: [CandidatePair]) {
        let (whole, rest) = components(candidates, documentCount: documentCount, limit: limit)
        return (batches(of: whole, batchLimit: min(limit, batchLimit ?? limit)).map { whole[$0].flatMap(\.pairs) }, rest)
    }

    /// A connected component of the candidate graph.
    struct Component {
        /// Its pairs, in the order of the candidates.
        var pairs: [CandidatePair]
        /// Its documents, in position order.
        var documents: [Int]
    }

    /// The connected components of `candidates` (positions below `documentCount`) of at most
    /// `limit` documents, in order of each component's least position, and the pairs of larger
    /// components, in no particular order.
    ///
    /// - Complexity: O(*p* α(*n*) + *p* log *p*) for *p* pairs (union–find, Tarjan 1975).
    static func components(
        _ candidates: [CandidatePair], documentCount: Int, limit: Int
    ) -> (components: [Component], rest: [CandidatePair]) {
        guard !candidates.isEmpty else { return ([], []) }
        var parent = [Int32](repeating: -1, count: documentCount)
        func root(_ position: Int) -> Int {
            var node = position
            while parent[node] >= 0 { node = Int(parent[node]) }
            var walk = position
            while parent[walk] >= 0 {
                let next = Int(parent[walk])
                parent[walk] = Int32(node)
                walk = next
            }
            return node
        }
        // A root holds minus its component's document count; the smaller root joins the larger.
        for pair in candidates {
            let a = root(pair.first), b = root(pair.second)
            guard a != b else { continue }
            let (big, small) = parent[a] <= parent[b] ? (a, b) : (b, a)
            parent[big] += parent[small]
            parent[small] = Int32(big)
        }
        var byRoot: [Int: [CandidatePair]] = [:]
        var rest: [CandidatePair] = []
        for pair in candidates {
            let component = root(pair.first)
            if Int(-parent[component]) > limit { rest.append(pair) } else { byRoot[component, default: []].append(pair) }
        }
        let components = byRoot.values.map { pairs in
            (least: pairs.reduce(Int.max) { min($0, $1.first) },
             component: Component(pairs: pairs, documents: Set(pairs.flatMap { [$0.first, $0.second] }).sorted()))
        }.sorted { $0.least < $1.least }
        return (components.map(\.component), rest)
    }

    /// Where `components` split, in order, into batches of at most `batchLimit` documents (a
    /// larger component alone in its batch): the ranges of their indices.
    static func batches(of components: [Component], batchLimit: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var documents = 0
        for (index, component) in components.enumerated() {
            if documents + component.documents.count > batchLimit, index > start {
                ranges.append(start..<index)
                start = index
                documents = 0
            }
            documents += component.documents.count
        }
        if start < components.count { ranges.append(start..<components.count) }
        return ranges
    }

    /// What verifying one component found.
    struct ComponentFindings {
        /// Its pairs' findings, in pair order.
        var findings: [PairFinding]
        /// What the report's document list needs of each of its documents.
        var facts: [(position: Int, facts: DocumentFacts)]
        /// The copy-group finding of each of its documents that represents a copy group.
        var copyFindings: [(position: Int, findings: [PairFinding])]
    }

    /// Analyses the documents of `component`, whose texts are `texts` (in the order of its
    /// documents), verifies its pairs and the copy-group pair of each document that has a
    /// first copy in `copyOf`, and frees the analyses: the work of one worker, done while the
    /// documents are in its cache.
    static func verify(
        _ component: Component, texts: [String], preparer: Preparer, verifier: PairVerifier, copyOf: [Int: Int]
    ) -> ComponentFindings {
        // Its documents mostly copy each other: a line met again takes the credits it had.
        let memo = CreditLineMemo()
        // And a sentence met again takes its sets: a cache of the component's own, which no
        // other worker touches (about one entry per 64 bytes of its text).
        let sentenceSets = SentenceSetCache(
            shingleSize: preparer.scanner.parameters.sentenceShingleSize,
            capacity: max(64, texts.reduce(0) { $0 + $1.utf8.count } / 64))
        var documents: [PreparedDocument] = []
        documents.reserveCapacity(texts.count)
        for (position, text) in zip(component.documents, texts) {
            // The last document's lines are looked up, not kept.
            memo.isKeeping = documents.count + 1 < texts.count
            documents.append(preparer.prepared(position, text: text, memo: memo, sentenceSets: sentenceSets, indexing: false))
        }
        // Each document's sentence shingle index, built when a pair first reads it and kept for
        // its other pairs (this worker alone reads them): a document that is only ever a
        // pair's first side in verbatim copies never has its table built.
        let indexes = documents.map(\.deferredShingleIndex)
        func place(_ position: Int) -> Int { component.documents.firstIndex(of: position)! }
        let findings = component.pairs.compactMap { pair -> PairFinding? in
            let (a, b) = (place(pair.first), place(pair.second))
            return verifier.verify(documents[a], documents[b], indexes: (indexes[a], indexes[b]?.index))
        }
        var result = ComponentFindings(findings: findings, facts: [], copyFindings: [])
        for (place, (position, prepared)) in zip(component.documents, documents).enumerated() {
            result.facts.append((position, DocumentFacts(credits: prepared.credits, digest: prepared.digest)))
            if let copy = copyOf[position] {
                let finding = copyFinding(prepared, copy: preparer.census.documents[copy], verifier: verifier, index: indexes[place])
                result.copyFindings.append((position, finding.map { [$0] } ?? []))
            }
        }
        return result
    }

    /// What ``copyPairs(_:_:_:verified:)`` found: the verbatim pairs of the copy groups, a
    /// warning when a large group was listed against its representative only, and the facts
    /// of the representatives it analysed (so that the document list need not read them again).
    struct CopyPairs {
        var findings: [PairFinding] = []
        var warning: Diagnostic? = nil
        var facts: [Int: DocumentFacts] = [:]
    }

    /// The verbatim pairs of each copy group: every copy with its representative, and, in
    /// small groups, every copy with every other; a warning when a large group was listed
    /// against its representative only; the facts of the representatives analysed here.
    func copyPairs(
        _ census: CorpusCensus, _ lines: LineCensus, _ source: some DocumentSource, verified: Verified
    ) -> CopyPairs {
        let all = census.copyGroups
        guard !all.isEmpty else { return CopyPairs() }
        let verifier = PairVerifier(parameters: parameters)
        // Representatives verification analysed have their group's finding already.
        let groups = all.filter { verified.copyFindings[$0[0]] == nil }
        var findings: [PairFinding] = []
        var large: [[Int]] = []
        var analysed: [Int: PairFinding] = [:]
        var facts: [Int: DocumentFacts] = [:]
        // Each representative is analysed, verified against its copy and freed by one worker;
        // the texts of ``componentBatchSize`` representatives are read at a time.
        let preparer = Preparer(self, census, lines, indexed: { _ in true })
        let step = max(1, componentBatchSize)
        var start = 0
        while start < groups.count {
            let part = groups[start..<min(groups.count, start + step)]
            let texts = source.documents(at: part.map { census.locations[$0[0]] }, threads: parameters.threads)
            let found = ParallelWork.map(count: part.count, threads: parameters.threads) { index in
                let group = part[part.startIndex + index]
                let representative = preparer.prepared(group[0], text: texts[index].text)
                return (finding: Self.copyFinding(representative, copy: census.documents[group[1]], verifier: verifier),
                        facts: DocumentFacts(credits: representative.credits, digest: representative.digest))
            }
            for (group, result) in zip(part, found) {
                analysed[group[0]] = result.finding
                facts[group[0]] = result.facts
            }
            start = part.endIndex
        }
        // In group order, whichever stage found them.
        for group in all {
            if group.count > copyGroups.fullPairLimit { large.append(group) }
            guard let finding = verified.copyFindings[group[0]]?.first ?? analysed[group[0]] else { continue }
            let ids = group.map { census.documents[$0].id }
            let isSmall = group.count <= copyGroups.fullPairLimit
            for i in ids.indices {
                for j in (i + 1)..<ids.count where i == 0 || isSmall {
                    findings.append(CopyGroups.relabel(finding, first: ids[i], second: ids[j]))
                }
            }
        }
        guard let largest = large.max(by: { $0.count < $1.count }) else { return CopyPairs(findings: findings, facts: facts) }
        let warning = Diagnostic(
            file: "scan",
            message: "\(large.count) group(s) of more than \(copyGroups.fullPairLimit) documents with identical text "
                + "(the largest: \(largest.count) copies of '\(census.documents[largest[0]].id)'); each copy is reported "
                + "as a verbatim pair with the group's first document and joins its cluster, but not paired with every other copy")
        return CopyPairs(findings: findings, warning: warning, facts: facts)
    }

    /// The verbatim pair of a copy group: its representative, analysed, against the same text
    /// under the metadata of `copy`, the group's second document.
    ///
    /// Both sides read the representative's sentence shingle index, `index` when given (a
    /// copy's would be the same, built from the same profile; a profile too long for one has
    /// none either way).
    static func copyFinding(
        _ representative: PreparedDocument, copy: Document, verifier: PairVerifier, index: DeferredShingleIndex? = nil
    ) -> PairFinding? {
        let index = index ?? representative.deferredShingleIndex
        var other = representative
        other.document = copy
        other.document.text = representative.document.text
        return verifier.verify(representative, other, indexes: (index, index?.index))
    }

    /// Credits (and SHA-256) of documents that verification did not analyse, for the document list.
    func creditFacts(
        _ positions: [Int], _ census: CorpusCensus, _ lines: LineCensus, _ source: some DocumentSource
    ) -> [DocumentFacts] {
        guard !positions.isEmpty else { return [] }
        let texts = source.documents(at: positions.map { census.locations[$0] }, threads: parameters.threads)
        let detector = CreditDetector()
        return ParallelWork.map(count: positions.count, threads: parameters.threads) { index in
            let text = AnalyzedText(texts[index].text)
            let boilerplate = lines.boilerplate(
                lines: BoilerplateDetector.lineKeys(of: text), slots: census.lines(of: positions[index]))
            return DocumentFacts(
                credits: Self.credits(in: text, boilerplate: boilerplate, detector: detector),
                digest: TextDigest(texts[index].text))
        }
    }

    /// The credits of `text`, marked when they stand in its `boilerplate` lines.
    static func credits(in text: AnalyzedText, boilerplate: [BoilerplateLine], detector: CreditDetector) -> [Credit] {
        marked(detector.credits(in: text), inBoilerplate: boilerplate.map(\.span))
    }

    /// `credits`, each marked when it overlaps one of the `boilerplate` spans.
    static func marked(_ credits: [Credit], inBoilerplate boilerplate: [TextSpan]) -> [Credit] {
        credits.map { credit -> Credit in
            var credit = credit
            credit.inBoilerplate = boilerplate.contains { $0.overlap(with: credit.span) > 0 }
            return credit
        }
    }
}
