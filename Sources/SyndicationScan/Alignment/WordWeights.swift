import Foundation
import SyndicationEngine

/// Inverse sentence frequency of words over the sentences of two documents, for the tf-isf
/// cosine that Sanchez-Perez, Sidorov & Gelbukh (2014) seed their alignments with.
///
/// A word that stands in most sentences (`the`, `said`) weighs little; a name that stands in
/// two weighs much. Sentences are sets of words here (binary term frequency).
struct WordWeights {
    private var weights: [UInt64: Double] = [:]

    init(_ a: DocumentProfile, _ b: DocumentProfile) {
        var frequency: [UInt64: Int] = [:]
        var sentences = 0
        for profile in [a, b] {
            for sentence in profile.sentences where !sentence.isExcluded {
                sentences += 1
                for word in sentence.words { frequency[word, default: 0] += 1 }
            }
        }
        let total = Double(max(sentences, 1))
        for (word, count) in frequency { weights[word] = log(total / Double(count)) + 0.1 }
    }

    func weight(_ word: UInt64) -> Double { weights[word] ?? 0.1 }

    /// The tf-isf cosine and the weighted Dice coefficient of two sorted word sets.
    func similarity(_ left: [UInt64], _ right: [UInt64]) -> (cosine: Double, dice: Double) {
        var shared = 0.0, leftNorm = 0.0, rightNorm = 0.0, leftSum = 0.0, rightSum = 0.0
        var i = 0, j = 0
        while i < left.count || j < right.count {
            if j >= right.count || (i < left.count && left[i] < right[j]) {
                let w = weight(left[i]); leftNorm += w * w; leftSum += w; i += 1
            } else if i >= left.count || right[j] < left[i] {
                let w = weight(right[j]); rightNorm += w * w; rightSum += w; j += 1
            } else {
                let w = weight(left[i])
                shared += w * w; leftNorm += w * w; rightNorm += w * w
                leftSum += w; rightSum += w
                i += 1; j += 1
            }
        }
        guard leftNorm > 0, rightNorm > 0 else { return (0, 0) }
        // Weighted Dice over the same weights: twice the shared weight over both sums.
        var sharedSum = 0.0
        i = 0; j = 0
        while i < left.count && j < right.count {
            if left[i] == right[j] { sharedSum += weight(left[i]); i += 1; j += 1 }
            else if left[i] < right[j] { i += 1 } else { j += 1 }
        }
        return (shared / (leftNorm.squareRoot() * rightNorm.squareRoot()), 2 * sharedSum / (leftSum + rightSum))
    }
}

/// ``WordWeights`` built on first use: most sentence pairs are settled by character shingles,
/// and most document pairs never need word weights at all.
final class LazyWordWeights {
    private let a: DocumentProfile
    private let b: DocumentProfile
    private var built: WordWeights?

    init(_ a: DocumentProfile, _ b: DocumentProfile) {
        self.a = a
        self.b = b
    }

    var value: WordWeights {
        if let built { return built }
        let weights = WordWeights(a, b)
        built = weights
        return weights
    }
}
