import SyndicationEngine

/// Decides who copied whom: the direction of each reuse pair, whether the copy credits its
/// source, each cluster's origin, and the outside source a cluster credits in common.
///
/// Evidence in order: publication times that are surely ordered (given their precision);
/// then containment (a copy is covered by its source more than the source by it, as with
/// truncated copies); then credits (a page that credits the other's outlet copied it). When
/// every member of a cluster credits one outlet that has no page in the corpus, the honest
/// answer is that outlet, not a guess among the members.
public struct ProvenanceResolver: Sendable {
    /// How much more of one document must be covered than of the other to call direction.
    public var containmentMargin: Double

    /// A resolver with the given margin.
    public init(containmentMargin: Double = 0.15) {
        self.containmentMargin = containmentMargin
    }

    /// What the resolver knows of one document.
    public struct Member: Sendable {
        /// The document's id.
        public var id: String
        /// Its outlet, when known.
        public var outlet: String?
        /// Its publication time, when known.
        public var published: PublicationTime?
        /// The outlets its body credits (not counting boilerplate), canonical names.
        public var creditedNames: Set<String>

        /// A member with the given facts.
        public init(id: String, outlet: String?, published: PublicationTime?, creditedNames: Set<String>) {
            self.id = id
            self.outlet = outlet
            self.published = published
            self.creditedNames = creditedNames
        }

        /// A member crediting the outlets `credits` name outside boilerplate, leaving out the
        /// document's own outlet (a staff byline is not a source).
        public init(id: String, outlet: String?, published: PublicationTime?, credits: [Credit]) {
            let own = outlet.map(ProvenanceResolver.key)
            self.init(
                id: id, outlet: outlet, published: published,
                creditedNames: Set(credits.filter { !$0.inBoilerplate && ProvenanceResolver.key($0.name) != own }.map(\.name)))
        }
    }

    /// Resolves provenance for `pairs` over `members` (indexed as `index[id]`); returns the
    /// pairs with source, derived and credited set, and the clusters. `corpusOutlets` are the
    /// canonical outlets (``key(_:)``) with a page in the corpus, when `members` are only the
    /// documents in `pairs`; nil means the members' outlets. Pairs and clusters are resolved
    /// on up to `threads` workers, with the same result at any thread count.
    public func resolve(
        pairs: [PairFinding], members: [Member], corpusOutlets: Set<String>? = nil, threads: Int = 1
    ) -> (pairs: [PairFinding], clusters: [Cluster]) {
        let index = Dictionary(members.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { _, last in last })
        let corpusOutlets = corpusOutlets ?? Set(members.compactMap { $0.outlet.map(Self.key) })
        // The members of each reuse pair, looked up once; nil for other pairs.
        let ends = ParallelWork.map(count: pairs.count, threads: threads) { number -> Ends? in
            let pair = pairs[number]
            guard pair.relation.isReuse, let a = index[pair.a], let b = index[pair.b] else { return nil }
            return Ends(a: a, b: b)
        }
        let edges = zip(pairs, ends).compactMap { pair, ends -> ReuseClustering.Edge? in
            guard let ends else { return nil }
            let strength = (pair.coverage[pair.a] ?? 0) + (pair.coverage[pair.b] ?? 0)
            return ReuseClustering.Edge(first: ends.a, second: ends.b, strength: strength)
        }
        let groups = ReuseClustering.clusters(count: members.count, edges: edges)
        // Each member's cluster (its group's number; -1: none), and each group's reuse pairs,
        // in pair order, so that finding origins is linear in pairs.
        var clusterOf = [Int](repeating: -1, count: members.count)
        for (number, group) in groups.enumerated() { for member in group { clusterOf[member] = number } }
        var groupPairs = [[Int]](repeating: [], count: groups.count)
        for (number, ends) in ends.enumerated() {
            guard let ends, clusterOf[ends.a] >= 0, clusterOf[ends.b] == clusterOf[ends.a] else { continue }
            groupPairs[clusterOf[ends.a]].append(number)
        }
        let clusters = ParallelWork.map(count: groups.count, threads: threads) { number -> Cluster in
            let group = groups[number]
            let ids = group.map { members[$0].id }.sorted(by: IDOrder.precedes)
            let external = commonExternalSource(group.map { members[$0] }, corpusOutlets: corpusOutlets)
            let origin = external == nil
                ? self.origin(of: group, members: members, pairs: groupPairs[number].map { (pairs[$0], ends[$0]!) })
                : nil
            return Cluster(
                id: ReuseClustering.identifier(members: ids), origin: origin.map { members[$0].id },
                externalSource: external, members: ids)
        }
        let roundUps = Self.roundUpPages(pairs: pairs, ends: ends, members: members, clusterOf: clusterOf)
        let resolved = ParallelWork.map(count: pairs.count, threads: threads) { number -> PairFinding in
            guard let ends = ends[number] else { return pairs[number] }
            let (a, b) = (ends.a, ends.b)
            var pair = pairs[number]
            if Self.coversPartOfARoundUp(pair, roundUps) { pair.relation = .partial }
            let cluster = clusterOf[a] >= 0 && clusterOf[b] == clusterOf[a] ? clusters[clusterOf[a]] : nil
            var source: Int?
            if let origin = cluster?.origin, let originIndex = index[origin], originIndex == a || originIndex == b {
                source = originIndex
            } else if cluster?.externalSource != nil {
                // Both carry copy of an outside source: only publication times can order them.
                source = timeOrder(a, b, members)
            } else {
                source = direction(pair, a, b, members)
            }
            if let source {
                let derived = source == a ? b : a
                pair.source = members[source].id
                pair.derived = members[derived].id
                let named = [members[source].outlet, cluster?.externalSource].compactMap { $0 }.map(Self.key)
                pair.credited = members[derived].creditedNames.contains { named.contains(Self.key($0)) }
            } else if let external = cluster?.externalSource {
                pair.credited = [a, b].allSatisfy { members[$0].creditedNames.contains(external) }
            } else {
                pair.credited = false
            }
            return pair
        }
        var sorted = clusters
        ParallelWork.sort(&sorted, threads: threads) { IDOrder.precedes($0.id, $1.id) }
        return (resolved, sorted)
    }

