/// Checks a scan's report against expectations and limits, one ``CheckCase`` each.
///
/// The report is the truth: a pair it does not list shares nothing worth reporting. Failure
/// messages give the relation and the scores that decided, so a CI log says what changed.
public struct CorpusCheck: Sendable {
    /// The report checked.
    public let report: ScanReport
    private let pairs: [PairKey: PairFinding]
    private let lengths: [String: Int]
    private let documents: [String: DocumentSummary]

    /// A check of `report`.
    public init(report: ScanReport) {
        self.report = report
        var pairs: [PairKey: PairFinding] = [:]
        for pair in report.pairs { pairs[PairKey(pair.a, pair.b)] = pair }
        self.pairs = pairs
        var lengths: [String: Int] = [:], documents: [String: DocumentSummary] = [:]
        for document in report.documents {
            lengths[document.id] = document.length
            documents[document.id] = document
        }
        self.lengths = lengths
        self.documents = documents
    }

    /// Every check of `expectations`, in order: pairs, independent documents, clusters, then
    /// credits by document id.
    public func evaluate(_ expectations: CorpusExpectations) -> [CheckCase] {
        expectations.pairs.map(evaluate)
            + expectations.independent.map(evaluateIndependent)
            + expectations.clusters.map(evaluate)
            + expectations.credits.keys.sorted().map { evaluateCredits(id: $0, names: expectations.credits[$0] ?? []) }
    }

    /// Checks one pair expectation.
    public func evaluate(_ expectation: PairExpectation) -> CheckCase {
        let name = expectation.name
        if let missing = missingIDs([expectation.a, expectation.b]) { return CheckCase(name: name, failure: missing) }
        let pair = pairs[PairKey(expectation.a, expectation.b)]
        var problems: [String] = []
        if let relations = expectation.effectiveRelations, !relations.contains(where: { $0.accepts(pair?.relation) }) {
            let found = pair.map { "the relation is \($0.relation.rawValue)" } ?? "the scan reports nothing shared"
            problems.append("expected relation \(relations.map(\.description).joined(separator: " or ")), but \(found)")
        }
        let range = expectation.score.range(of: pair, a: expectation.a, lengths: lengths)
        let isBounded = expectation.score == .minhash
        let value = expectation.score.formatted(pair, a: expectation.a, lengths: lengths)
        if let minimum = expectation.minimum, range.lowerBound < minimum {
            problems.append("expected \(expectation.score) ≥ \(CheckNumber.format(minimum)), but its "
                + (isBounded ? "lower bound is \(CheckNumber.format(range.lowerBound))" : "value is \(value)"))
        }
        if let maximum = expectation.maximum, range.upperBound > maximum {
            problems.append("expected \(expectation.score) ≤ \(CheckNumber.format(maximum)), but its "
                + (isBounded ? "upper bound is \(CheckNumber.format(range.upperBound))" : "value is \(value)"))
        }
        guard !problems.isEmpty else { return CheckCase(name: name) }
        return CheckCase(name: name, failure: (problems + [facts(pair, a: expectation.a)]).joined(separator: "\n"))
    }

    /// Checks that `id` has no reuse relation with any document.
    public func evaluateIndependent(_ id: String) -> CheckCase {
        let name = "\(id) reuses no copy"
        if let missing = missingIDs([id]) { return CheckCase(name: name, failure: missing) }
        let reuse = report.pairs.filter { ($0.a == id || $0.b == id) && $0.relation.isReuse }
        guard !reuse.isEmpty else { return CheckCase(name: name) }
        let lines = reuse.map { pair in
            "\(pair.a) ~ \(pair.b): \(pair.relation.rawValue), " + facts(pair, a: pair.a)
        }
        return CheckCase(name: name, failure: "expected no reuse, but \(reuse.count) pair(s) are reuse:\n" + lines.joined(separator: "\n"))
    }

