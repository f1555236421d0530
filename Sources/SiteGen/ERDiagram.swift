import Catalog

/// DOT text for entity–relationship diagrams; rendering it to SVG is `Graphviz`'s job.
///
/// Tables are drawn as HTML-like labels with one port per column, so an edge runs from the
/// referencing column to the referenced one. Every name is escaped for DOT's HTML labels and
/// node identifiers are positional (`t0`, `t1`), so no identifier can break the syntax.
public struct ERDiagram: Sendable {
    /// A table's diagram shows all its neighbours up to this many; above, it is a hub's (`hubNeighbourhood`).
    public static let neighbourLimit = 40
    /// Columns drawn for a neighbour before the rest are summarised as "… n more".
    static let neighbourColumnLimit = 8
    /// Above this many tables a schema overview draws names only, without columns.
    static let overviewColumnsLimit = 40
    /// A schema overview draws at most this many tables, the most connected ones: graphviz's layout time
    /// grows faster than linearly (5,000 tables took 11 s), and nobody reads a diagram that large.
    public static let overviewTableLimit = 150

    /// How an edge is drawn, and so what a diagram's legend explains.
    public enum EdgeKind: Sendable, Hashable, CaseIterable {
        /// A foreign key the database declares: solid and slate.
        case declared
        /// Written in a context file, or suggested and then accepted: people vouched for it. Dashed and violet.
        case documented
        /// Inferred and nobody has decided yet: dashed in its own colour, labelled with its confidence.
        case suggested

        init(_ relationship: Relationship) {
            self = relationship.origin == .declared ? .declared : relationship.isSuggestion ? .suggested : .documented
        }
    }

    static let documentedColour = "#7c3aed"
    static let suggestedColour = "#0d9488"
    /// Darker than the edge, so a confidence label stays readable at 8 points.
    static let suggestedLabelColour = "#0f766e"

    public struct Result: Sendable, Equatable {
        /// The DOT text for graphviz: written from `graph` when asked (most neighbourhoods are laid out without it),
        /// else a hub's, as drawn.
        public var dot: String { graph.map { ERDiagram.graph($0.body) } ?? hubDOT }
        private var hubDOT = ""
        /// How many related tables exist in all, and how many were drawn.
        public var neighbours: Int
        public var drawnNeighbours: Int
        /// The kinds of edge drawn, for the legend.
        public var edges: Set<EdgeKind> = []
        /// For a hub table, what the group nodes stand for: "referenced by 740 tables in sales".
        public var grouped: [String] = []
        /// The diagram as values, for a neighbourhood Schema Scribe may lay out itself (`NeighbourhoodLayout`).
        var graph: DiagramGraph?

        public init(dot: String, neighbours: Int, drawnNeighbours: Int, edges: Set<EdgeKind> = [], grouped: [String] = []) {
            (hubDOT, self.neighbours, self.drawnNeighbours, self.edges, self.grouped) = (dot, neighbours, drawnNeighbours, edges, grouped)
        }

        init(graph: DiagramGraph, neighbours: Int, drawnNeighbours: Int, edges: Set<EdgeKind>) {
            (self.graph, self.neighbours, self.drawnNeighbours, self.edges) = (graph, neighbours, drawnNeighbours, edges)
        }
    }

    let catalog: Catalog
    let plan: SitePlan
    let index: CatalogIndex

    public init(catalog: Catalog, plan: SitePlan, index: CatalogIndex) {
        self.catalog = catalog
        self.plan = plan
        self.index = index
    }

