/// Text a renderer produces in order, handed on to an output stream about 64 kB at a time, so
/// that a large HTML report is written as it is made instead of held whole.
///
/// Renderers append with `+=`, as they would to a `String`; ``finish()`` hands on the rest and
/// returns the output.
struct ReportText<Output: TextOutputStream> {
    /// Where the text goes.
    private(set) var output: Output
    private var buffer = ""
    /// Bytes gathered before they are handed on.
    static var capacity: Int { 1 << 16 }

    /// Text that goes to `output`.
    init(_ output: Output) {
        self.output = output
        buffer.reserveCapacity(Self.capacity + 4_096)
    }

    /// Appends `piece`, handing the gathered text on when there is enough of it.
    static func += (text: inout ReportText, piece: String) {
        text.buffer += piece
        if text.buffer.utf8.count >= capacity { text.handOn() }
    }

    /// Hands on what is gathered and returns the output.
    consuming func finish() -> Output {
        handOn()
        return output
    }

    private mutating func handOn() {
        guard !buffer.isEmpty else { return }
        output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The lines of a Markdown report, written to a ``ReportText`` as they come, each followed by
/// a line break, with blank lines at the end left out: the bytes of the lines joined by line
/// breaks, trailing blank lines dropped, plus one final line break.
struct MarkdownLines<Output: TextOutputStream> {
    private var text: ReportText<Output>
    /// Blank lines not yet written: they are written only when a non-blank line follows.
    private var pendingBlankLines = 0
    private var wroteLine = false

    /// Lines that go to `output`.
    init(_ output: Output) {
        text = ReportText(output)
    }

    /// Adds one line.
    mutating func append(_ line: String) {
        if line.isEmpty {
            pendingBlankLines += 1
            return
        }
        if pendingBlankLines > 0 {
            text += String(repeating: "\n", count: pendingBlankLines)
            pendingBlankLines = 0
        }
        text += line
        text += "\n"
        wroteLine = true
    }

    /// Adds `lines` in order.
    static func += (lines: inout MarkdownLines, more: [String]) {
        for line in more { lines.append(line) }
    }

    /// Writes what is left (a lone line break when no line had text) and returns the output.
    consuming func finish() -> Output {
        if !wroteLine { text += "\n" }
        return text.finish()
    }
}
