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
        try write(as: name) { $0.write(contents) }
    }

    /// Writes what `body` sends to the stream as `name` (a plain file name) into the
    /// directory, atomically: into a temporary file as it comes, renamed into place when
    /// `body` returns. When `body` throws, the temporary file is removed and the error passed on.
    @discardableResult
    public func write(as name: String, _ body: (inout FileOutputStream) throws -> Void) throws -> URL {
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
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard descriptor >= 0 else {
            throw WriteError(description: "\(target.path): cannot write (\(String(cString: strerror(errno))))")
        }
        var isOpen = true
        defer { if isOpen { close(descriptor) } }
        do {
            var stream = FileOutputStream(descriptor: descriptor)
            try body(&stream)
            try stream.flush()
            isOpen = false
            if close(descriptor) != 0 {
                throw WriteError(description: "\(target.path): cannot write (\(String(cString: strerror(errno))))")
            }
            if rename(temporary.path, target.path) != 0 {
                throw WriteError(description: "\(target.path): cannot rename the finished report into place (errno \(errno))")
            }
        } catch let error as FileOutputStream.WriteError {
            try? manager.removeItem(at: temporary)
            throw WriteError(description: "\(target.path): cannot write (\(error))")
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
        return target
    }

    static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
