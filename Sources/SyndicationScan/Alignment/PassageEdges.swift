import SyndicationEngine

extension PassageAligner {
    /// Words per shingle of the verbatim stretch a copy passage is trimmed to.
    public static let edgeShingleSize = 3
    /// Least share of the word trigrams between a passage's first and last shared trigram
    /// that the other side holds too, for the passage to be trimmed to that stretch: copy
    /// taken word for word. Reworded copy (synonyms, shuffled or translated words; PAN random
    /// and translation obfuscation) shares trigrams only here and there and keeps its
    /// sentence-bounded ends.
    public static let verbatimTrigramShare = 0.8
    /// Most words a trimmed end may leave out of its sentence and still keep the sentence's
    /// end: a word edited at the edge of copy ("favourite" → "favorite", "the boss" → "the
    /// leader"), or a phrase added at its edge ("In a separate development,", "according to
    /// Reuters"), breaks the trigrams it stands in, not the copy.
    public static let edgeSlack = 6
    /// Least word trigrams in the verbatim stretch: a short run of shared words (a name, a
    /// stock phrase) inside reworded copy is not a reason to cut the passage down to it.
    public static let leastVerbatimTrigrams = 20

    /// The word trigrams of sentences `range` of `profile` in text order (trigrams may run
    /// across sentence boundaries, as copied text does).
    static func edgeTrigrams(_ range: ClosedRange<Int>, _ profile: DocumentProfile) -> [UInt64] {
        let tokens = profile.sentences[range.lowerBound].tokens.lowerBound
            ..< profile.sentences[range.upperBound].tokens.upperBound
        return edgeShingling.hashes(of: profile.text, tokens: tokens)
    }

    /// `span` and `otherSpan`, the two sides of a copy passage over sentences `range` of
    /// `profile` and `otherRange` of `other`, each trimmed to the words copied verbatim
    /// (``trimmedToVerbatim(_:_:in:trigrams:sharing:)``); each side's trigrams are hashed once,
    /// and which of them the other side holds too is read off one table of both sides'
    /// (``sharedTrigrams(_:_:_:)``). Sides too short to trim are left as they are, and when
    /// both are, nothing is hashed.
    static func trimmedToVerbatim(
        _ span: TextSpan, _ range: ClosedRange<Int>, in profile: DocumentProfile,
        _ otherSpan: TextSpan, _ otherRange: ClosedRange<Int>, in other: DocumentProfile,
        twins: SentenceTwins? = nil
    ) -> (TextSpan, TextSpan) {
        let trims = isTrimmable(range, profile), otherTrims = isTrimmable(otherRange, other)
        guard trims || otherTrims else { return (span, otherSpan) }
        // Sides whose trigrams the other side repeats, word for word, at its ends and
        // sentence by sentence, are trimmed to all of them without hashing any
        // (``wholeStretch(words:shared:)``).
        let ends = commonEnds(range, profile, otherRange, other)
        // Whether each sentence of `profile` and its twin hold the same words, once known
        // (0 not yet, 1 the same, 2 not): both sides ask it of the same twins.
        typealias Stretch = (opening: Int, closing: Int)
        let (whole, otherWhole) = withUnsafeTemporaryAllocation(
            of: UInt8.self, capacity: profile.sentences.count
        ) { sameWords -> (Stretch?, Stretch?) in
            sameWords.initialize(repeating: 0)
            /// The stretch of one side's trigrams shown shared without hashing, if all of them are.
            func wholeSide(
                _ range: ClosedRange<Int>, _ profile: DocumentProfile, _ otherRange: ClosedRange<Int>,
                _ other: DocumentProfile, twinsOf: [Int32]?, isOther: Bool
            ) -> (opening: Int, closing: Int)? {
                let words = wordCount(range, profile)
                var shared = endTrigrams(words: words, ends: ends)
                if let twinsOf, wholeStretch(words: words, shared: shared) == nil {
                    shared = shared.merged(with: twinTrigrams(
                        range, profile, otherRange, other, twinsOf: twinsOf, sameWords: (sameWords, isOther)))
                }
                return wholeStretch(words: words, shared: shared)
            }
            return (trims ? wholeSide(range, profile, otherRange, other, twinsOf: twins?.ofA, isOther: false) : nil,
                    otherTrims ? wholeSide(otherRange, other, range, profile, twinsOf: twins?.ofB, isOther: true) : nil)
        }
        if (whole != nil) == trims && (otherWhole != nil) == otherTrims {
            return (whole.map { trimmed(span, range, in: profile, to: $0) } ?? span,
                    otherWhole.map { trimmed(otherSpan, otherRange, in: other, to: $0) } ?? otherSpan)
        }
        let trigrams = edgeTrigrams(range, profile), otherTrigrams = edgeTrigrams(otherRange, other)
        let (stretch, otherStretch) = sharedTrigrams(trigrams, otherTrigrams) { shared, otherShared in
            (trims ? verbatimStretch(shared) : nil, otherTrims ? verbatimStretch(otherShared) : nil)
        }
        return (stretch.map { trimmed(span, range, in: profile, to: $0) } ?? span,
                otherStretch.map { trimmed(otherSpan, otherRange, in: other, to: $0) } ?? otherSpan)
    }

