import SyndicationEngine

/// Finds the credits of one line (paragraph): first the forms a whole line makes (datelines,
/// end lines, bylines, source and copyright lines, an agency alone), then the phrases that
/// stand anywhere in a sentence ("according to X", "X reported").
struct CreditLineScanner {
    let parser: CreditNameParser
    private(set) var credits: [Credit] = []

    private var tokens: [CreditToken] { parser.tokens }

    static let dashes: [Unicode.Scalar] = ["-", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}"]
    static let sentenceEnds: [Unicode.Scalar] = [
        ".", "!", "?", "\"", "\u{201D}", "\u{2019}", "'", ")", "\u{2026}", "\u{00BB}",
    ]
    static let listSeparators: [Unicode.Scalar] = [",", "/", ";", "&"]

    /// Whether the line is one item of a bulleted list, where "- Name" is no end line.
    let isListItem: Bool

    /// Whether to look for phrases ("according to X"); a line without any of their words
    /// (``WordTable/triggerWords``) holds none.
    let scansPhrases: Bool

    init(
        tokens: [CreditToken], scalars: UnsafeBufferPointer<Unicode.Scalar>, isListItem: Bool = false,
        scansPhrases: Bool = true
    ) {
        parser = CreditNameParser(tokens: tokens, scalars: scalars)
        self.isListItem = isListItem
        self.scansPhrases = scansPhrases
    }

    mutating func scan() {
        guard !tokens.isEmpty else { return }
        scanWholeLine()
        scanDateline()
        scanParagraphEnd()
        if scansPhrases { scanPhrases() }
    }

    // MARK: Emitting

    private mutating func emit(_ match: NameMatch, _ form: Credit.Form) {
        let name = CreditDetector.canonicalName(parser.text(of: match))
        credits.append(Credit(name: name, span: parser.span(of: match), form: form))
    }

    /// Emits `match` and any further names joined to it by "and" or list punctuation, each
    /// checked by `accept`.
    private mutating func emitList(
        _ match: NameMatch, _ form: Credit.Form, allowCommas: Bool, accept: (NameMatch) -> Bool
    ) {
        var current = match
        while true {
            guard accept(current) else { return }
            emit(current, form)
            var next = current.last + 1
            if parser.isWord(next, "and") || parser.isPunctuation(next, in: allowCommas ? Self.listSeparators : ["/", "&"]) {
                next += 1
            } else {
                return
            }
            guard let following = parser.name(from: next) else { return }
            current = following
        }
    }

    // MARK: Whole-line forms

    private mutating func scanWholeLine() {
        let count = tokens.count
        // An agency alone: "Dpa", "AFP", "dpa/nik".
        if let agency = agencyAlone() {
            emit(agency, .agency)
            return
        }
        // Closing lines name outlets, which a bare media word may do here ("- Observer"); a
        // person's name after a dash is a quotation's author ("— Thomas Jefferson").
        var endParser = parser
        endParser.allowsBareMediaWord = true
        // "(Reuters)"
        if count >= 3, parser.isPunctuation(0, "("), parser.isPunctuation(count - 1, ")"),
           let match = parser.name(from: 1), match.last == count - 2, !match.afterLowercaseThe,
           endParser.isPlausibleOutlet(match)
        {
            emit(match, .endLine)
            return
        }
        // "— Global Wire", "- Observer"
        var index = 0
        while parser.isPunctuation(index, in: Self.dashes) { index += 1 }
        if index > 0, !isListItem, let match = parser.name(from: index), !match.afterLowercaseThe,
           endsLine(after: match.last), endParser.isPlausibleOutlet(match)
        {
            emit(match, .endLine)
            return
        }
        if parser.isPunctuation(0, "\u{00A9}") {
            copyrightLine(from: 1)
            return
        }
        let first = tokens[0]
        guard first.isWord else { return }
        let parser = self.parser
        if parser.isWord(0, "copyright") {
            copyrightLine(from: 1)
        } else if !first.isCapitalised {
            return
        } else if parser.isWord(0, "by") {
            byline(from: 1)
        } else if parser.isWord(0, "from") {
            if let match = parser.name(from: 1), endsLine(after: match.last), parser.isPlausibleOutlet(match)
            {
                emit(match, .byline)
            }
        } else if parser.isWord(0, "via")
                    || ((parser.isWord(0, "source") || parser.isWord(0, "sources") || parser.isWord(0, "credit"))
                        && parser.isPunctuation(1, ":"))
        {
            var start = 1
            if parser.isPunctuation(start, ":", "-", "\u{2013}", "\u{2014}") { start += 1 }
            if let match = parser.name(from: start) {
                emitList(match, .sourceLine, allowCommas: true) { match in
                    parser.isPlausible(match) && (!match.afterLowercaseThe || parser.isOutlet(match))
                        && parser.follower(after: match.last) != .content
                }
            }
        } else if parser.isWord(0, "information"), parser.isWord(1, "from") {
            if let match = parser.name(from: 2),
               parser.isWord(match.last + 1, "was") || parser.isWord(match.last + 1, "were"),
               parser.isPlausible(match)
            {
                emit(match, .sourceLine)
            }
        } else if parser.isWord(0, "reporting") || parser.isWord(0, "additional") {
            let by = parser.isWord(0, "reporting") ? 1 : 2
            guard parser.isWord(by, "by"), by == 1 || parser.isWord(1, "reporting"),
                  let match = parser.name(from: by + 1)
            else { return }
            emitList(match, .byline, allowCommas: true) { parser.isPlausibleOutlet($0) }
        } else if count <= CreditNameParser.maximumWords + 4, let match = parser.name(from: 0) {
            // "Global Wire reporters", "Reuters staff"
            let (name, end, hadRole) = strippingRoles(match)
            if hadRole, let name, end == count, parser.isPlausible(name) {
                emit(name, .byline)
            }
        }
    }

