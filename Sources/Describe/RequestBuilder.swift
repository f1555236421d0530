import Catalog

/// Which tables need a describer, and what to tell it about each.
///
/// Only entities without any description are asked for: human text, database comments and templates
/// all rank above a model's, so they are never sent for rewriting.
public enum RequestBuilder {
    public static func requests(for catalog: Catalog) -> [TableRequest] {
        var referencedBy: [TableID: [String]] = [:]
        for table in catalog.allTables {
            for key in table.foreignKeys { referencedBy[key.referencedTable, default: []].append(table.name) }
        }
        var descriptions: [TableID: String] = [:]
        for table in catalog.allTables { if let text = table.description?.text { descriptions[table.id] = text } }

        return catalog.allTables.compactMap { table in
            let columns = table.columns.map { column -> TableRequest.ColumnInput in
                let key = table.foreignKeys.first { $0.columns.contains(column.name) }
                let offset = key?.columns.firstIndex(of: column.name) ?? 0
                let target = key.map { key in
                    key.referencedTable.name + (offset < key.referencedColumns.count ? "." + key.referencedColumns[offset] : "")
                }
                return TableRequest.ColumnInput(
                    name: column.name, type: column.dataType, nullable: column.isNullable,
                    key: column.primaryKeyPosition != nil ? "primary key" : key != nil ? "foreign key" : nil,
                    references: target, defaultValue: column.defaultValue, enumLabels: column.enumLabels,
                    notes: notes(column.context), describe: column.description == nil,
                    description: column.description?.text)
            }
            let neighbourIDs = Set(table.foreignKeys.map(\.referencedTable))
            let request = TableRequest(
                table: table.id, kind: table.kind.rawValue, rowCount: table.rowCount?.value,
                describeTable: table.description == nil, tableDescription: table.description?.text,
                columns: columns,
                referencesTables: Array(Set(table.foreignKeys.map(\.referencedTable.name))).sorted(),
                referencedBy: Array(Set(referencedBy[table.id] ?? [])).sorted(),
                readsTables: table.reads.map(\.table.name),
                notes: notes(table.context), hints: table.context?.hints,
                glossary: catalog.glossary.filter { term in term.tables.contains(table.id) }.map { "\($0.term): \($0.definition)" },
                neighbours: neighbourIDs.sorted().compactMap { id in descriptions[id].map { "\(id.name): \($0)" } })
            return request.isNeeded ? request : nil
        }
    }

    private static func notes(_ context: EntityContext?) -> [String] {
        guard let context else { return [] }
        return context.businessRules.map { "Rule: \($0)" } + context.dataSources.map { "Source: \($0)" }
            + (context.usageNotes.map { ["Usage: \($0)"] } ?? []) + context.examples.map { "Example value: \($0)" }
    }
}