    /// A table with its direct neighbours: what it references and what references it, declared or not.
    /// `diagramPath` is the page the SVG is shown in, so links inside it resolve from there.
    public func neighbourhood(of table: Table, diagramPath: String) -> Result {
        var neighbourIDs: [TableID] = []
        var seen: Set<TableID> = [table.id]
        for key in table.foreignKeys where seen.insert(key.referencedTable).inserted {
            neighbourIDs.append(key.referencedTable)
        }
        for link in index.referencing(table.id) where seen.insert(link.from).inserted {
            neighbourIDs.append(link.from)
        }
        let undeclared = index.undeclaredRelationships(of: table.id)
        for relationship in undeclared {
            for other in [relationship.from.table, relationship.to.table] where seen.insert(other).inserted { neighbourIDs.append(other) }
        }
        if neighbourIDs.count > Self.neighbourLimit {
            return hubNeighbourhood(of: table, neighbours: neighbourIDs, undeclared: undeclared, diagramPath: diagramPath)
        }
        let drawnIDs = neighbourIDs
        var nodes: [TableID: String] = [table.id: "t0"]
        for (offset, id) in drawnIDs.enumerated() { nodes[id] = "t\(offset + 1)" }

        var drawn = Drawn()
        var drawing = DiagramGraph()
        drawing.nodes.append(diagramNode(table, name: "t0", focus: true, columns: table.columns, hiddenColumns: 0, from: diagramPath, drawn: &drawn))
        for id in drawnIDs {
            guard let neighbour = index.table(id), let name = nodes[id] else {
                drawing.nodes.append(missingNode(id, name: nodes[id] ?? "missing"))
                continue
            }
            let keyColumns = self.keyColumns(of: neighbour, relatedTo: table.id).union(Self.columns(of: id, in: undeclared))
            let shown = Array(neighbour.columns.filter { keyColumns.contains(ExactName($0.name)) }.prefix(Self.neighbourColumnLimit))
            drawing.nodes.append(diagramNode(neighbour, name: name, focus: false, columns: shown,
                                             hiddenColumns: neighbour.columns.count - shown.count, from: diagramPath, drawn: &drawn))
        }
        var edgeTables = [table]
        edgeTables += drawnIDs.compactMap { index.table($0) }
        let declared = declaredEdges(among: edgeTables, nodes: nodes, drawn: drawn, only: table.id)
        let others = undeclaredEdgeModels(undeclared, nodes: nodes, drawn: drawn)
        drawing.edges = declared + others.edges
        return Result(graph: drawing, neighbours: neighbourIDs.count, drawnNeighbours: drawnIDs.count,
                      edges: others.kinds.union(declared.isEmpty ? [] : [.declared]))
    }

    public struct Overview: Sendable, Equatable {
        public var dot: String
        public var tables: Int
        public var drawnTables: Int
        /// The kinds of edge drawn, for the legend.
        public var edges: Set<EdgeKind> = []
        /// On an area map, the areas drawn; on an area's diagram, the other areas it relates to.
        public var areas = 0
        /// On an area map, the pairs of areas with relationships between them, and how many pairs are drawn.
        public var links = 0
        public var drawnLinks = 0
    }

    /// The tables of one schema and the relationships between them; for a large schema, the most
    /// connected `overviewTableLimit` tables. Above `overviewColumnsLimit` tables, the schema page draws
    /// `areaMap` instead.
    public func overview(of schema: Schema, diagramPath: String) -> Overview {
        let undeclared = undeclared(among: schema.tables)
        let drawn = Self.mostConnected(schema.tables, relationships: undeclared, limit: Self.overviewTableLimit)
        let drawing = drawing(drawn, undeclared: undeclared, withColumns: drawn.count <= Self.overviewColumnsLimit, from: diagramPath)
        return Overview(dot: Self.graph(drawing.body), tables: schema.tables.count, drawnTables: drawn.count, edges: drawing.edges)
    }

    /// Relationships the database does not declare with both ends among `tables`, each once (from the table
    /// that holds its columns).
    func undeclared(among tables: [Table]) -> [Relationship] {
        let ids = Set(tables.map(\.id))
        return tables.flatMap { table in
            index.undeclaredRelationships(of: table.id).filter { $0.from.table == table.id && ids.contains($0.to.table) }
        }
    }

    /// Tables drawn as nodes `t0`, `t1`… with their key columns (`withColumns`) or names only, and the edges among them.
    struct Drawing {
        var body: [String]
        var nodes: [TableID: String]
        var edges: Set<EdgeKind>
    }

