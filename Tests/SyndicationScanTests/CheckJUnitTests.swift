import Testing
@testable import SyndicationScan

/// JUnit XML for check results.
@Suite struct CheckJUnitTests {
    @Test func oneTestcasePerCheckWithEscapedFailures() {
        let xml = JUnitReport.render([
            CheckCase(name: "a ~ b: relation edited"),
            CheckCase(name: "x & <y>", failure: "expected \"quotes\" ≥ 0.5\nbut 'none'"),
        ])
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="syndetect check" tests="2" failures="1" errors="0">
              <testsuite name="syndetect check" tests="2" failures="1" errors="0" skipped="0">
                <testcase classname="syndetect check" name="a ~ b: relation edited"/>
                <testcase classname="syndetect check" name="x &amp; &lt;y&gt;">
                  <failure message="expected &quot;quotes&quot; ≥ 0.5" type="expectation">expected "quotes" ≥ 0.5
            but 'none'</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func charactersXMLCannotCarryAreReplaced() {
        #expect(JUnitReport.escaped("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(JUnitReport.escaped("line\nnext\ttab") == "line&#10;next&#9;tab")
        #expect(JUnitReport.escaped("line\nnext\ttab", inAttribute: false) == "line\nnext\ttab")
        #expect(JUnitReport.escaped("]]> & 'x'", inAttribute: false) == "]]&gt; &amp; 'x'")
    }
}
