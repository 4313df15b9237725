import Foundation
import Testing
@testable import SyndicationScan

/// Found on the PAN 2013 corpus: eleven real text files carry one stray zero byte each. They
/// must be read (offsets counted through the U+0000), with a warning, not skipped as binary.
@Suite struct StrayZeroByteTests {
    @Test func aStrayZeroByteIsKeptAndReported() {
        let bytes = Array("today was \\".utf8) + [0] + Array(" . When speaking Korean, you use formal words.\n".utf8)
        let decoded = CorpusReader.decodeText(Data(bytes))
        #expect(decoded.text.unicodeScalars.count == bytes.count)
        #expect(decoded.text.unicodeScalars.contains("\u{0}"))
        #expect(decoded.problem?.contains("zero byte") == true)
    }

    @Test func manyZeroBytesAreBinary() {
        var bytes = [UInt8](repeating: 0x41, count: 1000)
        for index in stride(from: 0, to: 1000, by: 7) { bytes[index] = 0 }
        let decoded = CorpusReader.decodeText(Data(bytes))
        #expect(decoded.text.isEmpty)
        #expect(decoded.problem?.contains("binary") == true)
    }
}
