import Catalog

extension PageContext {
    /// `diagram` is the table's neighbourhood and its SVG, drawn for this page.
    func table(_ table: Table, diagram: (ERDiagram.Result, String)?) -> TablePage {
        let path = plan.tablePage(table.id) ?? SitePlan.indexPage
        let schemaPage = plan.schemaPage(source: table.id.source, schema: table.id.schema)
        let primary = table.primaryKey?.columns ?? []
        func link(_ id: TableID) -> Link { tableLink(id, seenFrom: table.id, from: path) }
        func columns(_ names: [String], of id: TableID) -> [NamedLink] { names.map { columnLink(id, $0, from: path) } }

        return TablePage(
            frame: frame(path: path, title: "\(table.id.schema).\(table.name)", crumbs: [
                (catalog.title, SitePlan.indexPage),
                ("\(table.id.source) · \(table.id.schema)", schemaPage),
                (table.name, nil),
            ]),
            name: table.name,
            qualifiedName: "\(table.id.source).\(table.id.schema).\(table.name)",
            kind: Format.words(table.kind.rawValue),
            isView: table.kind.isView,
            options: table.options,
            rows: table.rowCount.map { Format.rows($0) + ($0.isExact ? " rows" : " rows (estimate)") },
            size: table.bytes.map(Format.size),
            columnCount: Format.counted(table.columns.count, "column"),
            description: description(table.description, on: path, pending: table.describePending),
            context: context(table.context, on: path),
            profile: profileSection(table, from: path),
            columns: table.columns.map { column($0, of: table, primary: primary, from: path) },
            primaryKey: table.primaryKey.map { TablePage.PrimaryKey(columns: columns($0.columns, of: table.id)) },
            foreignKeys: table.foreignKeys.map { key in
                TablePage.ForeignKey(columns: columns(key.columns, of: table.id), target: link(key.referencedTable),
                                     targetColumns: columns(key.referencedColumns, of: key.referencedTable),
                                     actions: Self.actions(key))
            },
            referencedBy: index.referencing(table.id).map { reference in
                TablePage.Reference(source: link(reference.from), columns: columns(reference.key.columns, of: reference.from),
                                    targetColumns: columns(reference.key.referencedColumns, of: table.id),
                                    actions: Self.actions(reference.key))
            },
            documented: index.documentedRelationships(of: table.id).map { relationship in
                TablePage.Relationship(
                    from: link(relationship.from.table), fromColumns: columns(relationship.from.columns, of: relationship.from.table),
                    to: link(relationship.to.table), toColumns: columns(relationship.to.columns, of: relationship.to.table),
                    cardinality: relationship.cardinality, join: relationship.join,
                    descriptionHTML: relationship.description.map { markdown($0, on: path) }
                )
            },
            indexes: table.indexes.map { index in
                TablePage.Index(
                    name: index.name,
                    parts: index.parts.map { part in
                        switch part {
                        case .column(let name):
                            let link = columnLink(table.id, name, from: path)
                            return TablePage.IndexPart(name: link.name, href: link.href, expression: false)
                        case .expression(let text):
                            return TablePage.IndexPart(name: text, href: nil, expression: true)
                        }
                    },
                    unique: index.isUnique,
                    origin: index.origin == .created ? nil : Format.words(index.origin.rawValue),
                    predicate: index.predicate,
                    method: index.method
                )
            },
            constraints: table.constraints.map {
                TablePage.Constraint(name: $0.name, kind: $0.kind.rawValue, definition: $0.definition)
            },
            partitionKey: table.partitionKey,
            partitions: table.partitions.map {
                TablePage.Partition(name: $0.name, bound: $0.bound, parent: $0.parent,
                                    rows: Format.rows($0.rowCount), size: $0.bytes.map(Format.size) ?? "")
            },
            reads: table.reads.map { TablePage.Read(table: link($0.table), columns: columns($0.columns, of: $0.table)) },
            readBy: index.views(reading: table.id).map(link),
            viewDefinition: table.viewDefinition,
            diagram: diagram.flatMap { result, svg in
                guard !svg.isEmpty else { return nil }
                let note = result.drawnNeighbours < result.neighbours
                    ? "The diagram shows \(result.drawnNeighbours) of \(result.neighbours) related tables; "
                        + "all of them are listed under the foreign keys above."
                    : nil
                return TablePage.Diagram(svg: svg, note: note)
            }
        )
    }

    private func column(_ column: Column, of table: Table, primary: [String], from path: String) -> TablePage.Column {
        var notes: [String] = []
        if let identity = column.identity { notes.append("identity, generated \(identity.lowercased())") }
        if let base = column.domainBaseType { notes.append("domain over \(base)") }
        if let labels = column.enumLabels { notes.append("one of " + labels.map { "'\($0)'" }.joined(separator: ", ")) }
        return TablePage.Column(
            name: column.name,
            anchor: plan.columnAnchor(table.id, column.name) ?? "",
            position: column.position,
            type: column.dataType,
            typeNotes: notes,
            generated: column.generated.map { "generated, \($0.storage.rawValue)" + ($0.expression.map { ": \($0)" } ?? "") },
            hidden: column.isHidden,
            nullable: column.isNullable,
            defaultValue: column.defaultValue,
            keyLabel: primary.firstIndex(exactly: column.name).map { primary.count > 1 ? "PK \($0 + 1)" : "PK" },
            references: table.foreignKeys.compactMap { key in
                guard let offset = key.columns.firstIndex(exactly: column.name) else { return nil }
                var reference = tableLink(key.referencedTable, seenFrom: table.id, from: path)
                // The referenced column, when the key names one for this column; else the table.
                if offset < key.referencedColumns.count {
                    let target = key.referencedColumns[offset]
                    reference.label = "\(key.referencedTable.name).\(target)"
                    if let link = plan.columnLink(key.referencedTable, target) {
                        reference.href = SitePlan.relative(link, from: path)
                    }
                }
                return reference
            },
            description: description(column.description, on: path, pending: table.describePending),
            context: context(column.context, on: path),
            pii: column.pii.map(Self.pii)
        )
    }

    /// "on delete cascade, deferrable", or nil when every action is the default.
    private static func actions(_ key: ForeignKey) -> String? {
        var parts: [String] = []
        if key.isDeferrable { parts.append(key.isInitiallyDeferred ? "deferrable, initially deferred" : "deferrable") }
        if key.onDelete != .noAction { parts.append("on delete \(key.onDelete.rawValue.lowercased())") }
        if key.onUpdate != .noAction { parts.append("on update \(key.onUpdate.rawValue.lowercased())") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
