import Foundation
import GRDB
import SyndicationEngine
import SyndicationScan
import Testing
@testable import SyndicationIndex

/// An index bands documents as the corpus scan does, outside their template lines, so pages
/// sharing a long template are not document LSH candidates in one and not the other.
struct IndexTemplateTests {
    /// A long page template of `outlet`: navigation, footer and legal lines no article differs in.
    static func template(_ outlet: String) -> [String] {
        (1...30).map { "\(outlet) site navigation and footer line number \($0) with links to sections, "
            + "subscriptions, privacy notices and the newsletter sign up" }
    }

    /// A short body of its own for page `number`, no sentence shared with another page.
    static func body(_ number: Int) -> String {
        let words = ["harbour", "council", "orchard", "railway", "library", "festival", "bridge", "museum",
                     "reservoir", "stadium", "clinic", "market", "ferry", "quarry"]
        let a = words[number % words.count], b = words[(number * 5 + 3) % words.count]
        return "The \(a) plan drew \(number + 12) objections at a hearing on day \(number * 7 + 1), "
            + "where residents near the \(b) asked for a delay of \(number + 2) weeks."
    }

    /// Twelve pages of one outlet under one template, with bodies of their own, and a pair of
    /// near-duplicate bodies under two other outlets' templates.
    static func corpus() -> [Document] {
        var documents: [Document] = []
        let shared = template("Daily Courier")
        for number in 0..<12 {
            let id = String(format: "courier-%02d", number)
            documents.append(Document(
                id: id, outlet: "Daily Courier",
                text: (shared[..<15] + [body(number)] + shared[15...]).joined(separator: "\n"), origin: id))
        }
        let story = [
            "Flood barriers along the northern river bank will be raised by two metres before winter, the regional water board said on Tuesday after a year of delays.",
            "Engineers found that the old concrete walls had cracked in eleven places during the spring storms, leaving several streets exposed to the next high tide.",
            "The work is expected to cost forty million and will close the riverside cycle path for at least five months while cranes move along the embankment.",
            "Residents who met the board last week asked for compensation for shops that lose trade while the path is closed and for a clear timetable of the works.",
        ]
        var reworded = story
        reworded[0] = reworded[0].replacingOccurrences(of: "on Tuesday", with: "on Wednesday")
        reworded[3] = reworded[3].replacingOccurrences(of: "last week", with: "on Monday")
        for outlet in ["Valley Post", "Coast Herald"] {
            let lines = template(outlet)
            // Each of these outlets also runs a page of its own under its template.
            let prefix = outlet == "Valley Post" ? "valley" : "herald"
            documents.append(Document(
                id: prefix + "-other", outlet: outlet,
                text: (lines + [body(outlet == "Valley Post" ? 40 : 41)]).joined(separator: "\n"), origin: prefix + "-other"))
            documents.append(Document(
                id: prefix + "-flood", outlet: outlet,
                text: (lines[..<10] + (outlet == "Valley Post" ? story : reworded) + lines[10...]).joined(separator: "\n"),
                origin: prefix + "-flood"))
        }
        return documents
    }

    @Test func indexScanFindsTheCandidatesAndPairsOfACorpusScan() throws {
        let documents = Self.corpus()
        let scanned = CorpusScanner().scan(documents)
        let expected = scanned.report
        // The flood story is found across templates; pages that share only a template are not.
        #expect(expected.pairs.contains { $0.a == "herald-flood" && $0.b == "valley-flood" })
        #expect(!expected.pairs.contains { $0.a.hasPrefix("courier") && $0.b.hasPrefix("courier") })
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try index.add(documents, batchSize: 5)
        let run = try index.scan(chunkSize: 4)
        #expect(run.candidates == scanned.candidateCounts.total)
        let found = try index.findings(.lastScan).report
        #expect(found.pairs == expected.pairs)
        #expect(found.clusters == expected.clusters)
        #expect(try index.integrityProblems().isEmpty)
    }

    /// Pages that share only their template share no stored band key: their bodies differ.
    @Test func pagesSharingOnlyATemplateShareNoBand() throws {
        let documents = Self.corpus()
        let index = try ArchiveIndex(path: try IndexTestSupport.indexPath(), create: true)
        _ = try index.add(documents)
        let stored = try index.pool.read { db in try IndexTestSupport.postings(.band, db) }
        var keys: [String: Set<Int64>] = [:]
        for posting in stored { keys[posting.id, default: []].insert(posting.key) }
        // Pages sharing only their template share no band: their bodies differ.
        let courier = documents.filter { $0.id.hasPrefix("courier") }.map { keys[$0.id] ?? [] }
        #expect(courier.allSatisfy { !$0.isEmpty })
        for i in courier.indices { for j in courier.indices where i < j { #expect(courier[i].isDisjoint(with: courier[j])) } }
    }

    /// An index whose parameters lack the banding rule (made before it) is refused, naming it.
    @Test func indexBandedByWholeTextsIsRefused() throws {
        let path = try IndexTestSupport.indexPath()
        do {
            let index = try ArchiveIndex(path: path, create: true)
            try index.pool.write { db in
                let stored = try #require(try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'parameters'"))
                var object = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
                object["lsh_signature"] = nil
                let old = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                try db.execute(sql: "UPDATE setting SET value = ? WHERE name = 'parameters'", arguments: [old])
            }
        }
        #expect {
            _ = try ArchiveIndex(path: path)
        } throws: { error in
            "\(error)".contains("lsh_signature")
        }
    }
}
