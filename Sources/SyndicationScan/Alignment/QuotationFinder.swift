import SyndicationEngine

/// Finds direct quotations: text between double quotation marks, marks included.
///
/// News copy often breaks quotation marks (a spinner drops a closing mark; a scraper mixes
/// straight and curly glyphs; a quotation running over several paragraphs reopens each one
/// without closing the last), so the finder is forgiving:
/// - a quotation never crosses a line break;
/// - an opening curly mark met inside an open quotation closes the open one there, and a
///   curly quotation left open runs to the end of its line;
/// - a straight mark (`"`) is read by its shape: after a space and before a word it opens
///   (`say "yes`), after a word and before a space or punctuation it closes (`yes",`); an
///   opening-shaped mark inside an open quotation closes that one and opens another (a
///   paragraph's quotation that was never closed), a closing-shaped mark with nothing open is
///   a stray mark (inches, `12" pipe`), and a straight quotation never closed is no quotation:
///   a lone straight mark says nothing about where quoted words end, and treating the rest of
///   the line as quoted would hide copied prose.
///
/// Single quotation marks are left alone, since they cannot be told from apostrophes reliably.
public enum QuotationFinder {
    /// The longest quotation accepted, in code points. An opening mark whose closing mark lies
    /// farther away is a stray mark (or a quote opening an unmarked long passage), and the text
    /// after it is prose.
    public static let maximumLength = 600

    /// Code-point spans of the quotations in `scalars`, in text order, not overlapping.
    ///
    /// - Complexity: O(*n*).
    public static func quotations(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        candidates(in: scalars).filter { $0.length <= maximumLength }
    }

    /// How a straight quotation mark stands between its neighbours.
    enum Shape: Equatable {
        /// After a space (or an opening bracket, a dash) and before a word: `say "yes`.
        case opening
        /// After a word and before a space or punctuation: `yes", she`.
        case closing
        /// Spaces or words on both sides.
        case either
    }

    /// The shape of the straight mark at `index`.
    static func shape(at index: Int, in scalars: [Unicode.Scalar]) -> Shape {
        func isSpace(_ position: Int) -> Bool {
            guard position >= 0, position < scalars.count else { return true }
            let value = scalars[position].value
            // ASCII white space is tab to carriage return and space.
            return value < 0x80 ? value == 0x20 || value &- 0x09 < 5 : isWhitespace(scalars[position])
        }
        func opensBefore(_ position: Int) -> Bool {
            guard position >= 0 else { return false }
            switch scalars[position] {
            case "(", "[", "{", "-", "\u{2013}", "\u{2014}": return true
            default: return false
            }
        }
        func punctuationAfter(_ position: Int) -> Bool {
            guard position < scalars.count else { return true }
            switch scalars[position] {
            case ".", ",", ";", ":", "!", "?", ")", "]", "}", "-", "\u{2013}", "\u{2014}", "\u{2026}": return true
            default: return false
            }
        }
        let spaceBefore = isSpace(index - 1) || opensBefore(index - 1)
        let spaceAfter = isSpace(index + 1) || punctuationAfter(index + 1)
        if spaceBefore && !spaceAfter { return .opening }
        if !spaceBefore && spaceAfter { return .closing }
        return .either
    }

    static func candidates(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        var openAt: Int?
        var openedStraight = false
        /// Ends the open quotation, if any, where it was left open at `index`.
        func endUnclosed(at index: Int) {
            if let start = openAt, index > start + 1, !openedStraight {
                result.append(TextSpan(start: start, end: index))
            }
            openAt = nil
        }
        scalars.withUnsafeBufferPointer { buffer in
            var index = 0
            // Where the code points stop being read one by one: the end of a block of sixteen
            // that may hold a mark. Past it, blocks of sixteen with no mark and no line break
            // are passed whole; a block that may hold one is read one by one, whole, and not
            // tested again from each of its code points.
            var blockEnd = 0
            while index < buffer.count {
                if index >= blockEnd {
                    if index &+ 16 <= buffer.count {
                        if !mayHoldMark(buffer, at: index) {
                            index &+= 16
                            continue
                        }
                        blockEnd = index &+ 16
                    } else {
                        blockEnd = buffer.count
                    }
                }
                switch buffer[index] {
                case "\n", "\r", "\u{2028}", "\u{2029}":
                    endUnclosed(at: index)
                case "\u{201C}", "\u{201E}", "\u{00AB}":
                    endUnclosed(at: index)
                    openAt = index
                    openedStraight = false
                case "\u{201D}", "\u{00BB}":
                    if let start = openAt {
                        result.append(TextSpan(start: start, end: index + 1))
                        openAt = nil
                    }
                    // A closing mark with no opening one is ignored: guessing where it began
                    // would turn prose into quotation.
                case "\"":
                    let shape = shape(at: index, in: scalars)
                    if let start = openAt {
                        if shape == .opening {
                            endUnclosed(at: index)
                            openAt = index
                            openedStraight = true
                        } else {
                            result.append(TextSpan(start: start, end: index + 1))
                            openAt = nil
                        }
                    } else if shape != .closing {
                        openAt = index
                        openedStraight = true
                    }
                default:
                    break
                }
                index &+= 1
            }
        }
        endUnclosed(at: scalars.count)
        return result
    }

    /// Whether `scalar` has the Unicode White_Space property; out of line, since a function
    /// reading scalar properties pays for their set-up on entry.
    @inline(never)
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// Whether any of the sixteen code points from `index` is a line feed, a carriage return,
    /// `"` or not ASCII: ``candidates(in:)`` acts on no other code point. It may answer yes
    /// for sixteen code points without one (those are then read one by one), never no for
    /// sixteen with one.
    @inline(__always)
    private static func mayHoldMark(_ buffer: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        let start = UnsafeRawPointer(buffer.baseAddress! + index)
        let low = start.loadUnaligned(as: SIMD8<UInt32>.self)
        let high = start.loadUnaligned(fromByteOffset: 32, as: SIMD8<UInt32>.self)
        let wide = unsafeBitCast((low | high) & SIMD8(repeating: 0xFFFF_FF80), to: SIMD4<UInt64>.self)
        guard (wide[0] | wide[1] | wide[2] | wide[3]) == 0 else { return true }
        // Sixteen ASCII code points as sixteen bytes, each below 0x80: a byte `b` is the mark
        // `m` when `b ^ m` is 0, and `(b ^ m) + 0x7F` has its top bit set for every other
        // byte, lane by lane (no carry crosses lanes). A byte with its top bit clear in the
        // `and` of the three is one of the marks.
        let bytes = SIMD16<UInt8>(
            lowHalf: SIMD8<UInt8>(truncatingIfNeeded: low), highHalf: SIMD8<UInt8>(truncatingIfNeeded: high))
        let step = SIMD16<UInt8>(repeating: 0x7F)
        let others = ((bytes ^ SIMD16(repeating: 0x0A)) &+ step) & ((bytes ^ SIMD16(repeating: 0x0D)) &+ step)
            & ((bytes ^ SIMD16(repeating: 0x22)) &+ step)
        let halves = unsafeBitCast(others, to: SIMD2<UInt64>.self)
        let tops: UInt64 = 0x8080_8080_8080_8080
        return halves[0] & halves[1] & tops != tops
    }
}
