import Catalog
import Foundation
import Testing
import TestSupport
@testable import Introspect

@Suite("Reading a SQLite database")
struct SQLiteIntrospectorTests {
    let folder: TemporaryFolder
    let shop: Introspection

    init() throws {
        folder = try TemporaryFolder()
        let file = try SQLiteFixture.create(fixture: "shop.sql", in: folder.url)
        shop = try SQLiteIntrospector(sourceName: "shop", path: file.path).read()
    }

    func table(_ name: String) throws -> Table {
        try #require(shop.source.schemas.first?.tables.first { $0.name == name }, "no table \(name)")
    }

    @Test func listsTablesAndViewsByNameInTheMainSchema() {
        #expect(shop.source.name == "shop")
        #expect(shop.source.kind == .sqlite)
        #expect(shop.source.schemas.map(\.name) == ["main"])
        let tables = shop.source.schemas[0].tables
        #expect(tables.map(\.name) == ["customers", "ledger", "open_orders", "order_lines", "orders", "returns", "stock"])
        #expect(tables.first { $0.name == "open_orders" }?.kind == .view)
        #expect(tables.filter { $0.kind == .table }.count == 6)
        #expect(shop.warnings.isEmpty)
    }

    @Test func readsColumnsWithTypesNullabilityDefaultsAndKeyPositions() throws {
        let customers = try table("customers")
        #expect(customers.columns.map(\.name) == ["id", "email", "first_name", "last_name", "full_name", "tier", "created_at"])
        let email = try #require(customers.column(named: "email"))
        #expect(email.dataType == "TEXT")
        #expect(email.isNullable == false)
        #expect(email.position == 2)
        #expect(customers.column(named: "last_name")?.isNullable == true)
        #expect(customers.column(named: "tier")?.defaultValue == "'bronze'")
        #expect(customers.column(named: "created_at")?.defaultValue == "CURRENT_TIMESTAMP")
        #expect(customers.column(named: "id")?.primaryKeyPosition == 1)
        #expect(customers.primaryKey?.columns == ["id"])

        let lines = try table("order_lines")
        #expect(lines.primaryKey?.columns == ["order_id", "line_no"])
        #expect(lines.column(named: "line_no")?.primaryKeyPosition == 2)
    }

    @Test func readsGeneratedColumnsWithTheirExpressions() throws {
        let fullName = try #require(try table("customers").column(named: "full_name"))
        #expect(fullName.generated == Column.Generated(storage: .virtual, expression: "first_name || ' ' || coalesce(last_name, '')"))
        let total = try #require(try table("order_lines").column(named: "total"))
        #expect(total.generated == Column.Generated(storage: .stored, expression: "quantity * unit_price"))
    }

    @Test func marksWithoutRowidAndStrictTables() throws {
        #expect(try table("stock").options == ["WITHOUT ROWID"])
        #expect(try table("stock").primaryKey?.columns == ["warehouse", "sku"])
        #expect(try table("ledger").options == ["STRICT"])
        #expect(try table("orders").options == [])
    }

    @Test func readsMultiColumnForeignKeysWithTheirActions() throws {
        let key = try #require(try table("returns").foreignKeys.first)
        #expect(key.columns == ["order_id", "line_no"])
        #expect(key.referencedTable == TableID(source: "shop", schema: "main", name: "order_lines"))
        #expect(key.referencedColumns == ["order_id", "line_no"])
        #expect(key.onDelete == .restrict)
        #expect(key.onUpdate == .cascade)
    }

    @Test func aForeignKeyWithoutColumnsReferencesThePrimaryKey() throws {
        let key = try #require(try table("orders").foreignKeys.first)
        #expect(key.columns == ["customer_id"])
        #expect(key.referencedTable.name == "customers")
        #expect(key.referencedColumns == ["id"])
        #expect(key.onDelete == .cascade)
    }

    @Test func readsExpressionPartialAndAutomaticIndexes() throws {
        let customers = try table("customers").indexes
        let email = try #require(customers.first { $0.name == "customers_email" })
        #expect(email.isUnique)
        #expect(email.parts == [.expression("lower(email)")])
        #expect(customers.first { $0.name == "customers_name" }?.parts == [.column("last_name"), .column("first_name")])

        let open = try #require(try table("orders").indexes.first { $0.name == "orders_open" })
        #expect(open.parts == [.column("customer_id"), .column("placed_at")])
        #expect(open.predicate == "status IN ('new', 'paid')")
        #expect(!open.isUnique)

        let automatic = try #require(try table("order_lines").indexes.first)
        #expect(automatic.origin == .primaryKey)
        #expect(automatic.isUnique)
    }

    @Test func countsRowsOfTablesButNotViews() throws {
        #expect(try table("orders").rowCount == RowCount(value: 3, isExact: true))
        #expect(try table("stock").rowCount == RowCount(value: 0, isExact: true))
        #expect(try table("open_orders").rowCount == nil)
    }