    /// The members (indices) of a reuse pair.
    struct Ends {
        var a: Int
        var b: Int
    }

    /// The index of the source of a pair, or nil when the evidence does not say.
    func direction(_ pair: PairFinding, _ a: Int, _ b: Int, _ members: [Member]) -> Int? {
        if let earlier = timeOrder(a, b, members) { return earlier }
        let coverageA = pair.coverage[pair.a] ?? 0, coverageB = pair.coverage[pair.b] ?? 0
        if coverageA - coverageB >= containmentMargin { return b }
        if coverageB - coverageA >= containmentMargin { return a }
        let aCreditsB = members[b].outlet.map { outlet in members[a].creditedNames.contains { Self.key($0) == Self.key(outlet) } } ?? false
        let bCreditsA = members[a].outlet.map { outlet in members[b].creditedNames.contains { Self.key($0) == Self.key(outlet) } } ?? false
        if aCreditsB && !bCreditsA { return b }
        if bCreditsA && !aCreditsB { return a }
        return nil
    }

    /// Whether `pair` shares only part of what a round-up page among its two documents
    /// shares with anyone (`roundUps`: ``roundUpPages(pairs:index:clusterOf:)``), which makes
    /// it `partial`. A pair whose copy holds at least ``mainStoryShare`` of all the copy on
    /// the page is the page's main story: its other partners' passages lie inside it (a stock
    /// paragraph its copy carries too), and it keeps its relation.
    static func coversPartOfARoundUp(_ pair: PairFinding, _ roundUps: [String: [TextSpan]]) -> Bool {
        let copy = pair.passages.filter(\.kind.isCopy)
        for (id, spans) in [(pair.a, copy.map(\.a)), (pair.b, copy.map(\.b))] {
            guard let all = roundUps[id] else { continue }
            let total = all.reduce(0) { $0 + $1.length }
            var held = 0
            for span in TextSpan.merged(spans) { for region in all { held += span.overlap(with: region) } }
            if Double(held) < mainStoryShare * Double(total) { return true }
        }
        return false
    }

    /// The share of all the copy on a round-up page that one pair must hold to keep its
    /// relation (``coversPartOfARoundUp(_:_:)``).
    static let mainStoryShare = 0.9

