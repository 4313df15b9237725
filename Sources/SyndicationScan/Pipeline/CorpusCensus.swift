import SyndicationEngine

/// What the first pass over a corpus keeps of each document: its metadata, where to read it
/// again, a key of its text and its length, and the keys of its lines (for boilerplate);
/// never its text.
///
/// Documents are numbered by *position*: their rank in id order, so that nothing downstream
/// depends on the order of the input. Documents whose texts are identical (same SHA-256)
/// form a copy group analysed once, through its first member, the *representative*. The pass
/// groups texts by a cheap ``TextKey`` and then confirms each group with the SHA-256 of its
/// members' texts, read again. No other text is digested here: the scan digests the texts its
/// report lists where it holds them anyway (the sketch pass, verification), and
/// ``digests(at:in:threads:known:)`` reads again only what is still missing.
struct CorpusCensus: Sendable {
    /// Metadata of each document (its `text` is empty), by position.
    var documents: [Document] = []
    /// Where each document lies in the source, by position.
    var locations: [RecordLocation] = []
    /// A key of each text's UTF-8 bytes that identical texts share (``TextKey``), by position.
    var textKeys: [TextKey] = []
    /// SHA-256 of the texts of copy groups' members (``groupCopies(_:threads:)``), by position.
    var knownDigests: [Int: TextDigest] = [:]
    /// Each text's length in code points, by position.
    var lengths: [Int] = []
    /// Where each document's lines start in ``lineKeys`` (one more entry than documents).
    var lineStarts: [Int] = [0]
    /// Line keys of every document, document after document (``BoilerplateDetector/lineKeys(of:)``).
    var lineKeys: [UInt64] = []
    /// Whether each line is furniture (``BoilerplateDetector/isFurniture(_:in:wordLimit:)``).
    var lineIsFurniture: [Bool] = []
    /// The position of each document's representative (itself when its text is unique).
    var representative: [Int] = []
    /// Problems met while reading, in reading order, then duplicate ids.
    var warnings: [Diagnostic] = []
    /// The position of each record the source yields, in reading order (-1: a skipped duplicate id).
    var positionOfRecord: [Int] = []
    /// The LSH band keys of each whole text, by position, when the pass was asked for them
    /// (a near-duplicate scan, whose documents without template lines need nothing else).
    var wholeTextBandKeys: [[UInt64]]? = nil
    /// The b-bit MinHash signature of each whole text, by position, made with
    /// ``wholeTextBandKeys``.
    var wholeTextSignatures: BBitSignatures? = nil

    /// What a near-duplicate scan's census makes of each whole text: the LSH band keys of its
    /// MinHash signature, and the signature's b-bit form (``BBitSignatures/compact(_:)``) and
    /// emptiness, made on the worker that signed the text.
    typealias WholeTextSketch = (bandKeys: [UInt64], compacted: [UInt16], isEmpty: Bool)

    /// How a near-duplicate scan sketches whole texts in the census pass: the sketcher, and
    /// the band keys of each signature. The census cuts its line keys from the words the
    /// sketcher folds (``CensusLines/init(_:words:)``) instead of folding each text twice.
    struct WholeTextSketcher: Sendable {
        let sketcher: DocumentSketcher
        let bandKeys: @Sendable (MinHashSignature) -> [UInt64]

        /// The census entry and sketch of `document`.
        func entry(_ document: Document) -> (Entry, WholeTextSketch) {
            var lines: CensusLines?
            let signature = sketcher.signature(of: document.text) { lines = CensusLines(document.text, words: $0) }
            let sketch = (bandKeys(signature), BBitSignatures.compact(signature), signature.isEmpty)
            return (Entry(document, lines: lines ?? CensusLines(document.text)), sketch)
        }
    }

    /// The number of documents.
    var count: Int { documents.count }

    /// The positions of documents analysed on their own: representatives of copy groups.
    var representatives: [Int] { (0..<count).filter { representative[$0] == $0 } }

