// libFuzzer target: passage alignment of two texts. The input splits at its first 0x00 byte
// (or in the middle) into two documents; the first line of each is its title; lines that
// both share are boilerplate, as a corpus scan would mark them.
import SyndicationEngine
@testable import SyndicationScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAligner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let cut = bytes.firstIndex(of: 0) ?? size / 2
    let first = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
    let second = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(size, cut + 1)...]), as: UTF8.self)
    let texts = [AnalyzedText(first), AnalyzedText(second)]
    let lineKeys = texts.map { BoilerplateDetector.lineKeys(of: $0) }
    let shared = Set(lineKeys[0].map(\.key)).intersection(lineKeys[1].map(\.key))
    let profiles = texts.indices.map { index in
        DocumentProfile(
            id: "d\(index)", text: texts[index],
            boilerplate: lineKeys[index].filter { shared.contains($0.key) }.map(\.span),
            title: CorpusReader.firstLine(of: index == 0 ? first : second), shingleSize: 5)
    }
    for profile in profiles {
        requireSpans(profile.sentences.map(\.span), within: profile.text.scalars.count, ordered: true, "profile sentence")
    }
    let passages = PassageAligner().align(profiles[0], profiles[1])
    for passage in passages {
        require(passage.a.start >= 0 && passage.a.start < passage.a.end && passage.a.end <= texts[0].scalars.count,
                "passage a \(passage.a) outside 0..<\(texts[0].scalars.count)")
        require(passage.b.start >= 0 && passage.b.start < passage.b.end && passage.b.end <= texts[1].scalars.count,
                "passage b \(passage.b) outside 0..<\(texts[1].scalars.count)")
        require(passage.similarity >= 0 && passage.similarity <= 1, "similarity \(passage.similarity)")
    }
    // The whole pair path a compare runs: boilerplate, verification, provenance.
    let documents = [Document(id: "a", title: nil, text: first, origin: "a"),
                     Document(id: "b", title: nil, text: second, origin: "b")]
    if let finding = CorpusScanner().compare(documents[0], documents[1]) {
        for passage in finding.passages {
            require(passage.a.end <= texts[0].scalars.count && passage.b.end <= texts[1].scalars.count
                    && passage.a.start <= passage.a.end && passage.b.start <= passage.b.end,
                    "finding passage \(passage.a) / \(passage.b) out of bounds")
        }
    }
    return 0
}
