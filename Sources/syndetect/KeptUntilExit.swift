/// Keeps a value alive until the process exits, so that its memory goes back with the
/// process instead of being torn down object by object.
///
/// A scan's report and texts are the largest values the CLI holds when it is done: tens of
/// thousands of summaries, pairs and strings. Releasing them one at a time is serial work
/// after the last byte is written, and nothing reads them any more. Call this only after
/// every output is written and flushed; the value is never released.
func keepUntilExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(KeptValue(value))
}

/// The box ``keepUntilExit(_:)`` retains without a matching release.
private final class KeptValue<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
