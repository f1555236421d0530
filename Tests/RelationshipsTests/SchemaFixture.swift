import Catalog
import Foundation

/// A schema written compactly in a fixture file, and the relationships it should yield:
///
///     orders(id serial pk, customer_id integer, sku text unique)
///     sales.orders(...)                       — a schema other than `main`
///     expect orders.customer_id -> customers.id
///
/// `serial` marks a column the database fills from a sequence; `pk` and `unique` declare keys.
struct SchemaFixture {
    var name: String
    var catalog: Catalog
    /// `schema.table.column -> schema.table.column` (columns joined by `+`).
    var expected: Set<String>

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func all() throws -> [SchemaFixture] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema") }.sorted().map {
            try SchemaFixture(file: folder.appendingPathComponent($0))
        }
    }

    init(file: URL) throws {
        name = file.deletingPathExtension().lastPathComponent
        var tables: [Table] = []
        var expected = Set<String>()
        for raw in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("expect ") {
                let parts = line.dropFirst(7).components(separatedBy: " -> ").map { Self.qualified($0) }
                expected.insert(parts.joined(separator: " -> "))
                continue
            }
            tables.append(try Self.table(line))
        }
        let schemas = Dictionary(grouping: tables, by: \.id.schema).map { Schema(name: $0.key, tables: $0.value) }
        catalog = Catalog(title: name, sources: [Source(name: "db", kind: .postgres, schemas: schemas.sorted { $0.name < $1.name })])
        self.expected = expected
    }

    /// `orders.customer_id` → `main.orders.customer_id`.
    static func qualified(_ reference: String) -> String {
        reference.split(separator: ".").count == 2 ? "main." + reference : reference
    }

    static func table(_ line: String) throws -> Table {
        guard let open = line.firstIndex(of: "("), line.hasSuffix(")") else { throw Malformed(line: line) }
        let qualifiedName = line[..<open].split(separator: ".").map(String.init)
        let (schema, name) = qualifiedName.count == 2 ? (qualifiedName[0], qualifiedName[1]) : ("main", qualifiedName[0])
        let id = TableID(source: "db", schema: schema, name: name)
        var columns: [Column] = []
        var primary: [String] = []
        var constraints: [Constraint] = []
        for (offset, definition) in Self.columnDefinitions(line[line.index(after: open)..<line.index(before: line.endIndex)]).enumerated() {
            var words = definition.split(separator: " ").map(String.init)
            guard words.count >= 2 else { throw Malformed(line: line) }
            let columnName = words.removeFirst()
            let type = words.removeFirst()
            var column = Column(name: columnName, position: offset + 1, dataType: type)
            if words.contains("pk") {
                primary.append(columnName)
                column.primaryKeyPosition = primary.count
            }
            if type == "serial" {
                column.dataType = "integer"
                column.defaultValue = "nextval('\(name)_\(columnName)_seq'::regclass)"
            }
            if words.contains("unique") {
                constraints.append(Constraint(name: "\(name)_\(columnName)_key", kind: .unique, columns: [columnName], definition: "UNIQUE (\(columnName))"))
            }
            columns.append(column)
        }
        return Table(id: id, kind: .table, columns: columns, primaryKey: primary.isEmpty ? nil : PrimaryKey(columns: primary),
                     constraints: constraints)
    }

    /// Splits at the commas between columns, not those inside a type such as `decimal(7,2)`.
    static func columnDefinitions(_ text: Substring) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    struct Malformed: Error, CustomStringConvertible {
        var line: String
        var description: String { "cannot read the fixture line `\(line)`" }
    }
}

extension Relationship {
    /// `main.orders.customer_id -> main.customers.id`, as fixtures write expectations.
    var fixtureText: String { "\(from) -> \(to)" }
}
