import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan

extension ArchiveIndex {
    /// The keys one document is looked up by.
    struct LookupKeys: Sendable {
        /// Its rowid, or nil for a document that is not in the index (a query).
        var rowid: Int64?
        var bandKeys: [UInt64]
        var passageKeys: [(key: UInt64, sentence: Int32)]
        var lineKeys: [UInt64]
    }

    /// The documents of the index that are candidates to share copy with the document of
    /// each of `keys`, by the three rules of `CorpusScanner`: a shared document LSH bucket
    /// of at most ``IndexParameters/lshMaximumBucketSize`` documents; a shared line held by
    /// fewer than `ScanParameters.boilerplateDocumentCount` documents; or at least
    /// ``IndexParameters/FingerprintSettings/minimumCollisions`` distinct sentence pairs in
    /// buckets of their own or in passage order (`PassageFingerprints.pointsAtCopy`) in shared
    /// fingerprint buckets of at most
    /// ``IndexParameters/FingerprintSettings/maximumBucketSize`` sentences. Bucket sizes count
    /// the document itself, in the index or not, so a query sees the buckets it would see
    /// once added.
    ///
    /// Each distinct key is looked up once, in key order, however many documents have it:
    /// a pass over the blocks of each run that hold one (`PostingRuns.holders(of:kind:removed:_:)`).
    /// The documents' candidates are then gathered on `threads` threads (0: all cores).
    func candidates(of keys: [LookupKeys], threads: Int = 0, _ db: Database) throws -> [Set<Int64>] {
        let removed = try PostingRuns.removedDocuments(db)
        return try candidates(of: keys, threads: threads) { sorted, kind, fewestHolders in
            try PostingRuns.holders(of: sorted, kind: kind, removed: removed, minimumHolders: fewestHolders, db)
        }
    }

    /// The candidates of each of `keys` as above, with the holders of the sorted, distinct
    /// keys of a kind, less keys with fewer holders than asked, from `holdersOf`.
    func candidates(
        of keys: [LookupKeys], threads: Int,
        holdersOf: (_ sorted: [Int64], _ kind: PostingKind, _ fewestHolders: Int) throws -> HolderTable
    ) throws -> [Set<Int64>] {
        // A key whose one holder is the indexed document looking it up pairs nothing: only
        // keys with more holders are kept (with one or more when a query looks up).
        let fewestHolders = keys.contains { $0.rowid == nil } ? 1 : 2
        /// Holders of each distinct key of `lists`, from every run: one pass over the runs
        /// however many documents share a key.
        func holders(_ lists: [[UInt64]], kind: PostingKind) throws -> HolderTable {
            var sorted = lists.joined().map(BlobCoding.sql)
            sorted.sort()
            return try holdersOf(Self.distinct(sorted), kind, fewestHolders)
        }
        func lookUp(_ table: HolderTable, _ key: UInt64) -> ArraySlice<Int64>? {
            let holders = table.holders(BlobCoding.sql(key))
            return holders.isEmpty ? nil : holders
        }
        let bandLimit = parameters.lshMaximumBucketSize
        let bands = try holders(keys.map(\.bandKeys), kind: .band)
        let lineLimit = parameters.scan.boilerplateDocumentCount
        let lines = try holders(keys.map(\.lineKeys), kind: .line)
        let passageLimit = parameters.fingerprints.maximumBucketSize
        let passages = try holders(keys.map { $0.passageKeys.map(\.key) }, kind: .passage)
        return ParallelWork.map(count: keys.count, threads: threads) { position -> Set<Int64> in
            let lookup = keys[position]
            var result = Set<Int64>()
            let extra = lookup.rowid == nil ? 1 : 0
            for key in lookup.bandKeys {
                guard let found = lookUp(bands, key), found.count + extra <= bandLimit else { continue }
                result.formUnion(found)
            }
            for key in lookup.lineKeys {
                guard let found = lookUp(lines, key), found.count + extra < lineLimit else { continue }
                result.formUnion(found)
            }
            // Sentence pairs (its sentence, theirs) with each other document, as a flat list
            // sorted once: a dictionary of sets per document cost more than the lookups.
            var hits: [SentenceHit] = []
            for entry in lookup.passageKeys {
                guard let found = lookUp(passages, entry.key), found.count + extra <= passageLimit else { continue }
                let rare = found.count + extra == 2
                for holder in found {
                    let document = holder >> IndexSchema.sentenceBits
                    guard document != lookup.rowid else { continue }
                    let sentence = UInt64(holder & ((1 << IndexSchema.sentenceBits) - 1))
                    hits.append(SentenceHit(
                        document: document, pair: UInt64(UInt32(bitPattern: entry.sentence)) << 32 | sentence, rare: rare))
                }
            }
            hits.sort()
            var start = 0
            var pairs: [(UInt32, UInt32)] = []
            while start < hits.count {
                let document = hits[start].document
                var end = start
                var rareCount = 0
                pairs.removeAll(keepingCapacity: true)
                while end < hits.count && hits[end].document == document {
                    // Equal pairs are adjacent: count each once, rare when any finding was.
                    let pair = hits[end].pair
                    var rare = false
                    while end < hits.count && hits[end].document == document && hits[end].pair == pair {
                        rare = rare || hits[end].rare
                        end += 1
                    }
                    pairs.append((UInt32(pair >> 32), UInt32(pair & 0xFFFF_FFFF)))
                    if rare { rareCount += 1 }
                }
                if stages.fingerprints.pointsAtCopy(pairs, rareCollisions: rareCount) { result.insert(document) }
                start = end
            }
            if let rowid = lookup.rowid { result.remove(rowid) }
            return result
        }
    }

