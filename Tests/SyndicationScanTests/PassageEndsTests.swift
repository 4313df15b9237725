import Foundation
import Testing
import TestSupport
import SyndicationEngine
@testable import SyndicationScan

/// Trimming a copy passage from the words its two sides open and close with alike
/// (``PassageAligner/commonEnds(_:_:_:_:)``) and from its sentences repeated word for word
/// (``PassageAligner/twinTrigrams(_:_:_:_:twinsOf:)``), without hashing
/// (``PassageAligner/wholeStretch(words:shared:)``), gives what hashing every trigram gives: over
/// fixture texts and copies of them with a line put in, a word changed, lines of their own
/// around them or lines shuffled, for whole documents and random ranges.
@Suite struct PassageEndsTests {
    /// Each fixture text with copies changed the way syndicated copies are.
    static func pairs() throws -> [(DocumentProfile, DocumentProfile)] {
        let texts = try ShingleIndexAlignmentTests.fixtureTexts()
        var generator = SeededGenerator(state: 31)
        var pairs: [(DocumentProfile, DocumentProfile)] = []
        for text in texts {
            var lines = text.components(separatedBy: "\n")
            let middle = lines.count / 2
            var inserted = lines
            inserted.insert("Advertisement: subscribe to our newsletter for the stories that matter.", at: middle)
            var edited = lines
            if var words = Optional(edited[middle].split(separator: " ").map(String.init)), !words.isEmpty {
                words[Int.random(in: 0..<words.count, using: &generator)] = "meanwhile"
                edited[middle] = words.joined(separator: " ")
            }
            lines.insert("Our correspondent filed this report.", at: 0)
            // Lines shuffled, one of them put in twice.
            var shuffled = ShingleIndexAlignmentTests.variant(of: text, kind: 3, using: &generator).components(separatedBy: "\n")
            if let line = shuffled.first { shuffled.append(line) }
            let a = ShingleIndexAlignmentTests.profile(text, id: "a", boilerplate: false)
            for copy in [inserted, edited, lines, shuffled] {
                pairs.append((a, ShingleIndexAlignmentTests.profile(copy.joined(separator: "\n"), id: "b", boilerplate: false)))
            }
        }
        return pairs
    }

