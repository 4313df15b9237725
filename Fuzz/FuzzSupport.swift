// Shared by every fuzz target (compiled into each by scripts/fuzz).
import SyndicationEngine

/// Stops the run with a message libFuzzer reports as a crash, whatever the build mode.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant violated: \(message())") }
}

/// The fuzz input as text, decoded leniently (invalid bytes become U+FFFD).
func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// Checks that spans are in bounds, non-empty and (when `ordered`) in order without overlap.
func requireSpans(_ spans: [TextSpan], within count: Int, ordered: Bool, _ what: String) {
    var previousEnd = 0
    for span in spans {
        require(span.start >= 0 && span.start < span.end && span.end <= count,
                "\(what) span \(span) outside 0..<\(count) or empty")
        if ordered {
            require(span.start >= previousEnd, "\(what) span \(span) overlaps the one before (end \(previousEnd))")
            previousEnd = span.end
        }
    }
}
