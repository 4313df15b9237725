import Testing
@testable import SyndicationScan

/// The byte-by-byte fold of ASCII outlet names equals the fold by Unicode properties.
@Suite struct ProvenanceKeyTests {
    /// Every ASCII code point alone, and between letters.
    @Test func everyASCIICodePoint() {
        for value in 0..<128 {
            let character = String(Character(Unicode.Scalar(UInt8(value))))
            for name in [character, "A\(character)b", "\(character)\(character)9"] {
                #expect(ProvenanceResolver.key(name) == ProvenanceResolver.generalKey(name), "\(value)")
            }
        }
    }

    /// Generated names: ASCII of every kind, and names with code points outside ASCII
    /// (which take the general path).
    @Test func generatedNames() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Prairie", " ", "News", "AP", "-", "Reuters", "0", "9", ".", "’", "É", "é", "ß", "Ⅻ", "٣", "\t", "&", "_"]
        for _ in 0..<2_000 {
            let name = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ProvenanceResolver.key(name) == ProvenanceResolver.generalKey(name), "\(name)")
        }
    }

    @Test func examples() {
        #expect(ProvenanceResolver.key("The Prairie News (AP) 24") == "theprairienewsap24")
        #expect(ProvenanceResolver.key("") == "")
        #expect(ProvenanceResolver.key("Agence France-Presse") == "agencefrancepresse")
    }
}
