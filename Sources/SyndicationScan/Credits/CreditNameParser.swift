import SyndicationEngine

/// A credited name found among a line's tokens.
struct NameMatch {
    /// Token index of the first word of the name.
    var first: Int
    /// Token index of the last word of the name (inclusive).
    var last: Int
    /// Whether a lower-case "the" stood before the name ("according to the Financial Times").
    var afterLowercaseThe = false
    /// Whether a describing word stands next to the name ("TASS state news agency",
    /// "the Kommersant newspaper"), which makes it an outlet's.
    var hasDescriptor = false
}

/// What comes right after a name.
enum NameFollower {
    /// The end of the line, or punctuation.
    case boundary
    /// A function word ("according to Al Jazeera there was ...").
    case functionWord
    /// A word describing an outlet ("TASS state news agency").
    case descriptor
    /// Any other word: the "name" was an adjective ("according to Ukrainian information").
    case content
}

/// Reads names out of one line's tokens: 1–5 capitalised words, joined by lower-case
/// particles ("Times of Oman", "Corriere della Sera"), stopping at punctuation.
struct CreditNameParser {
    let tokens: [CreditToken]
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// Whether a name of one media word alone counts as an outlet's, as in a closing "- Observer".
    var allowsBareMediaWord = false

    /// Most capitalised words in one name.
    static let maximumWords = 5