    /// Pages that carry copy of more than one story in different parts of their text, by id,
    /// with all the copy each shares with anyone (merged spans): a round-up shares only part
    /// of itself with each source, so those of its reuse pairs are `partial`. (The source of
    /// the second story also has partners in two clusters, but the copy it shares with both
    /// lies in the same part of its text.)
    static func roundUpPages(
        pairs: [PairFinding], ends: [Ends?], members: [Member], clusterOf: [Int]
    ) -> [String: [TextSpan]] {
        // A partner outside every cluster stands for a group of its own.
        func group(of partner: Int) -> Int { clusterOf[partner] >= 0 ? clusterOf[partner] : -1 - partner }
        // Only a document with partners in two groups or more can be a round-up, and most have
        // one: first each document's first partner group and whether another follows, so that
        // only those documents' spans are gathered.
        let unmet = Int.min
        var firstGroup = [Int](repeating: unmet, count: members.count)
        var severalGroups = [Bool](repeating: false, count: members.count)
        func meet(_ document: Int, _ group: Int) {
            if firstGroup[document] == unmet { firstGroup[document] = group } else if firstGroup[document] != group {
                severalGroups[document] = true
            }
        }
        for case let ends? in ends {
            meet(ends.a, group(of: ends.b))
            meet(ends.b, group(of: ends.a))
        }
        // Per such document, per partner group, the spans of its own text that are copy.
        var regions: [Int: [Int: [TextSpan]]] = [:]
        for (pair, ends) in zip(pairs, ends) {
            guard let ends, severalGroups[ends.a] || severalGroups[ends.b] else { continue }
            let (a, b) = (ends.a, ends.b)
            let copy = pair.passages.filter(\.kind.isCopy)
            if severalGroups[a] { regions[a, default: [:]][group(of: b), default: []] += copy.map(\.a) }
            if severalGroups[b] { regions[b, default: [:]][group(of: a), default: []] += copy.map(\.b) }
        }
        var result: [String: [TextSpan]] = [:]
        for (document, groups) in regions where groups.count >= 2 {
            let merged = groups.values.map { TextSpan.merged($0) }
            let sizes = merged.map { $0.reduce(0) { $0 + $1.length } }
            search: for i in merged.indices {
                for j in merged.indices where j > i {
                    var shared = 0
                    for left in merged[i] { for right in merged[j] { shared += left.overlap(with: right) } }
                    if Double(shared) < 0.5 * Double(min(sizes[i], sizes[j])) {
                        result[members[document].id] = TextSpan.merged(groups.values.flatMap { $0 })
                        break search
                    }
                }
            }
        }
        return result
    }

    /// The surely earlier of two members, or nil when their times do not say.
    func timeOrder(_ a: Int, _ b: Int, _ members: [Member]) -> Int? {
        guard let timeA = members[a].published, let timeB = members[b].published else { return nil }
        if timeA.isSurelyBefore(timeB) { return a }
        if timeB.isSurelyBefore(timeA) { return b }
        return nil
    }

    /// The member surely published before all others; failing that, the member most often the
    /// source of its cluster's pairs; nil when none is.
    func origin(of group: [Int], members: [Member], pairs: [(PairFinding, Ends)]) -> Int? {
        // A member published surely before every other member is the origin, whatever the
        // pairwise evidence says (some of its pairs may not have been detected).
        let dated = group.filter { members[$0].published != nil }
        if dated.count == group.count,
           let earliest = dated.min(by: { members[$0].published! < members[$1].published! }),
           group.allSatisfy({ $0 == earliest || members[earliest].published!.isSurelyBefore(members[$0].published!) }) {
            return earliest
        }
        let inGroup = Set(group)
        var wins = [Int: Int]()
        for (pair, ends) in pairs {
            let (a, b) = (ends.a, ends.b)
            guard inGroup.contains(a), inGroup.contains(b), let source = direction(pair, a, b, members) else { continue }
            wins[source, default: 0] += 1
        }
        let best = wins.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : members[lhs.key].id > members[rhs.key].id
        }
        return best?.key
    }

    /// The one outlet every member credits that has no page in the corpus, if there is one.
    func commonExternalSource(_ group: [Member], corpusOutlets: Set<String>) -> String? {
        guard var common = group.first?.creditedNames else { return nil }
        for member in group.dropFirst() { common.formIntersection(member.creditedNames) }
        let outside = common.filter { !corpusOutlets.contains(Self.key($0)) }.sorted()
        return outside.count == 1 ? outside[0] : nil
    }

    /// An outlet name folded for comparison: lower-cased, with only its alphabetic and
    /// numeric code points kept (``generalKey(_:)``). An ASCII name, the usual one, is folded
    /// byte by byte: among ASCII code points only the letters are alphabetic and only the
    /// digits numeric, and lower-casing changes only `A`–`Z` (`ProvenanceKeyTests`); asking
    /// the Unicode tables for each code point cost some ten thousand instructions a name.
    static func key(_ name: String) -> String {
        var name = name
        return name.withUTF8(asciiKey) ?? generalKey(name)
    }

    /// ``key(_:)`` by the Unicode properties of every code point, for any name.
    static func generalKey(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    /// ``key(_:)`` of the name whose UTF-8 is `utf8` when it is all ASCII: its letters
    /// lower-cased and its digits, in order; nil for any other name.
    private static func asciiKey(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var kept = 0
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 { kept &+= 1 }
        }
        return String(unsafeUninitializedCapacity: kept) { out in
            var count = 0
            for byte in utf8 {
                if (byte | 0x20) &- 0x61 < 26 {
                    out[count] = byte | 0x20
                    count &+= 1
                } else if byte &- 0x30 < 10 {
                    out[count] = byte
                    count &+= 1
                }
            }
            return count
        }
    }
}