    /// Whether nothing but a full stop follows the token at `index` on the line.
    private func endsLine(after index: Int) -> Bool {
        index == tokens.count - 1 || (index == tokens.count - 2 && parser.isPunctuation(index + 1, "."))
    }

    /// A known agency's name filling the whole line, optionally followed by "/" and an
    /// editor's initials ("dpa/nik").
    private func agencyAlone() -> NameMatch? {
        var end = tokens.count
        if end >= 3, parser.isPunctuation(end - 2, "/"), tokens[end - 1].isWord { end -= 2 }
        guard end >= 1, end <= 4, tokens[0].isWord, tokens[0..<end].allSatisfy(\.isWord) else { return nil }
        let match = NameMatch(first: 0, last: end - 1)
        guard let key = parser.key(of: match), let agency = CreditVocabulary.agencies[key],
              agency != "Agencies" || tokens[0].isCapitalised
        else { return nil }
        return match
    }

    /// Splits role words ("staff", "Staff Writer", "reporters") off the end of a name and
    /// from the words after it; returns the name left, the index after the roles, and whether
    /// there were any.
    private func strippingRoles(_ match: NameMatch) -> (NameMatch?, Int, Bool) {
        var name = match
        var hadRole = false
        while name.last >= name.first, tokens[name.last].isWord,
              CreditVocabulary.roleWords.contains(parser.lower(name.last))
        {
            name.last -= 1
            hadRole = true
        }
        while name.last > name.first, !parser.isNameWord(name.last) { name.last -= 1 }
        var after = match.last + 1
        while after < tokens.count, tokens[after].isWord,
              CreditVocabulary.roleWords.contains(parser.lower(after))
        {
            after += 1
            hadRole = true
        }
        return (name.last >= name.first && parser.isNameWord(name.last) ? name : nil, after, hadRole)
    }

    /// "By Global Wire staff", "By X Staff Writer", "By Meridian Press Agency"; a person's
    /// name ("By Tom Marsh") is not a credit.
    private mutating func byline(from start: Int) {
        guard let match = parser.name(from: start) else { return }
        let (name, after, hadRole) = strippingRoles(match)
        guard let name, after == tokens.count || !tokens[after].isWord, parser.isPlausible(name),
              hadRole || parser.isOutlet(name)
        else { return }
        emit(name, .byline)
    }

