import GRDB
import GRDBSQLite

/// One prepared statement of integer (and text) parameters run for many rows, binding and
/// reading through SQLite's C API: the posting tables take and answer hundreds of rows per
/// document, and GRDB's argument arrays and cursors cost allocations and dynamic casts per
/// row, more than SQLite's own work.
struct IntegerStatement {
    private let statement: Statement
    private let connection: SQLiteConnection?

    /// A writer for `sql`, whose parameters are all integers, on `db` (a cached statement).
    init(_ sql: String, _ db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection
    }

    /// Runs the statement with the parameters `values` (as many as it has).
    func run(_ values: Int64...) throws {
        try run(values)
    }

    /// Runs the statement with the parameters `values` (as many as it has).
    func run(_ values: [Int64]) throws {
        let raw = statement.sqliteStatement
        for (index, value) in values.enumerated() { sqlite3_bind_int64(raw, Int32(index + 1), value) }
        try step(raw)
    }

    /// Runs the statement with two parameters, once per element of `rows`, in order.
    func run(pairs rows: [(Int64, Int64)]) throws {
        let raw = statement.sqliteStatement
        for row in rows {
            sqlite3_bind_int64(raw, 1, row.0)
            sqlite3_bind_int64(raw, 2, row.1)
            try step(raw)
        }
    }

    /// Runs the statement with the parameters integer, text, integer (a line count row).
    func run(_ first: Int64, _ text: String, _ third: Int64) throws {
        let raw = statement.sqliteStatement
        sqlite3_bind_int64(raw, 1, first)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        _ = text.utf8CString.withUnsafeBufferPointer { sqlite3_bind_text(raw, 2, $0.baseAddress, -1, transient) }
        sqlite3_bind_int64(raw, 3, third)
        try step(raw)
    }

    /// The first column of every row the statement returns for the parameters `first` and
    /// `second`, as integers, appended to `values` (cleared first).
    func integers(_ first: Int64, _ second: Int64, into values: inout [Int64]) throws {
        values.removeAll(keepingCapacity: true)
        let raw = statement.sqliteStatement
        sqlite3_bind_int64(raw, 1, first)
        sqlite3_bind_int64(raw, 2, second)
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_ROW {
                values.append(sqlite3_column_int64(raw, 0))
                continue
            }
            guard code == SQLITE_DONE else {
                let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                sqlite3_reset(raw)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            break
        }
        sqlite3_reset(raw)
    }

    private func step(_ raw: SQLiteStatement) throws {
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            sqlite3_reset(raw)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(raw)
    }
}
