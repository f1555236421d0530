import Catalog
import Foundation
import Testing
import TestSupport
@testable import Introspect

/// Against the real server that scripts/test starts; see `PostgresFixture`.
@Suite("Reading a PostgreSQL database", .enabled(if: PostgresFixture.isAvailable, "needs the test server: run scripts/test"))
struct PostgresIntrospectorTests {
    static let shop: Result<Introspection, Error> = Result {
        let url = try PostgresFixture.create("scribe_shop", sql: try Fixtures.text("postgres-shop.sql"))
        return try PostgresIntrospector(sourceName: "pg", conninfo: url).read()
    }

    func table(_ schema: String, _ name: String) throws -> Table {
        let source = try Self.shop.get().source
        return try #require(source.schemas.first { $0.name == schema }?.tables.first { $0.name == name }, "no \(schema).\(name)")
    }

    @Test func readsEveryUserSchemaAndRelationKind() throws {
        let source = try Self.shop.get().source
        #expect(source.kind == .postgres)
        #expect(source.schemas.map(\.name) == ["audit", "sales"])
        let sales = source.schemas[1].tables
        #expect(sales.map(\.name) == ["customers", "daily_totals", "events", "open_orders", "order_lines", "orders"])
        #expect(sales.map(\.kind) == [.table, .materializedView, .partitionedTable, .view, .table, .table])
        #expect(try table("audit", "remote_log").kind == .foreignTable)
    }

