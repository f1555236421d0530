import Catalog

extension ERDiagram {
    /// A hub table's diagram draws this many of its neighbours, the most connected; the rest are group nodes.
    public static let hubNeighboursShown = 12
    /// Columns of a hub table drawn before the rest are summarised: its keys, then "… n more".
    static let hubColumnLimit = 16

    /// A group of a hub table's neighbours drawn as one node: those of one schema on one side.
    struct NeighbourGroup {
        var schema: SitePlan.SchemaKey
        /// Whether the hub references them; else they reference the hub.
        var isReferenced: Bool
        var tables: [TableID]
        /// Whether any of them is related by a declared foreign key, and else by a documented one.
        var declared = false
        var documented = false
    }

    /// The diagram of a table with more neighbours than `neighbourLimit`: the focus table, its most connected
    /// `hubNeighboursShown` neighbours, and the others as one node per schema and direction ("referenced by 740
    /// tables in sales") linking to the page's list of them. What the hub references is drawn on its right and
    /// what references it on its left, so the diagram keeps to the size of a screen however many there are.
    func hubNeighbourhood(of table: Table, neighbours neighbourIDs: [TableID], undeclared: [Relationship], diagramPath: String) -> Result {
        var referenced: Set<TableID> = Set(table.foreignKeys.map(\.referencedTable))
        var weight: [TableID: Int] = [:]
        for key in table.foreignKeys { weight[key.referencedTable, default: 0] += 1 }
        for link in index.referencing(table.id) { weight[link.from, default: 0] += 1 }
        for relationship in undeclared {
            if relationship.from.table == table.id { referenced.insert(relationship.to.table) }
            for other in [relationship.from.table, relationship.to.table] where other != table.id { weight[other, default: 0] += 1 }
        }
        func degree(_ id: TableID) -> Int {
            guard let other = index.table(id) else { return 0 }
            return other.foreignKeys.count + index.referencing(id).count + index.undeclaredRelationships(of: id).count
        }
        let ranked = neighbourIDs.enumerated().map { (offset: $0.offset, id: $0.element, weight: weight[$0.element] ?? 0, degree: degree($0.element)) }
            .sorted { ($0.weight, $0.degree, -$0.offset) > ($1.weight, $1.degree, -$1.offset) }
        let shown = Set(ranked.prefix(Self.hubNeighboursShown).map(\.id))
        // Drawn in the order found, so the layout reads like the page's lists.
        let drawnIDs = neighbourIDs.filter { shown.contains($0) && index.table($0) != nil }

        var groups: [NeighbourGroup] = []
        struct GroupKey: Hashable { var schema: SitePlan.SchemaKey; var isReferenced: Bool }
        var groupOf: [GroupKey: Int] = [:]
        let declaredOut = Set(table.foreignKeys.map(\.referencedTable))
        let declaredIn = Set(index.referencing(table.id).map(\.from))
        let documented = Set(undeclared.filter { !$0.isSuggestion }.flatMap { [$0.from.table, $0.to.table] })
        for id in neighbourIDs where !shown.contains(id) || index.table(id) == nil {
            let isReferenced = referenced.contains(id)
            let schema = SitePlan.SchemaKey(source: id.source, schema: id.schema)
            let key = GroupKey(schema: schema, isReferenced: isReferenced)
            let offset = groupOf[key] ?? {
                groups.append(NeighbourGroup(schema: schema, isReferenced: isReferenced, tables: []))
                groupOf[key] = groups.count - 1
                return groups.count - 1
            }()
            groups[offset].tables.append(id)
            groups[offset].declared = groups[offset].declared || (isReferenced ? declaredOut.contains(id) : declaredIn.contains(id))
            groups[offset].documented = groups[offset].documented || documented.contains(id)
        }

        var nodes: [TableID: String] = [table.id: "t0"]
        for (offset, id) in drawnIDs.enumerated() { nodes[id] = "t\(offset + 1)" }
        var drawn = Drawn()
        var focusKeys = keyColumns(of: table, relatedTo: nil).union(Self.columns(of: table.id, in: undeclared))
        if focusKeys.isEmpty { focusKeys = Set(table.columns.prefix(1).map { ExactName($0.name) }) }
        let focusColumns = Array(table.columns.filter { focusKeys.contains(ExactName($0.name)) }.prefix(Self.hubColumnLimit))
        var body = [node(table, name: "t0", focus: true, columns: focusColumns, hiddenColumns: table.columns.count - focusColumns.count,
                         from: diagramPath, drawn: &drawn)]
        for id in drawnIDs {
            guard let neighbour = index.table(id), let name = nodes[id] else { continue }
            // Only the columns that join the hub: a dozen neighbours then stay a column of the height of a screen.
            var keys = Self.columns(of: id, in: undeclared)
            for key in neighbour.foreignKeys where key.referencedTable == table.id { keys.formUnion(key.columns.map(ExactName.init)) }
            for key in table.foreignKeys where key.referencedTable == id { keys.formUnion(key.referencedColumns.map(ExactName.init)) }
            let columns = Array(neighbour.columns.filter { keys.contains(ExactName($0.name)) }.prefix(Self.neighbourColumnLimit))
            body.append(node(neighbour, name: name, focus: false, columns: columns, hiddenColumns: neighbour.columns.count - columns.count,
                             from: diagramPath, drawn: &drawn))
        }
        var descriptions: [String] = []
        for (offset, group) in groups.enumerated() {
            let schema = group.schema.source.isExactly(table.id.source) ? group.schema.schema : "\(group.schema.source).\(group.schema.schema)"
            let text = (group.isReferenced ? "references " : "referenced by ") + Format.counted(group.tables.count, "table") + " in " + schema
            descriptions.append(text)
            let anchor = group.declared ? (group.isReferenced ? "foreign-keys" : "referenced-by")
                : group.documented ? "documented-relationships" : "suggested-relationships"
            body.append("  g\(offset) [label=<<table border=\"1\" cellborder=\"0\" cellpadding=\"6\" style=\"rounded\" color=\"#64748b\" "
                + "bgcolor=\"#f1f5f9\"><tr><td><b>\(Self.label(text))</b></td></tr><tr><td><font color=\"#64748b\">listed on this page</font></td></tr></table>>, "
                + "URL=\"#\(anchor)\", target=\"_top\", tooltip=\"\(Self.tooltip(text))\"];")
            let style = group.declared ? "" : ", style=dashed, color=\"\(group.documented ? Self.documentedColour : Self.suggestedColour)\""
            body.append(group.isReferenced ? "  t0 -> g\(offset) [penwidth=2\(style)];" : "  g\(offset) -> t0 [penwidth=2\(style)];")
        }
        body += Self.columnsOfNeighbours(drawnIDs.filter { !referenced.contains($0) }.compactMap { nodes[$0] })
        body += Self.columnsOfNeighbours(drawnIDs.filter { referenced.contains($0) }.compactMap { nodes[$0] })
        let edgeTables = [table] + drawnIDs.compactMap { index.table($0) }
        let declared = edges(among: edgeTables, nodes: nodes, drawn: drawn, only: table.id)
        let others = undeclaredEdges(undeclared, nodes: nodes, drawn: drawn)
        body += declared + others.lines
        var edges = others.kinds.union(declared.isEmpty ? [] : [.declared])
        for group in groups { edges.insert(group.declared ? .declared : group.documented ? .documented : .suggested) }
        return Result(dot: Self.graph(body), neighbours: neighbourIDs.count, drawnNeighbours: drawnIDs.count, edges: edges, grouped: descriptions)
    }

    /// Neighbours on one side of the hub share a rank, which dot stacks into one tall column; invisible edges
    /// from each to the one `perColumn` places on push them into columns of at most `perColumn`, so a dozen
    /// neighbours make a block about as wide as it is tall.
    static func columnsOfNeighbours(_ names: [String], perColumn: Int = 4) -> [String] {
        guard names.count > perColumn else { return [] }
        return names.indices.dropLast(perColumn).map { "  \(names[$0]) -> \(names[$0 + perColumn]) [style=invis, weight=4];" }
    }
}
