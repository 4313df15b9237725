import SyndicationEngine

/// Boilerplate over a corpus census: ``BoilerplateDetector``'s rules applied to line keys
/// alone, so that no text has to stay in memory, plus the documents that share a rare line.
///
/// Only representatives count: a line repeated by ten copies of one text is one text's line,
/// not a template (otherwise a story copied verbatim fifty times would become boilerplate).
///
/// - Complexity: O(*L*) for *L* lines (a radix grouping of their keys; O(*k* log *k*) for each
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

    /// One line of a representative, as the census sorts them.
    fileprivate struct Entry {
        var key: UInt64
        var outlet: Int32
        var document: Int32
        var slot: Int32
        var holderOrder: (Int32, Int32, Int32) { (outlet, document, slot) }
    }

    /// The marks and shared-line pairs of `census`, the pairs sorted (a radix sort); the
    /// entries are made, and the runs of shared keys read, on up to `threads` workers, each a
    /// part of them (a run lies in one part, and marks its own lines only). The result does
    /// not depend on `threads`. A part holds at least `entriesPerPart` entries (tests lower it
    /// to split small censuses).
    init(
        _ census: CorpusCensus, detector: BoilerplateDetector, sharedLineLimit: Int, threads: Int = 1,
        entriesPerPart: Int = 4_096
    ) {
        let representatives = census.representatives
        // Each representative's outlet as a number (-1: none), in representative order.
        var outletIDs: [String: Int32] = [:]
        let outlets = representatives.map { position -> Int32 in
            guard let name = census.documents[position].outlet else { return -1 }
            if let id = outletIDs[name] { return id }
            let id = Int32(outletIDs.count)
            outletIDs[name] = id
            return id
        }
        var entries = Self.entries(census, representatives, outlets: outlets, threads: threads)
        // Each run of a shared key together, ordered by outlet, document and slot; the runs in
        // any order (marks are per line, and the pairs are sorted at the end): three 11-bit
        // radix passes over the keys' low bits rather than a whole 64-bit sort.
        RadixSort.group(&entries, by: \.key) { $0.holderOrder < $1.holderOrder }
        var marks = [Mark](repeating: .none, count: census.lineKeys.count)
        // Parts that end where a key changes, so that no run of a key spans two.
        let workers = max(1, min(threads <= 0 ? ParallelWork.coreCount : threads, entries.count / max(1, entriesPerPart)))
        var bounds = [0]
        for part in 1..<workers {
            var bound = max(bounds[bounds.count - 1], entries.count * part / workers)
            while bound > 0, bound < entries.count, entries[bound].key == entries[bound - 1].key { bound += 1 }
            bounds.append(bound)
        }
        bounds.append(entries.count)
        let found = marks.withUnsafeMutableBufferPointer { marks in
            entries.withUnsafeBufferPointer { entries in
                nonisolated(unsafe) let (marks, entries) = (marks, entries)
                return ParallelWork.map(count: bounds.count - 1, threads: threads) { part in
                    Self.readRuns(
                        entries, bounds[part]..<bounds[part + 1], marking: marks, isFurniture: census.lineIsFurniture,
                        detector: detector, sharedLineLimit: sharedLineLimit)
                }
            }
        }
        var pairs = Array(found.joined())
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

    /// The lines of `representatives` (with their `outlets`), in order, each as an entry;
    /// made on up to `threads` workers, a range of representatives each.
    private static func entries(
        _ census: CorpusCensus, _ representatives: [Int], outlets: [Int32], threads: Int
    ) -> [Entry] {
        var starts = [0]
        starts.reserveCapacity(representatives.count + 1)
        for position in representatives { starts.append(starts[starts.count - 1] + census.lines(of: position).count) }
        return ParallelWork.filled(representatives.count, at: starts, threads: threads) { index, place in
            let position = representatives[index]
            for (offset, slot) in census.lines(of: position).enumerated() {
                (place + offset).initialize(to: Entry(
                    key: census.lineKeys[slot], outlet: outlets[index], document: Int32(position), slot: Int32(slot)))
            }
        }
    }

    /// Reads the runs of shared keys in `range` of `entries` (grouped by key, each run ordered
    /// by holder and wholly inside `range`): marks its lines in `marks` and returns the pairs
    /// of representatives that share a line held by fewer than `sharedLineLimit`.
    private static func readRuns(
        _ entries: UnsafeBufferPointer<Entry>, _ range: Range<Int>, marking marks: UnsafeMutableBufferPointer<Mark>,
        isFurniture: [Bool], detector: BoilerplateDetector, sharedLineLimit: Int
    ) -> [CandidatePair] {
        var pairs: [CandidatePair] = []
        // The distinct holders of one run, reused from run to run.
        var holders: [Int32] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start + 1
            while end < range.upperBound, entries[end].key == entries[start].key { end += 1 }
            // A line of one document, the usual case, is nothing.
            guard end - start > 1 else {
                start = end
                continue
            }
            // Distinct holders, and distinct outlets (a page of unknown outlet is its own).
            holders.removeAll(keepingCapacity: true)
            var outlets = 0
            var index = start
            while index < end {
                let group = outletGroup(entries, from: index, to: end)
                for position in index..<group.end where position == index || entries[position].document != entries[position - 1].document {
                    holders.append(entries[position].document)
                }
                outlets += entries[index].outlet < 0 ? group.documents : 1
                index = group.end
            }
            if holders.count > 1 {
                let isTemplate = holders.count >= detector.minimumDocuments
                    && (holders.count >= detector.ubiquitousDocuments || outlets <= detector.templateOutletLimit)
                // A holder shares the line within its outlet when its outlet (a known one)
                // holds it in more than one document.
                index = start
                while index < end {
                    let group = outletGroup(entries, from: index, to: end)
                    let sameOutlet = entries[index].outlet >= 0 && group.documents > 1
                    for entry in entries[index..<group.end] {
                        let slot = Int(entry.slot)
                        if isTemplate || sameOutlet {
                            marks[slot] = .template
                        } else if isFurniture[slot] {
                            marks[slot] = .furniture
                        }
                    }
                    index = group.end
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
        return pairs
    }

    /// The end of the group of entries from `start` that share its outlet (a run ordered by
    /// holder), and the number of distinct documents in it.
    @inline(__always)
    private static func outletGroup(
        _ entries: UnsafeBufferPointer<Entry>, from start: Int, to end: Int
    ) -> (end: Int, documents: Int) {
        let outlet = entries[start].outlet
        var next = start + 1
        var documents = 1
        while next < end, entries[next].outlet == outlet {
            if entries[next].document != entries[next - 1].document { documents += 1 }
            next += 1
        }
        return (next, documents)
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
