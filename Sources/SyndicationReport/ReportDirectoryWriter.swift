import Foundation

/// Writes report files into one directory, safely.
///
/// Each file is written to a temporary file in the same directory and renamed into place, so
/// a reader never sees half a report and a crash never leaves one. A report is never written
/// over one of the scan's input files, and never outside the directory.
public struct ReportDirectoryWriter: Sendable {
    /// The directory reports go to.
    public var directory: URL
    /// Canonical paths of the input files, which must never be overwritten.
    public var protectedPaths: Set<String>

    /// A writer for `directory` that refuses to touch any of `inputs`.
    public init(directory: String, inputs: [String]) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        self.protectedPaths = Set(inputs.map { Self.canonical(URL(fileURLWithPath: $0)) })
    }

    /// A problem writing a report.
    public struct WriteError: Error, CustomStringConvertible {
        /// What went wrong, naming the file.
        public var description: String
    }

    /// Writes `contents` as `name` (a plain file name) into the directory, atomically.
    @discardableResult
    public func write(_ contents: String, as name: String) throws -> URL {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            throw WriteError(description: "\(name): a report name must be a plain file name")
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "\(directory.path): cannot create the report directory (\(error.localizedDescription))")
        }
        let target = directory.appendingPathComponent(name)
        if protectedPaths.contains(Self.canonical(target)) {
            throw WriteError(description: "\(target.path): is one of the scan's inputs; refusing to overwrite it")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteError(description: "\(target.path): is a directory")
        }
        let temporary = directory.appendingPathComponent(".\(name).tmp-\(getpid())")
        do {
            try Data(contents.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw WriteError(description: "\(target.path): cannot rename the finished report into place (errno \(errno))")
            }
        } catch let error as WriteError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw WriteError(description: "\(target.path): cannot write (\(error.localizedDescription))")
        }
        return target
    }

    static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