    @Test func keepsTheViewDefinition() throws {
        let view = try table("open_orders")
        #expect(view.viewDefinition?.hasPrefix("CREATE VIEW open_orders AS") == true)
        #expect(view.columns.map(\.name) == ["id", "email", "placed_at"])
        #expect(view.primaryKey == nil)
    }

    @Test func theNumberOfQueriesDoesNotGrowWithTheSchema() throws {
        // Five queries for the shop's seven relations; a schema of 450 tables needs one more batch of counts.
        #expect(shop.queries.count == 5)
        let statements = (1...450).map { "CREATE TABLE t\($0) (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES t1 (id));" }
        let big = try SQLiteFixture.create(statements.joined(separator: "\n"), in: folder.url, name: "big.sqlite")
        let result = try SQLiteIntrospector(sourceName: "big", path: big.path).read()
        #expect(result.source.schemas[0].tables.count == 450)
        #expect(result.queries.count == 6)
    }

    @Test func opensTheFileReadOnly() throws {
        let file = folder.path("shop.sqlite")
        let before = try Data(contentsOf: file)
        let connection = try SQLiteConnection(path: file.path)
        #expect(throws: IntrospectError.self) { try connection.execute("CREATE TABLE sneaky (x)") }
        #expect(try Data(contentsOf: file) == before)
    }
}

@Suite("SQLite faults")
struct SQLiteFaultTests {
    @Test func aMissingFileIsNamedInTheError() throws {
        let error = #expect(throws: IntrospectError.self) {
            try SQLiteIntrospector(sourceName: "x", path: "/nonexistent/shop.db").read()
        }
        #expect(error?.description == "database file /nonexistent/shop.db does not exist; check the source's `path` in site.yml")
    }

    @Test func aFileThatIsNotSQLiteSaysSo() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("notes.db")
        try Data("just some text, not a database\n".utf8).write(to: file)
        let error = #expect(throws: IntrospectError.self) {
            try SQLiteIntrospector(sourceName: "x", path: file.path).read()
        }
        #expect(error?.description == "\(file.path) is not a SQLite database (the file exists but its header is not SQLite's)")
    }

    @Test func aFolderSaysItIsAFolder() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: IntrospectError.self) {
            try SQLiteIntrospector(sourceName: "x", path: folder.url.path).read()
        }
        #expect(error?.description == "\(folder.url.path) is a folder, not a SQLite database file; "
            + "set the source's `path` in site.yml to the database file")
    }

    /// Opening a named pipe waits for a writer: it must be refused before SQLite opens it.
    @Test(.timeLimit(.minutes(1)))
    func aNamedPipeIsRefusedWithoutWaiting() throws {
        let folder = try TemporaryFolder()
        let pipe = folder.path("shop.db").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let error = #expect(throws: IntrospectError.self) { try SQLiteIntrospector(sourceName: "x", path: pipe).read() }
        #expect(error?.description == "\(pipe) is a named pipe, not a SQLite database file; "
            + "set the source's `path` in site.yml to the database file")
    }

    @Test func aBrokenViewIsAWarningAndTheRestIsStillRead() throws {
        let folder = try TemporaryFolder()
        let file = try SQLiteFixture.create(fixture: "broken-view.sql", in: folder.url)
        let result = try SQLiteIntrospector(sourceName: "x", path: file.path).read()
        let tables = result.source.schemas[0].tables
        #expect(tables.map(\.name) == ["kept", "stale"])
        #expect(tables[0].columns.map(\.name) == ["id"])
        #expect(result.warnings == ["view stale: columns could not be read (no such table: main.dropped)"])
    }
}

@Suite("Hostile identifiers")
struct HostileIdentifierTests {
    @Test func everyNameIsReadExactlyAsTheDatabaseSpellsIt() throws {
        let folder = try TemporaryFolder()
        let file = try SQLiteFixture.create(fixture: "hostile.sql", in: folder.url)
        let result = try SQLiteIntrospector(sourceName: "h", path: file.path).read()
        let tables = result.source.schemas[0].tables
        let names = Set(tables.map(\.name))
        for expected in ["../../x", "a/b", "index", "..", "é", "É", "Album", "a\"b", "con", "%2e%2e",
                         "line\nbreak", "<svg onload=alert(1)>", String(repeating: "t", count: 199) + "u"] {
            #expect(names.contains(expected), "missing table \(expected)")
        }
        let ab = try #require(tables.first { $0.name == "a/b" })
        #expect(ab.columns.map(\.name) == ["a\"b", "select", "with space"])
        let index = try #require(tables.first { $0.name == "index" })
        #expect(index.foreignKeys.first?.referencedTable.name == "../../x")
        #expect(tables.first { $0.name == "a\"b" }?.columns.last?.defaultValue == "'</td><script>alert(2)</script>'")
        #expect(result.warnings.isEmpty)
    }
}
