import Foundation

/// The files of a folder tree with the given extensions, by relative path in byte order.
///
/// Hidden entries (names starting with `.`) are passed over. Each folder is entered once by
/// its real path, so a symbolic link back up the tree, or two links to one folder, cannot
/// make the walk loop or read a file twice.
struct FolderWalk {
    /// Relative paths (`/`-separated) of the matching files, sorted by their UTF-8 bytes.
    private(set) var files: [String] = []
    /// Folders and entries that could not be read, and folders skipped as already read.
    private(set) var warnings: [Diagnostic] = []

    init(root: String, extensions: Set<String>) {
        var visited: Set<String> = []
        visit(root, relative: "", extensions: extensions, visited: &visited)
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private mutating func visit(
        _ folder: String, relative: String, extensions: Set<String>, visited: inout Set<String>
    ) {
        let real = Self.realPath(folder)
        guard visited.insert(real).inserted else {
            warnings.append(Diagnostic(
                file: folder, message: "this folder is a link to a folder already read; it was skipped"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            warnings.append(Diagnostic(
                file: folder, message: "the folder could not be listed: \(error.localizedDescription)"))
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        where !name.hasPrefix(".") {
            let path = CorpusReader.join(folder, name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if extensions.contains(CorpusReader.pathExtension(name)) {
                    warnings.append(Diagnostic(
                        file: path, message: "this entry is a broken link; it was skipped"))
                }
                continue
            }
            if isDirectory.boolValue {
                visit(path, relative: relativePath, extensions: extensions, visited: &visited)
            } else if extensions.contains(CorpusReader.pathExtension(name)) {
                files.append(relativePath)
            }
        }
    }

    /// The canonical path of `path`, with every symbolic link resolved.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
