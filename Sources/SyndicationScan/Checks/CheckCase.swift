/// One checked expectation or limit: a test case in JUnit terms.
public struct CheckCase: Hashable, Sendable {
    /// What was checked, such as `001 ~ 003: relation rewritten, coverage ≥ 0.8000`.
    public var name: String
    /// Why it failed, or nil when it holds.
    public var failure: String?

    /// A case with the given name and failure.
    public init(name: String, failure: String? = nil) {
        self.name = name
        self.failure = failure
    }

    /// Whether the expectation holds.
    public var passed: Bool { failure == nil }
}

extension Array where Element == CheckCase {
    /// A readable list: a line per case (`ok` or `FAIL`), the reason indented under each
    /// failure, and a closing count.
    public var summary: String {
        var lines: [String] = []
        for check in self {
            lines.append((check.passed ? "ok    " : "FAIL  ") + check.name)
            if let failure = check.failure {
                lines += failure.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
            }
        }
        let failed = filter { !$0.passed }.count
        lines.append(failed == 0
            ? "all \(count) checks passed"
            : "\(failed) of \(count) checks failed")
        return lines.joined(separator: "\n") + "\n"
    }
}
