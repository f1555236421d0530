import Catalog
import Foundation

/// Reads a SQLite file into a `Source` with a fixed handful of set-based queries.
///
/// SQLite's table-valued pragmas (`pragma_table_xinfo`, `pragma_foreign_key_list`, …) join against
/// `sqlite_schema`, so one statement covers every table: the number of queries does not grow with the
/// schema. Only row counts need one `count(*)` per table, and those are batched into a few
/// `UNION ALL` statements.
public struct SQLiteIntrospector: Sendable {
    public var sourceName: String
    public var path: String
    public var countRows: Bool

    public init(sourceName: String, path: String, countRows: Bool = true) {
        self.sourceName = sourceName
        self.path = path
        self.countRows = countRows
    }

    public func read() throws(IntrospectError) -> Introspection {
        let db = try SQLiteConnection(path: path)
        let run = Run(db: db, sourceName: sourceName)
        try run.readAll(countRows: countRows)
        let schema = Schema(name: "main", tables: run.tables.sorted { $0.name < $1.name })
        return Introspection(
            source: Source(name: sourceName, kind: .sqlite, schemas: [schema]),
            warnings: run.warnings,
            queries: run.queries
        )
    }
}

/// One reading of one database; a class so the per-row closures can fill it in place.
private final class Run {
    let db: SQLiteConnection
    let sourceName: String
    var tables: [Table] = []
    var warnings: [String] = []
    var queries: [Introspection.Query] = []
    /// Position of each table in `tables` by exact name (`é` and `e` + U+0301 are two tables to SQLite).
    private var positions: [ExactName: Int] = [:]

    init(db: SQLiteConnection, sourceName: String) {
        self.db = db
        self.sourceName = sourceName
    }

    func readAll(countRows: Bool) throws(IntrospectError) {
        try readTables()
        try readColumns()
        try readForeignKeys()
        try readIndexes()
        if countRows { try readRowCounts() }
    }

    private func id(_ name: String) -> TableID {
        TableID(source: sourceName, schema: "main", name: name)
    }

    /// Runs one catalog query, timing it for the debug log.
    private func timed(
        _ label: String, _ sql: String, _ row: (SQLiteRow) throws(IntrospectError) -> Void
    ) throws(IntrospectError) {
        let start = Date()
        var rows = 0
        try db.query(sql) { (r: SQLiteRow) throws(IntrospectError) in
            rows += 1
            try row(r)
        }
        queries.append(.init(label: label, seconds: Date().timeIntervalSince(start), rows: rows))
    }

    // MARK: Tables

