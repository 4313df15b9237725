import Foundation
import Synchronization
import SyndicationScan

/// A one-line progress display on standard error for long scans: the stage, documents read,
/// candidates, pairs verified, rate and time left. Redrawn at most ten times a second, and
/// only when standard error is a terminal.
final class ProgressBar: Sendable {
    private struct State {
        var stage = ""
        var stageStart = Date()
        var lastDraw = Date.distantPast
        var documents = 0
        var candidates = 0
        var drawn = false
    }

    private let state = Mutex(State())
    private let start = Date()

    /// A bar that draws when standard error is a terminal and `quiet` is false; nil otherwise.
    static func make(quiet: Bool) -> ProgressBar? {
        !quiet && isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
    }

    /// Takes one progress report.
    func update(_ progress: ScanProgress) {
        state.withLock { state in
            let now = Date()
            var force = false
            var line: String
            switch progress {
            case .reading(let documents):
                state.documents = documents
                line = "reading     \(Self.count(documents)) documents" + Self.rate(documents, since: start, now: now)
            case .sketching(let done, let total):
                force = Self.enter("sketching", &state, now)
                line = "sketching   " + Self.bar(done, total, since: state.stageStart, now: now)
            case .findingCandidates:
                force = Self.enter("candidates", &state, now)
                line = "candidates  finding candidate pairs among \(Self.count(state.documents)) documents"
            case .verifying(let done, let total):
                force = Self.enter("verifying", &state, now)
                state.candidates = total
                line = "verifying   " + Self.bar(done, total, since: state.stageStart, now: now) + " pairs"
            case .resolvingProvenance:
                force = Self.enter("provenance", &state, now)
                line = "provenance  \(Self.count(state.candidates)) candidates verified; resolving direction and clusters"
            case .finished:
                if state.drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                state.drawn = false
                return
            }
            guard force || now.timeIntervalSince(state.lastDraw) >= 0.1 else { return }
            state.lastDraw = now
            state.drawn = true
            let elapsed = Self.duration(now.timeIntervalSince(start))
            FileHandle.standardError.write(Data("\r\u{1B}[Ksyndetect [\(elapsed)] \(line)".utf8))
        }
    }

    private static func enter(_ stage: String, _ state: inout State, _ now: Date) -> Bool {
        guard state.stage != stage else { return false }
        state.stage = stage
        state.stageStart = now
        return true
    }

    private static func bar(_ done: Int, _ total: Int, since: Date, now: Date) -> String {
        let width = 24
        let share = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int(share * Double(width))
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        text += "\(count(done))/\(count(total))"
        let elapsed = now.timeIntervalSince(since)
        if done > 0, done < total, elapsed > 0.5 {
            text += ", ETA " + duration(elapsed / Double(done) * Double(total - done))
        }
        return text
    }

    private static func rate(_ count: Int, since: Date, now: Date) -> String {
        let elapsed = now.timeIntervalSince(since)
        guard elapsed > 0.5 else { return "" }
        return " (\(Self.count(Int(Double(count) / elapsed)))/s)"
    }

    private static func count(_ value: Int) -> String {
        var digits = String(value)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
    }

    private static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600
            ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}
