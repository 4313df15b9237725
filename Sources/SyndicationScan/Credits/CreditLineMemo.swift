import SyndicationEngine

/// The credits of lines already read, for texts read one after another that share lines: the
/// documents of one candidate component, whose copies repeat each other's paragraphs (about
/// half the lines of the second document of a bench pair are lines of the first).
///
/// A line's credits depend on its code points and on whether it is one item of a bulleted
/// list, and on nothing else: ``CreditLineFilter`` and ``CreditLineScanner`` read no code point
/// outside the line. So a line met again, code point for code point and as the same kind of
/// item, has the credits it had, moved to where it stands now. Lines are found by a hash of
/// their narrowed copy (``CreditLineFilter/narrow(_:into:)``) and then compared in full.
///
/// A memo is filled by one worker at a time (it is a class, so that callers can hand it down
/// without `inout`), and holds on to the texts whose lines it keeps.
final class CreditLineMemo {
    /// A line read before.
    struct Entry {
        /// The code points of the text it stood in.
        var scalars: [Unicode.Scalar]
        /// Where it stood there.
        var line: TextSpan
        /// Whether it was one item of a bulleted list.
        var isListItem: Bool
        /// Its credits, with spans from the line's start.
        var credits: [Credit]
        /// Its hash (``hash(narrowed:_:isListItem:)``).
        var hash: UInt64
    }

    /// Open addressing by hash: an entry's index plus one in the first free slot from its
    /// hash's home, 0 for a free slot; never more than half full.
    private var slots = [Int32](repeating: 0, count: 64)
    private var entries: [Entry] = []

    /// Whether the memo keeps lines (``keep(_:of:in:isListItem:hash:)``): a caller turns
    /// it off before its last text, whose lines no one looks up.
    var isKeeping = true

    /// Whether the memo holds no line.
    var isEmpty: Bool { entries.isEmpty }

    /// An empty memo.
    init() {}

    /// The hash a line is found by, from its narrowed copy `narrowed[line]`: its length and
    /// its first, middle and last eight bytes (lines that share those and differ elsewhere
    /// are told apart by the comparison that follows), its last bit telling `isListItem`.
    static func hash(narrowed: UnsafePointer<UInt8>, _ line: TextSpan, isListItem: Bool) -> UInt64 {
        let count = line.end &- line.start
        let bytes = UnsafeRawPointer(narrowed + line.start)
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        if count >= 8 {
            hash ^= bytes.loadUnaligned(as: UInt64.self) &* 0xC2B2_AE3D_27D4_EB4F
            hash ^= bytes.loadUnaligned(fromByteOffset: count &>> 1 &- 4, as: UInt64.self) &* 0x1656_67B1_9E37_79F9
            hash ^= bytes.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) &* 0x85EB_CA77_C2B2_AE63
        } else {
            for offset in 0..<count { hash = (hash ^ UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self))) &* 0x100_0000_01B3 }
        }
        hash ^= hash &>> 29
        return hash & ~1 | (isListItem ? 1 : 0)
    }

    /// The credits of `scalars[line]` kept under `hash`, moved to the line's start; nil when no
    /// line read before is the same.
    func credits(
        of line: TextSpan, in scalars: UnsafeBufferPointer<Unicode.Scalar>, isListItem: Bool, hash: UInt64
    ) -> [Credit]? {
        guard !entries.isEmpty else { return nil }
        let count = line.end - line.start
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: hash &>> 32) & mask
        return entries.withUnsafeBufferPointer { entries -> [Credit]? in
            while true {
                let stored = Int(slots[slot])
                guard stored > 0 else { return nil }
                slot = (slot &+ 1) & mask
                let entry = entries.baseAddress! + (stored &- 1)
                if entry.pointee.hash == hash, entry.pointee.isListItem == isListItem,
                   entry.pointee.line.end - entry.pointee.line.start == count,
                   entry.pointee.scalars.withUnsafeBufferPointer({
                       Self.same($0, entry.pointee.line.start, scalars, line.start, count: count)
                   })
                {
                    let credits = entry.pointee.credits
                    return credits.isEmpty ? [] : credits.map { credit -> Credit in
                        var credit = credit
                        credit.span = TextSpan(start: credit.span.start + line.start, end: credit.span.end + line.start)
                        return credit
                    }
                }
            }
        }
    }

    /// Keeps `credits`, those of `scalars[line]` (the code points of a whole text, kept with
    /// them), under `hash`.
    func keep(_ credits: [Credit], of line: TextSpan, in scalars: [Unicode.Scalar], isListItem: Bool, hash: UInt64) {
        guard isKeeping else { return }
        if (entries.count &+ 1) &* 2 > slots.count {
            // Twice the slots, the entries placed again.
            slots = [Int32](repeating: 0, count: slots.count &* 2)
            for (index, entry) in entries.enumerated() { place(index, hash: entry.hash) }
        }
        let relative = credits.isEmpty ? [] : credits.map { credit -> Credit in
            var credit = credit
            credit.span = TextSpan(start: credit.span.start - line.start, end: credit.span.end - line.start)
            return credit
        }
        entries.append(Entry(scalars: scalars, line: line, isListItem: isListItem, credits: relative, hash: hash))
        place(entries.count &- 1, hash: hash)
    }

    /// Puts entry `index`, of `hash`, in the first free slot from its home.
    private func place(_ index: Int, hash: UInt64) {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: hash &>> 32) & mask
        while slots[slot] != 0 { slot = (slot &+ 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: index &+ 1)
    }

    /// Whether the `count` code points from `left[leftStart]` and from `right[rightStart]` are
    /// the same, four at a time.
    private static func same(
        _ left: UnsafeBufferPointer<Unicode.Scalar>, _ leftStart: Int, _ right: UnsafeBufferPointer<Unicode.Scalar>,
        _ rightStart: Int, count: Int
    ) -> Bool {
        let a = UnsafeRawPointer(left.baseAddress! + leftStart), b = UnsafeRawPointer(right.baseAddress! + rightStart)
        let bytes = count &* 4
        var offset = 0
        while offset &+ 16 <= bytes {
            let difference = (a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                ^ b.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                | (a.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)
                    ^ b.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self))
            guard difference == 0 else { return false }
            offset &+= 16
        }
        while offset < bytes {
            guard a.loadUnaligned(fromByteOffset: offset, as: UInt32.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            else { return false }
            offset &+= 4
        }
        return true
    }
}
