import Catalog

extension PageContext {
    /// `diagram` is the table's neighbourhood and its SVG, drawn for this page.
    /// `depthTwo` is what the diagram offers at depth 2, when it differs from depth 1.
    func table(_ table: Table, diagram: (ERDiagram.Result, String)?, depthTwo: TablePage.DepthTwo? = nil) -> TablePage {
        let path = plan.tablePage(table.id) ?? SitePlan.indexPage
        let schemaPage = plan.schemaPage(source: table.id.source, schema: table.id.schema)
        let primary = table.primaryKey?.columns ?? []
        func link(_ id: TableID) -> Link { tableLink(id, seenFrom: table.id, from: path) }
        func columns(_ names: [String], of id: TableID) -> [NamedLink] { names.map { columnLink(id, $0, from: path) } }
        let undeclared = index.undeclaredRelationships(of: table.id)
        let references = index.referencing(table.id).map { reference in
            (reference.from, TablePage.Reference(source: link(reference.from), columns: columns(reference.key.columns, of: reference.from),
                                                 targetColumns: columns(reference.key.referencedColumns, of: table.id),
                                                 actions: Self.actions(reference.key)))
        }

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
            columns: table.columns.map { column($0, of: table, primary: primary, undeclared: undeclared, from: path) },
            primaryKey: table.primaryKey.map { TablePage.PrimaryKey(columns: columns($0.columns, of: table.id)) },
            foreignKeys: table.foreignKeys.map { key in
                TablePage.ForeignKey(columns: columns(key.columns, of: table.id), target: link(key.referencedTable),
                                     targetColumns: columns(key.referencedColumns, of: key.referencedTable),
                                     actions: Self.actions(key))
            },
            referencedBy: references.count > TablePage.plainReferenceLimit ? [] : references.map(\.1),
            referenceGroups: references.count > TablePage.plainReferenceLimit ? Self.grouped(references, seenFrom: table.id) : [],
            documented: undeclared.filter { !$0.isSuggestion }.map { relationship in
                TablePage.Relationship(
                    from: link(relationship.from.table), fromColumns: columns(relationship.from.columns, of: relationship.from.table),
                    to: link(relationship.to.table), toColumns: columns(relationship.to.columns, of: relationship.to.table),
                    cardinality: relationship.cardinality, join: relationship.join,
                    descriptionHTML: relationship.description.map { markdown($0, on: path) },
                    note: relationship.acceptance.map { "inferred, " + $0 }
                )
            },
            // What this table probably references first, then what probably references it.
            suggested: (undeclared.filter { $0.isSuggestion && $0.from.table == table.id }
                        + undeclared.filter { $0.isSuggestion && $0.from.table != table.id }).map { relationship in
                // A suggestion from this table to itself reads as a reference.
                let isReferencing = relationship.from.table == table.id
                let (here, there) = isReferencing ? (relationship.from, relationship.to) : (relationship.to, relationship.from)
                return TablePage.Suggestion(
                    isReferencing: isReferencing, columns: columns(here.columns, of: table.id),
                    other: link(there.table), otherColumns: columns(there.columns, of: there.table), isComposite: there.columns.count > 1,
                    confidence: relationship.confidence.map(Format.score), evidenceHTML: relationship.evidence.map(evidenceHTML),
                    cardinality: isReferencing ? relationship.cardinality : relationship.cardinality.map(Self.reversed)
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
                    ? "The diagram shows the \(Format.count(result.drawnNeighbours)) most connected of \(Format.count(result.neighbours)) "
                        + "related tables; the others are grouped (" + result.grouped.joined(separator: "; ")
                        + "), and all of them are listed on this page."
                    : nil
                var diagram = TablePage.Diagram(svg: svg, note: note, legend: DiagramLegend.of(result.edges), file: Self.fileStem(path))
                diagram.offer(depthTwo, of: table.id, namingSources: catalog.sources.count > 1)
                return diagram
            }
        )
    }

    /// `undeclared` are the table's shown relationships that the database does not declare.
    private func column(_ column: Column, of table: Table, primary: [String], undeclared: [Relationship], from path: String) -> TablePage.Column {
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
            references: references(of: column, in: table, undeclared: undeclared, from: path),
            description: description(column.description, on: path, pending: table.describePending),
            context: context(column.context, on: path),
            pii: column.pii.map(Self.pii)
        )
    }

    /// What the column's keys point at: its declared foreign keys; for a column without any, the relationships
    /// the database does not declare that start from it, marked as documented or suggested.
    private func references(of column: Column, in table: Table, undeclared: [Relationship], from path: String) -> [TablePage.ColumnReference] {
        let declared = table.foreignKeys.compactMap { key -> TablePage.ColumnReference? in
            guard let offset = key.columns.firstIndex(exactly: column.name) else { return nil }
            return TablePage.ColumnReference(target: target(key.referencedTable, key.referencedColumns, offset, seenFrom: table.id, from: path),
                                             marker: "FK", style: nil, title: nil)
        }
        guard declared.isEmpty else { return declared }
        return undeclared.compactMap { relationship in
            guard relationship.from.table == table.id, let offset = relationship.from.columns.firstIndex(exactly: column.name) else { return nil }
            let target = target(relationship.to.table, relationship.to.columns, offset, seenFrom: table.id, from: path)
            return TablePage.ColumnReference(target: target, marker: relationship.isSuggestion ? "FK?" : "FK",
                                             style: relationship.isSuggestion ? "suggested" : "documented", title: relationship.summary)
        }
    }

    /// The column at `offset` of `columns` in the referenced table, "customers.id", or the table when there is none.
    private func target(_ id: TableID, _ columns: [String], _ offset: Int, seenFrom here: TableID, from path: String) -> Link {
        var reference = tableLink(id, seenFrom: here, from: path)
        if offset < columns.count {
            let column = columns[offset]
            reference.label = "\(id.name).\(column)"
            if let link = plan.columnLink(id, column) {
                reference.href = SitePlan.relative(link, from: path)
            }
        }
        return reference
    }

    /// `references` by the referencing table's source and schema, in name order; each group counts its tables,
    /// not its keys, since a table may reference this one more than once.
    private static func grouped(_ references: [(TableID, TablePage.Reference)], seenFrom here: TableID) -> [TablePage.ReferenceGroup] {
        let bySchema = Dictionary(grouping: references) { SitePlan.SchemaKey(source: $0.0.source, schema: $0.0.schema) }
        return bySchema.keys.sorted { ($0.source, $0.schema) < ($1.source, $1.schema) }.map { key in
            let members = bySchema[key] ?? []
            let schema = key.source == here.source ? key.schema : "\(key.source).\(key.schema)"
            let tables = Set(members.map(\.0)).count
            return TablePage.ReferenceGroup(schema: schema, summary: "\(schema) — " + Format.counted(tables, "table"),
                                            references: members.map(\.1))
        }
    }

    /// A cardinality read from the other end: "many-to-one" is "one-to-many" there.
    static func reversed(_ cardinality: String) -> String {
        let ends = cardinality.components(separatedBy: "-to-")
        return ends.count == 2 ? "\(ends[1])-to-\(ends[0])" : cardinality
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