    /// The line range of the document at `position` in the flat line arrays.
    func lines(of position: Int) -> Range<Int> { lineStarts[position]..<lineStarts[position + 1] }

    /// Reads `source` once, keeping the census of every document, and, when `wholeText` is
    /// given, the band keys and signature it makes of each whole text (``wholeTextBandKeys``,
    /// ``wholeTextSignatures``).
    ///
    /// Each record's entry is made, and packed with its neighbours', where a JSON Lines source
    /// parses it (``JSONLinesCorpus/readAll(threads:readsAhead:transforming:packing:_:)``), and
    /// kept part by part (``CensusRecords``) until the reading ends; with more than one thread
    /// the source reads ahead while the workers parse and pack, which `readsAhead` overrides
    /// (the census is the same either way).
    static func take(
        of source: some DocumentSource, threads: Int, wholeText: WholeTextSketcher? = nil,
        readsAhead: Bool? = nil, progress: (Int) -> Void
    ) -> CorpusCensus {
        let overlapped = readsAhead ?? ((threads <= 0 ? ParallelWork.coreCount : threads) > 1)
        func record(_ record: SourceRecord) -> CensusRecords.Record {
            let (entry, sketch): (Entry, WholeTextSketch?) = if let wholeText {
                wholeText.entry(record.document)
            } else {
                (Entry(record.document, lines: CensusLines(record.document.text)), nil)
            }
            var document = record.document
            document.text = ""
            return CensusRecords.Record(
                document: document, location: record.location, file: record.file, line: record.line,
                entry: entry, sketch: sketch)
        }
        var records = CensusRecords()
        func keep(_ parts: [CensusRecords.Part]) {
            records.append(parts)
            progress(records.count)
        }
        // A JSON Lines file makes and packs each record where it parses it, on the same workers
        // (called on the concrete type, so that the reading is specialised for census records).
        let readWarnings = if let jsonLines = source as? JSONLinesCorpus {
            jsonLines.readAll(threads: threads, readsAhead: overlapped, transforming: record, packing: CensusRecords.Part.init, keep)
        } else {
            source.readAll(threads: threads, readsAhead: overlapped, transforming: record, packing: CensusRecords.Part.init, keep)
        }
        var census = CorpusCensus(
            records, warnings: readWarnings, sketched: wholeText?.sketcher.parameters, threads: threads)
        records.release(threads: threads)
        census.groupCopies(source, threads: threads)
        return census
    }