    func drawing(_ drawn: [Table], undeclared: [Relationship], withColumns: Bool, from diagramPath: String) -> Drawing {
        var nodes: [TableID: String] = [:]
        for (offset, table) in drawn.enumerated() { nodes[table.id] = "t\(offset)" }
        var body: [String] = []
        var drawnColumns = Drawn()
        for table in drawn {
            let keys = withColumns ? keyColumns(of: table, relatedTo: nil).union(Self.columns(of: table.id, in: undeclared)) : []
            let shown = table.columns.filter { keys.contains(ExactName($0.name)) }
            body.append(node(table, name: nodes[table.id] ?? "t", focus: false, columns: shown,
                             hiddenColumns: withColumns ? table.columns.count - shown.count : 0, from: diagramPath, drawn: &drawnColumns))
        }
        let declared = edges(among: drawn, nodes: nodes, drawn: drawnColumns, only: nil)
        let others = undeclaredEdges(undeclared, nodes: nodes, drawn: drawnColumns)
        return Drawing(body: body + declared + others.lines, nodes: nodes, edges: others.kinds.union(declared.isEmpty ? [] : [.declared]))
    }

    /// Up to `limit` tables with the most relationships in and out within the list (declared foreign keys and
    /// `relationships`, the shown undeclared ones), kept in list order.
    static func mostConnected(_ tables: [Table], relationships: [Relationship] = [], limit: Int) -> [Table] {
        guard tables.count > limit else { return tables }
        var degree: [TableID: Int] = [:]
        let present = Set(tables.map(\.id))
        func connect(_ from: TableID, _ to: TableID) {
            guard present.contains(from), present.contains(to), from != to else { return }
            degree[from, default: 0] += 1
            degree[to, default: 0] += 1
        }
        for table in tables {
            for key in table.foreignKeys { connect(table.id, key.referencedTable) }
        }
        for relationship in relationships { connect(relationship.from.table, relationship.to.table) }
        let chosen = Set(tables.enumerated()
            .sorted { (degree[$0.element.id] ?? 0, -$0.offset) > (degree[$1.element.id] ?? 0, -$1.offset) }
            .prefix(limit).map(\.element.id))
        return tables.filter { chosen.contains($0.id) }
    }

    /// Primary-key and foreign-key columns of `table`; with `relatedTo`, only keys involving that table.
    func keyColumns(of table: Table, relatedTo other: TableID?) -> Set<ExactName> {
        var names = Set((table.primaryKey?.columns ?? []).map(ExactName.init))
        for key in table.foreignKeys where other == nil || key.referencedTable == other {
            names.formUnion(key.columns.map(ExactName.init))
        }
        if let other, let otherTable = index.table(other) {
            for key in otherTable.foreignKeys where key.referencedTable == table.id {
                names.formUnion(key.referencedColumns.map(ExactName.init))
            }
        }
        return names
    }

    /// The columns each node shows, so that an edge names a port only where the column is drawn.
    struct Drawn {
        var columns: [TableID: Set<ExactName>] = [:]

        func port(_ table: Table, _ column: String) -> String? {
            guard columns[table.id]?.contains(ExactName(column)) == true else { return nil }
            return table.columns.firstIndex { $0.name.isExactly(column) }.map { "c\($0)" }
        }
    }

    /// The columns of `id` that `relationships` join on, at either end.
    static func columns(of id: TableID, in relationships: [Relationship]) -> Set<ExactName> {
        var names: Set<ExactName> = []
        for relationship in relationships {
            if relationship.from.table == id { names.formUnion(relationship.from.columns.map(ExactName.init)) }
            if relationship.to.table == id { names.formUnion(relationship.to.columns.map(ExactName.init)) }
        }
        return names
    }

    func edges(among tables: [Table], nodes: [TableID: String], drawn: Drawn, only focus: TableID?) -> [String] {
        declaredEdges(among: tables, nodes: nodes, drawn: drawn, only: focus).map(\.dot)
    }

