import Catalog
@testable import Describe

/// A shop of three tables: customers, orders (referencing customers), order_lines (referencing orders).
enum Shop {
    static func id(_ name: String) -> TableID { TableID(source: "shop", schema: "main", name: name) }

    static func catalog() -> Catalog {
        func column(_ name: String, _ type: String, _ position: Int, pk: Bool = false, nullable: Bool = false) -> Column {
            Column(name: name, position: position, dataType: type, isNullable: nullable, primaryKeyPosition: pk ? 1 : nil)
        }
        let customers = Table(id: id("customers"), kind: .table,
                              columns: [column("id", "INTEGER", 1, pk: true), column("email", "TEXT", 2), column("nickname", "TEXT", 3, nullable: true)],
                              primaryKey: PrimaryKey(columns: ["id"]))
        let orders = Table(id: id("orders"), kind: .table,
                           columns: [column("id", "INTEGER", 1, pk: true), column("customer_id", "INTEGER", 2), column("placed_at", "TIMESTAMP", 3),
                                     column("status", "TEXT", 4)],
                           primaryKey: PrimaryKey(columns: ["id"]),
                           foreignKeys: [ForeignKey(columns: ["customer_id"], referencedTable: id("customers"), referencedColumns: ["id"])])
        let lines = Table(id: id("order_lines"), kind: .table,
                          columns: [column("order_id", "INTEGER", 1, pk: true), column("quantity", "INTEGER", 2), column("unit_price", "NUMERIC(10,2)", 3)],
                          primaryKey: PrimaryKey(columns: ["order_id"]),
                          foreignKeys: [ForeignKey(columns: ["order_id"], referencedTable: id("orders"), referencedColumns: ["id"])])
        return Catalog(title: "Shop", sources: [Source(name: "shop", kind: .sqlite, schemas: [Schema(name: "main", tables: [customers, lines, orders])])])
    }
}

extension Catalog {
    func description(_ table: String, _ column: String? = nil) -> Description? {
        let found = self.table(Shop.id(table))
        return column.map { name in found?.column(named: name)?.description } ?? found?.description
    }
}
