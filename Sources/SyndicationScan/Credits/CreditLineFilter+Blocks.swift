import SyndicationEngine

/// ``CreditLineFilter/verdict(_:_:)`` sixty-four code points at a time, over a copy of the text
/// narrowed to one byte per code point (``CreditLineFilter/narrow(_:into:)``): the same verdict,
/// for a few instructions a code point instead of a dozen (`CreditLineFilterTests` compares the
/// two on generated texts).
///
/// In the copy an ASCII code point is itself, U+212A KELVIN SIGN (a letter "k" to the filter)
/// is "K", and every other code point is 0x80. So byte offsets are code-point offsets, the runs
/// of ASCII letters in the copy are the filter's runs of letters in the text, with the same
/// five-bit codes, and the code points that the plain loop tests besides letters and spaces —
/// a dash or a colon — are "-", ":" or 0x80 there. The letters of a block become a 64-bit mask,
/// whose word starts and ends are found with shifts; each word is looked up in ``WordTable``
/// from the copy's bytes. The blocks' "-", ":" and 0x80 bytes, while the line has no other
/// feature yet, go through the plain loop's tests on the code points themselves.
extension CreditLineFilter {
    /// Bytes after a narrowed text, zero: a block read from any offset of the text stays in
    /// the copy.
    static let narrowedPadding = 64

