import SyndicationEngine

/// Finds where a text credits another outlet: "according to Al Jazeera", "LONDON (Reuters) -",
/// "Source: Stern", "By Global Wire staff", "— Agencies", a lone "dpa".
///
/// The detector recognises, per line (paragraph):
/// - phrases anywhere: "according to X" (also "according to a report by X"), "as per X",
///   "X reported", "X reports", "reported by X", "quoted by X", "X said in a report",
///   "X said" (outlets only), "originally published by/in/on X", "first appeared in/on X",
///   "X contributed to this report";
/// - datelines: "LONDON (X) -", "EDINBURGH, Mar. 10 (X) -", or a paragraph opening "(X) —";
/// - end lines: a line "(X)", "— X", "- X" or "– X" (unless it is one item of a bulleted
///   list), or a paragraph closing with one after a sentence ("... he said. — Agencies");
/// - source lines: "Source: X", "Via X", "Information from X was used in this report",
///   "Copyright X. Used under licence.", "© X 2005";
/// - bylines: "By X staff", "By X Staff Writer", "X reporters", "By X" and "From X" for an
///   outlet's name, "Reporting by X and Y" for outlets;
/// - a known agency alone on a line ("Dpa", "AFP", "dpa/nik").
///
/// X is a name: one to five capitalised words, joined by particles such as "of", "de" or "al"
/// ("Times of Oman"), acronyms ("AFP"), or "dpa", ending at punctuation. Words that cannot
/// name an outlet are rejected: pronouns, generic sources ("officials", "media"), titles
/// ("President ..."), months, and a nationality on its own ("according to Ukrainian
/// information"). People, firms and institutions are cited with the same phrases, so except
/// in source lines, "originally published" notes and role bylines ("By X staff"), X must be
/// an outlet's name: a known agency or outlet ("Al Jazeera", "RT", "Stern"), a name with a
/// media word ("Meridian Press Agency", "The Sunday Beacon", "the Globe"), a run-together
/// media name ("NewsLink"), or one described as an outlet ("the Kommersant newspaper").
///
/// Each occurrence is reported. ``Credit/span`` covers exactly the credited name as written
/// (without a lower-case "the" before it or a possessive "'s" after it), in Unicode code points
/// of the original text; ``Credit/name`` is the canonical name (see ``canonicalName(_:)``).
public struct CreditDetector: Sendable {
    /// A detector.
    public init() {}