    @Test func readsTheWholeCatalogInSevenQueries() throws {
        #expect(try Self.shop.get().queries.map(\.label) == [
            "locked relations", "domain and enum types", "relations", "columns", "constraints", "indexes", "view dependencies",
        ])
    }

    @Test func readsCompleteColumnTypes() throws {
        let customers = try table("sales", "customers")
        #expect(customers.columns.map(\.dataType) == ["bigint", "sales.email", "text", "text[]", "numeric(6,2)", "text"])
        #expect(customers.column(named: "id")?.identity == "ALWAYS")
        #expect(customers.column(named: "email")?.domainBaseType == "character varying(320)")
        #expect(customers.column(named: "score")?.defaultValue == "0")
        #expect(customers.column(named: "name_upper")?.generated == Column.Generated(storage: .stored, expression: "upper(name)"))
        let orders = try table("sales", "orders")
        #expect(orders.column(named: "status")?.enumLabels == ["new", "paid", "shipped", "it's complicated"])
        #expect(orders.column(named: "id")?.defaultValue == "nextval('sales.orders_id_seq'::regclass)")
        #expect(orders.column(named: "note")?.dataType == "character varying(200)")
        #expect(orders.column(named: "note")?.isNullable == true)
        #expect(orders.column(named: "placed_at")?.isNullable == false)
    }

    @Test func commentsBecomeDescriptionsFromTheDatabase() throws {
        let customers = try table("sales", "customers")
        #expect(customers.description == Description(text: "People who buy <things>", origin: .databaseComment))
        #expect(customers.column(named: "email")?.description?.text == "Where receipts go")
        #expect(customers.column(named: "name")?.description == nil)
    }

    @Test func readsKeysAndConstraints() throws {
        let customers = try table("sales", "customers")
        #expect(customers.primaryKey == PrimaryKey(name: "customers_pkey", columns: ["id"]))
        #expect(customers.constraints.map(\.kind) == [.unique, .check])
        #expect(customers.constraints.last?.definition == "CHECK (score >= 0::numeric)")

        let events = try table("audit", "line_events")
        let key = try #require(events.foreignKeys.first)
        #expect(key.columns == ["order_id", "line_no"])
        #expect(key.referencedTable == TableID(source: "pg", schema: "sales", name: "order_lines"))
        #expect(key.referencedColumns == ["order_id", "line_no"])
        #expect(key.onUpdate == .restrict)
        #expect(events.constraints.map(\.kind) == [.exclusion])

        let orderKey = try #require(try table("sales", "orders").foreignKeys.first)
        #expect(orderKey.onDelete == .cascade)
        #expect(orderKey.isDeferrable && orderKey.isInitiallyDeferred)
    }

    @Test func readsIndexesWithMethodsPredicatesAndExpressions() throws {
        let orders = try table("sales", "orders").indexes
        #expect(orders.map(\.name) == ["orders_note_lower", "orders_open", "orders_pkey"])
        #expect(orders[0].parts == [.expression("lower(note::text)")])
        #expect(orders[1].predicate == "status <> 'shipped'::sales.order_status")
        #expect(orders[2].origin == .primaryKey)
        let gin = try #require(try table("audit", "line_events").indexes.first { $0.name == "line_events_payload" })
        #expect(gin.method == "gin")
    }

    @Test func partitionsAreListedUnderTheirRootTable() throws {
        let events = try table("sales", "events")
        #expect(events.partitionKey == "RANGE (happened_at)")
        #expect(events.partitions.map(\.name) == ["events_2024", "events_2025", "events_2025_click", "events_2025_other"])
        #expect(events.partitions.map(\.parent) == [nil, nil, "events_2025", "events_2025"])
        #expect(events.partitions[0].bound == "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
        #expect(events.partitions[3].bound == "DEFAULT")
        #expect(events.foreignKeys.map(\.referencedTable.name) == ["customers"])
        let all = try Self.shop.get().source.schemas.flatMap(\.tables).map(\.name)
        #expect(!all.contains("events_2024"))
    }

    @Test func viewsKeepTheirDefinitionAndWhatTheyRead() throws {
        let view = try table("sales", "open_orders")
        #expect(view.viewDefinition?.contains("JOIN sales.customers c ON c.id = o.customer_id") == true)
        #expect(view.reads.map(\.table.name) == ["customers", "orders"])
        #expect(view.reads[0].columns == ["email", "id"])
        #expect(try table("sales", "daily_totals").reads.map(\.table.name) == ["orders"])
    }

    @Test func rowEstimatesAndSizes() throws {
        let customers = try table("sales", "customers")
        #expect(customers.rowCount == RowCount(value: 2, isExact: false))
        #expect((customers.bytes ?? 0) > 0)
        #expect(try table("sales", "open_orders").rowCount == nil)
    }

    /// Sizes come from the page counts ANALYZE records where it has run (measuring every file of 5,000 tables took a
    /// second), but a TOAST table's count is VACUUM's alone, so a TOAST table VACUUM never counted (here, after an
    /// ANALYZE alone) is measured: statistics would miss most of a table of long texts. A table never analyzed is
    /// measured whole.
    @Test func sizesComeFromStatisticsAndTOASTIsMeasuredAfterAnAnalyzeAlone() throws {
        let url = try PostgresFixture.create("scribe_sizes", sql: """
            CREATE TABLE documents (id serial PRIMARY KEY, body text, code int) WITH (autovacuum_enabled = false);
            ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
            CREATE INDEX documents_code ON documents (code);
            INSERT INTO documents (body, code)
                SELECT (SELECT string_agg(md5(g::text || k::text), '') FROM generate_series(1, 100) k), g % 97
                FROM generate_series(1, 2000) g;
            ANALYZE documents;
            CREATE TABLE never_analyzed (id int PRIMARY KEY, note text) WITH (autovacuum_enabled = false);
            INSERT INTO never_analyzed SELECT g, md5(g::text) FROM generate_series(1, 5000) g;
            """)
        // Counted empty by a VACUUM, then filled: its TOAST table's count says 0 pages until the next VACUUM.
        try PostgresFixture.execute("CREATE TABLE filled_later (id int PRIMARY KEY, body text) WITH (autovacuum_enabled = false)", database: "scribe_sizes")
        try PostgresFixture.execute("ALTER TABLE filled_later ALTER COLUMN body SET STORAGE EXTERNAL", database: "scribe_sizes")
        try PostgresFixture.execute("VACUUM filled_later", database: "scribe_sizes")
        try PostgresFixture.execute("""
            INSERT INTO filled_later SELECT g, (SELECT string_agg(md5(g::text || k::text), '') FROM generate_series(1, 100) k)
            FROM generate_series(1, 2000) g; ANALYZE filled_later
            """, database: "scribe_sizes")
        let tables = try PostgresIntrospector(sourceName: "pg", conninfo: url).read().source.schemas.flatMap(\.tables)
        let bytes = try #require(tables.first { $0.name == "documents" }?.bytes)
        func size(_ sql: String) throws -> Int {
            try #require(Int(PostgresFixture.values("SELECT \(sql)", database: "scribe_sizes").first ?? ""))
        }
        let toast = try size("pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'documents'")
        let total = try size("pg_total_relation_size('documents')")
        #expect(toast > 6_000_000, "the fixture's texts are in its TOAST table")
        // Equal but for the free-space and visibility maps, which the measured total also counts.
        // Near, not equal: the TOAST table's index has no page count before a VACUUM either.
        #expect(bytes > total * 95 / 100 && bytes <= total, "\(bytes) bytes against \(total) measured by PostgreSQL")
        #expect(try tables.first { $0.name == "never_analyzed" }?.bytes == size("pg_total_relation_size('never_analyzed')"))
        let filled = try #require(tables.first { $0.name == "filled_later" }?.bytes)
        let filledTotal = try size("pg_total_relation_size('filled_later')")
        #expect(filled > filledTotal * 95 / 100 && filled <= filledTotal, "\(filled) bytes against \(filledTotal) measured by PostgreSQL")
    }

    @Test func aTableTheUserMayNotReadIsStillDocumentedWithAWarning() throws {
        _ = try Self.shop.get()
        let url = try PostgresFixture.url(database: "scribe_shop")
            .replacingOccurrences(of: "scribe_admin:\(PostgresFixture.password(in: try PostgresFixture.url(database: "x")) ?? "")", with: "scribe_reader:reader-pw-123")
        let result = try PostgresIntrospector(sourceName: "pg", conninfo: url).read()
        #expect(result.source.schemas.first { $0.name == "audit" }?.tables.map(\.name) == ["line_events", "remote_log", "secrets"])
        #expect(result.warnings == [
            "foreign table audit.remote_log: no SELECT privilege; documented from the catalog only",
            "table audit.secrets: no SELECT privilege; documented from the catalog only",
        ])
    }

    @Test func theSessionIsReadOnly() throws {
        _ = try Self.shop.get()  // the suite's database exists once this returns (tests run in parallel)
        let connection = try PostgresConnection(conninfo: try PostgresFixture.url(database: "scribe_shop"),
                                                applicationName: "scribe-test", statementTimeoutMilliseconds: 5_000)
        let error = #expect(throws: IntrospectError.self) { try connection.execute("CREATE TABLE sales.sneaky (x int)") }
        #expect(error?.description.contains("cannot execute CREATE TABLE in a read-only transaction") == true)
        #expect(try connection.query("SHOW application_name") == [["scribe-test"]])
    }
}

