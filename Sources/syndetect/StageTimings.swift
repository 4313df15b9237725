import Foundation
import Synchronization
import SyndicationScan

/// With `SYNDETECT_TIMINGS=1` in the environment, the wall time, CPU time (user + system, all
/// threads) and peak memory of each scan stage on standard error, for measuring where a scan's
/// time goes.
final class StageTimings: Sendable {
    private struct State {
        var stage = "reading"
        var start = Date()
        var cpuStart = StageTimings.cpuSeconds()
    }

    private let state = Mutex(State())

    /// A recorder when `SYNDETECT_TIMINGS` is set; nil otherwise.
    static func make() -> StageTimings? {
        guard ProcessInfo.processInfo.environment["SYNDETECT_TIMINGS"] != nil else { return nil }
        printError("timing: allocator \(AllocatorSettings.summary)")
        return StageTimings()
    }

    /// Takes one progress report; prints the stage that ended, if one did.
    func update(_ progress: ScanProgress) {
        let stage: String
        var note = ""
        switch progress {
        case .reading: stage = "reading"
        case .sketching: stage = "sketching"
        case .findingCandidates: stage = "candidates"
        case .verifying(_, let total): stage = "verifying"; note = " (\(total) candidate pairs follow)"
        case .resolvingProvenance: stage = "provenance"
        case .finished: stage = "finished"
        }
        state.withLock { state in
            guard stage != state.stage else { return }
            let now = Date()
            let cpu = Self.cpuSeconds()
            let seconds = String(format: "%.2f", now.timeIntervalSince(state.start))
            let cpuSeconds = String(format: "%.2f", cpu - state.cpuStart)
            printError("timing: \(state.stage) \(seconds) s, CPU \(cpuSeconds) s, peak RSS \(Self.peakMegabytes()) MB\(note)")
            state.stage = stage
            state.start = now
            state.cpuStart = cpu
        }
    }

    /// The process's CPU time so far, user and system, in seconds (getrusage).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The process's peak resident set so far, from /proc/self/status (VmHWM).
    static func peakMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        return kilobytes / 1024
    }
}
