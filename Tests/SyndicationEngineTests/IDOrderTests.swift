import Testing
import SyndicationEngine

/// ``IDOrder`` is a strict total order whose equality is `String`'s `==`, and it is byte
/// order on ASCII ids.
@Suite struct IDOrderTests {
    /// Ids of composed and decomposed accents, one a prefix of another's composition, case,
    /// digits, punctuation, other scripts and an empty id.
    static let ids = [
        "", "a", "ab", "a b", "a-b", "a_b", "B", "doc", "doc10", "doc2", "Doc3",
        "é", "e\u{301}", "éa", "e\u{301}a", "émile", "e\u{301}mil", "émil", "ée", "e\u{301}e",
        "ḉ", "c\u{327}\u{301}", "c\u{301}\u{327}", "Ω-1", "Ω", "日本", "z",
    ]

    @Test func exactlyOneOfLessGreaterOrEqualHolds() {
        for a in Self.ids {
            for b in Self.ids {
                let outcomes = [IDOrder.precedes(a, b), IDOrder.precedes(b, a), a == b]
                #expect(outcomes.filter { $0 }.count == 1, "\(Array(a.unicodeScalars)) vs \(Array(b.unicodeScalars))")
            }
        }
    }

    @Test func orderIsTransitive() {
        for a in Self.ids {
            for b in Self.ids where IDOrder.precedes(a, b) {
                for c in Self.ids where IDOrder.precedes(b, c) {
                    #expect(IDOrder.precedes(a, c), "\(a) < \(b) < \(c)")
                }
            }
        }
    }

    @Test func aDecomposedPrefixComesFirst() {
        #expect(IDOrder.precedes("e\u{301}", "éa"))
        #expect(IDOrder.precedes("e\u{301}mil", "émile"))
        #expect(!IDOrder.precedes("émile", "e\u{301}mil"))
        #expect(!IDOrder.precedes("é", "e\u{301}") && !IDOrder.precedes("e\u{301}", "é"))
    }

    @Test func asciiIdsAreInByteOrder() {
        let ascii = Self.ids.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for a in ascii {
            for b in ascii {
                #expect(IDOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8))
            }
        }
        #expect(IDOrder.key("doc10") == "doc10")
    }

    @Test func pairsOrderByFirstThenSecondId() {
        #expect(IDOrder.precedes(("a", "z"), ("b", "a")))
        #expect(IDOrder.precedes(("e\u{301}", "b"), ("é", "c")))
        #expect(!IDOrder.precedes(("é", "c"), ("e\u{301}", "c")))
    }
}
