import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The command that reproduces a report's findings, quoted for a shell where needed: the
/// subcommand and its inputs, without the options that only choose where output goes (so the
/// same findings give the same report wherever they were written).
func reproducibleCommand(_ arguments: [String]) -> String {
    (["syndetect"] + arguments).map { word in
        let safe = word.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || "0123456789-_./=:,@+".unicodeScalars.contains($0)
        }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
}
