import Foundation
import Testing
@testable import SyndicationScan

/// ``WordWeights``' per-sentence cached weights give the cosine and Dice that looking each
/// word up gives, bit for bit, whichever side a sentence stands on and in whatever order the
/// sentences are first asked for (over ``AlignmentShortcutTests/profilePairs()``): the merge
/// over cached weights adds only the shared words' weights, and takes each side's sums from
/// its cache. Words read in place (``WordWeights/similarity(a:_:b:_:)`` of sentence pointers)
/// give the same figures.
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
}