@Suite("PostgreSQL connection faults", .enabled(if: PostgresFixture.isAvailable, "needs the test server: run scripts/test"))
struct PostgresFaultTests {
    @Test func aWrongPasswordNamesTheServerButNeverThePassword() throws {
        let url = try PostgresFixture.url(database: "postgres")
        let real = try #require(PostgresFixture.password(in: url))
        let wrong = url.replacingOccurrences(of: real, with: "not-the-password-42")
        let error = #expect(throws: IntrospectError.self) { try PostgresIntrospector(sourceName: "pg", conninfo: wrong).read() }
        let message = try #require(error?.description)
        let port = try #require(URL(string: url)?.port)
        #expect(message.hasPrefix("could not connect to 127.0.0.1:\(port)/postgres ("))
        #expect(message.contains("password authentication failed for user \"scribe_admin\""))
        #expect(!message.contains("not-the-password-42") && !message.contains(real))
    }

    @Test func aMissingDatabase() throws {
        let url = try PostgresFixture.url(database: "no_such_database")
        let error = #expect(throws: IntrospectError.self) { try PostgresIntrospector(sourceName: "pg", conninfo: url).read() }
        #expect(error?.description.contains("/no_such_database (") == true)
        #expect(error?.description.contains("database \"no_such_database\" does not exist") == true)
    }

