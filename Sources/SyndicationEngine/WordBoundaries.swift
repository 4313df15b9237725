/// The two loops that every fast path over a narrowed text shares (one byte per code point,
/// words marked by ``FoldedShingleScanner/wordMask(_:)-(UnsafeRawPointer)``): finding the words
/// 64 bytes at a time, and copying one word eight bytes at a time. The sketcher
/// (``FoldedShingleScanner``) and text analysis (``AnalyzedText``'s word folding) differ only
/// in what they do with each word.
extension FoldedShingleScanner {
    /// Calls `body(start, end)` for the byte range of every word of the narrowed `text` of
    /// `count` bytes, in text order. The text must be readable in whole 64-byte blocks past
    /// `count`, with zero padding.
    @inline(__always)
    static func forEachWord<Failure: Error>(
        in text: UnsafeRawPointer, count: Int, _ body: (_ start: Int, _ end: Int) throws(Failure) -> Void
    ) throws(Failure) {
        var inWord = false
        var wordStart = 0
        var base = 0
        while base < count {
            let mask = wordMask(text + base)
            // Bit p is set where byte p differs in kind from byte p − 1: a word starts or ends.
            var changes = mask ^ (mask << 1 | (inWord ? 1 : 0))
            if inWord && changes != 0 {
                let end = base &+ changes.trailingZeroBitCount
                changes &= changes &- 1
                try body(wordStart, end)
            }
            while changes != 0 {
                let start = base &+ changes.trailingZeroBitCount
                changes &= changes &- 1
                if changes == 0 {
                    // The word runs on into the next block.
                    wordStart = start
                    break
                }
                let end = base &+ changes.trailingZeroBitCount
                changes &= changes &- 1
                try body(start, end)
            }
            inWord = mask >> 63 != 0
            base &+= 64
        }
        // The zero padding ends every word before `count` unless the text fills its last block.
        if inWord { try body(wordStart, count) }
    }

    /// Copies bytes `start..<end` of `text` to `output` at `offset`, eight bytes at a time: the
    /// stores may run up to seven bytes past the word, into room the caller keeps and the next
    /// word overwrites. With `checkingNonASCII`, returns whether a copied byte is at or above
    /// 0x80 (a code point the word must be folded for); without, false.
    @inline(__always)
    static func copyWord(
        _ text: UnsafeRawPointer, _ start: Int, _ end: Int, to output: UnsafeMutableRawPointer, at offset: Int,
        checkingNonASCII: Bool
    ) -> Bool {
        let wordLength = end &- start
        var copied = 0
        var nonASCII: UInt64 = 0
        repeat {
            let chunk = text.loadUnaligned(fromByteOffset: start &+ copied, as: UInt64.self)
            if checkingNonASCII {
                let remaining = wordLength &- copied
                let littleEndian = UInt64(littleEndian: chunk)
                nonASCII |= remaining >= 8 ? littleEndian : littleEndian & ((1 &<< (UInt64(remaining) &* 8)) &- 1)
            }
            output.storeBytes(of: chunk, toByteOffset: offset &+ copied, as: UInt64.self)
            copied &+= 8
        } while copied < wordLength
        return checkingNonASCII && nonASCII & 0x8080_8080_8080_8080 != 0
    }
}
