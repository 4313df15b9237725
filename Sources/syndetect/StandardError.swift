import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The command line as typed, quoted for a shell where needed, for a report's evidence.
func reproducibleCommand() -> String {
    CommandLine.arguments.enumerated().map { index, argument in
        let word = index == 0 ? "syndetect" : argument
        let safe = word.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || "0123456789-_./=:,@+".unicodeScalars.contains($0)
        }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
}