    /// Checks that a cluster with exactly the expected members exists, with the expected
    /// origin and common credited source where given.
    public func evaluate(_ expectation: ClusterExpectation) -> CheckCase {
        let name = expectation.name
        if let missing = missingIDs(expectation.members) { return CheckCase(name: name, failure: missing) }
        let members = Set(expectation.members)
        guard let cluster = report.clusters.first(where: { Set($0.members) == members }) else {
            let overlapping = report.clusters.filter { !members.isDisjoint(with: $0.members) }
            let found = overlapping.isEmpty
                ? "none of its members is in a cluster"
                : "the clusters holding its members are " + overlapping.map { "{" + $0.members.joined(separator: ", ") + "}" }.joined(separator: "; ")
            return CheckCase(name: name, failure: "no cluster has exactly these members: \(found)")
        }
        var problems: [String] = []
        if let origin = expectation.origin, cluster.origin != origin {
            problems.append("expected origin \(origin ?? "none"), but it is \(cluster.origin ?? "none")")
        }
        if let source = expectation.externalSource, cluster.externalSource != source {
            problems.append("expected common credited source \(source ?? "none"), but it is \(cluster.externalSource ?? "none")")
        }
        return CheckCase(name: name, failure: problems.isEmpty ? nil : problems.joined(separator: "\n"))
    }

    /// Checks that document `id` credits every outlet in `names`.
    public func evaluateCredits(id: String, names: [String]) -> CheckCase {
        let name = "\(id) credits \(names.joined(separator: ", "))"
        if let missing = missingIDs([id]) { return CheckCase(name: name, failure: missing) }
        let found = Set(documents[id]?.credits.map(\.name) ?? [])
        let absent = names.filter { !found.contains($0) }
        guard !absent.isEmpty else { return CheckCase(name: name) }
        return CheckCase(
            name: name,
            failure: "no credit to \(absent.joined(separator: ", ")); found: \(found.isEmpty ? "none" : found.sorted().joined(separator: ", "))")
    }

    /// Checks that no reuse pair has `limit.score` above `limit.maximum`.
    public func evaluate(_ limit: ReuseLimit) -> CheckCase {
        let over = report.pairs.filter { pair in
            pair.relation.isReuse && limit.score.range(of: pair, a: pair.a, lengths: lengths).upperBound > limit.maximum
        }
        guard !over.isEmpty else { return CheckCase(name: limit.name) }
        let lines = over.map { pair in
            "\(pair.a) ~ \(pair.b) (\(pair.relation.rawValue)): \(limit.score) \(limit.score.formatted(pair, a: pair.a, lengths: lengths))"
        }
        return CheckCase(
            name: limit.name,
            failure: "\(over.count) reuse pair(s) above \(CheckNumber.format(limit.maximum)):\n" + lines.joined(separator: "\n"))
    }

    /// The scores that explain a verdict on `pair`, read from `a`'s side.
    func facts(_ pair: PairFinding?, a: String) -> String {
        guard let pair else { return "(the report lists no such pair: they share nothing worth reporting)" }
        let b = pair.a == a ? pair.b : pair.a
        return "coverage \(a) \(CheckNumber.format(pair.coverage[a] ?? 0)), \(b) \(CheckNumber.format(pair.coverage[b] ?? 0)); "
            + "jaccard \(ReportScore.jaccard.formatted(pair, a: a, lengths: lengths)); "
            + "containment_a_in_b \(ReportScore.containmentAInB.formatted(pair, a: a, lengths: lengths)); "
            + "minhash \(ReportScore.minhash.formatted(pair, a: a, lengths: lengths))"
    }

    /// A failure naming ids the corpus does not hold, or nil when all are there.
    func missingIDs(_ ids: [String]) -> String? {
        let missing = ids.filter { documents[$0] == nil }
        guard !missing.isEmpty else { return nil }
        return "no document with id \(missing.map { "'\($0)'" }.joined(separator: ", ")) in the corpus (\(report.documents.count) documents read)"
    }
}

/// An unordered pair of ids.
struct PairKey: Hashable {
    var first: String
    var second: String

    init(_ a: String, _ b: String) {
        if a.utf8.lexicographicallyPrecedes(b.utf8) { (first, second) = (a, b) } else { (first, second) = (b, a) }
    }
}