    /// The census of `records` read with `warnings`: documents in id order (a stable sort:
    /// equal ids stay in reading order, side by side), keeping the first of each id in
    /// path-and-line order, as CorpusReader does, and warning of the others; the arrays
    /// gathered on up to `threads` workers. With `sketched`, the parameters of the records'
    /// whole-text sketches, it keeps their band keys and signatures too.
    private init(_ records: CensusRecords, warnings: [Diagnostic], sketched: MinHashParameters?, threads: Int) {
        // Sorted by ``IDOrder``; equal keys are equal ids.
        let ids = ParallelWork.map(count: records.count, threads: threads) { IDOrder.key(records.document($0).id) }
        var sorted = Array(0..<records.count)
        ParallelWork.sort(&sorted, threads: threads) { IDOrder.keyPrecedes(ids[$0], ids[$1]) }
        var kept = [Bool](repeating: true, count: records.count)
        var involved: [Int] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, ids[sorted[end]] == ids[sorted[start]] { end += 1 }
            if end - start > 1 { involved += sorted[start..<end] }
            start = end
        }
        self.warnings = warnings
        if !involved.isEmpty {
            involved.sort { lhs, rhs in
                let (left, right) = (records.file(lhs), records.file(rhs))
                if left != right { return left.utf8.lexicographicallyPrecedes(right.utf8) }
                return (records.line(lhs) ?? 0, lhs) < (records.line(rhs) ?? 0, rhs)
            }
            var first: [String: Int] = [:]
            for index in involved {
                let id = records.document(index).id
                if let earlier = first[id] {
                    kept[index] = false
                    self.warnings.append(Diagnostic(
                        file: records.file(index), line: records.line(index),
                        message: "the id '\(id)' was already read from \(records.document(earlier).origin); this document was skipped"))
                } else {
                    first[id] = index
                }
            }
        }
        let order = sorted.filter { kept[$0] }
        positionOfRecord = [Int](repeating: -1, count: records.count)
        for (position, index) in order.enumerated() { positionOfRecord[index] = position }
        documents = ParallelWork.map(count: order.count, threads: threads) { records.document(order[$0]) }
        locations = ParallelWork.map(count: order.count, threads: threads) { records.location(order[$0]) }
        textKeys = ParallelWork.map(count: order.count, threads: threads) { records.textKey(order[$0]) }
        lengths = ParallelWork.map(count: order.count, threads: threads) { records.length(order[$0]) }
        lineStarts = [0]
        lineStarts.reserveCapacity(order.count + 1)
        for index in order { lineStarts.append(lineStarts[lineStarts.count - 1] + records.lineKeys(index).count) }
        lineKeys = Self.gather(order.count, at: lineStarts, threads: threads) { records.lineKeys(order[$0]) }
        lineIsFurniture = Self.gather(order.count, at: lineStarts, threads: threads) { records.isFurniture(order[$0]) }
        guard let sketched else { return }
        wholeTextBandKeys = ParallelWork.map(count: order.count, threads: threads) { records.bandKeys(order[$0]) }
        guard records.count > 0 else { return }
        // Gathered on the workers too: a serial copy of every signature held the other cores.
        // Each record's signature looked up once, its emptiness noted where its values go.
        let width = sketched.permutationCount
        let starts = (0...order.count).map { $0 * width }
        var empty = [Bool](repeating: false, count: order.count)
        let values = empty.withUnsafeMutableBufferPointer { empty in
            nonisolated(unsafe) let empty = empty
            return Self.gather(order.count, at: starts, threads: threads) { position in
                let signature = records.signature(order[position])
                precondition(signature.compacted.count == width, "\(signature.compacted.count) positions, not \(width)")
                empty[position] = signature.isEmpty
                return signature.compacted
            }
        }
        wholeTextSignatures = BBitSignatures(parameters: sketched, values: values, empty: empty)
    }

    /// The values `values(k)` of positions `k` in `0..<count`, one after another, position
    /// `k`'s starting at `starts[k]`; copied on up to `threads` workers, a range of positions
    /// each.
    static func gather<Value>(
        _ count: Int, at starts: [Int], threads: Int, _ values: (Int) -> ArraySlice<Value>
    ) -> [Value] {
        ParallelWork.filled(count, at: starts, threads: threads) { position, place in
            values(position).withUnsafeBufferPointer { source in
                guard !source.isEmpty else { return }
                place.initialize(from: source.baseAddress!, count: source.count)
            }
        }
    }

    /// Sets ``representative``: the first position of each group of identical texts. Texts
    /// are grouped by ``TextKey``, and the members of each group of more than one are read
    /// again and kept together only when their SHA-256 digests agree.
    mutating func groupCopies(_ source: some DocumentSource, threads: Int) {
        representative = Array(0..<count)
        var firstWith: [TextKey: Int] = [:]
        firstWith.reserveCapacity(count)
        var members = Set<Int>()
        for position in 0..<count {
            if let first = firstWith[textKeys[position]] {
                representative[position] = first
                members.insert(first)
                members.insert(position)
            } else {
                firstWith[textKeys[position]] = position
            }
        }
        guard !members.isEmpty else { return }
        let positions = members.sorted()
        let digests = self.digests(at: positions, in: source, threads: threads)
        for (position, digest) in zip(positions, digests) { knownDigests[position] = digest }
        // Ascending positions: the first member of a key group with a given digest leads it.
        var firstOf: [Int: [TextDigest: Int]] = [:]
        for (position, digest) in zip(positions, digests) {
            let group = representative[position]
            if let first = firstOf[group]?[digest] { representative[position] = first } else {
                firstOf[group, default: [:]][digest] = position
                representative[position] = position
            }
        }
    }

    /// The SHA-256 digests of the texts at `positions`: those the census made, those `known`
    /// gives (made where the scan held the text), and the rest from the texts read again from
    /// `source`, a few thousand at a time.
    func digests(
        at positions: [Int], in source: some DocumentSource, threads: Int, known: (Int) -> TextDigest? = { _ in nil }
    ) -> [TextDigest] {
        var given: [Int: TextDigest] = [:]
        for position in positions where knownDigests[position] == nil {
            if let digest = known(position) { given[position] = digest }
        }
        let missing = positions.filter { knownDigests[$0] == nil && given[$0] == nil }
        var found: [Int: TextDigest] = [:]
        var start = 0
        while start < missing.count {
            let part = missing[start..<min(missing.count, start + 4_096)]
            let texts = source.documents(at: part.map { locations[$0] }, threads: threads)
            let digests = ParallelWork.map(count: texts.count, threads: threads) { TextDigest(texts[$0].text) }
            for (position, digest) in zip(part, digests) { found[position] = digest }
            start = part.endIndex
        }
        return positions.map { knownDigests[$0] ?? given[$0] ?? found[$0]! }
    }

    /// The position of the document `id`: documents are numbered in id order (``IDOrder``),
    /// so a binary search finds it without a table of every id.
    func position(of id: String) -> Int? {
        let key = IDOrder.key(id)
        var low = 0, high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if IDOrder.keyPrecedes(IDOrder.key(documents[middle].id), key) { low = middle + 1 } else { high = middle }
        }
        return low < documents.count && documents[low].id == id ? low : nil
    }

    /// The copy groups of more than one document: representative, then its copies, ascending.
    var copyGroups: [[Int]] {
        var groups: [Int: [Int]] = [:]
        for position in 0..<count where representative[position] != position {
            groups[representative[position], default: [representative[position]]].append(position)
        }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// One document's census entry, computed on a worker thread.
    struct Entry {
        var textKey: TextKey
        var length: Int
        var lineKeys: [UInt64]
        var isFurniture: [Bool]

        init(_ document: Document, lines: CensusLines) {
            textKey = TextKey(document.text)
            length = lines.length
            lineKeys = lines.keys
            isFurniture = lines.isFurniture
        }
    }
}

