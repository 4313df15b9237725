import Foundation
import Testing
@testable import SyndicationScan

@Suite struct CorpusDecodingTests {
    @Test func utf8WithoutProblems() {
        let decoded = DecodedText(decoding: Data("Grüße, 世界\n".utf8))
        #expect(decoded.text == "Grüße, 世界\n")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.problem == nil)
        #expect(!decoded.isBinary)
    }

    @Test func utf8ByteOrderMarkIsDropped() {
        let decoded = DecodedText(decoding: Data([0xEF, 0xBB, 0xBF] + Array("Hello".utf8)))
        #expect(decoded.text == "Hello")
        #expect(decoded.text.unicodeScalars.first == "H")
        #expect(decoded.problem == nil)
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) {
        let text = "Zürich — 𝄞 note"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let decoded = DecodedText(decoding: Data(bytes))
        #expect(decoded.text == text)
        #expect(decoded.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(decoded.problem == nil)
        #expect(!decoded.isBinary)
    }

    @Test func utf16WithoutByteOrderMarkIsRecognised() {
        let text = "Plain ASCII text in UTF-16LE without a mark.\n"
        let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = DecodedText(decoding: Data(bytes))
        #expect(decoded.text == text)
        #expect(decoded.encoding == .utf16LittleEndian)
        #expect(!decoded.isBinary)
    }

    @Test func invalidUTF8IsReplacedAndReported() {
        let bytes = Array("line one\nbad ".utf8) + [0xC3, 0x28] + Array(" byte\n".utf8)
        let decoded = DecodedText(decoding: Data(bytes))
        #expect(decoded.text == "line one\nbad \u{FFFD}( byte\n")
        #expect(decoded.problem?.contains("not valid UTF-8") == true)
        #expect(decoded.problemLine == 2)
        let (text, problem) = CorpusReader.decodeText(Data(bytes))
        #expect(text == decoded.text)
        #expect(problem == decoded.problem)
    }

    /// Each of these breaks a rule of Unicode table 3-7: overlong forms, surrogates, values
    /// past U+10FFFF, stray continuation bytes, truncated sequences.
    @Test(arguments: [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF],
    ] as [[UInt8]])
    func malformedSequencesAreFound(_ sequence: [UInt8]) {
        let bytes = Array("ok ".utf8) + sequence
        let offset = bytes.withUnsafeBufferPointer { DecodedText.firstInvalidUTF8Offset($0) }
        #expect(offset == 3)
    }

    @Test func wellFormedMultibyteSequencesPass() {
        let bytes = Array("€ 𝄞 ü \u{10FFFF} \u{D7FF} \u{E000}".utf8)
        let offset = bytes.withUnsafeBufferPointer { DecodedText.firstInvalidUTF8Offset($0) }
        #expect(offset == nil)
    }

    @Test func zeroBytesMakeABinaryFile() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
        let decoded = DecodedText(decoding: Data(bytes))
        #expect(decoded.isBinary)
        #expect(decoded.text.isEmpty)
        #expect(decoded.problem?.contains("binary") == true)
    }
}