    func declaredEdges(among tables: [Table], nodes: [TableID: String], drawn: Drawn, only focus: TableID?) -> [DiagramGraph.Edge] {
        var edges: [DiagramGraph.Edge] = []
        var drawnPairs: Set<String> = []
        for table in tables {
            guard let from = nodes[table.id] else { continue }
            for key in table.foreignKeys {
                guard let to = nodes[key.referencedTable] else { continue }
                // In a neighbourhood, draw only edges that touch the focus table.
                if let focus, table.id != focus, key.referencedTable != focus { continue }
                let target = index.table(key.referencedTable)
                if let fromColumn = key.columns.first, let fromPort = drawn.port(table, fromColumn),
                   let toColumn = key.referencedColumns.first, let target, let toPort = drawn.port(target, toColumn) {
                    edges.append(DiagramGraph.Edge(from: from, fromPort: fromPort, to: to, toPort: toPort))
                } else if drawnPairs.insert("\(from)->\(to)").inserted {
                    edges.append(DiagramGraph.Edge(from: from, to: to))
                }
            }
        }
        return edges
    }

    /// Relationships the database does not declare, always dashed so they never pass for its foreign keys:
    /// violet with their cardinality when people vouched for them (documented, or accepted), in the
    /// suggestion colour with their confidence while they are only suggested.
    func undeclaredEdges(_ relationships: [Relationship], nodes: [TableID: String], drawn: Drawn) -> (lines: [String], kinds: Set<EdgeKind>) {
        let (edges, kinds) = undeclaredEdgeModels(relationships, nodes: nodes, drawn: drawn)
        return (edges.map(\.dot), kinds)
    }

    func undeclaredEdgeModels(_ relationships: [Relationship], nodes: [TableID: String], drawn: Drawn)
        -> (edges: [DiagramGraph.Edge], kinds: Set<EdgeKind>) {
        var kinds: Set<EdgeKind> = []
        let edges = relationships.compactMap { relationship -> DiagramGraph.Edge? in
            guard let from = nodes[relationship.from.table], let to = nodes[relationship.to.table] else { return nil }
            var edge = DiagramGraph.Edge(from: from, to: to)
            if let fromTable = index.table(relationship.from.table), let toTable = index.table(relationship.to.table),
               let fromColumn = relationship.from.columns.first, let toColumn = relationship.to.columns.first,
               let fromPort = drawn.port(fromTable, fromColumn), let toPort = drawn.port(toTable, toColumn) {
                (edge.fromPort, edge.toPort) = (fromPort, toPort)
            }
            let kind = EdgeKind(relationship)
            kinds.insert(kind)
            let (colour, label, labelColour) = kind == .suggested
                ? (Self.suggestedColour, relationship.confidence.map(Format.score), Self.suggestedLabelColour)
                : (Self.documentedColour, relationship.cardinality, Self.documentedColour)
            edge.undeclared = .init(colour: colour, tooltip: relationship.summary, label: label, labelColour: labelColour)
            return edge
        }
        return (edges, kinds)
    }

    /// `layout=dot` is said in every graph: dot renders many graphs per process, and a graph that chose another
    /// engine (a large area map is laid out by neato) would otherwise leave it chosen for the graphs after it.
    static func graph(_ body: [String]) -> String {
        """
        digraph erd {
          graph [layout=dot, rankdir=LR, bgcolor="transparent", fontname="Helvetica", nodesep=0.3, ranksep=0.9, pad=0.2];
          node [shape=plain, fontname="Helvetica", fontsize=10];
          edge [color="#64748b", arrowsize=0.7, arrowhead=normal, arrowtail=none, penwidth=1.1];
        \(body.joined(separator: "\n"))
        }

        """
    }

    func node(_ table: Table, name: String, focus: Bool, columns: [Column], hiddenColumns: Int, from diagramPath: String,
              drawn: inout Drawn) -> String {
        diagramNode(table, name: name, focus: focus, columns: columns, hiddenColumns: hiddenColumns, from: diagramPath, drawn: &drawn).dot
    }