    private func readTables() throws(IntrospectError) {
        let sql = """
            SELECT t.name, t.type, t.wr, t.strict, m.sql
            FROM pragma_table_list AS t
            LEFT JOIN sqlite_schema AS m ON m.name = t.name AND m.type IN ('table', 'view')
            WHERE t.schema = 'main' AND t.type IN ('table', 'view', 'virtual')
              AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY t.name
            """
        var found: [Table] = []
        var definitions: [ExactName: String] = [:]
        try timed("tables", sql) { row in
            guard let name = row.string(0) else { return }
            let type = row.string(1) ?? "table"
            let kind: Table.Kind = type == "view" ? .view : type == "virtual" ? .virtualTable : .table
            var options: [String] = []
            if row.int(2) == 1 { options.append("WITHOUT ROWID") }
            if row.int(3) == 1 { options.append("STRICT") }
            let sql = row.string(4)
            definitions[ExactName(name)] = sql
            found.append(Table(
                id: TableID(source: sourceName, schema: "main", name: name),
                kind: kind,
                viewDefinition: kind == .view ? sql : nil,
                options: options
            ))
        }
        tables = found
        self.definitions = definitions
        positions = Dictionary(tables.enumerated().map { (ExactName($1.name), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stored `CREATE` statement of each table and view.
    private var definitions: [ExactName: String] = [:]

    // MARK: Columns

    private func readColumns() throws(IntrospectError) {
        let sql = """
            SELECT m.name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
            FROM sqlite_schema AS m, pragma_table_xinfo(m.name) AS c
            WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY m.name, c.cid
            """
        do {
            try timed("columns", sql) { row in self.addColumn(row, table: row.string(0) ?? "") }
        } catch {
            // One broken view (it names a table that was dropped) fails the joined query;
            // read table by table so the rest of the schema is still documented.
            for index in tables.indices { tables[index].columns = [] }
            for table in tables {
                let one = "SELECT '', c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden "
                    + "FROM pragma_table_xinfo(\(Self.literal(table.name))) AS c ORDER BY c.cid"
                do {
                    try timed("columns of one table", one) { row in self.addColumn(row, table: table.name) }
                } catch {
                    warnings.append("\(table.kind == .view ? "view" : "table") \(table.name): columns could not be read (\(Self.message(error)))")
                }
            }
        }
        for index in tables.indices {
            let keyed = tables[index].columns
                .compactMap { column in column.primaryKeyPosition.map { ($0, column.name) } }
                .sorted { $0.0 < $1.0 }
            if !keyed.isEmpty, !tables[index].kind.isView {
                tables[index].primaryKey = PrimaryKey(columns: keyed.map(\.1))
            }
            let generated = tables[index].columns.contains { $0.generated != nil }
            if generated, let sql = definitions[tables[index].name] {
                let expressions = SQLiteDDL.generatedExpressions(sql)
                for c in tables[index].columns.indices where tables[index].columns[c].generated != nil {
                    let name = tables[index].columns[c].name
                    tables[index].columns[c].generated?.expression = expressions[name]
                }
            }
        }
    }

    private func addColumn(_ row: SQLiteRow, table: String) {
        guard let position = positions[table], let name = row.string(2) else { return }
        let hidden = row.int(7) ?? 0
        // table_xinfo's `hidden`: 1 hidden virtual-table column, 2 generated virtual, 3 generated stored.
        let generated: Column.Generated? = switch hidden {
        case 2: Column.Generated(storage: .virtual, expression: nil)
        case 3: Column.Generated(storage: .stored, expression: nil)
        default: nil
        }
        let pk = row.int(6) ?? 0
        tables[position].columns.append(Column(
            name: name,
            position: (row.int(1) ?? 0) + 1,
            dataType: row.string(3) ?? "",
            // A key column is shown as required even where SQLite's legacy rule would let it hold NULL.
            isNullable: row.int(4) == 0 && pk == 0,
            defaultValue: row.string(5),
            primaryKeyPosition: pk > 0 ? pk : nil,
            generated: generated,
            isHidden: hidden == 1
        ))
    }

    // MARK: Foreign keys

    private func readForeignKeys() throws(IntrospectError) {
        let sql = """
            SELECT m.name, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete
            FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY m.name, f.id, f.seq
            """
        struct Key { var table: String; var id: Int; var target: String; var from: [String]; var to: [String?]; var onUpdate: String; var onDelete: String }
        var keys: [Key] = []
        try timed("foreign keys", sql) { row in
            guard let table = row.string(0), let id = row.int(1) else { return }
            let from = row.string(4) ?? ""
            if let last = keys.last, last.table.isExactly(table), last.id == id {
                keys[keys.count - 1].from.append(from)
                keys[keys.count - 1].to.append(row.string(5))
            } else {
                keys.append(Key(table: table, id: id, target: row.string(3) ?? "", from: [from], to: [row.string(5)],
                                onUpdate: row.string(6) ?? "", onDelete: row.string(7) ?? ""))
            }
        }
        // SQLite matches the referenced name without regard to ASCII case; use the table's real spelling.
        var byFoldedName: [ExactName: String] = [:]
        for table in tables { byFoldedName[ExactName(table.name.lowercased())] = byFoldedName[table.name.lowercased()] ?? table.name }
        // Present keys in the order of their first column, as a reader scans the table.
        for key in keys.sorted(by: { (ExactName($0.table), firstColumnPosition($0.table, $0.from)) < (ExactName($1.table), firstColumnPosition($1.table, $1.from)) }) {
            guard let position = positions[key.table] else { continue }
            let target = positions[key.target] != nil ? key.target : byFoldedName[key.target.lowercased()] ?? key.target
            var referenced = key.to.compactMap { $0 }
            if referenced.count != key.to.count {
                // `REFERENCES t` without columns means t's primary key.
                referenced = positions[target].flatMap { tables[$0].primaryKey?.columns } ?? []
            }
            tables[position].foreignKeys.append(ForeignKey(
                columns: key.from,
                referencedTable: id(target),
                referencedColumns: referenced,
                onDelete: ForeignKey.Action(rawValue: key.onDelete) ?? .noAction,
                onUpdate: ForeignKey.Action(rawValue: key.onUpdate) ?? .noAction
            ))
        }
    }

    private func firstColumnPosition(_ table: String, _ columns: [String]) -> Int {
        guard let position = positions[table], let first = columns.first else { return Int.max }
        return tables[position].columns.first { $0.name.isExactly(first) }?.position ?? Int.max
    }

    // MARK: Indexes

    private func readIndexes() throws(IntrospectError) {
        let sql = """
            SELECT m.name, il.name, il."unique", il.origin, il.partial, ix.cid, ix.name, s.sql
            FROM sqlite_schema AS m, pragma_index_list(m.name) AS il, pragma_index_xinfo(il.name) AS ix
            LEFT JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = il.name
            WHERE m.type = 'table' AND ix.key = 1 AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY m.name, il.name, ix.seqno
            """
        struct Part { var cid: Int; var name: String? }
        struct Found { var table: String; var name: String; var unique: Bool; var origin: String; var partial: Bool; var parts: [Part]; var sql: String? }
        var found: [Found] = []
        try timed("indexes", sql) { row in
            guard let table = row.string(0), let name = row.string(1) else { return }
            let part = Part(cid: row.int(5) ?? -1, name: row.string(6))
            if let last = found.last, last.table.isExactly(table), last.name.isExactly(name) {
                found[found.count - 1].parts.append(part)
            } else {
                found.append(Found(table: table, name: name, unique: row.int(2) == 1, origin: row.string(3) ?? "c",
                                   partial: row.int(4) == 1, parts: [part], sql: row.string(7)))
            }
        }
        for index in found {
            guard let position = positions[index.table] else { continue }
            let shape = index.sql.flatMap(SQLiteDDL.indexShape)
            let parts: [TableIndex.Part] = index.parts.enumerated().map { offset, part in
                if part.cid == -2 {
                    let written = shape.flatMap { offset < $0.parts.count ? $0.parts[offset] : nil }
                    return .expression(written ?? "(expression)")
                }
                return .column(part.name ?? "rowid")
            }
            let origin: TableIndex.Origin = switch index.origin {
            case "pk": .primaryKey
            case "u": .uniqueConstraint
            default: .created
            }
            tables[position].indexes.append(TableIndex(
                name: index.name, parts: parts, isUnique: index.unique,
                predicate: index.partial ? shape?.predicate : nil, origin: origin
            ))
        }
    }

    // MARK: Row counts

    private func readRowCounts() throws(IntrospectError) {
        // SQLite caps a compound SELECT at 500 terms by default.
        let counted = tables.filter { $0.kind == .table }.map(\.name)
        var start = 0
        while start < counted.count {
            let batch = Array(counted[start..<min(start + 400, counted.count)])
            start += batch.count
            let sql = batch.map { "SELECT \(Self.literal($0)), count(*) FROM \(Self.quoted($0))" }
                .joined(separator: "\nUNION ALL ")
            do {
                try timed("row counts (\(batch.count) tables)", sql) { row in
                    if let name = row.string(0), let position = positions[name], let value = row.int(1) {
                        tables[position].rowCount = RowCount(value: value, isExact: true)
                    }
                }
            } catch {
                for name in batch {
                    let one = "SELECT \(Self.literal(name)), count(*) FROM \(Self.quoted(name))"
                    do {
                        try timed("row count of one table", one) { row in
                            if let position = positions[name], let value = row.int(1) {
                                tables[position].rowCount = RowCount(value: value, isExact: true)
                            }
                        }
                    } catch {
                        warnings.append("table \(name): rows could not be counted (\(Self.message(error)))")
                    }
                }
            }
        }
    }

    // MARK: Quoting

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func message(_ error: IntrospectError) -> String {
        if case .queryFailed(_, let message) = error.reason { return message }
        return error.description
    }
}