    /// Whether the token at `index` is the word `word` (lower-case ASCII), in any case and
    /// without a possessive ending; compares in place, without making a string.
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].isWord else { return false }
        let token = tokens[index]
        let count = word.utf8CodeUnitCount
        guard token.nameEnd - token.start == count else { return false }
        let bytes = word.utf8Start
        for offset in 0..<count {
            var value = scalars[token.start + offset].value
            if value >= 0x41 && value <= 0x5A { value |= 0x20 }
            guard value == UInt32(bytes[offset]) else { return false }
        }
        return true
    }

    /// Whether the token at `index` is one of the punctuation marks `marks`.
    func isPunctuation(_ index: Int, _ marks: Unicode.Scalar...) -> Bool {
        isPunctuation(index, in: marks)
    }

    /// Whether the token at `index` is one of the punctuation marks `marks`.
    func isPunctuation(_ index: Int, in marks: [Unicode.Scalar]) -> Bool {
        index >= 0 && index < tokens.count && !tokens[index].isWord && marks.contains(tokens[index].mark)
    }

    /// Whether every letter of the word at `index` is upper-case, and it has two or more.
    func isAcronym(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord else { return false }
        var letters = 0
        for position in token.start..<token.nameEnd {
            let value = scalars[position].value
            if value < 0x80 {
                // ASCII: the letters are the alphabetic code points, A-Z the upper-case ones.
                if value &- 0x41 < 26 {
                    letters += 1
                } else if value &- 0x61 < 26 {
                    return false
                }
                continue
            }
            let properties = scalars[position].properties
            guard properties.isAlphabetic else { continue }
            guard properties.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The word at `index` lower-cased, without a possessive ending, with "’" as "'"; a
    /// punctuation mark as written.
    func lower(_ index: Int) -> String {
        let token = tokens[index]
        guard token.isWord else { return String(token.mark) }
        if let ascii = lowerASCII(token.start, token.nameEnd) { return ascii }
        var view = String.UnicodeScalarView()
        var isASCII = true
        for position in token.start..<token.nameEnd {
            var scalar = scalars[position]
            if scalar == "\u{2019}" { scalar = "'" }
            if scalar.value >= 0x41 && scalar.value <= 0x5A {
                scalar = Unicode.Scalar(scalar.value | 0x20)!
            } else if scalar.value >= 0x80 {
                isASCII = false
            }
            view.append(scalar)
        }
        return isASCII ? String(view) : String(view).lowercased()
    }

    /// `scalars[start..<end]` lower-cased, if they are all ASCII (as ``lower(_:)`` makes
    /// it, built without a scalar view).
    private func lowerASCII(_ start: Int, _ end: Int) -> String? {
        let count = end - start
        var isASCII = true
        let text = String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count {
                let value = scalars[start + offset].value
                guard value < 0x80 else {
                    isASCII = false
                    return 0
                }
                buffer[offset] = UInt8(truncatingIfNeeded: value &- 0x41 < 26 ? value | 0x20 : value)
            }
            return count
        }
        return isASCII ? text : nil
    }

    /// Whether the token at `index` is a lower-case word in `vocabulary`.
    func isLowercaseWord(_ index: Int, in vocabulary: Set<String>) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isWord && !tokens[index].isCapitalised
            && vocabulary.contains(lower(index))
    }

    func isNameWord(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let token = tokens[index]
        return token.isWord && (token.isCapitalised || isWord(index, "dpa"))
    }

    /// The name starting at `index` (after an optional lower-case "the").
    func name(from index: Int) -> NameMatch? {
        var index = index
        var afterThe = false
        if isWord(index, "the"), !tokens[index].isCapitalised {
            afterThe = true
            index += 1
        }
        guard isNameWord(index) else { return nil }
        var match = NameMatch(first: index, last: index, afterLowercaseThe: afterThe)
        var words = 1
        index += 1
        while !tokens[match.last].isPossessive, words < Self.maximumWords, index < tokens.count {
            if isNameWord(index) {
                match.last = index
                words += 1
                index += 1
            } else if isLowercaseWord(index, in: CreditVocabulary.joiners), isNameWord(index + 1) {
                index += 1
            } else if tokens[index].isNumber, isNameWord(index + 1) || isWord(match.last, "channel") {
                // "Channel 7 Brackenridge"
                match.last = index
                index += 1
            } else {
                break
            }
        }
        // "New York-based License magazine": the place is not part of the name.
        if let based = (match.first...match.last).last(where: { lower($0).hasSuffix("-based") }) {
            guard based < match.last else { return nil }
            match.first = based + 1
            match.afterLowercaseThe = false
        }
        // "the Kommersant newspaper", but not "the BNP's website".
        if !tokens[match.last].isPossessive, follower(after: match.last) == .descriptor {
            match.hasDescriptor = true
        }
        return match
    }

    /// The name ending just before `index`, skipping helper words ("has", "also") and
    /// describing words ("RIA state news agency reported").
    func name(endingBefore index: Int) -> NameMatch? {
        var index = index - 1
        var skipped = 0
        while skipped < 2, isLowercaseWord(index, in: CreditVocabulary.auxiliaries) {
            index -= 1
            skipped += 1
        }
        var hasDescriptor = false
        skipped = 0
        while skipped < 4, isLowercaseWord(index, in: CreditVocabulary.descriptors) {
            index -= 1
            skipped += 1
            hasDescriptor = true
        }
        guard isNameWord(index), !tokens[index].isPossessive else { return nil }
        var match = NameMatch(first: index, last: index, hasDescriptor: hasDescriptor)
        var words = 1
        index -= 1
        while index >= 0, words < Self.maximumWords {
            if isNameWord(index), !tokens[index].isPossessive {
                match.first = index
                words += 1
                index -= 1
            } else if isLowercaseWord(index, in: CreditVocabulary.joiners), isNameWord(index - 1) {
                index -= 1
            } else {
                break
            }
        }
        if isWord(match.first - 1, "the") { match.afterLowercaseThe = true }
        // "a Hong Kong newspaper reported" names no outlet.
        if hasDescriptor, isWord(match.first - 1, "a") || isWord(match.first - 1, "an")
            || isWord(match.first - 1, "one") || isWord(match.first - 1, "another")
        {
            return nil
        }
        // Drop sentence openers caught in the run: "Meanwhile Reuters reported".
        while match.first < match.last, !isWord(match.first, "the"),
              CreditVocabulary.nonNames.contains(lower(match.first))
        {
            match.first += 1
            while match.first < match.last, !isNameWord(match.first) { match.first += 1 }
        }
        return match
    }

    /// What follows the token at `index`.
    func follower(after index: Int) -> NameFollower {
        let next = index + 1
        guard next < tokens.count, tokens[next].isWord, !tokens[next].isCapitalised else {
            return .boundary
        }
        let word = lower(next)
        if CreditVocabulary.descriptors.contains(word) {
            // "TASS state news agency", but not "Russian state media".
            var probe = next
            while isLowercaseWord(probe, in: CreditVocabulary.descriptors) {
                if !isWord(probe, "state") && !isWord(probe, "official") { return .descriptor }
                probe += 1
            }
            return .content
        }
        if CreditVocabulary.functionWords.contains(word) { return .functionWord }
        if tokens[next].isNumber { return .boundary }
        return .content
    }

    /// The lower-case words of a name, without a leading "The".
    func words(of match: NameMatch) -> [String] {
        var result: [String] = []
        for index in match.first...match.last where tokens[index].isWord {
            result.append(lower(index))
        }
        if result.count > 1, result[0] == "the" { result.removeFirst() }
        return result
    }

    /// Whether the words can name an outlet at all: not a pronoun, a generic source ("officials",
    /// "media"), a title ("President ..."), a month or a lone nationality ("Russian").
    func isPlausible(_ match: NameMatch) -> Bool {
        isPlausible(match, words: words(of: match))
    }

    /// Whether the name can name an outlet at all (``isPlausible(_:)``) and is an outlet's
    /// (``isOutlet(_:)``), its words made once.
    func isPlausibleOutlet(_ match: NameMatch) -> Bool {
        let words = words(of: match)
        return isPlausible(match, words: words) && isOutlet(match, words: words)
    }

    /// ``isPlausible(_:)`` of a name whose ``words(of:)`` are `words`.
    private func isPlausible(_ match: NameMatch, words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if match.first == match.last, isWord(match.first, "the") { return false }
        if CreditVocabulary.nonNames.contains(first), !hasMediaWord(words),
           key(of: match).flatMap({ CreditVocabulary.agencies[$0] }) == nil
        {
            return false
        }
        if words.contains(where: { CreditVocabulary.nonNameParts.contains($0) }) { return false }
        if words.count == 1, !isAcronym(match.last), CreditVocabulary.isNationality(first) {
            return false
        }
        if words.allSatisfy({ CreditVocabulary.roleWords.contains($0) }) { return false }
        return true
    }

    /// Whether the name is a news outlet's: a known agency or outlet, a name with a media word
    /// ("Press", "Times", "Wire"), or a name described as one ("the Kommersant newspaper").
    func isOutlet(_ match: NameMatch) -> Bool {
        isOutlet(match, words: nil)
    }

    /// ``isOutlet(_:)`` of a name whose ``words(of:)`` are `words` (made here when nil).
    private func isOutlet(_ match: NameMatch, words known: [String]?) -> Bool {
        if match.hasDescriptor { return true }
        guard let key = key(of: match) else { return false }
        if CreditVocabulary.agencies[key] != nil || CreditVocabulary.knownOutlets.contains(key) {
            return true
        }
        let words = known ?? words(of: match)
        if words.count == 1, isAcronym(match.last),
           CreditVocabulary.outletAcronyms.contains(words[0])
        {
            return true
        }
        // Run-together names with an inner capital: "NewsLink", "HeadlineHub", "DailyDigestHQ"
        // (but not the surname "Newsome").
        for index in match.first...match.last where hasInnerCapital(index) {
            if CreditVocabulary.hasMediaAffix(lower(index)) { return true }
        }
        guard let lastMedia = words.lastIndex(where: { CreditVocabulary.mediaWords.contains($0) })
        else { return false }
        // A bare media word names an outlet only after "the" ("the Globe said"), not alone
        // ("By Mail").
        if words.count == 1 {
            return match.afterLowercaseThe || isWord(match.first, "the") || allowsBareMediaWord
        }
        // A media word followed by a person's name is not an outlet's name: "Virgin Radio DJ
        // Pete Mitchell reported".
        return words.count - 1 - lastMedia <= 2
    }

    /// Whether the word at `index` has an upper-case letter after its first.
    private func hasInnerCapital(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord, token.end - token.start > 4 else { return false }
        for position in (token.start + 1)..<token.nameEnd where isUppercase(scalars[position]) {
            if !isAcronym(index) { return true }
        }
        return false
    }

    /// `Unicode.Scalar.Properties.isUppercase`, answered without a property lookup for ASCII.
    private func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
    }

    private func hasMediaWord(_ words: [String]) -> Bool {
        words.contains { CreditVocabulary.mediaWords.contains($0) }
    }

    /// The code-point span of the name, without a possessive ending.
    func span(of match: NameMatch) -> TextSpan {
        TextSpan(start: tokens[match.first].start, end: tokens[match.last].nameEnd)
    }

    /// The name as written, with runs of white space collapsed to one space.
    func text(of match: NameMatch) -> String {
        let span = span(of: match)
        return asciiText(of: span) ?? text(of: span)
    }

    /// The code points of `span` with runs of white space collapsed to one space.
    func text(of span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for index in span.start..<span.end {
            let scalar = scalars[index]
            if scalar == " " || (scalar.value >= 0x80 && scalar.properties.isWhitespace) {
                pendingSpace = true
                continue
            }
            if pendingSpace { view.append(" ") }
            pendingSpace = false
            view.append(scalar)
        }
        return String(view)
    }

    /// ``text(of:)`` of a span of ASCII code points, written byte by byte (nil if the span
    /// holds another code point): runs of spaces become one, other white space stays.
    func asciiText(of span: TextSpan) -> String? {
        var isASCII = true
        let text = String(unsafeUninitializedCapacity: span.end - span.start) { buffer in
            var count = 0
            var pendingSpace = false
            for index in span.start..<span.end {
                let value = scalars[index].value
                guard value < 0x80 else {
                    isASCII = false
                    return 0
                }
                if value == 0x20 {
                    pendingSpace = true
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                buffer[count] = UInt8(truncatingIfNeeded: value)
                count += 1
            }
            return count
        }
        return isASCII ? text : nil
    }

    /// The lookup key of a name, as ``CreditDetector/lookupKey(_:)`` makes it, built from the
    /// tokens without going through the written text.
    func key(of match: NameMatch) -> String? {
        var key = ""
        for index in match.first...match.last where tokens[index].isWord {
            if key.isEmpty, index < match.last, isWord(index, "the") { continue }
            if !key.isEmpty { key += " " }
            key += lower(index)
        }
        if key.unicodeScalars.contains(where: { $0 == "\u{2010}" || $0 == "\u{2011}" }) {
            key = key.replacingScalar("\u{2010}", with: "-").replacingScalar("\u{2011}", with: "-")
        }
        return key.isEmpty ? nil : key
    }
}
