import Catalog
import Foundation

/// Reads a PostgreSQL database into a `Source` with seven catalog queries, however many tables it has.
///
/// Every query is set-based over `pg_catalog` and runs inside one `REPEATABLE READ READ ONLY`
/// transaction, so the catalog is a consistent snapshot. Nothing waits for a lock another session
/// holds: a locked relation is documented without what needs its lock, with a warning. Partitions are folded into their root
/// table; a view's dependencies come from `pg_rewrite`/`pg_depend`.
public struct PostgresIntrospector: Sendable {
    public var sourceName: String
    /// A libpq URI or key=value string; empty means libpq's environment (PGHOST, PGPASSWORD, ~/.pgpass, …).
    public var conninfo: String
    public var statementTimeoutSeconds: Double

    public init(sourceName: String, conninfo: String, statementTimeoutSeconds: Double = 60) {
        self.sourceName = sourceName
        self.conninfo = conninfo
        self.statementTimeoutSeconds = statementTimeoutSeconds
    }

    public func read() throws(IntrospectError) -> Introspection {
        let connection = try PostgresConnection(
            conninfo: conninfo, applicationName: "schema-scribe",
            statementTimeoutMilliseconds: Int(statementTimeoutSeconds * 1000))
        // The queries skip what needs a lock on relations found locked first; a lock taken after that check
        // makes a query time out on `lock_timeout`, and the snapshot is read again with the new lock seen.
        var attempt = 1
        while true {
            let run = PostgresRun(connection: connection, sourceName: sourceName)
            do throws(IntrospectError) {
                try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                try run.readAll()
                try connection.execute("COMMIT")
                return Introspection(source: run.source(), warnings: run.warnings, queries: run.queries)
            } catch {
                guard case .locked = error.reason, attempt < 3 else { throw error }
                try connection.execute("ROLLBACK")
                attempt += 1
            }
        }
    }
}

/// Which relations are the user's: not the system's, not a temporary or TOAST schema's, not an extension's.
private let userRelations = """
    n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
    """

private final class PostgresRun {
    let connection: PostgresConnection
    let sourceName: String
    var warnings: [String] = []
    var queries: [Introspection.Query] = []

    /// Relations another session locks (`ACCESS EXCLUSIVE`, held or waited for), and views that read one:
    /// `pg_get_expr`, `pg_get_viewdef`, `pg_total_relation_size` and their kin would wait for the lock, so
    /// the queries leave those values out for these. True when the relation itself (or its index or TOAST
    /// table) is locked, false when it only reads a locked one.
    private var locked: [Int: Bool] = [:]
    /// Relations by oid, including partitions until they are folded into their root.
    private var tables: [Int: Table] = [:]
    private var partitionParent: [Int: Int] = [:]
    private var partitionBound: [Int: String] = [:]
    /// Column names by relation oid and attribute number, to read `conkey`-style arrays.
    private var attributeNames: [Int: [Int: String]] = [:]
    private var domains: [Int: String] = [:]
    private var enums: [Int: [String]] = [:]

    init(connection: PostgresConnection, sourceName: String) {
        self.connection = connection
        self.sourceName = sourceName
    }

    private func timed(_ label: String, _ sql: String) throws(IntrospectError) -> [[String?]] {
        let start = Date()
        let rows = try connection.query(sql)
        queries.append(.init(label: label, seconds: Date().timeIntervalSince(start), rows: rows.count))
        return rows
    }

    func readAll() throws(IntrospectError) {
        try readLocks()
        try readTypes()
        try readRelations()
        try readColumns()
        try readConstraints()
        try readIndexes()
        try readViewDependencies()
    }

    // MARK: Locks

    private func readLocks() throws(IntrospectError) {
        let rows = try timed("locked relations", """
            WITH held AS (
                SELECT l.relation FROM pg_locks l
                WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.pid IS DISTINCT FROM pg_backend_pid()
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())),
            itself AS (
                SELECT relation AS oid FROM held
                UNION SELECT c.oid FROM pg_class c WHERE c.reltoastrelid IN (SELECT relation FROM held)
                UNION SELECT i.indrelid FROM pg_index i WHERE i.indexrelid IN (SELECT relation FROM held))
            SELECT oid::bigint, true FROM itself
            UNION
            SELECT r.ev_class::bigint, false FROM pg_rewrite r
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
            WHERE d.refobjid IN (SELECT relation FROM held) AND r.ev_class NOT IN (SELECT oid FROM itself)
            """)
        for row in rows {
            if let oid = row.int(0) { locked[oid] = row[1] == "t" }
        }
    }

