import Catalog

extension ERDiagram {
    /// A table page offers its depth-2 diagram up to this many tables; beyond, it names the command that exports it.
    public static let pageDepthLimit = 60
    /// An exported diagram draws at most this many tables: graphviz lays out 300 in a few seconds, and more
    /// are read better as several diagrams.
    public static let selectionTableLimit = 300
    /// Up to this many chosen tables are drawn with every column; more, with their key columns only.
    static let focusColumnsLimit = 5

    /// The diagram of a chosen set of tables and those within a number of steps of them.
    public struct Selection: Sendable, Equatable {
        /// The DOT text for graphviz, written when asked: a table page's depth-2 diagram is mostly laid out without it.
        public var dot: String {
            ERDiagram.graph(drawing.body + (note.map {
                ["  label=\"\(ERDiagram.quoted($0))\"; labelloc=\"b\"; labeljust=\"l\"; fontsize=9; fontcolor=\"#64748b\";"]
            } ?? []))
        }
        /// Every table the selection reaches: the chosen ones, then each step's, in the order found.
        public var reached: [TableID]
        public var drawnTables: Int
        /// The kinds of edge drawn, for the legend.
        public var edges: Set<EdgeKind> = []
        /// Set when the selection reaches more tables than the diagram draws; also printed under the diagram.
        public var note: String?
        fileprivate var drawing: DiagramGraph
        /// The diagram as values, for a table page's depth-2 diagram that Schema Scribe may lay out itself
        /// (`NeighbourhoodLayout`); nil when the diagram carries a note, which only graphviz writes.
        var graph: DiagramGraph? { note == nil ? drawing : nil }
    }

    /// The same diagrams with no link in them: for a file saved outside the site, whose pages are not beside it.
    public var withoutLinks: ERDiagram {
        ERDiagram(catalog: catalog, plan: SitePlan(Catalog(title: catalog.title)), index: index)
    }

    /// The tables within `depth` steps of `chosen`, chosen ones first, then breadth first. A step follows a declared
    /// foreign key either way, or a relationship the pages show (documented, accepted or suggested); a table the
    /// catalog lacks (a key to another database) is reached but leads nowhere.
    public func reach(from chosen: [TableID], depth: Int) -> [TableID] {
        var seen: Set<TableID> = []
        var reached: [TableID] = []
        var frontier: [TableID] = []
        for id in chosen where seen.insert(id).inserted {
            reached.append(id)
            frontier.append(id)
        }
        for _ in 0..<max(0, depth) {
            var next: [TableID] = []
            for id in frontier {
                for neighbour in neighbours(of: id) where seen.insert(neighbour).inserted {
                    reached.append(neighbour)
                    next.append(neighbour)
                }
            }
            if next.isEmpty { break }
            frontier = next
        }
        return reached
    }

    /// `chosen` and the tables within `depth` steps of them (`reach`), at most `limit`: the chosen ones and those
    /// nearest to them; every relationship among the drawn tables is drawn. `diagramPath` is where the SVG is
    /// shown, so links inside it resolve from there. Without `columns`, tables are drawn by name only, as a large
    /// schema overview draws them: graphviz takes about a third of the time, and the SVG a third of the bytes.
    public func selection(of chosen: [TableID], depth: Int, limit: Int = selectionTableLimit, columns withColumns: Bool = true,
                          diagramPath: String) -> Selection {
        let reached = reach(from: chosen, depth: depth)
        let chosenSet = Set(chosen)
        var drawnIDs = Array(reached.prefix(limit))
        if chosenSet.count > limit {
            drawnIDs = Self.mostConnected(reached.filter(chosenSet.contains).compactMap(index.table), limit: limit).map(\.id)
        }
        let drawnSet = Set(drawnIDs)
        var nodes: [TableID: String] = [:]
        for (offset, id) in drawnIDs.enumerated() { nodes[id] = "t\(offset)" }

        var drawn = Drawn()
        var drawnTables: [Table] = []
        var undeclared: [Relationship] = []
        var drawing = DiagramGraph()
        for id in drawnIDs {
            let name = nodes[id] ?? "t"
            guard let table = index.table(id) else {
                drawing.nodes.append(missingNode(id, name: name))
                continue
            }
            drawnTables.append(table)
            // Each relationship once, from the table that holds its columns, when both ends are drawn.
            let own = index.undeclaredRelationships(of: id).filter { $0.from.table == id && drawnSet.contains($0.to.table) }
            undeclared += own
            let isChosen = chosenSet.contains(id)
            let shown: [Column]
            if !withColumns {
                shown = []
            } else if isChosen && chosenSet.count <= Self.focusColumnsLimit {
                shown = table.columns
            } else {
                let keys = keyColumns(of: table, among: drawnSet)
                let all = table.columns.filter { keys.contains(ExactName($0.name)) }
                shown = isChosen ? all : Array(all.prefix(Self.neighbourColumnLimit))
            }
            drawing.nodes.append(diagramNode(table, name: name, focus: isChosen, columns: shown,
                                             hiddenColumns: withColumns ? table.columns.count - shown.count : 0,
                                             from: diagramPath, drawn: &drawn))
        }
        // Relationships that end at a drawn table but start from one the catalog lacks are never drawn: it has no columns.
        let declared = declaredEdges(among: drawnTables, nodes: nodes, drawn: drawn, only: nil)
        let others = undeclaredEdgeModels(undeclared, nodes: nodes, drawn: drawn)
        drawing.edges = declared + others.edges
        let note = drawnIDs.count < reached.count
            ? "The diagram shows \(drawnIDs.count) of the \(reached.count) tables within \(Format.counted(depth, "step")): "
                + "the chosen ones and those nearest to them."
            : nil
        return Selection(reached: reached, drawnTables: drawnIDs.count, edges: others.kinds.union(declared.isEmpty ? [] : [.declared]),
                         note: note, drawing: drawing)
    }

    /// Tables one step from `id`, in the order a neighbourhood draws them: what it references, what references
    /// it, then the other ends of its undeclared relationships.
    private func neighbours(of id: TableID) -> [TableID] {
        var result = (index.table(id)?.foreignKeys ?? []).map(\.referencedTable)
        result += index.referencing(id).map(\.from)
        for relationship in index.undeclaredRelationships(of: id) {
            result += [relationship.from.table, relationship.to.table]
        }
        return result
    }

    /// The primary key of `table` and the columns of its relationships with the tables in `drawn`, at either end.
    private func keyColumns(of table: Table, among drawn: Set<TableID>) -> Set<ExactName> {
        var names = Set((table.primaryKey?.columns ?? []).map(ExactName.init))
        for key in table.foreignKeys where drawn.contains(key.referencedTable) {
            names.formUnion(key.columns.map(ExactName.init))
        }
        for link in index.referencing(table.id) where drawn.contains(link.from) {
            names.formUnion(link.key.referencedColumns.map(ExactName.init))
        }
        let shown = index.undeclaredRelationships(of: table.id).filter { drawn.contains($0.from.table) && drawn.contains($0.to.table) }
        return names.union(Self.columns(of: table.id, in: shown))
    }
}
