import SyndicationEngine

/// Boilerplate over a corpus census: ``BoilerplateDetector``'s rules applied to line keys
/// alone, so that no text has to stay in memory, plus the documents that share a rare line.
///
/// Only representatives count: a line repeated by ten copies of one text is one text's line,
/// not a template (otherwise a story copied verbatim fifty times would become boilerplate).
///
/// - Complexity: O(*L*) for *L* lines (a radix sort of their keys; O(*k* log *k*) for each
///   line held by *k* documents), in 24 bytes per line.
struct LineCensus: Sendable {
    /// What a line is in its document.
    enum Mark: UInt8, Sendable {
        case none = 0
        /// Short furniture that another document shares.
        case furniture = 1
        /// A template line (by corpus evidence).
        case template = 2
    }

    /// The mark of every line of the census, in census order (copies: their representative's).
    var marks: [Mark]
    /// Pairs of representatives that share a line held by fewer than the boilerplate count.
    var sharedLinePairs: [CandidatePair]

    /// The marks and shared-line pairs of `census`, the pairs sorted (a radix sort).
    init(_ census: CorpusCensus, detector: BoilerplateDetector, sharedLineLimit: Int) {
        struct Entry {
            var key: UInt64
            var outlet: Int32
            var document: Int32
            var slot: Int32
        }
        var outletIDs: [String: Int32] = [:]
        var entries: [Entry] = []
        entries.reserveCapacity(census.lineKeys.count)
        for position in census.representatives {
            let outlet: Int32
            if let name = census.documents[position].outlet {
                if let id = outletIDs[name] { outlet = id } else {
                    outlet = Int32(outletIDs.count)
                    outletIDs[name] = outlet
                }
            } else {
                outlet = -1
            }
            for slot in census.lines(of: position) {
                entries.append(Entry(key: census.lineKeys[slot], outlet: outlet, document: Int32(position), slot: Int32(slot)))
            }
        }
        // By key (a radix sort), then each run of a shared key by outlet, document and slot:
        // the order of sorting by all four at once.
        RadixSort.sort(&entries, by: \.key)
        var marks = [Mark](repeating: .none, count: census.lineKeys.count)
        var pairs: [CandidatePair] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            // A line of one document, the usual case, is nothing.
            guard end - start > 1 else {
                start = end
                continue
            }
            entries[start..<end].sort { ($0.outlet, $0.document, $0.slot) < ($1.outlet, $1.document, $1.slot) }
            // Distinct holders, and distinct outlets (a page of unknown outlet is its own).
            var holders: [Int32] = []
            var outlets = 0
            var sameOutletHolders: [Int32] = []
            var index = start
            while index < end {
                var next = index
                var documents: [Int32] = []
                while next < end, entries[next].outlet == entries[index].outlet {
                    if documents.last != entries[next].document { documents.append(entries[next].document) }
                    next += 1
                }
                holders += documents
                outlets += entries[index].outlet < 0 ? documents.count : 1
                if entries[index].outlet >= 0, documents.count > 1 { sameOutletHolders += documents }
                index = next
            }
            if holders.count > 1 {
                let isTemplate = holders.count >= detector.minimumDocuments
                    && (holders.count >= detector.ubiquitousDocuments || outlets <= detector.templateOutletLimit)
                let sameOutlet = Set(sameOutletHolders)
                for entry in entries[start..<end] {
                    let slot = Int(entry.slot)
                    if isTemplate || sameOutlet.contains(entry.document) {
                        marks[slot] = .template
                    } else if census.lineIsFurniture[slot] {
                        marks[slot] = .furniture
                    }
                }
                if holders.count < sharedLineLimit {
                    holders.sort()
                    for i in holders.indices {
                        for j in (i + 1)..<holders.count {
                            pairs.append(CandidatePair(Int(holders[i]), Int(holders[j])))
                        }
                    }
                }
            }
            start = end
        }
        // Copies carry their representative's marks.
        for position in 0..<census.count where census.representative[position] != position {
            let own = census.lines(of: position)
            let theirs = census.lines(of: census.representative[position])
            for offset in 0..<own.count { marks[own.lowerBound + offset] = marks[theirs.lowerBound + offset] }
        }
        self.marks = marks
        RadixSort.sort(&pairs)
        var unique: [CandidatePair] = []
        for pair in pairs where unique.last != pair { unique.append(pair) }
        self.sharedLinePairs = unique
    }

    /// Whether any line at `slots` (one document's census range) is a template line.
    func hasTemplateLine(in slots: Range<Int>) -> Bool {
        marks[slots].contains(.template)
    }

    /// The boilerplate lines of one document as ``BoilerplateDetector/boilerplate(in:)`` gives
    /// them, from its lines (``BoilerplateDetector/lineKeys(of:)``) and census range.
    func boilerplate(lines: [(key: UInt64, span: TextSpan)], slots: Range<Int>) -> [BoilerplateLine] {
        zip(lines, slots).compactMap { line, slot in
            switch marks[slot] {
            case .none: return nil
            case .furniture: return BoilerplateLine(span: line.span, isTemplate: false)
            case .template: return BoilerplateLine(span: line.span, isTemplate: true)
            }
        }
    }
}