    /// "Copyright Global Wire. Used under licence.", "© Reuters 2025"; "© 2025 AP" only for a
    /// known agency, since "© 2025 <site>" is usually the site's own notice.
    private mutating func copyrightLine(from start: Int) {
        var index = start
        while parser.isPunctuation(index, "\u{00A9}", "(", ")") || parser.isWord(index, "c") { index += 1 }
        if index < tokens.count, tokens[index].isNumber {
            while index < tokens.count, tokens[index].isNumber || parser.isPunctuation(index, in: Self.dashes) {
                index += 1
            }
            if let match = parser.name(from: index), parser.isPlausible(match),
               let key = parser.key(of: match), CreditVocabulary.agencies[key] != nil
            {
                emit(match, .sourceLine)
            }
            return
        }
        guard let match = parser.name(from: index), parser.isPlausible(match) else { return }
        let next = match.last + 1
        let yearFollows = next < tokens.count && tokens[next].isNumber && parser.isOutlet(match)
        let licensed = tokens.indices.contains { position in
            (parser.isWord(position, "used") && parser.isWord(position + 1, "under"))
                || (parser.isWord(position, "with") && parser.isWord(position + 1, "permission"))
        }
        if yearFollows || licensed { emit(match, .sourceLine) }
    }

    // MARK: Datelines and paragraph ends

    /// "LONDON (Reuters) -", "EDINBURGH, Mar. 10 (Global Wire) -", "(AP) —" at a line's start.
    private mutating func scanDateline() {
        guard let open = tokens.prefix(14).firstIndex(where: { !$0.isWord && $0.mark == "(" }) else { return }
        if open > 0 {
            guard parser.isAcronym(0) else { return }
            for index in 1..<open {
                let token = tokens[index]
                if token.isWord {
                    guard token.isCapitalised || token.isNumber else { return }
                } else if ![",", ".", "/"].contains(token.mark) {
                    return
                }
            }
        }
        guard let match = parser.name(from: open + 1), !match.afterLowercaseThe,
              parser.isPunctuation(match.last + 1, ")"),
              parser.isPunctuation(match.last + 2, in: Self.dashes + [":"]),
              parser.isPlausibleOutlet(match)
        else { return }
        emit(match, .dateline)
    }

    /// "... the Kremlin said. — Agencies" and "... he said. (AP)" closing a paragraph.
    private mutating func scanParagraphEnd() {
        var endParser = parser
        endParser.allowsBareMediaWord = true
        let count = tokens.count
        guard count >= 4 else { return }
        var last = count - 1
        if parser.isPunctuation(last, ".") { last -= 1 }
        // "(X)" after a sentence.
        if parser.isPunctuation(last, ")"),
           let open = tokens[..<last].lastIndex(where: { !$0.isWord && $0.mark == "(" }), open > 0,
           parser.isPunctuation(open - 1, in: Self.sentenceEnds),
           let match = parser.name(from: open + 1), match.last == last - 1, !match.afterLowercaseThe,
           endParser.isPlausibleOutlet(match)
        {
            emit(match, .endLine)
            return
        }
        // "— X" after a sentence.
        var dash = last
        while dash > 0, !parser.isPunctuation(dash, in: Self.dashes) {
            guard tokens[dash].isWord, last - dash < 8 else { return }
            dash -= 1
        }
        // A sentence of at least a few words must come first, so that a dateline's
        // "(Reuters) — Ewood Park" is not read as a closing credit.
        guard dash > 0, parser.isPunctuation(dash - 1, in: Self.sentenceEnds),
              tokens[..<dash].lazy.filter(\.isWord).count >= 4,
              let match = parser.name(from: dash + 1), match.last == last, !match.afterLowercaseThe,
              endParser.isPlausibleOutlet(match)
        else { return }
        emit(match, .endLine)
    }

    // MARK: Phrases anywhere

