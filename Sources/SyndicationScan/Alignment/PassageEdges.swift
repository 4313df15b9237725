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
        _ otherSpan: TextSpan, _ otherRange: ClosedRange<Int>, in other: DocumentProfile
    ) -> (TextSpan, TextSpan) {
        let trims = isTrimmable(range, profile), otherTrims = isTrimmable(otherRange, other)
        guard trims || otherTrims else { return (span, otherSpan) }
        if haveSameWords(range, profile, otherRange, other) {
            // Every trigram of each side is the other's: the stretch is all of them, on both sides.
            let whole = (opening: 0, closing: wordCount(range, profile) - edgeShingleSize)
            return (trimmed(span, range, in: profile, to: whole), trimmed(otherSpan, otherRange, in: other, to: whole))
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
    /// same place, so every trigram of each side is the other's, whatever the hashes, and
    /// nothing needs hashing. Verbatim copy is mostly such passages.
    ///
    /// - Complexity: O(words + folded bytes) of the two sides, at most.
    static func haveSameWords(
        _ range: ClosedRange<Int>, _ profile: DocumentProfile, _ otherRange: ClosedRange<Int>, _ other: DocumentProfile
    ) -> Bool {
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let otherLower = other.sentences[otherRange.lowerBound].tokens.lowerBound
        let count = wordCount(range, profile)
        guard count > 0, count == wordCount(otherRange, other) else { return false }
        return profile.text.tokens.withUnsafeBufferPointer { tokens in
            other.text.tokens.withUnsafeBufferPointer { otherTokens in
                // Each word at the same folded offsets from the first word's start...
                let base = tokens[lower].foldedStart, otherBase = otherTokens[otherLower].foldedStart
                for index in 0..<count {
                    let token = tokens[lower &+ index], otherToken = otherTokens[otherLower &+ index]
                    guard token.foldedStart &- base == otherToken.foldedStart &- otherBase,
                          token.foldedEnd &- base == otherToken.foldedEnd &- otherBase else { return false }
                }
                // ...and the same folded bytes from there to the last word's end.
                let length = Int(tokens[lower &+ count &- 1].foldedEnd &- base)
                return profile.text.folded.withUnsafeBytes { bytes in
                    other.text.folded.withUnsafeBytes { otherBytes in
                        let left = bytes.baseAddress! + Int(base), right = otherBytes.baseAddress! + Int(otherBase)
                        var offset = 0
                        while offset &+ 8 <= length {
                            guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                                == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                            offset &+= 8
                        }
                        while offset < length {
                            guard left.load(fromByteOffset: offset, as: UInt8.self)
                                == right.load(fromByteOffset: offset, as: UInt8.self) else { return false }
                            offset &+= 1
                        }
                        return true
                    }
                }
            }
        }
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
        var capacity = 16
        while capacity < 2 * total { capacity <<= 1 }
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
                                    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
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
