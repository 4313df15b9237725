import SyndicationEngine
import SyndicationScan

/// A pair with its passages cut from the texts and compared word by word.
///
/// Passages are shown with the source on the left when the direction is known (so marks read
/// as what the copy changed), else with `a` on the left.
struct PairView {
    struct Passage {
        let passage: AlignedPassage
        /// 1-based position in the pair.
        let number: Int
        let anchor: String
        let left: Excerpt
        let right: Excerpt
        /// The word-level comparison; nil when either text is not available.
        let diff: PassageDiff?

        /// Whether both sides have the same words (case, punctuation and spacing aside), so
        /// one side shows the passage.
        var isIdentical: Bool {
            guard let diff, left.note == nil, right.note == nil else { return false }
            return diff.left.allSatisfy { $0.mark == .same } && diff.right.allSatisfy { $0.mark == .same }
        }
    }

    let pair: PairFinding
    let anchor: String
    /// The document shown on the left: the source when known, else `a`.
    let leftID: String
    /// The document shown on the right: the copy when known, else `b`.
    let rightID: String
    let passages: [Passage]

    init(_ pair: PairFinding, texts: DocumentTexts, anchors: inout Anchors.Registry) {
        self.pair = pair
        let anchor = anchors.claim(Anchors.pair(pair.a, pair.b))
        self.anchor = anchor
        let swapped = pair.source == pair.b && pair.derived == pair.a
        leftID = swapped ? pair.b : pair.a
        rightID = swapped ? pair.a : pair.b
        passages = pair.passages.enumerated().map { index, passage in
            let a = texts.excerpt(passage.a, of: pair.a), b = texts.excerpt(passage.b, of: pair.b)
            let (left, right) = swapped ? (b, a) : (a, b)
            let available = texts.has(pair.a) && texts.has(pair.b)
            return Passage(
                passage: passage, number: index + 1, anchor: "\(anchor)~p\(index + 1)", left: left, right: right,
                diff: available ? PassageDiff(left: left.text, right: right.text) : nil)
        }
    }

    var creditRank: Int {
        switch pair.credited {
        case false?: return 0
        case true?: return 1
        case nil: return 2
        }
    }

    var relationRank: Int { Relation.allCases.firstIndex(of: pair.relation) ?? 0 }

    /// `uncredited reuse`, `credited reuse`, `reuse, credit undetermined`, or the
    /// not-copy wording of quotes and boilerplate.
    var verdict: String {
        switch pair.relation {
        case .quotes: return "shared quotations — not copy"
        case .boilerplate: return "shared page template — not copy"
        default:
            switch pair.credited {
            case false?: return "uncredited reuse"
            case true?: return "credited reuse"
            case nil: return "reuse, credit undetermined"
            }
        }
    }

    /// `uncredited`, `credited`, `undetermined` or `notcopy`, for styling.
    var verdictClass: String {
        guard pair.relation.isReuse else { return "notcopy" }
        switch pair.credited {
        case false?: return "uncredited"
        case true?: return "credited"
        case nil: return "undetermined"
        }
    }

    /// `source → derived` when the direction is known, else `a ↔ b`.
    var direction: String {
        if let source = pair.source, let derived = pair.derived { return "\(source) → \(derived)" }
        return "\(pair.a) ↔ \(pair.b)"
    }

    /// `yes`, `no`, or `not determined`.
    var creditedText: String {
        switch pair.credited {
        case true?: return "yes"
        case false?: return "no"
        case nil: return "not determined"
        }
    }

    /// Filter tokens: `r-<relation>` and `c-yes`, `c-no` or `c-na`.
    var filterTokens: [String] {
        let credited = switch pair.credited {
        case true?: "c-yes"
        case false?: "c-no"
        case nil: "c-na"
        }
        return ["r-" + pair.relation.rawValue, credited]
    }

    /// Coverage per document, by id.
    var coverage: [(id: String, share: Double)] {
        pair.coverage.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The word counts of the copy passages (verbatim, edited, rewritten), summed.
    var copyCounts: PassageDiff.Counts {
        var total = PassageDiff.Counts()
        for passage in passages where passage.passage.kind.isCopy {
            guard let counts = passage.diff?.counts else { continue }
            total.same += counts.same
            total.changed += counts.changed
            total.added += counts.added
            total.removed += counts.removed
            total.quoted += counts.quoted
        }
        return total
    }

    /// How many passages are quotations or page furniture, shown but not counted.
    var notCountedCount: Int { passages.count { !$0.passage.kind.isCopy } }

    /// The score lines both renderers print, as (label, value) in a fixed order; `escape`
    /// escapes the document ids inside the labels.
    func scoreLines(escape: (String) -> String) -> [(label: String, value: String)] {
        let (a, b) = (escape(pair.a), escape(pair.b))
        let scores = pair.scores
        let minhash = scores.minhash
        return [
            ("Jaccard", ReportNumbers.fixed(scores.jaccard)),
            ("containment of \(a) in \(b)", ReportNumbers.fixed(scores.containmentAInB)),
            ("containment of \(b) in \(a)", ReportNumbers.fixed(scores.containmentBInA)),
            ("MinHash estimate [lower, upper]",
             "\(ReportNumbers.fixed(minhash.estimate)) [\(ReportNumbers.fixed(minhash.lower)), "
                + "\(ReportNumbers.fixed(minhash.upper))]"),
            ("SimHash distance", "\(scores.simhashDistance) of 64 bits"),
        ]
    }
}

extension PassageDiff.Counts {
    /// `112 words the same, 5 changed, 3 added, 2 dropped; 14 in quotations, not counted`.
    var summary: String {
        var text = "\(same) \(same == 1 ? "word" : "words") the same, \(changed) changed, \(added) added, \(removed) dropped"
        if quoted > 0 { text += "; \(quoted) in quotations, not counted" }
        return text
    }
}
