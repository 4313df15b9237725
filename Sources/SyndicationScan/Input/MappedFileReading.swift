import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reading a file through mappings of it: the bytes are read where the page cache holds them,
/// not copied out first (a JSON Lines corpus is read a few megabytes at a time this way, see
/// ``JSONLinesChunks``).
///
/// A mapping has one hazard a copy has not: if another program cuts the file short while a
/// mapping of its lost end is read, the system stops the process with `SIGBUS`, where a read
/// would have returned fewer bytes. ``reportsTruncation()`` turns that into an error that
/// names the file; the command-line tool calls it at start.
public enum MappedFileReading {
    /// The address of a C string naming the file whose mappings are being read (0: none), for
    /// the `SIGBUS` handler, which may only load a word and write.
    private static let fileBeingRead = Atomic<Int>(0)

    /// Installs a `SIGBUS` handler that writes "error: FILE was cut short while it was read …"
    /// to standard error and exits with status 2, writing nothing more (a scan writes its
    /// reports after its last read of a mapping, so it has written none). The message is
    /// written by no other means than `write(2)`, as a signal handler must.
    public static func reportsTruncation() {
        // Touched here, so that the handler never initializes it.
        _ = fileBeingRead.load(ordering: .relaxed)
        signal(SIGBUS) { _ in
            func put(_ text: UnsafePointer<CChar>) { _ = write(2, text, strlen(text)) }
            let file = MappedFileReading.fileBeingRead.load(ordering: .relaxed)
            if file != 0, let name = UnsafePointer<CChar>(bitPattern: file) {
                put("error: ")
                put(name)
                put(" was cut short while it was read (SIGBUS); stopped\n")
            } else {
                put("error: a bus error (SIGBUS); stopped\n")
            }
            _exit(2)
        }
    }

    /// Runs `body` with `path` named as the file being read through mappings.
    static func reading<Result>(_ path: String, _ body: () -> Result) -> Result {
        let name = strdup(path)
        fileBeingRead.store(Int(bitPattern: name), ordering: .relaxed)
        defer {
            fileBeingRead.store(0, ordering: .relaxed)
            free(name)
        }
        return body()
    }

    /// The size of the open file `descriptor` when it is a regular file of some bytes, which
    /// can be mapped; nil otherwise (a pipe, a terminal, an empty file).
    static func mappableSize(of descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
        return Int(status.st_size)
    }

    /// The bytes a system page holds (mappings start on page boundaries).
    static let pageSize = max(1, Int(sysconf(Int32(_SC_PAGESIZE))))
}
