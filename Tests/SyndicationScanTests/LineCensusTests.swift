import Testing
import SyndicationEngine
import TestSupport
@testable import SyndicationScan

/// ``LineCensus`` equals the plain reading of its rules: each run of a shared line key sorted
/// by outlet, document and slot, its holders collected per outlet and the holders that share
/// the line within one outlet kept in a set, on generated corpora of few distinct lines; read
/// in one part or in many, on several workers.
@Suite struct LineCensusTests {
    /// Marks and shared-line pairs by the plain reading of the rules.
    static func plain(
        _ census: CorpusCensus, detector: BoilerplateDetector, sharedLineLimit: Int
    ) -> (marks: [LineCensus.Mark], pairs: [CandidatePair]) {
        var outletIDs: [String: Int32] = [:]
        var entries: [(key: UInt64, outlet: Int32, document: Int32, slot: Int32)] = []
        for position in census.representatives {
            var outlet: Int32 = -1
            if let name = census.documents[position].outlet {
                if let id = outletIDs[name] { outlet = id } else {
                    outlet = Int32(outletIDs.count)
                    outletIDs[name] = outlet
                }
            }
            for slot in census.lines(of: position) {
                entries.append((census.lineKeys[slot], outlet, Int32(position), Int32(slot)))
            }
        }
        entries.sort { ($0.key, $0.outlet, $0.document, $0.slot) < ($1.key, $1.outlet, $1.document, $1.slot) }
        var marks = [LineCensus.Mark](repeating: .none, count: census.lineKeys.count)
        var pairs = Set<CandidatePair>()
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            let run = entries[start..<end]
            let holders = Array(Set(run.map(\.document))).sorted()
            var byOutlet: [Int32: Set<Int32>] = [:]
            for entry in run { byOutlet[entry.outlet, default: []].insert(entry.document) }
            let outlets = byOutlet.map { $0.key < 0 ? $0.value.count : 1 }.reduce(0, +)
            let sameOutlet = Set(byOutlet.filter { $0.key >= 0 && $0.value.count > 1 }.flatMap(\.value))
            if holders.count > 1 {
                let isTemplate = holders.count >= detector.minimumDocuments
                    && (holders.count >= detector.ubiquitousDocuments || outlets <= detector.templateOutletLimit)
                for entry in run {
                    let slot = Int(entry.slot)
                    if isTemplate || sameOutlet.contains(entry.document) {
                        marks[slot] = .template
                    } else if census.lineIsFurniture[slot] {
                        marks[slot] = .furniture
                    }
                }
                if holders.count < sharedLineLimit {
                    for i in holders.indices {
                        for j in (i + 1)..<holders.count { pairs.insert(CandidatePair(Int(holders[i]), Int(holders[j]))) }
                    }
                }
            }
            start = end
        }
        for position in 0..<census.count where census.representative[position] != position {
            let own = census.lines(of: position)
            let theirs = census.lines(of: census.representative[position])
            for offset in 0..<own.count { marks[own.lowerBound + offset] = marks[theirs.lowerBound + offset] }
        }
        return (marks, pairs.sorted())
    }

    /// Documents of lines drawn from a small pool (so that lines repeat within and across
    /// documents and outlets), some of them copies of others.
    static func corpus(seed: UInt64, count: Int) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        let pool = (0..<40).map { index in
            index % 3 == 0 ? "Short line \(index)" : "A longer sentence of ordinary news copy, number \(index), that goes on."
        }
        let outlets: [String?] = [nil, "alpha", "beta", "gamma", "delta", "epsilon"]
        var documents: [Document] = []
        for index in 0..<count {
            let text: String
            if index > 0, Int.random(in: 0..<8, using: &generator) == 0 {
                text = documents[Int.random(in: 0..<index, using: &generator)].text
            } else {
                let lines = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
                text = lines.joined(separator: "\n")
            }
            documents.append(Document(
                id: "d" + String(1000 + index), outlet: outlets.randomElement(using: &generator)!, text: text, origin: "generated"))
        }
        return documents
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func censusEqualsThePlainReading(seed: UInt64) {
        let documents = Self.corpus(seed: seed, count: 40 + Int(seed) * 30)
        let census = CorpusCensus.take(of: DocumentList(documents), threads: 1) { _ in }
        for (minimum, limit) in [(3, 4), (10, 10), (2, 100)] {
            let detector = BoilerplateDetector(minimumDocuments: minimum)
            let plain = Self.plain(census, detector: detector, sharedLineLimit: limit)
            // One part, and parts of a few entries on several workers.
            for (threads, entriesPerPart) in [(1, 4_096), (2, 8), (3, 1), (0, 16)] {
                let fast = LineCensus(
                    census, detector: detector, sharedLineLimit: limit, threads: threads, entriesPerPart: entriesPerPart)
                #expect(fast.marks == plain.marks)
                #expect(fast.sharedLinePairs == plain.pairs)
            }
        }
    }
}
