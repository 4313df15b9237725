import Testing
@testable import SyndicationReport

/// Escaping for Mermaid labels and Markdown table cells.
@Suite struct MarkupEscapingTests {
    @Test(arguments: [
        ("plain words 12, ok.", "plain words 12, ok."),
        ("a\"]; click m1 href \"javascript:x\"", "a#34;#93;#59; click m1 href #34;javascript#58;x#34;"),
        ("<script>|`#", "#60;script#62;#124;#96;#35;"),
        ("line\nbreak", "line#10;break"),
        ("Zürich · 東京", "Zürich #183; 東京"),
        ("%%{init}%%", "%%#123;init#125;%%"),
    ])
    func mermaidLabels(_ input: String, _ expected: String) {
        #expect(MermaidText.escape(input) == expected)
    }

    @Test func mermaidLabelIsQuotedWithOurLineBreaks() {
        #expect(MermaidText.label(["a<b", "c"]) == "\"a#60;b<br>c\"")
    }

    @Test func markdownInlineKeepsSpacesAndEscapesEverything() {
        #expect(MarkdownText.inline("  # not a heading | <b>x</b> *y* [z](javascript:1)\nnext")
            == "  # not a heading \\| &lt;b&gt;x&lt;/b&gt; \\*y\\* \\[z\\](javascript:1)<br>next")
        #expect(MarkdownText.inline("a\r\nb\rc") == "a<br>b<br>c")
        #expect(MarkdownText.inline("tab\there\u{7}") == "tab here\u{FFFD}")
    }
}