    /// The credits in an analysed text, in text order.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public func credits(in text: AnalyzedText) -> [Credit] {
        text.scalars.withUnsafeBufferPointer { credits(in: $0, lines: text.lines) }
    }

    /// The credits in an analysed text, in text order, as ``credits(in:)-(AnalyzedText)``
    /// finds them: lines that `memo` has read before take their credits from it, and the
    /// others are read and kept there.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    func credits(in text: AnalyzedText, memo: CreditLineMemo) -> [Credit] {
        let lines = text.lines
        return text.scalars.withUnsafeBufferPointer { scalars in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count + CreditLineFilter.narrowedPadding) { narrowed in
                let bytes = narrowed.baseAddress!
                CreditLineFilter.narrow(scalars, into: bytes)
                var found: [Credit] = []
                for (number, line) in lines.enumerated() {
                    let inList = Self.isListItem(number, lines: lines, scalars: scalars)
                    let hash = memo.isKeeping || !memo.isEmpty ? CreditLineMemo.hash(narrowed: bytes, line, isListItem: inList) : 0
                    if let known = memo.credits(of: line, in: scalars, isListItem: inList, hash: hash) {
                        found += known
                        continue
                    }
                    var credits: [Credit] = []
                    let verdict = CreditLineFilter.verdict(scalars, narrowed: bytes, line)
                    if verdict.mayHoldCredit {
                        var scanner = CreditLineScanner(
                            tokens: CreditToken.tokenize(scalars, narrowed: bytes, line), scalars: scalars,
                            isListItem: inList, scansPhrases: verdict.mayHoldPhrase)
                        scanner.scan()
                        credits = scanner.credits
                    }
                    memo.keep(credits, of: line, in: text.scalars, isListItem: inList, hash: hash)
                    found += credits
                }
                return Self.distinct(found)
            }
        }
    }

    /// The credits in `text`, in text order; offsets are code points of `text`.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public func credits(in text: String) -> [Credit] {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { buffer in
            credits(in: buffer, lines: SentenceSplitter.lines(in: buffer))
        }
    }

    /// The credits in `scalars`, line by line; `prefiltered` passes over the lines that
    /// ``CreditLineFilter`` rules out (the same credits, found faster), reading them from a
    /// narrowed copy of the text (``CreditLineFilter/narrow(_:into:)``).
    func credits(
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, lines: [TextSpan], prefiltered: Bool = true
    ) -> [Credit] {
        guard prefiltered else { return credits(in: scalars, lines: lines) { _ in .phrase } }
        return withUnsafeTemporaryAllocation(
            of: UInt8.self, capacity: scalars.count + CreditLineFilter.narrowedPadding
        ) { narrowed in
            let bytes = narrowed.baseAddress!
            CreditLineFilter.narrow(scalars, into: bytes)
            return credits(in: scalars, lines: lines, narrowed: UnsafePointer(bytes)) {
                CreditLineFilter.verdict(scalars, narrowed: bytes, $0)
            }
        }
    }

    /// The credits in `scalars`, scanning each line as `verdict` allows; words are read from
    /// `narrowed`, the narrowed copy, when given (``CreditToken/tokenize(_:narrowed:_:)``).
    @inline(__always)
    private func credits(
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, lines: [TextSpan], narrowed: UnsafePointer<UInt8>? = nil,
        verdict: (TextSpan) -> CreditLineFilter.Verdict
    ) -> [Credit] {
        var found: [Credit] = []
        for (number, line) in lines.enumerated() {
            let verdict = verdict(line)
            guard verdict.mayHoldCredit else { continue }
            var scanner = CreditLineScanner(
                tokens: narrowed.map { CreditToken.tokenize(scalars, narrowed: $0, line) } ?? CreditToken.tokenize(scalars, line),
                scalars: scalars, isListItem: Self.isListItem(number, lines: lines, scalars: scalars),
                scansPhrases: verdict.mayHoldPhrase)
            scanner.scan()
            found += scanner.credits
        }
        return Self.distinct(found)
    }

    /// Whether line `number` of `lines` is one item of a bulleted list: a line starting with a
    /// bullet next to another such line is a list item ("- Apples"), not an end line
    /// ("- Observer").
    @inline(__always)
    static func isListItem(_ number: Int, lines: [TextSpan], scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        func isBulleted(_ number: Int) -> Bool {
            switch scalars[lines[number].start] {
            case "-", "*", "\u{2022}", "\u{2013}", "\u{2014}": return true
            default: return false
            }
        }
        return isBulleted(number)
            && ((number > 0 && isBulleted(number - 1)) || (number + 1 < lines.count && isBulleted(number + 1)))
    }

    /// `found`, the credits of a text's lines in line order, sorted by span with one credit
    /// per name span (a phrase can match two patterns).
    static func distinct(_ found: [Credit]) -> [Credit] {
        guard found.count > 1 else { return found }
        var seen: Set<TextSpan> = []
        return found.sorted { $0.span < $1.span }.filter { seen.insert($0.span).inserted }
    }

    /// The distinct credited names, sorted.
    public static func creditedNames(_ credits: [Credit]) -> [String] {
        Set(credits.map(\.name)).sorted()
    }

    /// The name a credit is reported under: well-known agencies by one spelling ("AP" and
    /// "The Associated Press" are "Associated Press"; "Agence France-Presse" is "AFP";
    /// "Deutsche Presse-Agentur", "DPA" and "Dpa" are "dpa"), any other name as written with
    /// white space collapsed.
    public static func canonicalName(_ name: String) -> String {
        if let key = plainLookupKey(name) { return CreditVocabulary.agencies[key] ?? name }
        let collapsed = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if let key = lookupKey(collapsed), let agency = CreditVocabulary.agencies[key] { return agency }
        return collapsed
    }

    /// ``lookupKey(_:)`` of a plain name — printable ASCII, words joined by single spaces, no
    /// space at either end — which collapsing white space leaves as it is; `nil` for any other
    /// name.
    static func plainLookupKey(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return nil }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte &- 0x20 < 0x5F, byte != 0x20 || previous != 0x20 else { return nil }
                previous = byte
            }
            // Without a leading "the " (which a plain name never ends in).
            var start = 0
            if bytes.count > 4, bytes[0] | 0x20 == 0x74, bytes[1] | 0x20 == 0x68, bytes[2] | 0x20 == 0x65,
               bytes[3] == 0x20
            {
                start = 4
            }
            return String(unsafeUninitializedCapacity: bytes.count - start) { key in
                for offset in start..<bytes.count {
                    let byte = bytes[offset]
                    key[offset - start] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                return bytes.count - start
            }
        }
    }

    /// A name folded for lookups: lower-case, single spaces, one kind of hyphen, no leading
    /// "the".
    static func lookupKey(_ name: String) -> String? {
        var key = name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        key = key.replacingScalar("\u{2010}", with: "-").replacingScalar("\u{2011}", with: "-")
            .replacingScalar("\u{2013}", with: "-").replacingScalar("\u{2019}", with: "'")
        if key.hasPrefix("the ") { key.removeFirst(4) }
        return key.isEmpty ? nil : key
    }
}