    @Test func anUnreachableServer() throws {
        let error = #expect(throws: IntrospectError.self) {
            try PostgresIntrospector(sourceName: "pg", conninfo: "postgresql://someone:secret-pw@127.0.0.1:1/db").read()
        }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("could not connect to 127.0.0.1:1/db ("))
        #expect(message.contains("Connection refused"))
        #expect(!message.contains("secret-pw"))
    }

    /// Only what needs the lock is left out; nothing waits for it, and everything else is read in full.
    @Test func aLockedTableIsReadWithoutWhatNeedsItsLock() throws {
        let url = try PostgresFixture.create("scribe_locked_read", sql: """
            CREATE SCHEMA s;
            CREATE TABLE s.free (id int PRIMARY KEY, note text DEFAULT 'x' CHECK (note <> ''));
            CREATE TABLE s.locked (id int PRIMARY KEY, amount numeric DEFAULT 0 CHECK (amount >= 0), free_id int REFERENCES s.free);
            CREATE INDEX locked_double ON s.locked ((amount * 2));
            CREATE TABLE s.events (id int, day date) PARTITION BY RANGE (day);
            CREATE TABLE s.events_2024 PARTITION OF s.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            """)
        let holder = try PostgresSession(database: "scribe_locked_read")
        try holder.execute("BEGIN; LOCK TABLE s.locked, s.events IN ACCESS EXCLUSIVE MODE")
        let started = Date()
        let result = try PostgresIntrospector(sourceName: "pg", conninfo: url, statementTimeoutSeconds: 20).read()
        #expect(Date().timeIntervalSince(started) < 1.5)
        withExtendedLifetime(holder) {}

        // LOCK TABLE on a partitioned table locks its partitions too.
        #expect(result.warnings == [
            "partitioned table s.events is locked by another session; documented without its partition key, column defaults, checks and index definitions",
            "table s.events_2024 is locked by another session; documented without its size, column defaults, checks and index definitions",
            "table s.locked is locked by another session; documented without its size, column defaults, checks and index definitions",
        ])
        let tables = result.source.schemas.flatMap(\.tables)
        let locked = try #require(tables.first { $0.name == "locked" })
        #expect(locked.columns.map(\.name) == ["id", "amount", "free_id"])
        #expect(locked.columns.map(\.defaultValue) == [nil, nil, nil])
        #expect(locked.primaryKey?.columns == ["id"])
        #expect(locked.foreignKeys.map(\.referencedTable.name) == ["free"])
        #expect(locked.constraints.map(\.definition) == [""])
        #expect(locked.indexes.first { $0.name == "locked_double" }?.parts == [.expression("(not read: the table was locked)")])
        #expect(locked.bytes == nil)
        let free = try #require(tables.first { $0.name == "free" })
        #expect(free.column(named: "note")?.defaultValue == "'x'::text")
        #expect(free.constraints.map(\.definition) == ["CHECK (note <> ''::text)"])
        #expect(free.bytes != nil)
    }
}

