import Foundation
import Testing

/// Runs the built `syndetect` with a time limit, for tests of inputs that could hang it.
///
/// Output goes to files rather than pipes, so a child that prints megabytes never blocks on a
/// full pipe while the test waits for it.
enum Harness {
    struct Run {
        var status: Int32
        /// Whether the process ended by exiting (not by a signal such as a crash or the timeout).
        var exited: Bool
        var timedOut: Bool
        var output: Data
        var error: String
        var seconds: Double

        var outputText: String { String(decoding: output, as: UTF8.self) }

        /// The JSON report printed on standard output.
        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        }

        /// The ids of the report's documents.
        func documentIDs() throws -> [String] {
            let documents = try #require(try json()["documents"] as? [[String: Any]])
            return documents.compactMap { $0["id"] as? String }
        }
    }

    /// Runs `syndetect arguments` in `directory`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL = CommandLineTests.root, timeout: Double = 60) throws -> Run {
        let scratch = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = error
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                // SIGKILL, not terminate(): a child started from a test thread inherits that
                // thread's blocked signals, SIGTERM among them (seen with swift-corelibs-foundation).
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try output.close()
        try error.close()
        return Run(
            status: process.terminationStatus, exited: process.terminationReason == .exit, timedOut: timedOut,
            output: try Data(contentsOf: outputURL),
            error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
            seconds: Date().timeIntervalSince(start))
    }

    /// A fresh folder holding `files` (name → bytes).
    static func folder(_ files: [String: Data]) throws -> URL {
        let directory = try CommandLineTests.temporaryDirectory()
        for (name, contents) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url)
        }
        return directory
    }

    /// A plain English news article, long enough to be reused, varied by `seed`.
    static func article(_ seed: Int = 0) -> String {
        """
        Harbour reopens after storm \(seed)
        The port authority reopened the northern harbour on Tuesday after a storm damaged two piers and \
        cut power to the container terminal for most of the weekend. Engineers worked through the night \
        to restore the cranes, and the first ships were unloaded by midday. Officials said the repairs \
        would cost about four million euros and take until the end of the month. Fishermen who moor \
        their boats on the eastern quay said they had lost nets and gear worth thousands.
        The regional government promised compensation for small businesses and asked insurers to settle \
        claims quickly. A spokesman said the storm was the strongest to reach the coast in a decade.

        """
    }
}
