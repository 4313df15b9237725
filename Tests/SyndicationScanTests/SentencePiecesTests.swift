import Testing
import SyndicationEngine
@testable import SyndicationScan

/// `SentencePieces`: an over-long sentence aligns as sentence-sized pieces, so copy inside a
/// run-on line is found and bounded (`Fixtures/alignment/run-on-*.txt`).
@Suite struct SentencePiecesTests {
    static func profile(_ name: String, maximumSentenceWords: Int = SentencePieces.maximumWords) throws -> DocumentProfile {
        let text = try AlignmentFixtureTests.text(name)
        return DocumentProfile(
            id: name, text: AnalyzedText(text), boilerplate: [],
            title: text.split(separator: "\n").first.map(String.init), shingleSize: 5,
            maximumSentenceWords: maximumSentenceWords)
    }

    @Test func onlySentencesOverTheLimitAreCut() throws {
        let text = AnalyzedText(try AlignmentFixtureTests.text("run-on-copy.txt"))
        let line = try #require(text.sentences.last)
        let tokens = text.tokenRange(in: line)
        #expect(tokens.count > SentencePieces.maximumWords)
        let pieces = SentencePieces.pieces(of: line, tokens: tokens, in: text)
        // About 145 words: seven pieces of about 20 words that cover the line in order.
        #expect(pieces.count == (tokens.count + SentencePieces.pieceWords / 2) / SentencePieces.pieceWords)
        #expect(pieces.first?.span.start == line.start && pieces.last?.span.end == line.end)
        #expect(pieces.first?.tokens.lowerBound == tokens.lowerBound && pieces.last?.tokens.upperBound == tokens.upperBound)
        for (piece, next) in zip(pieces, pieces.dropFirst()) {
            #expect(piece.tokens.upperBound == next.tokens.lowerBound)
            #expect(piece.span.end <= next.span.start)
        }
        #expect(pieces.allSatisfy { abs($0.tokens.count - SentencePieces.pieceWords) <= SentencePieces.pieceWords / 2 })
        // A sentence at the limit stays whole.
        let heading = try #require(text.sentences.first)
        #expect(SentencePieces.pieces(of: line, tokens: tokens, in: text, maximumWords: tokens.count).count == 1)
        #expect(SentencePieces.pieces(of: heading, tokens: text.tokenRange(in: heading), in: text).count == 1)
    }

    @Test func aCutPrefersClausePunctuationNearTheEvenPoint() {
        // 42 words; the even cut falls before word 21, a comma stands after word 18.
        let words = (1...42).map { "w\($0)" + ($0 == 18 ? "," : "") }
        let text = AnalyzedText(words.joined(separator: " ") + ".")
        let sentence = text.sentences[0]
        let pieces = SentencePieces.pieces(of: sentence, tokens: text.tokenRange(in: sentence), in: text)
        #expect(pieces.count == 2)
        #expect(pieces.first.map { text.text(of: $0.span) }?.hasSuffix("w18") == true)
        #expect(pieces.last.map { text.text(of: $0.span) }?.hasPrefix("w19") == true)
    }

    /// Lightly edited copy inside a run-on line: the passage is the line's copied part, not
    /// the whole line.
    @Test func copyInsideARunOnLineIsBoundedByItsPieces() throws {
        let copy = try AlignmentFixtureTests.copy("run-on-source.txt", "run-on-copy.txt")
        #expect(copy.count == 1)
        let passage = try #require(copy.first)
        #expect(passage.a.hasPrefix("The trust plans to reopen") && passage.a.hasSuffix("winter floods."))
        #expect(passage.b.contains("six locks to narrowboats") && passage.b.contains("winter floods"))
        #expect(!passage.b.contains("our club walked") && !passage.b.contains("late bus home"))
        // Whole, the line is one sentence and the passage is all of it.
        let source = try Self.profile("run-on-source.txt", maximumSentenceWords: .max)
        let line = try Self.profile("run-on-copy.txt", maximumSentenceWords: .max)
        let whole = PassageAligner().align(source, line).filter(\.kind.isCopy)
        #expect(whole.count == 1)
        #expect(whole.first?.b == line.sentences.last?.span)
    }

    /// Reworded copy inside a run-on line: whole, the line's other words fail the word-Dice
    /// test; in pieces, the copied part aligns.
    @Test func rewordedCopyInsideARunOnLineIsFoundInPieces() throws {
        let finding = try #require(try AlignmentFixtureTests.compare("run-on-source.txt", "run-on-reworded.txt"))
        #expect(finding.relation.isReuse)
        let copy = try AlignmentFixtureTests.copy("run-on-source.txt", "run-on-reworded.txt")
        #expect(copy.count == 1)
        #expect(copy.first.map { $0.b.contains("six locks again") && !$0.b.contains("our club walked") } == true)
        let source = try Self.profile("run-on-source.txt", maximumSentenceWords: .max)
        let line = try Self.profile("run-on-reworded.txt", maximumSentenceWords: .max)
        #expect(!PassageAligner().align(source, line).contains { $0.kind.isCopy })
    }
}
