// Times raw text → MinHash-128 signatures with DocumentSketcher on a JSONL corpus (`id`, `text`
// per line), the way the peers harness (bench_peers.py) times signature building: the texts are
// in memory first, then the clock runs over every document. Prints one JSON object on stdout.
//
//   sketch-bench CORPUS.jsonl [--runs 5] [--threads 1] [--check 2000] [--general 2000]
//
// --runs      timed passes over the corpus (the median is reported)
// --threads   documents split over this many threads (1: the per-core rate)
// --check     documents whose signature is compared with the general path (AnalyzedText →
//             Shingling.hashes → SortedHashSet → MinHasher); any difference fails the run
// --general   documents timed on the general path, for the speed-up over it
import Dispatch
import Foundation
import SyndicationEngine

struct Options {
    var corpus = ""
    var runs = 5
    var threads = 1
    var check = 2000
    var general = 2000

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            func number() -> Int {
                guard let value = rest.popFirst().flatMap(Int.init), value >= 0 else { usage("\(argument) needs a number") }
                return value
            }
            switch argument {
            case "--runs": runs = max(1, number())
            case "--threads": threads = max(1, number())
            case "--check": check = number()
            case "--general": general = number()
            case "-h", "--help": usage(nil)
            default:
                if argument.hasPrefix("-") || !corpus.isEmpty { usage("unexpected argument \(argument)") }
                corpus = argument
            }
        }
        if corpus.isEmpty { usage("a corpus is required") }
    }
}

func usage(_ problem: String?) -> Never {
    if let problem { FileHandle.standardError.write(Data("sketch-bench: \(problem)\n".utf8)) }
    FileHandle.standardError.write(Data(
        "usage: sketch-bench CORPUS.jsonl [--runs N] [--threads N] [--check N] [--general N]\n".utf8))
    exit(problem == nil ? 0 : 64)
}

/// Every document's UTF-8 bytes, back to back, with their offsets: what a streaming reader
/// hands the sketcher.
struct Corpus {
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    var count: Int { offsets.count - 1 }

    init(jsonLines path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { usage("cannot read \(path)") }
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String
            else { usage("\(path):\(lineNumber): not a JSON object with a \"text\" string") }
            bytes += text.utf8
            offsets.append(bytes.count)
        }
    }
}

/// Seconds of CPU time this thread has used.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let options = Options(CommandLine.arguments)
let corpus = Corpus(jsonLines: options.corpus)
// The parameters of a default `syndetect scan`: one-permutation MinHash-128 of word 5-shingles.
let parameters = MinHashParameters(permutationCount: 128, seed: 0x5EED, scheme: .onePermutation, shingling: .words5)
let sketcher = DocumentSketcher(parameters: parameters)
let k = parameters.permutationCount
nonisolated(unsafe) var matrix = [UInt64](repeating: 0, count: corpus.count * k)

// Equality with the general path on a sample, before anything is timed.
let checked = min(options.check, corpus.count)
var mismatches = 0
let hasher = MinHasher(parameters: parameters)
corpus.bytes.withUnsafeBytes { all in
    for index in 0..<checked {
        let document = UnsafeRawBufferPointer(rebasing: all[corpus.offsets[index]..<corpus.offsets[index + 1]])
        let text = AnalyzedText(String(decoding: document, as: UTF8.self))
        let expected = hasher.signature(of: SortedHashSet.make(parameters.shingling.hashes(of: text)))
        if sketcher.signature(utf8: document) != expected { mismatches += 1 }
    }
}
if mismatches > 0 {
    FileHandle.standardError.write(Data("sketch-bench: \(mismatches) of \(checked) signatures differ from the general path\n".utf8))
    exit(1)
}

/// One timed pass: every document's signature into its row of `matrix`.
func pass() -> (wall: Double, cpu: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let threads = options.threads
    let cpu = corpus.bytes.withUnsafeBytes { all in
        matrix.withUnsafeMutableBufferPointer { rows in
            let perThread = UnsafeMutableBufferPointer<Double>.allocate(capacity: threads)
            defer { perThread.deallocate() }
            nonisolated(unsafe) let rows = rows
            nonisolated(unsafe) let all = all
            nonisolated(unsafe) let perThreadCPU = perThread
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let cpuStart = threadCPUSeconds()
                var index = thread
                while index < corpus.count {
                    let document = UnsafeRawBufferPointer(rebasing: all[corpus.offsets[index]..<corpus.offsets[index + 1]])
                    _ = sketcher.fillSignature(utf8: document, into: UnsafeMutableBufferPointer(rebasing: rows[(index * k)..<((index + 1) * k)]))
                    index += threads
                }
                perThreadCPU[thread] = threadCPUSeconds() - cpuStart
            }
            return perThread.reduce(0, +)
        }
    }
    return (seconds(clock.now - start), cpu)
}

_ = pass()  // warm-up: page in the corpus and the matrix
var walls: [Double] = []
var cpus: [Double] = []
for _ in 0..<options.runs {
    let (wall, cpu) = pass()
    walls.append(wall)
    cpus.append(cpu)
}

// The general path on a prefix, for the speed-up.
let generalCount = min(options.general, corpus.count)
var generalSeconds = 0.0
if generalCount > 0 {
    let clock = ContinuousClock()
    let start = clock.now
    var sink: UInt64 = 0
    corpus.bytes.withUnsafeBytes { all in
        for index in 0..<generalCount {
            let document = UnsafeRawBufferPointer(rebasing: all[corpus.offsets[index]..<corpus.offsets[index + 1]])
            let text = AnalyzedText(String(decoding: document, as: UTF8.self))
            sink ^= hasher.signature(of: SortedHashSet.make(parameters.shingling.hashes(of: text))).values[0]
        }
    }
    generalSeconds = seconds(clock.now - start)
    if sink == 42 { print("") }  // keeps the work observable
}

let wall = median(walls)
let megabytes = Double(corpus.bytes.count) / 1e6
let result: [String: Any] = [
    "docs": corpus.count,
    "bytes": corpus.bytes.count,
    "threads": options.threads,
    "runs": options.runs,
    "wall_s": walls,
    "cpu_s": cpus,
    "median_wall_s": wall,
    "docs_per_s": Double(corpus.count) / wall,
    "mb_per_s": megabytes / wall,
    "docs_per_cpu_s": Double(corpus.count) / median(cpus),
    "checked_equal_to_general_path": checked,
    "general_path_docs": generalCount,
    "general_path_docs_per_s": generalCount > 0 ? Double(generalCount) / generalSeconds : 0,
    "parameters": parameters.description,
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