    private mutating func scanPhrases() {
        for index in tokens.indices where tokens[index].isWord {
            // Every trigger starts with one of these letters; most words stop here.
            switch parser.scalars[tokens[index].start] {
            case "a", "A", "p", "r", "q", "c", "s": break
            default: continue
            }
            if parser.isWord(index, "according") {
                if parser.isWord(index + 1, "to") { forward(from: skippingReportPhrase(index + 2), .accordingTo) }
            } else if parser.isWord(index, "per") {
                if parser.isWord(index - 1, "as") { forward(from: skippingReportPhrase(index + 1), .asPer) }
            } else if parser.isWord(index, "reported") || parser.isWord(index, "reports") {
                if parser.isWord(index + 1, "by") {
                    forward(from: index + 2, .reported)
                } else {
                    backward(verb: index, requireOutlet: true)
                }
            } else if parser.isWord(index, "quoted") || parser.isWord(index, "cited") {
                if parser.isWord(index + 1, "by") { forward(from: index + 2, .reported) }
            } else if parser.isWord(index, "said") || parser.isWord(index, "says") {
                let inReport = parser.isWord(index + 1, "in")
                    && (parser.isWord(index + 2, "a") || parser.isWord(index + 2, "its"))
                    && parser.isWord(index + 3, "report")
                backward(verb: index, requireOutlet: !inReport)
            } else if parser.isWord(index, "published") || parser.isWord(index, "appeared") {
                originallyPublished(verb: index)
            } else if parser.isWord(index, "contributed") {
                if parser.isWord(index + 1, "to"), let match = parser.name(endingBefore: index),
                   parser.isPlausibleOutlet(match)
                {
                    emit(match, .byline)
                }
            }
        }
    }

    /// "This story was originally published by X", "first published in X", "This article
    /// first appeared on X"; "appeared" only with a story word before it, since people
    /// appear on programmes ("She first appeared on Playschool").
    private mutating func originallyPublished(verb index: Int) {
        let parser = self.parser
        guard parser.isWord(index - 1, "originally") || parser.isWord(index - 1, "first"),
              parser.isWord(index + 1, "by") || parser.isWord(index + 1, "in") || parser.isWord(index + 1, "on")
        else { return }
        if parser.isWord(index, "appeared") {
            let storyWords: [StaticString] = ["story", "article", "report", "piece", "column", "version", "it", "this"]
            let before = max(0, index - 6)..<index
            guard before.contains(where: { position in storyWords.contains { parser.isWord(position, $0) } })
            else { return }
        }
        guard let match = parser.name(from: index + 2) else { return }
        emitList(match, .originallyPublished, allowCommas: false) { match in
            parser.isPlausible(match) && parser.follower(after: match.last) != .content
        }
    }

    /// Steps over "a report by", "reports in", "an article in" after "according to".
    private func skippingReportPhrase(_ index: Int) -> Int {
        var index = index
        if parser.isWord(index, "a") || parser.isWord(index, "an") { index += 1 }
        if parser.isWord(index, "report") || parser.isWord(index, "reports")
            || parser.isWord(index, "article") || parser.isWord(index, "statement"),
           parser.isWord(index + 1, "by") || parser.isWord(index + 1, "in")
            || parser.isWord(index + 1, "from") || parser.isWord(index + 1, "on")
        {
            return index + 2
        }
        return index
    }

    /// A name after "according to", "as per", "reported by": only an outlet's that ends a noun
    /// phrase, since people, firms and institutions are cited the same way ("according to
    /// Gartner", "according to the Kremlin", "according to Ukrainian information").
    private mutating func forward(from index: Int, _ form: Credit.Form) {
        let parser = self.parser
        guard var match = parser.name(from: index) else { return }
        if match.hasDescriptor {
            // "Hollywood newspaper Daily Variety": the name after the description is the outlet.
            var next = match.last + 1
            while parser.isLowercaseWord(next, in: CreditVocabulary.descriptors) { next += 1 }
            if parser.isNameWord(next), var apposed = parser.name(from: next) {
                apposed.hasDescriptor = true
                match = apposed
            }
        }
        emitList(match, form, allowCommas: false) { match in
            parser.isPlausibleOutlet(match)
                && (parser.tokens[match.last].isPossessive || parser.follower(after: match.last) != .content)
        }
    }

    /// A name before "reported" or "said": only an outlet's, since people report and say
    /// things too, and only when the clause ends there ("Russia reported other drone attacks"
    /// is not a credit).
    private mutating func backward(verb index: Int, requireOutlet: Bool) {
        guard let match = parser.name(endingBefore: index), parser.isPlausible(match) else { return }
        let next = index + 1
        let endsClause = next >= tokens.count || !tokens[next].isWord
            || CreditVocabulary.clauseFollowers.contains(parser.lower(next))
        guard endsClause, !requireOutlet || parser.isOutlet(match),
              !match.afterLowercaseThe || parser.isOutlet(match)
        else { return }
        emit(match, .reported)
    }
}