    @Test func bytesAlikeAreCountedFromEitherEnd() {
        var generator = SeededGenerator(state: 37)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let left = (0..<count).map { _ in UInt8.random(in: 0...3, using: &generator) }
            var right = left
            if count > 0 && Bool.random(using: &generator) {
                right[Int.random(in: 0..<count, using: &generator)] = 9
            }
            let opening = zip(left, right).prefix { $0 == $1 }.count
            let closing = zip(left.reversed(), right.reversed()).prefix { $0 == $1 }.count
            left.withUnsafeBytes { l in
                right.withUnsafeBytes { r in
                    #expect(PassageAligner.sameOpeningBytes(l.baseAddress!, r.baseAddress!, count: count) == opening)
                    #expect(PassageAligner.sameClosingBytes(l.baseAddress! + count, r.baseAddress! + count, count: count) == closing)
                }
            }
        }
    }

    /// ``PassageAligner/commonEnds(_:_:_:_:)`` as it was first written: the words placed
    /// alike, then the bytes alike over them, then the words within those bytes.
    static func plainCommonEnds(
        _ range: ClosedRange<Int>, _ profile: DocumentProfile, _ otherRange: ClosedRange<Int>, _ other: DocumentProfile
    ) -> (opening: Int, closing: Int) {
        let lower = profile.sentences[range.lowerBound].tokens.lowerBound
        let otherLower = other.sentences[otherRange.lowerBound].tokens.lowerBound
        let count = PassageAligner.wordCount(range, profile), otherCount = PassageAligner.wordCount(otherRange, other)
        let limit = min(count, otherCount)
        guard limit > 0 else { return (0, 0) }
        return profile.text.tokens.withUnsafeBufferPointer { tokens in
            other.text.tokens.withUnsafeBufferPointer { otherTokens in
                profile.text.folded.withUnsafeBytes { bytes in
                    other.text.folded.withUnsafeBytes { otherBytes in
                        // Opening: words at the same offsets from the first word's start...
                        let base = Int(tokens[lower].foldedStart), otherBase = Int(otherTokens[otherLower].foldedStart)
                        var placed = 0
                        while placed < limit {
                            let token = tokens[lower &+ placed], otherToken = otherTokens[otherLower &+ placed]
                            guard Int(token.foldedStart) &- base == Int(otherToken.foldedStart) &- otherBase,
                                  Int(token.foldedEnd) &- base == Int(otherToken.foldedEnd) &- otherBase else { break }
                            placed &+= 1
                        }
                        // ...that end within the bytes the two sides open with alike.
                        var opening = 0
                        if placed > 0 {
                            let same = PassageAligner.sameOpeningBytes(
                                bytes.baseAddress! + base, otherBytes.baseAddress! + otherBase,
                                count: Int(tokens[lower &+ placed &- 1].foldedEnd) &- base)
                            while opening < placed && Int(tokens[lower &+ opening].foldedEnd) &- base <= same { opening &+= 1 }
                        }
                        // Closing: likewise from the last word's end.
                        let upper = lower &+ count &- 1, otherUpper = otherLower &+ otherCount &- 1
                        let top = Int(tokens[upper].foldedEnd), otherTop = Int(otherTokens[otherUpper].foldedEnd)
                        placed = 0
                        while placed < limit {
                            let token = tokens[upper &- placed], otherToken = otherTokens[otherUpper &- placed]
                            guard top &- Int(token.foldedStart) == otherTop &- Int(otherToken.foldedStart),
                                  top &- Int(token.foldedEnd) == otherTop &- Int(otherToken.foldedEnd) else { break }
                            placed &+= 1
                        }
                        var closing = 0
                        if placed > 0 {
                            let same = PassageAligner.sameClosingBytes(
                                bytes.baseAddress! + top, otherBytes.baseAddress! + otherTop,
                                count: top &- Int(tokens[upper &- placed &+ 1].foldedStart))
                            while closing < placed && top &- Int(tokens[upper &- closing].foldedStart) <= same { closing &+= 1 }
                        }
                        return (opening, closing)
                    }
                }
            }
        }
    }

    @Test func trimmingFromCommonEndsEqualsHashingEveryTrigram() throws {
        var generator = SeededGenerator(state: 41)
        var checked = 0, unhashed = 0, hashed = 0, twinned = 0, partialEnds = 0
        for (a, b) in try Self.pairs() where !a.sentences.isEmpty && !b.sentences.isEmpty {
            for round in 0..<4 {
                let rangeA = round == 0 ? 0...(a.sentences.count - 1) : a.randomSentenceRange(using: &generator)
                let rangeB = round == 0 ? 0...(b.sentences.count - 1) : b.randomSentenceRange(using: &generator)
                guard a.sentences[rangeA.lowerBound].tokens.lowerBound <= a.sentences[rangeA.upperBound].tokens.upperBound,
                      b.sentences[rangeB.lowerBound].tokens.lowerBound <= b.sentences[rangeB.upperBound].tokens.upperBound,
                      PassageAligner.wordCount(rangeA, a) > 0, PassageAligner.wordCount(rangeB, b) > 0 else { continue }
                let spanA = a.sentences[rangeA.lowerBound].span.union(a.sentences[rangeA.upperBound].span)
                let spanB = b.sentences[rangeB.lowerBound].span.union(b.sentences[rangeB.upperBound].span)
                let trigramsA = PassageAligner.edgeTrigrams(rangeA, a), trigramsB = PassageAligner.edgeTrigrams(rangeB, b)
                let tableA = ShingleTable(trigramsA), tableB = ShingleTable(trigramsB)
                let expected = (
                    PassageAligner.trimmedToVerbatim(spanA, rangeA, in: a, trigrams: trigramsA, sharing: tableB),
                    PassageAligner.trimmedToVerbatim(spanB, rangeB, in: b, trigrams: trigramsB, sharing: tableA))
                let found = PassageAligner.trimmedToVerbatim(spanA, rangeA, in: a, spanB, rangeB, in: b)
                #expect(found.0 == expected.0 && found.1 == expected.1)
                let twins = SentenceTwins(a, b)
                let throughTwins = PassageAligner.trimmedToVerbatim(spanA, rangeA, in: a, spanB, rangeB, in: b, twins: twins)
                #expect(throughTwins.0 == expected.0 && throughTwins.1 == expected.1)
                // Where the ends tell, the marks agree with them.
                let ends = PassageAligner.commonEnds(rangeA, a, rangeB, b)
                let plainEnds = Self.plainCommonEnds(rangeA, a, rangeB, b)
                #expect(ends.opening == plainEnds.opening && ends.closing == plainEnds.closing)
                let reversedEnds = PassageAligner.commonEnds(rangeB, b, rangeA, a)
                #expect(reversedEnds.opening == plainEnds.opening && reversedEnds.closing == plainEnds.closing)
                if plainEnds.opening > 0 && plainEnds.opening < PassageAligner.wordCount(rangeA, a) { partialEnds += 1 }
                let sides = [(rangeA, a, trigramsA, tableB, rangeB, b, twins.ofA), (rangeB, b, trigramsB, tableA, rangeA, a, twins.ofB)]
                for (range, profile, trigrams, table, otherRange, other, twinsOf) in sides {
                    let marks = trigrams.map { table.contains($0) ? 1 : 0 as UInt8 }
                    // What is known of the marks holds of them.
                    let words = PassageAligner.wordCount(range, profile)
                    let byEnds = PassageAligner.endTrigrams(words: words, ends: ends)
                    let byTwins = PassageAligner.twinTrigrams(range, profile, otherRange, other, twinsOf: twinsOf)
                    for known in [byEnds, byTwins] {
                        #expect(known.count <= marks.filter { $0 != 0 }.count)
                        #expect(!known.opens || marks.first == 1)
                        #expect(!known.closes || marks.last == 1)
                    }
                    guard PassageAligner.isTrimmable(range, profile) else { continue }
                    let stretch = marks.withUnsafeBufferPointer(PassageAligner.verbatimStretch)
                    if let whole = PassageAligner.wholeStretch(words: words, shared: byEnds.merged(with: byTwins)) {
                        #expect(stretch.map { [$0.opening, $0.closing] } == [whole.opening, whole.closing])
                        if !PassageAligner.haveSameWords(rangeA, a, rangeB, b) { unhashed += 1 }
                        if PassageAligner.wholeStretch(words: words, shared: byEnds) == nil { twinned += 1 }
                    } else {
                        hashed += 1
                    }
                }
                checked += 1
            }
        }
        #expect(checked > 300)
        // Both ways are compared: sides trimmed from their ends though their words differ
        // somewhere between, and sides whose trigrams are hashed.
        #expect(unhashed > 50)
        #expect(hashed > 50)
        // Some only through their sentences' twins (shuffled copy).
        #expect(twinned > 20)
        // Ends compared where the sides part somewhere between.
        #expect(partialEnds > 20)
    }
}