    /// A relation's size on disk with its indexes and TOAST. Measuring opens every file of every relation
    /// (`pg_total_relation_size`: 0.7–1.4 s for 5,000 tables, in a new session), so the page counts that ANALYZE and
    /// VACUUM record (`relpages`, 0.1 s) are used where they exist, like `reltuples` for the row count: for the table
    /// and its indexes once it was analyzed. A TOAST table's count is kept by VACUUM alone, so a TOAST table is
    /// measured when VACUUM never counted it (its `reltuples` -1: after an ANALYZE alone, a restore say) or counted
    /// it empty before rows were added (the statistics' inserts since the last VACUUM); one counted empty and
    /// still empty is not opened (4,500 empty TOAST tables took 0.35 s to measure). A table never analyzed, or any
    /// table on a server before 14 (where 0 also meant never counted), is measured whole.
    ///
    /// Reads `c` (the relation), `t` (its TOAST table) and `ci`/`ti` (their indexes' pages, `indexPages`), joined
    /// once for all relations: a subquery per relation for each was half of the query's time.
    static let totalSize = """
        CASE WHEN c.reltuples < 0 OR current_setting('server_version_num')::int < 140000 THEN pg_total_relation_size(c.oid)
        ELSE (c.relpages + COALESCE(ci.pages, 0) + COALESCE(ti.pages, 0))::bigint * current_setting('block_size')::bigint
             + COALESCE(CASE WHEN t.reltuples < 0 OR (t.relpages = 0 AND pg_stat_get_ins_since_vacuum(t.oid) > 0)
                             THEN pg_relation_size(t.oid)
                             ELSE t.relpages::bigint * current_setting('block_size')::bigint END, 0)
        END
        """

    /// The pages of each relation's indexes, by the relation's oid: for `totalSize`.
    static let indexPages = """
        SELECT i.indrelid, sum(x.relpages)::bigint AS pages FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid GROUP BY i.indrelid
        """

    /// An SQL condition: the relation in `column` is not locked, so functions that lock it may run.
    private func unlocked(_ column: String) -> String {
        "\(column) <> ALL('{\(locked.keys.sorted().map(String.init).joined(separator: ","))}'::oid[])"
    }

    /// The warning for a relation whose lock-guarded details were left out.
    private static func lockWarning(_ kind: Table.Kind, _ name: String, itself: Bool) -> String {
        let missing = switch kind {
        case .view: "its definition"
        case .materializedView: "its definition, size and index definitions"
        case .partitionedTable: "its partition key, column defaults, checks and index definitions"
        default: "its size, column defaults, checks and index definitions"
        }
        return "\(kind.text) \(name) " + (itself ? "is locked by another session" : "reads a table locked by another session")
            + "; documented without \(missing)"
    }

    // MARK: Types

