import Foundation
import Testing
import SyndicationEngine
@testable import SyndicationScan

@Test func zzDebugPAN() throws {
    guard let a = ProcessInfo.processInfo.environment["DBG_A"], let b = ProcessInfo.processInfo.environment["DBG_B"] else { return }
    let ta = AnalyzedText(try String(contentsOfFile: a, encoding: .utf8)), tb = AnalyzedText(try String(contentsOfFile: b, encoding: .utf8))
    let pa = DocumentProfile(id: "a", text: ta, boilerplate: [], title: nil, shingleSize: 5)
    let pb = DocumentProfile(id: "b", text: tb, boilerplate: [], title: nil, shingleSize: 5)
    let lo = Int(ProcessInfo.processInfo.environment["DBG_LO"] ?? "0")!, hi = Int(ProcessInfo.processInfo.environment["DBG_HI"] ?? "999999")!
    for (i, s) in pa.sentences.enumerated() where s.span.end > lo && s.span.start < hi {
        print("A", i, s.span, s.isExcluded ? "X" : "-", ta.text(of: s.span).prefix(70).replacingOccurrences(of: "\n", with: "/"))
    }
    for s in PassageAligner().seeds(pa, pb) where pa.sentences[s.first].span.end > lo && pa.sentences[s.first].span.start < hi {
        print("seed", s.first, s.second, s.similarity, s.isProse, pb.sentences[s.second].span, tb.text(of: pb.sentences[s.second].span).prefix(50).replacingOccurrences(of: "\n", with: "/"))
    }
    for p in PassageAligner().align(pa, pb) where p.a.end > lo && p.a.start < hi { print(p) }
}
