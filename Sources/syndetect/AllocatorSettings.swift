#if canImport(Glibc)
import Glibc
#endif

/// The memory allocator's settings for this process.
///
/// On Linux the command-line tool links mimalloc (Leijen, Zorn & de Moura, "Mimalloc: Free
/// List Sharding in Action", APLAS 2019; Debian `libmimalloc-dev`), which replaces `malloc`
/// and `free` for the whole process: a scan makes and frees millions of small arrays (a
/// document's sentences each hold their shingle sets), and glibc's allocator spent about a
/// sixth of a scan's time on them. The libraries do not link it; a program using them keeps
/// its own allocator.
///
/// mimalloc returns freed memory to the system 10 ms after it falls idle by default; a scan
/// frees a batch of documents and allocates the next at once, so that returned memory came
/// straight back as page faults on the other thread. ``apply()`` lengthens the delay to
/// ``decommitDelayMilliseconds``. An environment variable `MIMALLOC_DECOMMIT_DELAY` (or
/// `MIMALLOC_RESET_DELAY`) set by the user wins.
enum AllocatorSettings {
    /// How long freed memory stays with the process before it goes back to the system.
    static let decommitDelayMilliseconds = 10_000

    /// `mi_option_decommit_delay` in mimalloc 2.x's `mi_option_t` (named `purge_delay` from 2.1,
    /// at the same place).
    static let decommitDelayOption: Int32 = 15

    /// The allocator in words, for `SYNDETECT_TIMINGS`: `mimalloc 2.0.9, decommit delay 10000 ms`,
    /// or `the C library's malloc` when mimalloc is not linked.
    static var summary: String {
        #if canImport(Glibc)
        if let versionSymbol = dlsym(nil, "mi_version"), let getSymbol = dlsym(nil, "mi_option_get") {
            typealias Version = @convention(c) () -> Int32
            typealias GetOption = @convention(c) (Int32) -> Int
            let version = Int(unsafeBitCast(versionSymbol, to: Version.self)())
            let delay = unsafeBitCast(getSymbol, to: GetOption.self)(decommitDelayOption)
            return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10), decommit delay \(delay) ms"
        }
        #endif
        return "the C library's malloc"
    }

    /// Applies the settings when mimalloc is the allocator; does nothing otherwise.
    static func apply() {
        #if canImport(Glibc)
        for name in ["MIMALLOC_DECOMMIT_DELAY", "MIMALLOC_RESET_DELAY", "MIMALLOC_PURGE_DELAY"] where getenv(name) != nil {
            return
        }
        // Looked up at run time: mimalloc's symbols are there only when it was linked.
        guard let versionSymbol = dlsym(nil, "mi_version"), let setSymbol = dlsym(nil, "mi_option_set") else { return }
        typealias Version = @convention(c) () -> Int32
        typealias SetOption = @convention(c) (Int32, Int) -> Void
        let version = unsafeBitCast(versionSymbol, to: Version.self)()
        guard (200..<300).contains(version) else { return }
        unsafeBitCast(setSymbol, to: SetOption.self)(decommitDelayOption, decommitDelayMilliseconds)
        #endif
    }
}
