import Foundation
import Testing
@testable import SyndicationScan

/// ``WordWeights``' per-sentence cached weights give the cosine and Dice that looking each
/// word up gives, bit for bit, whichever side a sentence stands on and in whatever order the
/// sentences are first asked for (over ``AlignmentShortcutTests/profilePairs()``): the merge
/// over cached weights adds only the shared words' weights, and takes each side's sums from
/// its cache. Words read in place (``WordWeights/similarity(a:_:b:_:)`` of sentence pointers)
/// give the same figures; so do the shared weights summed through an index of the other
/// document's words (condensed-paragraph links) and the weights a window of sentences keeps
/// (window seeds).
@Suite struct SentenceWeightCacheTests {
    @Test func cachedSentenceWeightsEqualLookedUpWeights() throws {
        var compared = 0, nonZero = 0
        for (a, b) in try AlignmentShortcutTests.profilePairs() {
            let weights = WordWeights(a, b)
            // Backwards first, so that sentences are filled in out of order.
            for i in a.sentences.indices.reversed() {
                for j in b.sentences.indices where (i + j) % 3 == 0 {
                    let plain = weights.similarity(a.sentences[i].words, b.sentences[j].words)
                    let cached = weights.similarity(a: i, a.sentences[i].words, b: j, b.sentences[j].words)
                    #expect(plain.cosine.bitPattern == cached.cosine.bitPattern, "sentences \(i), \(j)")
                    #expect(plain.dice.bitPattern == cached.dice.bitPattern, "sentences \(i), \(j)")
                    // The sentences' words read in place, as seeding asks.
                    let inPlace = a.sentences.withUnsafeBufferPointer { sentencesA in
                        b.sentences.withUnsafeBufferPointer { sentencesB in
                            weights.similarity(a: i, sentencesA.baseAddress! + i, b: j, sentencesB.baseAddress! + j)
                        }
                    }
                    #expect(plain.cosine.bitPattern == inPlace.cosine.bitPattern, "sentences \(i), \(j)")
                    #expect(plain.dice.bitPattern == inPlace.dice.bitPattern, "sentences \(i), \(j)")
                    // The second document's sentence on the left, as condensed-paragraph links ask.
                    let swapped = weights.similarity(
                        b.sentences[j].words, weights.weightsOfB(sentence: j, b.sentences[j].words),
                        a.sentences[i].words, weights.weightsOfA(sentence: i, a.sentences[i].words))
                    let plainSwapped = weights.similarity(b.sentences[j].words, a.sentences[i].words)
                    #expect(plainSwapped.cosine.bitPattern == swapped.cosine.bitPattern)
                    #expect(plainSwapped.dice.bitPattern == swapped.dice.bitPattern)
                    compared += 1
                    if plain.cosine > 0 { nonZero += 1 }
                }
            }
            // Each word's own count, read beside it, is its count looked up, excluded
            // sentences' words too.
            for profile in [a, b] {
                let frequencies = SentenceWordFrequencies(profile)
                var place = 0
                for sentence in profile.sentences {
                    for word in sentence.words {
                        #expect(Int(frequencies.ownCounts[place]) == frequencies.count(of: word))
                        place += 1
                    }
                }
                #expect(place == frequencies.ownCounts.count)
            }
            // Each cached weight is the word's looked-up weight, and the cached sums are the
            // weights' sums in word order.
            for (index, sentence) in a.sentences.enumerated() {
                let cached = weights.weightsOfA(sentence: index, sentence.words)
                var squares = 0.0, sum = 0.0
                for (k, word) in sentence.words.enumerated() {
                    #expect(cached.weights[k] == weights.weight(word))
                    squares += cached.weights[k] * cached.weights[k]
                    sum += cached.weights[k]
                }
                #expect(cached.squares.bitPattern == squares.bitPattern)
                #expect(cached.sum.bitPattern == sum.bitPattern)
            }
        }
        #expect(compared > 1_000)
        #expect(nonZero > 100)
    }

    @Test func sharedWeightsThroughAWordIndexGiveTheMergesCosine() throws {
        var compared = 0, nonZero = 0
        for (a, b) in try AlignmentShortcutTests.profilePairs() {
            let weights = WordWeights(a, b)
            // Every other sentence of b indexed, as condensed-paragraph links index their targets.
            let targets = b.sentences.indices.filter { $0 % 2 == 0 }
            let postings = ShinglePostings(b, of: .words, sentences: targets)
            var shared = [Double](repeating: 0, count: b.sentences.count)
            for i in a.sentences.indices {
                let words = a.sentences[i].words
                let left = weights.weightsOfA(sentence: i, words)
                WordWeights.sharedWeights(words, left, in: postings, into: &shared)
                for j in b.sentences.indices {
                    guard targets.contains(j) else {
                        #expect(shared[j] == 0, "an unindexed sentence \(j) shares nothing")
                        continue
                    }
                    let right = weights.weightsOfB(sentence: j, b.sentences[j].words)
                    let plain = weights.similarity(words, b.sentences[j].words)
                    #expect(WordWeights.cosine(shared: shared[j], left, right).bitPattern == plain.cosine.bitPattern,
                            "sentences \(i), \(j)")
                    compared += 1
                    if plain.cosine > 0 { nonZero += 1 }
                }
            }
        }
        #expect(compared > 1_000)
        #expect(nonZero > 100)
    }

    @Test func windowsGiveTheMergesSimilarity() throws {
        var compared = 0, nonZero = 0
        for (a, b) in try AlignmentShortcutTests.profilePairs() {
            let weights = LazyWordWeights(a, b)
            let windowsA = a.sentences.indices.compactMap { SentenceWindow(a, start: $0, span: 2, weights: weights) }
            let windowsB = b.sentences.indices.compactMap { SentenceWindow(b, start: $0, span: 2, weights: weights) }
            for left in windowsA where left.isUnquoted {
                for right in windowsB where right.isUnquoted {
                    let plain = weights.value.similarity(left.words, right.words)
                    let kept = left.similarity(right, weights: weights)
                    #expect(kept.cosine.bitPattern == plain.cosine.bitPattern)
                    #expect(kept.dice.bitPattern == plain.dice.bitPattern)
                    compared += 1
                    if plain.cosine > 0 { nonZero += 1 }
                }
            }
            // A window's words are its sentences' words, each once, sorted.
            for start in a.sentences.indices {
                guard let window = SentenceWindow(a, start: start, span: 2, weights: weights) else { continue }
                let sentences = a.sentences[start..<min(a.sentences.count, start + 2)].prefix { !$0.isExcluded }
                #expect(window.words == Array(Set(sentences.flatMap(\.words))).sorted())
                #expect(window.wordCount == sentences.reduce(0) { $0 + $1.wordCount })
            }
        }
        #expect(compared > 1_000)
        #expect(nonZero > 100)
    }
}