/// A key that identical texts share: XXH3-64 of the UTF-8 bytes and their count. Different
/// texts share one rarely (about *n*²/2⁶⁵ pairs among *n* texts of one length), and
/// ``CorpusCensus/groupCopies(_:threads:)`` confirms every shared key with SHA-256.
struct TextKey: Hashable, Sendable {
    var hash: UInt64
    var byteCount: Int

    init(_ text: String) {
        var text = text
        (hash, byteCount) = text.withUTF8 { (XXHash.hash64(UnsafeRawBufferPointer($0), seed: 0x5EC7_C0DE), $0.count) }
    }
}

/// The SHA-256 of a text's UTF-8 bytes, held in four words.
struct TextDigest: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    init(_ text: String) {
        var text = text
        let state = text.withUTF8 { SHA256.words(of: UnsafeRawBufferPointer($0)) }
        func word(_ high: UInt32, _ low: UInt32) -> UInt64 { UInt64(high) << 32 | UInt64(low) }
        words = (word(state.0, state.1), word(state.2, state.3), word(state.4, state.5), word(state.6, state.7))
    }

    /// Lower-case hexadecimal, as the report prints it.
    var hex: String {
        func high(_ word: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: word >> 32) }
        func low(_ word: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: word) }
        return SHA256.hex((
            high(words.0), low(words.0), high(words.1), low(words.1),
            high(words.2), low(words.2), high(words.3), low(words.3)))
    }

    static func == (lhs: TextDigest, rhs: TextDigest) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}
