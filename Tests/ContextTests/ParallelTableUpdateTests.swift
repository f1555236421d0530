import Catalog
import Foundation
import Testing

/// `Catalog.updateTablesInParallel`, which the profile and context stages change tables with: on every core, and
/// the same catalog, table for table and in the same order, as changing them one after another.
@Suite("Changing every table on every core")
struct ParallelTableUpdateTests {
    static func catalog() -> Catalog {
        let sources = (0..<3).map { s in
            Source(name: "source\(s)", kind: .sqlite, schemas: (0..<4).map { c in
                Schema(name: "schema\(c)", tables: (0..<(s * 400 + c * 7)).map { t in
                    Table(id: TableID(source: "source\(s)", schema: "schema\(c)", name: "table_\(t)_é"), kind: .table,
                          columns: (0..<(t % 5)).map { Column(name: "column\($0)", position: $0 + 1, dataType: "integer") })
                })
            })
        }
        return Catalog(title: "Many", sources: sources)
    }

    @Test func theResultIsTheOneChangingTablesInTurnGives() {
        let change: (inout Table) -> Void = { table in
            table.description = Description(text: "\(table.id.source)/\(table.id.schema)/\(table.name) with \(table.columns.count)", origin: .human)
            if table.columns.count > 2 { table.columns.removeFirst() }
        }
        let catalog = Self.catalog()
        #expect(catalog.updatingTablesInParallel(change) == catalog.updatingTables(change))
        #expect(catalog.updatingTablesInParallel(change) != catalog)
        #expect(Catalog(title: "Empty").updatingTablesInParallel(change) == Catalog(title: "Empty"))
    }
}