    /// Writes the narrowed copy of `scalars` to `bytes`, which has room for their count plus
    /// ``narrowedPadding``, and zeroes the padding.
    ///
    /// - Complexity: O(*n*), sixteen code points at a time where all sixteen are ASCII.
    static func narrow(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, into bytes: UnsafeMutablePointer<UInt8>) {
        let count = scalars.count
        var index = 0
        if let base = scalars.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 16 <= count {
                let low = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)
                let high = raw.loadUnaligned(fromByteOffset: index &* 4 &+ 32, as: SIMD8<UInt32>.self)
                let outside = unsafeBitCast((low | high) & SIMD8(repeating: 0xFFFF_FF80), to: SIMD4<UInt64>.self)
                if (outside[0] | outside[1] | outside[2] | outside[3]) == 0 {
                    let ascii = SIMD16(
                        lowHalf: SIMD8<UInt8>(truncatingIfNeeded: low), highHalf: SIMD8<UInt8>(truncatingIfNeeded: high))
                    UnsafeMutableRawPointer(bytes + index).storeBytes(of: ascii, as: SIMD16<UInt8>.self)
                } else {
                    for offset in 0..<16 { bytes[index &+ offset] = narrowed(base[index &+ offset]) }
                }
                index &+= 16
            }
            while index &+ 8 <= count {
                let lanes = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)
                let high = unsafeBitCast(lanes & SIMD8(repeating: 0xFFFF_FF80), to: SIMD4<UInt64>.self)
                if (high[0] | high[1] | high[2] | high[3]) == 0 {
                    let ascii = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: lanes), to: UInt64.self)
                    UnsafeMutableRawPointer(bytes + index).storeBytes(of: ascii, as: UInt64.self)
                } else {
                    for offset in 0..<8 { bytes[index &+ offset] = narrowed(base[index &+ offset]) }
                }
                index &+= 8
            }
            while index < count {
                bytes[index] = narrowed(base[index])
                index &+= 1
            }
        }
        (bytes + count).initialize(repeating: 0, count: narrowedPadding)
    }

    /// The byte that stands for `scalar` in a narrowed copy.
    @inline(__always)
    static func narrowed(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        if value < 0x80 { return UInt8(truncatingIfNeeded: value) }
        return value == 0x212A ? 0x4B : 0x80
    }

    /// ``verdict(_:_:)`` of `scalars[line]`, read from `narrowed`, the narrowed copy of
    /// `scalars` (``narrow(_:into:)``).
    ///
    /// - Complexity: O(*n*) in the length of the line, with no allocation.
    static func verdict(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, narrowed bytes: UnsafePointer<UInt8>, _ line: TextSpan
    ) -> Verdict {
        guard let firstVisible = firstVisible(scalars, line) else {
            return Verdict(mayHoldCredit: false, mayHoldPhrase: false)
        }
        let end = line.end
        // Set once the line has a feature other than a phrase's word.
        var holds = opensWithMark(scalars[firstVisible])
        let firstMayBeAcronym = mayBeAcronym(scalars, firstVisible, end)
        let table = WordTable.shared
        var shortLineWords: UInt8 = 0
        // Whether the word `bytes[start..<wordEnd]` is a phrase's word; notes its other flags.
        @inline(__always) func isTrigger(_ start: Int, _ wordEnd: Int) -> Bool {
            let flags = table.flags(narrowed: bytes, start, wordEnd)
            guard flags != 0 else { return false }
            if flags & WordTable.trigger != 0 { return true }
            if flags & WordTable.opener != 0, start == firstVisible { holds = true }
            shortLineWords |= flags
            return false
        }
        // The start of a word that runs on past the end of the block before, or -1.
        var openWord = -1
        var block = firstVisible
        while block < end {
            let raw = UnsafeRawPointer(bytes + block)
            let left = end &- block
            let inLine: UInt64 = left >= 64 ? ~0 : (1 &<< UInt64(left)) &- 1
            var letters: UInt64 = 0
            var marks: UInt64 = 0
            for part in 0..<4 {
                let lanes = raw.loadUnaligned(fromByteOffset: part &* 16, as: ByteLanes.Lanes.self)
                let shift = UInt64(part &* 16)
                let letterLanes = ByteLanes.inRange(lanes | ByteLanes.Lanes(repeating: 0x20), from: 0x61, count: 26)
                letters |= ByteLanes.bitMask(letterLanes) &<< shift
                guard !holds else { continue }
                // "-", ":" and every code point outside ASCII (bit 7 set already).
                let markLanes = ByteLanes.inRange(lanes, from: 0x2D, count: 1) | ByteLanes.inRange(lanes, from: 0x3A, count: 1)
                    | (lanes & ByteLanes.Lanes(repeating: 0x80))
                let halves = unsafeBitCast(markLanes, to: SIMD2<UInt64>.self)
                if halves[0] | halves[1] != 0 { marks |= ByteLanes.bitMask(markLanes) &<< shift }
            }
            letters &= inLine
            marks &= inLine
            // Bit i: the code point before i is a letter of the same word.
            let afterLetter = letters &<< 1 | (openWord >= 0 ? 1 : 0)
            var starts = letters & ~afterLetter
            // Bit i: i is just past a word's last letter (a bit past the line's end included).
            var ends = ~letters & afterLetter
            if openWord >= 0, ends != 0 {
                if isTrigger(openWord, block &+ ends.trailingZeroBitCount) { return .phrase }
                ends &= ends &- 1
                openWord = -1
            }
            // Starts and ends alternate: each start's end is the next end, if the block holds it.
            while starts != 0 {
                let start = block &+ starts.trailingZeroBitCount
                starts &= starts &- 1
                guard ends != 0 else {
                    openWord = start
                    break
                }
                if isTrigger(start, block &+ ends.trailingZeroBitCount) { return .phrase }
                ends &= ends &- 1
            }
            while marks != 0, !holds {
                let index = block &+ marks.trailingZeroBitCount
                marks &= marks &- 1
                let value = scalars[index].value
                if isDash(value) {
                    if follows(scalars, index, line.start, in: CreditLineScanner.sentenceEnds) { holds = true }
                } else if value == 0x3A {
                    if firstMayBeAcronym, follows(scalars, index, line.start, in: [")"]) { holds = true }
                }
            }
            block &+= 64
        }
        if openWord >= 0, isTrigger(openWord, end) { return .phrase }
        return verdict(scalars, firstVisible, end, holds: holds, shortLineWords: shortLineWords)
    }
}

extension CreditLineFilter.Verdict {
    /// A line that may hold a credit, and a phrase.
    static let phrase = CreditLineFilter.Verdict(mayHoldCredit: true, mayHoldPhrase: true)
}

extension WordTable {
    /// ``flags(_:_:_:)`` of the run of letters `bytes[start..<end]` of a narrowed copy
    /// (``CreditLineFilter/narrow(_:into:)``), whose letters have the codes of the code points
    /// they stand for.
    @inline(__always)
    func flags(narrowed bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt8 {
        let length = end &- start
        let bit = Self.gateBit(length, UInt64(bytes[start] & 0x1F), UInt64(bytes[end &- 1] & 0x1F))
        guard passesGate(bit) else { return 0 }
        var bits: UInt64 = 0
        for index in start..<end { bits = bits &<< 5 | UInt64(bytes[index] & 0x1F) }
        return flags(bits, length)
    }
}