    func diagramNode(_ table: Table, name: String, focus: Bool, columns: [Column], hiddenColumns: Int, from diagramPath: String,
                     drawn: inout Drawn) -> DiagramGraph.Node {
        typealias Span = DiagramGraph.Span
        drawn.columns[table.id, default: []].formUnion(columns.map { ExactName($0.name) })
        var header = [Span(text: Self.shortened(table.name), colour: "#ffffff", bold: true)]
        if table.kind != .table {
            header += [Span(text: " "), Span(text: Self.shortened(Format.words(table.kind.rawValue)), colour: "#cbd5e1")]
        }
        var rows = [DiagramGraph.Row(spans: header, port: "title", background: focus ? "#1e3a8a" : "#334155")]
        let primary = Set((table.primaryKey?.columns ?? []).map(ExactName.init))
        let foreign = Set(table.foreignKeys.flatMap(\.columns).map(ExactName.init))
        var documented: Set<ExactName> = [], suggested: Set<ExactName> = []
        for relationship in index.undeclaredRelationships(of: table.id) where relationship.from.table == table.id {
            if relationship.isSuggestion {
                suggested.formUnion(relationship.from.columns.map(ExactName.init))
            } else {
                documented.formUnion(relationship.from.columns.map(ExactName.init))
            }
        }
        for column in columns {
            // By exact name, not `Column ==`, which would take `é` and `e` + U+0301 of the same type for one column.
            guard let position = table.columns.firstIndex(where: { $0.name.isExactly(column.name) }) else { continue }
            let name = ExactName(column.name)
            // Declared keys first: a column both declared and documented is marked as the declared key.
            let marker: (text: String, colour: String)? =
                primary.contains(name) ? ("PK ", "#b45309") : foreign.contains(name) ? ("FK ", "#b45309")
                : documented.contains(name) ? ("FK ", Self.documentedColour)
                : suggested.contains(name) ? ("FK? ", Self.suggestedLabelColour) : nil
            var spans = marker.map { [Span(text: $0.text, colour: $0.colour)] } ?? []
            // graphviz rejects an empty <font> element, and SQLite view columns often have no type.
            if column.dataType.isEmpty {
                spans.append(Span(text: Self.shortened(column.name)))
            } else {
                spans.append(Span(text: Self.shortened(column.name) + " "))
                spans.append(Span(text: Self.shortened(column.dataType.lowercased()), colour: "#64748b"))
            }
            rows.append(DiagramGraph.Row(spans: spans, port: "c\(position)"))
        }
        if hiddenColumns > 0 {
            rows.append(DiagramGraph.Row(spans: [Span(text: "… \(hiddenColumns) more column\(hiddenColumns == 1 ? "" : "s")",
                                                       colour: "#64748b", italic: true)]))
        }
        let page = plan.tablePage(table.id)
        return DiagramGraph.Node(name: name, rows: rows, link: page.map { SitePlan.relative($0, from: diagramPath) },
                                 tooltip: page == nil ? nil : table.id.schema + "." + table.name)
    }

    /// A table the catalog does not have (a key to another database): a dashed box with its name.
    func missingNode(_ id: TableID, name: String) -> DiagramGraph.Node {
        DiagramGraph.Node(name: name, rows: [DiagramGraph.Row(spans: [DiagramGraph.Span(text: Self.shortened(id.name))])], missing: true)
    }

    /// Escapes text for a DOT HTML-like label, shortening very long names so the diagram stays readable.
    static func label(_ text: String) -> String {
        escaped(shortened(text))
    }

    /// Very long names cut to 47 characters and an ellipsis, so the diagram stays readable.
    static func shortened(_ text: String) -> String {
        text.count > 48 ? String(text.prefix(47)) + "…" : text
    }

    /// Escapes text for a DOT HTML-like label.
    ///
    /// graphviz expands `\N`, `\G` and `\E` in HTML labels too (`a\Nb` would show the node's name),
    /// and reads `\\` as one backslash.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Escapes text for a `tooltip`, which graphviz reads harder than other strings: it decodes HTML entities
    /// (`&#92;` is a backslash) and then expands backslash escapes twice (`\\\\N` shows as `\N`).
    static func tooltip(_ text: String) -> String {
        // A scalar loop rather than Foundation's replacingOccurrences, which bridges every table's name through UTF-16.
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "\\": escaped += "\\\\"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return quoted(escaped)
    }

    /// Escapes text for a double-quoted DOT string; graphviz reads `\\` as one backslash, so `\N` and the
    /// other escapes it expands in labels and URLs stay literal.
    static func quoted(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