/// Connection strings libpq cannot read: said in libpq's words, never naming a server that was not tried,
/// and never with the password, whichever form it had and whatever libpq quotes. No server needed.
@Suite("PostgreSQL connection strings that cannot be read")
struct PostgresConnectionStringTests {
    @Test(arguments: [
        // A `%` not followed by two hex digits: libpq quotes the whole password.
        ("postgresql://pwuser:50%off-Secret!@127.0.0.1/db", "50%off-Secret!", #"invalid percent-encoded token: "********""#),
        ("postgresql://127.0.0.1/db?user=pwuser&password=50%zz-Secret", "50%zz-Secret", #"invalid percent-encoded token: "********""#),
        ("postgresql://pwuser:Port-Secret9@127.0.0.1:abc/db", "Port-Secret9", #"the port "abc" is not a number from 1 to 65535"#),
        // An unencoded `/` ends the host part for libpq: the password's first half becomes the port.
        ("postgresql://pwuser:pa55/Slash-Secret@127.0.0.1/db", "pa55/Slash-Secret", #"the port "********" is not a number from 1 to 65535"#),
        ("postgresql://pwuser:Unknown-Secret7@127.0.0.1/db?bogus=1", "Unknown-Secret7", #"invalid URI query parameter: "bogus""#),
        ("host=127.0.0.1 password=Kv-Secret3 bogus=1", "Kv-Secret3", #"invalid connection option "bogus""#),
        ("host=127.0.0.1 port=5x password=Kv-Port-Secret2", "Kv-Port-Secret2", #"the port "5x" is not a number from 1 to 65535"#),
        ("host=127.0.0.1 password='Quote Secret5", "Quote Secret5", "unterminated quoted string in connection info string"),
        (#"password='Esc\'aped-Secret4' host=127.0.0.1 bogus"#, #"Esc'aped-Secret4"#, #"missing "=" after "bogus" in connection info string"#),
    ])
    func isSaidInWordsWithoutThePassword(conninfo: String, password: String, reason: String) throws {
        let error = #expect(throws: IntrospectError.self) { try PostgresIntrospector(sourceName: "pg", conninfo: conninfo).read() }
        let message = try #require(error?.description)
        #expect(message == "the connection string could not be read: \(reason)")
        for piece in [password] + password.split(whereSeparator: { "/@' ".contains($0) }).map(String.init) where piece.count >= 4 {
            #expect(!message.contains(piece), "\(piece) in \(message)")
        }
    }
}

/// The public datasets in ../shared/datasets, loaded by scripts/pg-test-server, checked against pg_catalog.
@Suite("Real schemas", .enabled(if: PostgresFixture.isAvailable, "needs the test server: run scripts/test"))
struct PostgresDatasetTests {
    func read(_ database: String) throws -> Introspection {
        try PostgresIntrospector(sourceName: database, conninfo: try PostgresFixture.url(database: database)).read()
    }

    func count(_ sql: String, _ database: String) throws -> Int {
        Int(try PostgresFixture.values(sql, database: database).first ?? "") ?? -1
    }

    @Test func pagilaMatchesItsCatalog() throws {
        let source = try read("pagila").source
        let tables = source.schemas.flatMap(\.tables)
        #expect(tables.filter { !$0.kind.isView }.count == 15)  // 22 tables less 7 partitions of payment
        #expect(tables.filter(\.kind.isView).count == 8)
        let payment = try #require(tables.first { $0.name == "payment" })
        #expect(payment.partitions.count == 7)
        #expect(Set(payment.foreignKeys.map(\.referencedTable.name)) == ["customer", "rental", "staff"])
        let columns = try count("""
            SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
              AND a.attnum > 0 AND NOT a.attisdropped
            """, "pagila")
        #expect(tables.reduce(0) { $0 + $1.columns.count } == columns)
    }

    @Test func adventureworksKeepsEveryComment() throws {
        let tables = try read("adventureworks").source.schemas.flatMap(\.tables)
        let tableComments = tables.filter { $0.description?.origin == .databaseComment }.count
        let columnComments = tables.flatMap(\.columns).filter { $0.description?.origin == .databaseComment }.count
        #expect(tableComments == 68)
        #expect(columnComments == 359)
        #expect(tables.filter { $0.kind == .table }.count == 68)
        let keys = try count("SELECT count(*) FROM pg_constraint WHERE contype = 'f'", "adventureworks")
        #expect(tables.reduce(0) { $0 + $1.foreignKeys.count } == keys)
    }

    @Test func musicbrainzIsReadInTheSameSevenQueries() throws {
        let result = try read("musicbrainz")
        #expect(result.queries.count == 7)
        let tables = result.source.schemas.flatMap(\.tables)
        let expected = try count("""
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_'
            """, "musicbrainz")
        #expect(tables.count == expected)
        let keys = try count("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conparentid = 0", "musicbrainz")
        #expect(tables.reduce(0) { $0 + $1.foreignKeys.count } == keys)
    }
}