    /// The words from the first of sentences `range` of `profile` to the last.
    @inline(__always)
    static func wordCount(_ range: ClosedRange<Int>, _ profile: DocumentProfile) -> Int {
        profile.sentences[range.upperBound].tokens.upperBound - profile.sentences[range.lowerBound].tokens.lowerBound
    }

    /// Whether sentences `range` of `profile` and `otherRange` of `other` hold the same folded
    /// words, in the same order, each folded alike: then each word trigram of one side
    /// (``edgeTrigrams(_:_:)``) is hashed from the same bytes as the other side's trigram at the
    /// same place, so every trigram of each side is the other's, whatever the hashes.
    ///
    /// - Complexity: O(words + folded bytes) of the two sides, at most.
    static func haveSameWords(
        _ range: ClosedRange<Int>, _ profile: DocumentProfile, _ otherRange: ClosedRange<Int>, _ other: DocumentProfile
    ) -> Bool {
        let count = wordCount(range, profile)
        return count > 0 && count == wordCount(otherRange, other)
            && commonEnds(range, profile, otherRange, other).opening == count
    }

    /// How many words sentences `range` of `profile` and `otherRange` of `other` open with
    /// alike, and how many they close with alike: words at the same folded offsets from the
    /// first word's start (from the last word's end), over the same folded bytes. A word
    /// trigram (``edgeTrigrams(_:_:)``) within the opening words of one side is hashed from the
    /// same bytes as the other side's trigram at the same place, so the other side holds it,
    /// whatever the hashes; likewise within the closing words.
    ///
    /// - Complexity: O(words + folded bytes) of the two sides, at most.
    static func commonEnds(
        _ range: ClosedRange<Int>, _ profile: DocumentProfile, _ otherRange: ClosedRange<Int>, _ other: DocumentProfile
    ) -> (opening: Int, closing: Int) {
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let otherLower = other.sentences[otherRange.lowerBound].tokens.lowerBound
        let count = wordCount(range, profile), otherCount = wordCount(otherRange, other)
        let limit = min(count, otherCount)
        guard limit > 0 else { return (0, 0) }
        return profile.text.tokens.withUnsafeBufferPointer { tokens in
            other.text.tokens.withUnsafeBufferPointer { otherTokens in
                profile.text.folded.withUnsafeBytes { bytes in
                    other.text.folded.withUnsafeBytes { otherBytes in
                        // Opening: words at the same offsets from the first word's start, that
                        // end within the bytes the two sides open with alike. The bytes are
                        // compared over the shorter side first: a word within the words placed
                        // alike ends within both sides, so it ends within the bytes alike over
                        // those words exactly when it does within the bytes alike over the
                        // shorter side, and one walk of the words tells both.
                        let base = Int(tokens[lower].foldedStart), otherBase = Int(otherTokens[otherLower].foldedStart)
                        let upper = lower &+ count &- 1, otherUpper = otherLower &+ otherCount &- 1
                        let top = Int(tokens[upper].foldedEnd), otherTop = Int(otherTokens[otherUpper].foldedEnd)
                        let shorter = Swift.min(top &- base, otherTop &- otherBase)
                        let sameOpening = Self.sameOpeningBytes(
                            bytes.baseAddress! + base, otherBytes.baseAddress! + otherBase, count: shorter)
                        var opening = 0
                        while opening < limit {
                            let token = tokens[lower &+ opening], otherToken = otherTokens[otherLower &+ opening]
                            let end = Int(token.foldedEnd) &- base
                            guard Int(token.foldedStart) &- base == Int(otherToken.foldedStart) &- otherBase,
                                  end == Int(otherToken.foldedEnd) &- otherBase, end <= sameOpening else { break }
                            opening &+= 1
                        }
                        // Two sides of as many words that open alike over all of them close alike
                        // over all of them: their bytes from the first word's start to the last
                        // word's end are the same, and so are the words' offsets from that end.
                        if opening == count && count == otherCount { return (opening, opening) }
                        // Closing: likewise from the last word's end.
                        let sameClosing = Self.sameClosingBytes(
                            bytes.baseAddress! + top, otherBytes.baseAddress! + otherTop, count: shorter)
                        var closing = 0
                        while closing < limit {
                            let token = tokens[upper &- closing], otherToken = otherTokens[otherUpper &- closing]
                            let start = top &- Int(token.foldedStart)
                            guard start == otherTop &- Int(otherToken.foldedStart),
                                  top &- Int(token.foldedEnd) == otherTop &- Int(otherToken.foldedEnd), start <= sameClosing else { break }
                            closing &+= 1
                        }
                        return (opening, closing)
                    }
                }
            }
        }
    }

