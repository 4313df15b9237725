import GRDB

/// Integer rows written and read in bulk through GRDB's statements. The posting tables take
/// and answer hundreds of rows per document, and GRDB's arguments and cursors cost
/// allocations and checks per statement execution, so writes put many rows in one statement
/// (a multi-row `VALUES` list) and reads look many keys up in one statement.
enum IntegerStatement {
    /// Keys looked up in one statement: a `UNION ALL` of this many terms stays below
    /// SQLite's default limit of 500 compound terms.
    static let keysPerStatement = 100

    /// For each key of `keys` with rows in `table`, the key and the values of `column` of its
    /// first `limit` rows (`SELECT column FROM table WHERE key = ? LIMIT limit`), passed to
    /// `body` once per key, keys in the order given. Keys are looked up ``keysPerStatement``
    /// at a time, each in a `UNION ALL` term of its own so that each keeps its own limit.
    ///
    /// - Complexity: O(`keys.count` × log(rows) + rows returned), in
    ///   `keys.count / keysPerStatement + 1` statement executions.
    static func firstRows(
        of keys: [Int64], column: String, table: String, limit: Int, _ db: Database,
        _ body: (Int64, [Int64]) throws -> Void
    ) throws {
        let term = "SELECT * FROM (SELECT key, \(column) FROM \(table) WHERE key = ? LIMIT \(limit))"
        var values: [Int64] = []
        var start = 0
        while start < keys.count {
            let count = min(keysPerStatement, keys.count - start)
            let sql = Array(repeating: term, count: count).joined(separator: " UNION ALL ")
            let statement = count == keysPerStatement ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            statement.setUncheckedArguments(StatementArguments(keys[start..<(start + count)]))
            let rows = try Row.fetchCursor(statement)
            var current: Int64?
            while let row = try rows.next() {
                let key: Int64 = row[0]
                if key != current {
                    if let current { try body(current, values) }
                    current = key
                    values.removeAll(keepingCapacity: true)
                }
                values.append(row[1])
            }
            if let current { try body(current, values) }
            start += count
        }
    }

    /// Rows in one statement: 256 rows of up to 3 values stay far below SQLite's 32,766
    /// parameters, and spread GRDB's per-statement cost so it no longer shows beside SQLite's
    /// own work.
    static let rowsPerStatement = 256

    /// Inserts `values`, read as consecutive rows of `width` values, in order, with
    /// `"\(head) VALUES (?, …), (?, …), … \(tail)"`: full statements of
    /// ``rowsPerStatement`` rows (one cached statement) and one shorter statement for the rest.
    /// Rows are inserted in the order given, as one statement per row would insert them.
    ///
    /// - Complexity: O(`values.count`), in `values.count / (width × rowsPerStatement) + 1`
    ///   statement executions.
    static func insert(
        _ values: [DatabaseValue], width: Int, head: String, tail: String = "", _ db: Database
    ) throws {
        precondition(width > 0 && values.count % width == 0, "values must hold whole rows")
        let rowCount = values.count / width
        let placeholders = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        func sql(_ rows: Int) -> String {
            head + " VALUES " + Array(repeating: placeholders, count: rows).joined(separator: ", ") + " " + tail
        }
        var start = 0
        while start < rowCount {
            let rows = min(rowsPerStatement, rowCount - start)
            // The full-size statement is reused by every batch; a remainder's size varies,
            // so it is compiled for this call only instead of filling the statement cache.
            let statement = rows == rowsPerStatement
                ? try db.cachedStatement(sql: sql(rows)) : try db.makeStatement(sql: sql(rows))
            statement.setUncheckedArguments(StatementArguments(values[(start * width)..<((start + rows) * width)]))
            try statement.execute()
            start += rows
        }
    }

    /// Inserts two-integer `rows`, in order, with `head` (see ``insert(_:width:head:tail:_:)``),
    /// ``rowsPerStatement`` rows at a time.
    static func insert(pairs rows: [(Int64, Int64)], head: String, _ db: Database) throws {
        var values: [DatabaseValue] = []
        values.reserveCapacity(min(rows.count, rowsPerStatement) * 2)
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerStatement, rows.count)
            values.removeAll(keepingCapacity: true)
            for row in rows[start..<end] {
                values.append(row.0.databaseValue)
                values.append(row.1.databaseValue)
            }
            try insert(values, width: 2, head: head, db)
            start = end
        }
    }
}
