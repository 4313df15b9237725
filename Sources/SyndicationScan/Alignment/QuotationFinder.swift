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
            while index < buffer.count {
                // Eight code points at a time past those that are no mark and no line break,
                // and straight to the first that may be one.
                if index &+ 8 <= buffer.count {
                    let offset = firstPossibleMark(buffer, at: index)
                    index &+= offset
                    if offset == 8 { continue }
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

    /// The offset of the first of the eight code points from `index` that is a line feed, a
    /// carriage return, `"` or not ASCII, or 8 when none is: ``candidates(in:)`` acts on no
    /// other code point, so the ones before it can be passed over.
    @inline(__always)
    private static func firstPossibleMark(_ buffer: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Int {
        let lanes = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: SIMD8<UInt32>.self)
        // 0x80 in the byte of each code point past ASCII.
        let wide = SIMD8<UInt32>(repeating: 0).replacing(with: 0x80, where: lanes .> SIMD8(repeating: 0x7F))
        let flags = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: wide), to: UInt64.self)
        // The low byte of each code point; a byte equal to `b` is a zero byte of
        // `bytes ^ b·0x01…01`, which (x − 0x01…01) & ~x & 0x80…80 flags. A borrow can flag
        // bytes above a zero byte too, never below one, so the lowest flag is a true one.
        let bytes = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: lanes), to: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & (ones &* 0x80) }
        let marks = flags | zeroBytes(bytes ^ (ones &* 0x0A)) | zeroBytes(bytes ^ (ones &* 0x0D))
            | zeroBytes(bytes ^ (ones &* 0x22))
        return marks == 0 ? 8 : marks.trailingZeroBitCount &>> 3
    }
}
