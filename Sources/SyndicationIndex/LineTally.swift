import SyndicationScan

/// The changes one add makes to the index's line counts (documents carrying a line, per
/// outlet), in a flat array of 16-byte entries: a document's ~30 distinct line keys cost 480
/// bytes here, where a dictionary of dictionaries costs several kilobytes and one allocation
/// per line. Merging sorts the entries once and sums equal (line, outlet) runs.
struct LineTally {
    private struct Entry: Comparable {
        var key: UInt64
        var outlet: UInt32
        var change: Int32

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.key, lhs.outlet) < (rhs.key, rhs.outlet)
        }
    }

    private var entries: [Entry] = []
    private var outletNames: [String] = []
    private var outletNumbers: [String: UInt32] = [:]

    /// Counts one document version carrying the lines `keys` for `outlet` (nil: unknown),
    /// `change` +1 for a document added, −1 for a version it replaces.
    mutating func count(_ keys: [UInt64], outlet: String?, change: Int32) {
        let name = outlet ?? ""
        let number: UInt32
        if let known = outletNumbers[name] {
            number = known
        } else {
            number = UInt32(outletNames.count)
            outletNames.append(name)
            outletNumbers[name] = number
        }
        for key in keys { entries.append(Entry(key: key, outlet: number, change: change)) }
    }

    /// Calls `body` once per line key, in key order, with the summed changes by outlet (`""`
    /// for unknown outlets; empty when they cancel out, as for a line a changed document keeps).
    mutating func forEachLine(_ body: (UInt64, [(outlet: String, change: Int)]) throws -> Void) rethrows {
        entries.sort()
        var changes: [(outlet: String, change: Int)] = []
        var index = 0
        while index < entries.count {
            let key = entries[index].key
            changes.removeAll(keepingCapacity: true)
            while index < entries.count, entries[index].key == key {
                let outlet = entries[index].outlet
                var sum = 0
                while index < entries.count, entries[index].key == key, entries[index].outlet == outlet {
                    sum += Int(entries[index].change)
                    index += 1
                }
                if sum != 0 { changes.append((outletNames[Int(outlet)], sum)) }
            }
            try body(key, changes)
        }
    }
}
