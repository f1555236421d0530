import Foundation

/// Two tables and four rows: the smallest site that has a page worth editing (orders) and a foreign key.
public enum ShopFixture {
    public static let sql = """
        CREATE TABLE customers (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL);
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), placed_at TEXT);
        INSERT INTO customers VALUES (1, 'Ann Lee'), (2, 'Bo Chen');
        INSERT INTO orders VALUES (1, 1, '2024-01-01'), (2, 2, '2024-01-02');
        """

    /// `shop.sqlite`, site.yml naming it, and `content/context/orders.yml` describing orders as `description`.
    public static func create(in folder: URL, description: String = "One row per order.") throws {
        try SQLiteFixture.create(sql, in: folder, name: "shop.sqlite")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/context"), withIntermediateDirectories: true)
        try Data("title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n".utf8)
            .write(to: folder.appendingPathComponent("site.yml"))
        try Data("tables:\n  orders:\n    description: \(description)\n".utf8)
            .write(to: folder.appendingPathComponent("content/context/orders.yml"))
    }
}
