import Foundation

/// SQL for tables whose every column is labelled with the PII kind it holds (or nil), collected with the
/// raw values of the PII columns, for the labelled fixtures.
public struct LabelledTables {
    public struct Column {
        var name: String
        var type: String
        var pii: String?
        var value: (Int) -> String?

        public init(_ name: String, _ type: String, _ pii: String?, _ value: @escaping (Int) -> String?) {
            self.name = name
            self.type = type
            self.pii = pii
            self.value = value
        }
    }

    public private(set) var sql = "BEGIN;\n"
    /// `table.column` → the PII kind, or nil for a column that holds none.
    public private(set) var labels: [String: String?] = [:]
    public private(set) var rawValues: [String] = []
    /// Every value of the columns that hold no PII: published on purpose (a categorical column's values), so a
    /// raw PII value they contain (`Victoria` in `Victoria Mug`, a surname in a company) is no leak.
    public private(set) var publicValues: [String] = []
    let rows: Int

    public init(rows: Int) {
        self.rows = rows
    }

    public mutating func table(_ name: String, _ columns: [Column]) {
        func quoted(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func literal(_ value: String?) -> String { value.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL" }
        sql += "CREATE TABLE \(quoted(name)) (" + columns.map { "\(quoted($0.name)) \($0.type)" }.joined(separator: ", ") + ");\n"
        for column in columns { labels["\(name).\(column.name)"] = column.pii }
        for row in 0..<rows {
            let values = columns.map { $0.value(row) }
            for (column, value) in zip(columns, values) {
                guard let value else { continue }
                if column.pii != nil { rawValues.append(value) } else { publicValues.append(value) }
            }
            sql += "INSERT INTO \(quoted(name)) VALUES (" + values.map(literal).joined(separator: ", ") + ");\n"
        }
    }

    public func create(in folder: URL, name: String) throws -> URL {
        try SQLiteFixture.create(sql + "COMMIT;\n", in: folder, name: name)
    }
}
