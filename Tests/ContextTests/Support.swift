import Catalog
@testable import Context

/// A small catalog to merge context into: two sources, so resolution rules are exercised.
enum Shop {
    static func catalog() -> Catalog {
        func table(_ name: String, _ columns: [String], source: String = "shop", schema: String = "main",
                   comment: String? = nil, keys: [ForeignKey] = []) -> Table {
            Table(id: TableID(source: source, schema: schema, name: name), kind: .table,
                  columns: columns.enumerated().map { Column(name: $1, position: $0 + 1, dataType: $1.hasSuffix("_at") ? "TIMESTAMP" : "INTEGER",
                                                               primaryKeyPosition: $1 == "id" ? 1 : nil) },
                  primaryKey: PrimaryKey(columns: ["id"]), foreignKeys: keys,
                  description: comment.map { Description(text: $0, origin: .databaseComment) })
        }
        let customers = TableID(source: "shop", schema: "main", name: "customers")
        let shop = Source(name: "shop", kind: .sqlite, schemas: [Schema(name: "main", tables: [
            table("customers", ["id", "email", "created_at"], comment: "From the database"),
            table("orders", ["id", "customer_id", "status", "shipped_at", "is_gift"],
                  keys: [ForeignKey(columns: ["customer_id"], referencedTable: customers, referencedColumns: ["id"])]),
            table("events", ["id"]),
        ])])
        let archive = Source(name: "archive", kind: .sqlite, schemas: [Schema(name: "main", tables: [
            table("events", ["id"], source: "archive"),
        ])])
        return Catalog(title: "Shop", sources: [shop, archive])
    }
}