    /// How many of the `count` bytes from `left` and from `right` are equal before the first
    /// that differs.
    static func sameOpeningBytes(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Int {
        var offset = 0
        while offset &+ 8 <= count {
            let difference = left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                ^ right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if difference != 0 { return offset &+ UInt64(littleEndian: difference).trailingZeroBitCount >> 3 }
            offset &+= 8
        }
        while offset < count, left.load(fromByteOffset: offset, as: UInt8.self) == right.load(fromByteOffset: offset, as: UInt8.self) {
            offset &+= 1
        }
        return offset
    }

    /// How many of the `count` bytes before `left` and before `right` are equal, counting back
    /// from there, before the first that differs.
    static func sameClosingBytes(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Int {
        var offset = 0
        while offset &+ 8 <= count {
            let difference = left.loadUnaligned(fromByteOffset: -8 &- offset, as: UInt64.self)
                ^ right.loadUnaligned(fromByteOffset: -8 &- offset, as: UInt64.self)
            if difference != 0 { return offset &+ UInt64(littleEndian: difference).leadingZeroBitCount >> 3 }
            offset &+= 8
        }
        while offset < count,
              left.load(fromByteOffset: -1 &- offset, as: UInt8.self) == right.load(fromByteOffset: -1 &- offset, as: UInt8.self) {
            offset &+= 1
        }
        return offset
    }

    /// Trigrams of one side of a copy passage that the other side is known to hold: at least
    /// `count` of them, the first among them when `opens`, the last when `closes`.
    struct KnownTrigrams {
        /// A lower bound on the trigrams the other side holds.
        var count: Int
        /// Whether the other side holds the first trigram.
        var opens: Bool
        /// Whether the other side holds the last trigram.
        var closes: Bool

        /// What either of two lower bounds tells.
        func merged(with other: KnownTrigrams) -> KnownTrigrams {
            KnownTrigrams(count: max(count, other.count), opens: opens || other.opens, closes: closes || other.closes)
        }
    }

    /// The trigrams of a side of `words` words within its common ends with the other side
    /// (``commonEnds(_:_:_:_:)``): those within the opening words, and those within the
    /// closing words, counted once.
    static func endTrigrams(words: Int, ends: (opening: Int, closing: Int)) -> KnownTrigrams {
        let trigrams = max(0, words &- edgeShingleSize &+ 1)
        let first = max(0, ends.opening &- edgeShingleSize &+ 1), last = max(0, ends.closing &- edgeShingleSize &+ 1)
        return KnownTrigrams(count: min(trigrams, first &+ last), opens: first > 0, closes: last > 0)
    }

    /// The trigrams of sentences `range` of `profile` that lie within runs of its sentences
    /// repeated word for word in `otherRange` of `other`: each non-excluded sentence whose twin
    /// (`twinsOf`, ``SentenceTwins``) lies in `otherRange` and holds the same folded words
    /// (``haveSameWords(_:in:_:in:)``), runs of them where they follow each other without a
    /// word between on both sides, over the same bytes. A trigram within a run is hashed from the same bytes as
    /// the other side's at the same place in its run, so the other side holds it, whatever
    /// the hashes. Copy whose sentences were shuffled is mostly such runs.
    ///
    /// - Complexity: O(words + folded bytes) of the runs.
    ///
    /// Given `sameWords` (a mark per sentence of the pair's first document, and whether
    /// `profile` is the second), whether a sentence and its twin hold the same words is read
    /// there once known, and kept there once found: the two sides of a passage ask it of the
    /// same twins (a twin of the second document's sentence is one whose twin it is, so the
    /// first document's sentence names the pair), and the answer is the same either way round.
    static func twinTrigrams(
        _ range: ClosedRange<Int>, _ profile: DocumentProfile, _ otherRange: ClosedRange<Int>, _ other: DocumentProfile,
        twinsOf: [Int32], sameWords: (marks: UnsafeMutableBufferPointer<UInt8>, isOther: Bool)? = nil
    ) -> KnownTrigrams {
        guard twinsOf.count == profile.sentences.count else { return KnownTrigrams(count: 0, opens: false, closes: false) }
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let upper = profile.sentences[range.upperBound].tokens.upperBound
        var known = KnownTrigrams(count: 0, opens: false, closes: false)
        // The run being read: its tokens on this side, and where it ends on the other.
        var runStart = -1, runEnd = -1, otherRunEnd = -1
        func close() {
            let length = runEnd &- runStart
            if runStart >= 0 && length >= edgeShingleSize {
                known.count &+= length &- edgeShingleSize &+ 1
                if runStart == lower { known.opens = true }
                if runEnd == upper { known.closes = true }
            }
            runStart = -1
        }
        profile.sentences.withUnsafeBufferPointer { sentences in
            other.sentences.withUnsafeBufferPointer { otherSentences in
                for index in range {
                    let twin = Int(twinsOf[index])
                    let tokens = sentences[index].tokens
                    guard !sentences[index].isExcluded, !tokens.isEmpty, otherRange.contains(twin) else {
                        close()
                        continue
                    }
                    let same: Bool
                    if let (marks, isOther) = sameWords {
                        let key = isOther ? twin : index
                        if marks[key] == 0 {
                            marks[key] = haveSameWords(tokens, in: profile, otherSentences[twin].tokens, in: other) ? 1 : 2
                        }
                        same = marks[key] == 1
                    } else {
                        same = haveSameWords(tokens, in: profile, otherSentences[twin].tokens, in: other)
                    }
                    guard same else {
                        close()
                        continue
                    }
                    let otherTokens = otherSentences[twin].tokens
                    // A run goes on where the two sides go on alike: the next sentence follows
                    // on both, with the same bytes from the last word before to the first after.
                    if runStart >= 0 && tokens.lowerBound == runEnd && otherTokens.lowerBound == otherRunEnd
                        && haveSameWords(runEnd &- 1 ..< runEnd &+ 1, in: profile, otherRunEnd &- 1 ..< otherRunEnd &+ 1, in: other) {
                        runEnd = tokens.upperBound
                        otherRunEnd = otherTokens.upperBound
                    } else {
                        close()
                        runStart = tokens.lowerBound
                        runEnd = tokens.upperBound
                        otherRunEnd = otherTokens.upperBound
                    }
                }
            }
        }
        close()
        return known
    }

    /// Whether tokens `tokens` of `profile` and `otherTokens` of `other` are the same folded
    /// words: as many, at the same folded offsets from the first one's start, over the same
    /// folded bytes.
    static func haveSameWords(
        _ tokens: Range<Int>, in profile: DocumentProfile, _ otherTokens: Range<Int>, in other: DocumentProfile
    ) -> Bool {
        guard tokens.count == otherTokens.count, !tokens.isEmpty else { return false }
        return profile.text.tokens.withUnsafeBufferPointer { words in
            other.text.tokens.withUnsafeBufferPointer { otherWords in
                let base = Int(words[tokens.lowerBound].foldedStart), otherBase = Int(otherWords[otherTokens.lowerBound].foldedStart)
                for offset in 0..<tokens.count {
                    let word = words[tokens.lowerBound &+ offset], otherWord = otherWords[otherTokens.lowerBound &+ offset]
                    guard Int(word.foldedStart) &- base == Int(otherWord.foldedStart) &- otherBase,
                          Int(word.foldedEnd) &- base == Int(otherWord.foldedEnd) &- otherBase else { return false }
                }
                let length = Int(words[tokens.upperBound &- 1].foldedEnd) &- base
                return profile.text.folded.withUnsafeBytes { bytes in
                    other.text.folded.withUnsafeBytes { otherBytes in
                        sameOpeningBytes(bytes.baseAddress! + base, otherBytes.baseAddress! + otherBase, count: length) == length
                    }
                }
            }
        }
    }

    /// The stretch of all the trigrams of a trimmable side of `words` words
    /// (``verbatimStretch(_:)`` of its marks) when what is known of the trigrams the other side
    /// holds (`shared`) tells: the first and the last are among them, and at least
    /// ``verbatimTrigramShare`` of all. The marks would then open at the first trigram, close at
    /// the last and count at least as many shared. Nil when what is known does not tell.
    static func wholeStretch(words: Int, shared: KnownTrigrams) -> (opening: Int, closing: Int)? {
        let trigrams = words &- edgeShingleSize &+ 1
        guard trigrams >= leastVerbatimTrigrams, shared.opens, shared.closes,
              Double(min(trigrams, shared.count)) >= verbatimTrigramShare * Double(trigrams) else { return nil }
        return (0, trigrams &- 1)
    }

    /// Whether sentences `range` of `profile` hold words enough for ``leastVerbatimTrigrams``
    /// trigrams, without which ``trimmedToVerbatim(_:_:in:trigrams:sharing:)`` leaves a span
    /// as it is.
    @inline(__always)
    static func isTrimmable(_ range: ClosedRange<Int>, _ profile: DocumentProfile) -> Bool {
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let upper = profile.sentences[range.upperBound].tokens.upperBound
        return upper - lower >= edgeShingleSize + leastVerbatimTrigrams - 1
    }

    /// Calls `body` with a mark per hash of `first` (non-zero where `second` holds that hash
    /// too) and a mark per hash of `second` (non-zero where `first` holds it).
    ///
    /// One open-addressing table (linear probing) takes both lists, a byte per slot saying
    /// which list holds its hash, and each position remembers its slot: the same marks as
    /// looking each hash up in a table of the other list's, from one table instead of two, and
    /// nothing to clear but the bytes.
    ///
    /// - Complexity: O(*m* + *n*) expected.
    static func sharedTrigrams<Result>(
        _ first: [UInt64], _ second: [UInt64],
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let total = first.count + second.count
        let capacity = HashSlots.capacity(for: total, maximumLoad: 1, 2)
        let mask = capacity - 1
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { keys in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { holders in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, total)) { slots in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, total)) { marks in
                        holders.initialize(repeating: 0)
                        // Bit 0: `first` holds the slot's hash; bit 1: `second` does.
                        func insert(_ hashes: [UInt64], bit: UInt8, from offset: Int) {
                            hashes.withUnsafeBufferPointer { hashes in
                                for index in hashes.indices {
                                    let hash = hashes[index]
                                    var slot = HashSlots.home(of: hash, mask: mask)
                                    while holders[slot] != 0 && keys[slot] != hash { slot = (slot &+ 1) & mask }
                                    keys[slot] = hash
                                    holders[slot] |= bit
                                    slots[offset &+ index] = Int32(truncatingIfNeeded: slot)
                                }
                            }
                        }
                        insert(first, bit: 1, from: 0)
                        insert(second, bit: 2, from: first.count)
                        for index in 0..<first.count { marks[index] = holders[Int(slots[index])] & 2 }
                        for index in first.count..<total { marks[index] = holders[Int(slots[index])] & 1 }
                        return body(
                            UnsafeBufferPointer(rebasing: marks[0..<first.count]),
                            UnsafeBufferPointer(rebasing: marks[first.count..<total]))
                    }
                }
            }
        }
    }

    static let edgeShingling = Shingling(unit: .words, size: edgeShingleSize, seed: 0x7E)

    /// `span`, one side (in `profile`, over sentences `range`) of a copy passage, trimmed to
    /// the words copied verbatim: from the first word that opens a word trigram the other
    /// side also holds (`other`) to the last word that closes one — when at least
    /// ``verbatimTrigramShare`` of the trigrams between them are shared and there are at
    /// least ``leastVerbatimTrigrams`` of them. Otherwise `span` unchanged. An end that falls
    /// within ``edgeSlack`` words of its sentence's edge keeps the sentence's edge.
    ///
    /// Passages are built from whole sentences, but copy is not always inserted at sentence
    /// boundaries: a copied paragraph glued after a page's own words, or a run-on "sentence"
    /// (a list, a keyword block) that holds a copy, would otherwise stretch the passage over
    /// prose nobody copied (PAN 2013 no obfuscation: 40 % of detections were more than 10 %
    /// longer on one side than the other, for verbatim copy).
    /// `trigrams` are ``edgeTrigrams(_:_:)`` of `range`.
    static func trimmedToVerbatim(
        _ span: TextSpan, _ range: ClosedRange<Int>, in profile: DocumentProfile,
        trigrams: [UInt64], sharing other: ShingleTable
    ) -> TextSpan {
        guard isTrimmable(range, profile) else { return span }
        let shared = trigrams.map { other.contains($0) ? 1 : 0 as UInt8 }
        guard let stretch = shared.withUnsafeBufferPointer(verbatimStretch) else { return span }
        return trimmed(span, range, in: profile, to: stretch)
    }

    /// The trigrams from the first one the other side also holds to the last, given a mark
    /// per trigram (non-zero where the other side holds it), when there are at least
    /// ``leastVerbatimTrigrams`` of them and ``verbatimTrigramShare`` of them are shared;
    /// otherwise nil.
    static func verbatimStretch(_ shared: UnsafeBufferPointer<UInt8>) -> (opening: Int, closing: Int)? {
        guard let opening = shared.firstIndex(where: { $0 != 0 }), let closing = shared.lastIndex(where: { $0 != 0 }),
              closing - opening + 1 >= leastVerbatimTrigrams else { return nil }
        var sharedCount = 0
        for index in opening...closing where shared[index] != 0 { sharedCount &+= 1 }
        guard Double(sharedCount) >= verbatimTrigramShare * Double(closing - opening + 1) else { return nil }
        return (opening, closing)
    }

    /// `span`, one side (over sentences `range` of `profile`) of a copy passage, trimmed to the
    /// words from trigram `stretch.opening` of `range` to trigram `stretch.closing`
    /// (``verbatimStretch(_:)``), ends within ``edgeSlack`` words of a sentence's edge kept there.
    static func trimmed(
        _ span: TextSpan, _ range: ClosedRange<Int>, in profile: DocumentProfile, to stretch: (opening: Int, closing: Int)
    ) -> TextSpan {
        let (opening, closing) = stretch
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let startToken = lower + opening, endToken = lower + closing + edgeShingleSize - 1
        let tokens = profile.text.tokens
        var start = Int(tokens[startToken].start), end = Int(tokens[endToken].end)
        for index in range {
            let sentenceTokens = profile.sentences[index].tokens
            guard !sentenceTokens.isEmpty else { continue }
            if sentenceTokens.contains(startToken), startToken - sentenceTokens.lowerBound < edgeSlack {
                start = profile.sentences[index].span.start
            }
            if sentenceTokens.contains(endToken), sentenceTokens.upperBound - 1 - endToken < edgeSlack {
                end = profile.sentences[index].span.end
            }
        }
        return TextSpan(start: max(span.start, start), end: min(span.end, end))
    }
}
