import GRDB

/// Rows written in bulk through GRDB's statements. GRDB's arguments cost allocations and
/// checks per statement execution, so the line counts of a batch are written many rows per
/// statement (a multi-row `VALUES` list).
enum IntegerStatement {
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
}