    private func readTypes() throws(IntrospectError) {
        let rows = try timed("domain and enum types", """
            SELECT t.oid::bigint, t.typtype,
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
                   CASE WHEN t.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                                   FROM pg_enum e WHERE e.enumtypid = t.oid) END
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype IN ('d', 'e') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            """)
        for row in rows {
            guard let oid = row.int(0) else { continue }
            if row[1] == "d", let base = row[2] { domains[oid] = base }
            if row[1] == "e", let json = row[3], let labels = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) {
                enums[oid] = labels
            }
        }
    }

    // MARK: Relations

    private func readRelations() throws(IntrospectError) {
        let rows = try timed("relations", """
            WITH index_pages AS (\(Self.indexPages))
            SELECT c.oid::bigint, n.nspname, c.relname, c.relkind, c.relispartition,
                   (SELECT i.inhparent::bigint FROM pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1),
                   CASE WHEN c.relispartition AND \(unlocked("c.oid")) THEN pg_get_expr(c.relpartbound, c.oid) END,
                   CASE WHEN c.relkind = 'p' AND \(unlocked("c.oid")) THEN pg_get_partkeydef(c.oid) END,
                   c.reltuples::bigint,
                   CASE WHEN c.relkind IN ('r', 'm', 't') AND \(unlocked("c.oid")) THEN \(Self.totalSize) END,
                   d.description,
                   CASE WHEN c.relkind IN ('v', 'm') AND \(unlocked("c.oid")) THEN pg_get_viewdef(c.oid, true) END,
                   has_table_privilege(c.oid, 'SELECT'),
                   c.relpersistence
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            LEFT JOIN index_pages ci ON ci.indrelid = c.oid
            LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
            LEFT JOIN index_pages ti ON ti.indrelid = t.oid
            WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND \(userRelations)
            ORDER BY n.nspname, c.relname
            """)
        for row in rows {
            guard let oid = row.int(0), let schema = row[1], let name = row[2] else { continue }
            let kind: Table.Kind = switch row[3] {
            case "v": .view
            case "m": .materializedView
            case "f": .foreignTable
            case "p": .partitionedTable
            default: .table
            }
            var table = Table(id: TableID(source: sourceName, schema: schema, name: name), kind: kind)
            if kind != .view, let estimate = row.int(8), estimate >= 0 {
                table.rowCount = RowCount(value: estimate, isExact: false)
            }
            table.bytes = row.int(9)
            table.description = row[10].map { Description(text: $0, origin: .databaseComment) }
            table.viewDefinition = row[11]
            table.partitionKey = row[7]
            if row[13] == "u" { table.options.append("UNLOGGED") }
            if row[4] == "t", let parent = row.int(5) {
                partitionParent[oid] = parent
                partitionBound[oid] = row[6] ?? ""
            }
            if row[12] == "f" {
                warnings.append("\(kind.text) \(schema).\(name): no SELECT privilege; documented from the catalog only")
            }
            if let itself = locked[oid] { warnings.append(Self.lockWarning(kind, "\(schema).\(name)", itself: itself)) }
            tables[oid] = table
        }
    }

    // MARK: Columns

    private func readColumns() throws(IntrospectError) {
        // A default is printed without its relation (`pg_get_expr(…, 0)`): it cannot name a column, and opening each
        // relation to print it was two thirds of the query (0.4 s at 5,000 tables). A generated column's expression
        // names columns, so it is printed with its relation.
        let rows = try timed("columns", """
            SELECT a.attrelid::bigint, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   CASE WHEN \(unlocked("a.attrelid"))
                        THEN pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END) END, a.attidentity, a.attgenerated, d.description, a.atttypid::bigint
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'm', 'f', 'p') AND \(userRelations)
            ORDER BY a.attrelid, a.attnum
            """)
        // Gathered apart and set once per table: reading `tables[oid]` for each of 93,000 columns copied its table.
        var columns: [Int: [Column]] = [:]
        for row in rows {
            guard let oid = row.int(0), let number = row.int(1), let name = row[2], tables.index(forKey: oid) != nil else { continue }
            attributeNames[oid, default: [:]][number] = name
            let expression = row[5]
            let generated = row[7] == "s" ? Column.Generated(storage: .stored, expression: expression) : nil
            let typeOID = row.int(9) ?? 0
            var column = Column(
                name: name,
                position: (columns[oid]?.count ?? 0) + 1,
                dataType: row[3] ?? "",
                isNullable: row[4] != "t",
                defaultValue: generated == nil ? expression : nil,
                generated: generated,
                description: row[8].map { Description(text: $0, origin: .databaseComment) },
                identity: row[6] == "a" ? "ALWAYS" : row[6] == "d" ? "BY DEFAULT" : nil
            )
            column.domainBaseType = domains[typeOID]
            column.enumLabels = enums[typeOID]
            columns[oid, default: []].append(column)
        }
        for (oid, list) in columns { tables[oid]?.columns = list }
    }

    private func names(_ relation: Int, _ array: String?) -> [String] {
        Self.integers(array).map { attributeNames[relation]?[$0] ?? "#\($0)" }
    }

    /// `{1,2}` (an array) or `1 2` (an int2vector) as integers.
    static func integers(_ text: String?) -> [Int] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "{" || $0 == "}" }).compactMap { Int($0) }
    }

    // MARK: Constraints

    private func readConstraints() throws(IntrospectError) {
        // Only unique, check and exclusion constraints are printed: a primary or foreign key is read from its
        // columns, and printing 11,000 of them was three quarters of the query.
        let rows = try timed("constraints", """
            SELECT con.conrelid::bigint, con.conname, con.contype, con.conkey::text, con.confrelid::bigint,
                   con.confkey::text, con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred,
                   CASE WHEN con.contype IN ('u', 'c', 'x') AND \(unlocked("con.conrelid")) THEN pg_get_constraintdef(con.oid, true) END
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0 AND \(userRelations)
            ORDER BY con.conrelid, con.conname
            """)
        for row in rows {
            guard let relation = row.int(0), let name = row[1], tables.index(forKey: relation) != nil else { continue }
            let columns = names(relation, row[3])
            // A partition's own keys and checks are the partitioned table's business, except foreign keys
            // declared on each partition (Pagila does this), which are folded into the root table once.
            let oid = rootOf(relation)
            if oid != relation && row[2] != "f" { continue }
            switch row[2] {
            case "p":
                tables[oid]?.primaryKey = PrimaryKey(name: name, columns: columns)
                for (offset, column) in columns.enumerated() {
                    if let index = tables[oid]?.columns.firstIndex(where: { $0.name == column }) {
                        tables[oid]?.columns[index].primaryKeyPosition = offset + 1
                    }
                }
            case "f":
                guard let target = row.int(4), let targetTable = tables[target] else { continue }
                // A key to a partition is shown as a key to the partitioned table the user queries.
                let referenced = tables[rootOf(target)]?.id ?? targetTable.id
                let key = ForeignKey(
                    name: name, columns: columns,
                    referencedTable: referenced,
                    referencedColumns: names(target, row[5]),
                    onDelete: Self.action(row[7]), onUpdate: Self.action(row[6]),
                    isDeferrable: row[8] == "t", isInitiallyDeferred: row[9] == "t")
                let known = tables[oid]?.foreignKeys.contains {
                    $0.columns == key.columns && $0.referencedTable == key.referencedTable && $0.referencedColumns == key.referencedColumns
                } ?? false
                if oid == relation || !known { tables[oid]?.foreignKeys.append(key) }
            case "u", "c", "x":
                let kind: Constraint.Kind = row[2] == "u" ? .unique : row[2] == "c" ? .check : .exclusion
                tables[oid]?.constraints.append(Constraint(name: name, kind: kind, columns: columns, definition: row[10] ?? ""))
            default:
                break
            }
        }
    }

    /// `(a AND b)` → `a AND b`, as a reader writes a WHERE clause; `(a) OR (b)` stays as it is.
    static func withoutOuterParentheses(_ text: String) -> String {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return text }
        var depth = 0
        var quoted = false
        for (offset, character) in text.enumerated() {
            if character == "'" { quoted.toggle() }
            if quoted { continue }
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 && offset < text.count - 1 { return text }
        }
        return String(text.dropFirst().dropLast())
    }

    private static func action(_ code: String?) -> ForeignKey.Action {
        switch code {
        case "r": .restrict
        case "c": .cascade
        case "n": .setNull
        case "d": .setDefault
        default: .noAction
        }
    }

    private func rootOf(_ oid: Int) -> Int {
        var current = oid
        var seen: Set<Int> = []
        while let parent = partitionParent[current], seen.insert(current).inserted { current = parent }
        return current
    }

    // MARK: Indexes

    private func readIndexes() throws(IntrospectError) {
        let rows = try timed("indexes", """
            SELECT i.indrelid::bigint, ic.relname, am.amname, i.indisunique, i.indisprimary, i.indkey::text,
                   (SELECT json_agg(CASE WHEN i.indkey[k - 1] = 0 AND \(unlocked("i.indrelid")) THEN pg_get_indexdef(i.indexrelid, k, true) END
                                    ORDER BY k)
                    FROM generate_series(1, i.indnkeyatts) AS k),
                   CASE WHEN \(unlocked("i.indrelid")) THEN pg_get_expr(i.indpred, i.indrelid) END,
                   i.indexrelid IN (SELECT u.conindid FROM pg_constraint u WHERE u.contype IN ('u', 'x'))
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE \(userRelations)
            ORDER BY i.indrelid, ic.relname
            """)
        for row in rows {
            guard let oid = row.int(0), let name = row[1], tables.index(forKey: oid) != nil, partitionParent[oid] == nil else { continue }
            let keys = Self.integers(row[5])
            // One text per key part: printed for an expression only (a column is named by its number, and printing
            // every part took most of a second at 5,000 tables); null where the table was locked. Whether an index
            // backs a constraint is one hashed lookup: `conindid` has no index, and a correlated EXISTS scanned
            // every constraint once per index (1.4 s at 5,000 tables).
            let texts = row[6].flatMap { try? JSONDecoder().decode([String?].self, from: Data($0.utf8)) } ?? []
            let parts: [TableIndex.Part] = texts.enumerated().map { offset, text in
                let attribute = offset < keys.count ? keys[offset] : 0
                if attribute != 0, let column = attributeNames[oid]?[attribute] { return .column(column) }
                return .expression(text ?? "(not read: the table was locked)")
            }
            let origin: TableIndex.Origin = row[4] == "t" ? .primaryKey : row[8] == "t" ? .uniqueConstraint : .created
            tables[oid]?.indexes.append(TableIndex(
                name: name, parts: parts, isUnique: row[3] == "t", predicate: row[7].map(Self.withoutOuterParentheses), origin: origin,
                method: row[2] == "btree" ? nil : row[2]))
        }
    }

    // MARK: Lineage

    private func readViewDependencies() throws(IntrospectError) {
        let rows = try timed("view dependencies", """
            SELECT DISTINCT r.ev_class::bigint, d.refobjid::bigint, a.attname
            FROM pg_rewrite r
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
            LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
            WHERE r.rulename = '_RETURN'
            ORDER BY 1, 2, 3
            """)
        var reads: [Int: [Int: [String]]] = [:]
        for row in rows {
            guard let view = row.int(0), let table = row.int(1), tables[view] != nil, tables[table] != nil else { continue }
            var columns = reads[view, default: [:]][table, default: []]
            if let column = row[2] { columns.append(column) }
            reads[view, default: [:]][table] = columns
        }
        for (view, sources) in reads {
            let dependencies = sources.compactMap { table, columns in
                tables[table].map { ViewDependency(table: $0.id, columns: columns) }
            }
            tables[view]?.reads = dependencies.sorted { $0.table < $1.table }
        }
    }

    // MARK: Assembly

    /// Folds partitions into their root tables and orders schemas and tables by name.
    func source() -> Source {
        var roots = tables
        for (partition, _) in partitionParent {
            roots[partition] = nil
        }
        for (partition, parent) in partitionParent.sorted(by: { $0.key < $1.key }) {
            guard let table = tables[partition] else { continue }
            let root = rootOf(partition)
            let immediate = parent == root ? nil : tables[parent]?.name
            roots[root]?.partitions.append(Partition(
                name: table.name, bound: partitionBound[partition] ?? "", parent: immediate,
                rowCount: table.kind == .partitionedTable ? nil : table.rowCount, bytes: table.bytes))
        }
        for (oid, table) in roots where !table.partitions.isEmpty {
            roots[oid]?.partitions.sort { (ExactName($0.parent ?? ""), ExactName($0.name)) < (ExactName($1.parent ?? ""), ExactName($1.name)) }
            let counts = table.partitions.compactMap(\.rowCount?.value)
            if !counts.isEmpty { roots[oid]?.rowCount = RowCount(value: counts.reduce(0, +), isExact: false) }
            let sizes = table.partitions.compactMap(\.bytes)
            if !sizes.isEmpty { roots[oid]?.bytes = sizes.reduce(0, +) }
        }
        // By exact spelling, and sorted with ties broken by scalars: schemas or tables whose names differ only in
        // Unicode normalization stay apart, in the same order every time.
        let bySchema = Dictionary(grouping: roots.values, by: { ExactName($0.id.schema) })
        let schemas = bySchema.keys.sorted().map { name in
            Schema(name: name.text, tables: (bySchema[name] ?? []).sorted { $0.id < $1.id })
        }
        return Source(name: sourceName, kind: .postgres, schemas: schemas)
    }
}

private extension Table.Kind {
    /// `partitioned table`, as a sentence says it.
    var text: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

private extension Array where Element == String? {
    func int(_ index: Int) -> Int? {
        index < count ? self[index].flatMap { Int($0) } : nil
    }
}
