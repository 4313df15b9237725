import Testing
import SyndicationEngine
@testable import SyndicationScan

/// Edge growth (``PassageAligner/grownEdges(_:_:_:_:_:claimedA:claimedB:weights:)``) on
/// `Fixtures/alignment/edge-*`: a news item (`edge-source.txt`) and two other pages on it.
///
/// - `edge-translated.txt` carries four of its sentences the way a translation round trip
///   does: the middle two lightly reworded (they seed), the first and last reworded more (they
///   do not), between a sentence of its own at each end that shares a few words with the
///   source's neighbouring sentence (the quay; the lighthouse this year).
/// - `edge-one-seed.txt` is another report on the subject: it shares one sentence word for
///   word, and its sentences either side are on the same matters in other words.
@Suite struct EdgeGrowthTests {
    static func profile(_ name: String) throws -> DocumentProfile {
        let text = try AlignmentFixtureTests.text(name)
        return DocumentProfile(
            id: name, text: AnalyzedText(text), boilerplate: [],
            title: text.split(separator: "\n").first.map(String.init), shingleSize: ScanParameters().sentenceShingleSize)
    }

    /// The index of the sentence of `profile` that opens with `prefix`.
    static func sentence(_ profile: DocumentProfile, opening prefix: String) throws -> Int {
        try #require(profile.sentences.firstIndex { profile.text.text(of: $0.span).hasPrefix(prefix) })
    }

    /// The tf-isf word cosine of two sentences, with the pair's weights.
    static func cosine(_ a: DocumentProfile, _ i: Int, _ b: DocumentProfile, _ j: Int) -> Double {
        WordWeights(a, b).similarity(a.sentences[i].words, b.sentences[j].words).cosine
    }

    static let aligner = PairVerifier(parameters: ScanParameters()).aligner

    @Test func rewordedFirstAndLastSentencesOfTranslatedCopyJoinThePassage() throws {
        let copy = try AlignmentFixtureTests.copy("edge-translated.txt", "edge-source.txt")
        #expect(copy.count == 1)
        let passage = try #require(copy.first)
        #expect(passage.a.hasPrefix("On Tuesday night the port board gathered"))
        #expect(passage.a.hasSuffix("might drive out small family traders."))
        #expect(passage.b.hasPrefix("The harbour board met on Tuesday evening"))
        #expect(passage.b.hasSuffix("could price out small family businesses."))

        // The edge sentences are not seeds, so growth is what takes them in: they are alike
        // only at the lower bar.
        let a = try Self.profile("edge-translated.txt"), b = try Self.profile("edge-source.txt")
        let firstA = try Self.sentence(a, opening: "On Tuesday night"), firstB = try Self.sentence(b, opening: "The harbour board met")
        let lastA = try Self.sentence(a, opening: "Stallholders"), lastB = try Self.sentence(b, opening: "Traders who rent")
        let seeds = Self.aligner.seeds(a, b).map { [$0.first, $0.second] }
        #expect(seeds.contains([firstA + 1, firstB + 1]) && seeds.contains([lastA - 1, lastB - 1]))
        #expect(!seeds.contains([firstA, firstB]) && !seeds.contains([lastA, lastB]))
        for (i, j) in [(firstA, firstB), (lastA, lastB)] {
            let cosine = Self.cosine(a, i, b, j)
            #expect(cosine >= PassageAligner.edgeGrowthCosine && cosine < Self.aligner.wordCosineThreshold)
        }
    }

    @Test func anUnrelatedNeighbourThatSharesSomeWordsStaysOut() throws {
        let copy = try AlignmentFixtureTests.copy("edge-translated.txt", "edge-source.txt")
        #expect(copy.count == 1)
        #expect(!copy.contains { $0.a.contains("Ferry passengers") || $0.a.contains("lifeboat") })
        #expect(!copy.contains { $0.b.contains("Fishermen in Port Alder") || $0.b.contains("regatta") })

        // Each neighbour pair shares words, but fewer and commoner ones than growth asks for.
        let a = try Self.profile("edge-translated.txt"), b = try Self.profile("edge-source.txt")
        let pairs = [
            (try Self.sentence(a, opening: "Ferry passengers"), try Self.sentence(b, opening: "Fishermen in Port Alder")),
            (try Self.sentence(a, opening: "The lifeboat crew"), try Self.sentence(b, opening: "The regatta committee")),
        ]
        for (i, j) in pairs {
            #expect(SortedHashSet.intersectionCount(a.sentences[i].words, b.sentences[j].words) >= 3)
            #expect(Self.cosine(a, i, b, j) < PassageAligner.edgeGrowthCosine)
        }
    }

    @Test func aPassageOfOneSeededSentenceDoesNotGrow() throws {
        let a = try Self.profile("edge-one-seed.txt"), b = try Self.profile("edge-source.txt")
        let sharedA = try Self.sentence(a, opening: "Board members voted"), sharedB = try Self.sentence(b, opening: "Board members voted")
        #expect(Self.aligner.seeds(a, b).map { [$0.first, $0.second] } == [[sharedA, sharedB]])
        // Its neighbours on either side are alike enough to grow over, were it copy.
        #expect(Self.cosine(a, sharedA - 1, b, sharedB - 1) >= PassageAligner.edgeGrowthCosine)
        #expect(Self.cosine(a, sharedA + 1, b, sharedB + 1) >= PassageAligner.edgeGrowthCosine)

        let copy = Self.aligner.align(a, b).filter(\.kind.isCopy)
        #expect(copy.count == 1)
        #expect(copy.first?.a == a.sentences[sharedA].span)
        #expect(copy.first?.b == b.sentences[sharedB].span)
    }
}