    /// A sentence of a looked-up document (high half of `pair`) sharing a fingerprint bucket
    /// with a sentence of `document` (low half); `rare` when the bucket held only the two.
    struct SentenceHit: Comparable {
        var document: Int64
        var pair: UInt64
        var rare: Bool

        static func < (lhs: SentenceHit, rhs: SentenceHit) -> Bool {
            lhs.document != rhs.document ? lhs.document < rhs.document : lhs.pair < rhs.pair
        }
    }

    /// A stored document: as read, as the report summarises it, and its line keys.
    struct StoredDocument: Sendable {
        var rowid: Int64
        var document: Document
        var summary: DocumentSummary
        var lineKeys: [UInt64]
    }

    /// The stored documents of `rowids` that exist, by rowid, with their texts.
    func storedDocuments(_ rowids: some Sequence<Int64>, _ db: Database) throws -> [Int64: StoredDocument] {
        var result: [Int64: StoredDocument] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT document.summary, document.line_keys, document_text.text
            FROM document JOIN document_text ON document_text.document = document.rowid
            WHERE document.rowid = ?
            """)
        let decoder = JSONDecoder()
        for rowid in rowids where result[rowid] == nil {
            guard let row = try Row.fetchOne(statement, arguments: [rowid]) else { continue }
            let summary = try decoder.decode(DocumentSummary.self, from: Data((row[0] as String).utf8))
            let document = Document(
                id: summary.id, title: summary.title, outlet: summary.outlet, url: summary.url,
                published: summary.published.flatMap { PublicationTime(iso8601: $0) }, text: row[2],
                origin: summary.origin)
            result[rowid] = StoredDocument(
                rowid: rowid, document: document, summary: summary, lineKeys: BlobCoding.integers(row[1]))
        }
        return result
    }

    /// The stored summaries of `rowids` that exist, by rowid.
    func storedSummaries(_ rowids: some Sequence<Int64>, _ db: Database) throws -> [Int64: DocumentSummary] {
        var result: [Int64: DocumentSummary] = [:]
        let statement = try db.cachedStatement(sql: "SELECT summary FROM document WHERE rowid = ?")
        let decoder = JSONDecoder()
        for rowid in rowids where result[rowid] == nil {
            guard let text = try String.fetchOne(statement, arguments: [rowid]) else { continue }
            result[rowid] = try decoder.decode(DocumentSummary.self, from: Data(text.utf8))
        }
        return result
    }

    /// The stored line counts of `keys`.
    func lineCounts(_ keys: some Sequence<UInt64>, _ db: Database) throws -> [UInt64: IncrementalScan.LineCounts] {
        var result: [UInt64: IncrementalScan.LineCounts] = [:]
        let statement = try db.cachedStatement(sql: "SELECT outlet, documents FROM line_count WHERE key = ?")
        for key in keys where result[key] == nil {
            var byOutlet: [String: Int] = [:]
            for row in try Row.fetchAll(statement, arguments: [BlobCoding.sql(key)]) {
                byOutlet[row[0] as String, default: 0] += row[1] as Int
            }
            result[key] = Self.lineCounts(byOutlet)
        }
        return result
    }

    /// Provenance members standing for every outlet of the index not among `known`, so that
    /// an outside source is judged against the whole archive's outlets, not just a cluster's.
    func outletMembers(excluding known: Set<String>, _ db: Database) throws -> [ProvenanceResolver.Member] {
        try String.fetchAll(db, sql: "SELECT DISTINCT outlet FROM document WHERE outlet IS NOT NULL ORDER BY outlet")
            .filter { !known.contains($0) }
            .map { ProvenanceResolver.Member(id: "\u{0}outlet\u{0}" + $0, outlet: $0, published: nil, creditedNames: []) }
    }
}
