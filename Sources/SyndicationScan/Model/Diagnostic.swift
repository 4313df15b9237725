/// A problem with the input, naming where it is; the rest of the input is still scanned.
public struct Diagnostic: Codable, Hashable, Sendable, CustomStringConvertible, Error {
    /// The file the problem is in.
    public var file: String
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// What is wrong, in a sentence.
    public var message: String

    /// A diagnostic for `file` (and `line`).
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form compilers use.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
