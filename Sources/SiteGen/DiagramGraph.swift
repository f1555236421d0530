/// A table diagram as values: boxes of rows of text, and edges from row to row. `ERDiagram` builds it; `dot` writes
/// it as DOT for graphviz, and `NeighbourhoodLayout` draws the simple ones itself.
///
/// Text here is as shown (names already shortened, `ERDiagram.shortened`); each writer escapes it for its format.
struct DiagramGraph: Sendable, Equatable {
    /// A run of text in one style.
    struct Span: Sendable, Equatable {
        var text: String
        var colour: String?
        var bold = false
        var italic = false
    }

    /// A row of a table's box: its header or one column, with the port edges are drawn to.
    struct Row: Sendable, Equatable {
        var spans: [Span]
        var port: String?
        var background: String?
    }

    /// A table's box, `t0`, `t1`…, with the page it links to.
    struct Node: Sendable, Equatable {
        var name: String
        var rows: [Row]
        var link: String?
        var tooltip: String?
        /// A table the catalog lacks, drawn as a dashed box with its name only (`ERDiagram.missingNode`).
        var missing = false
    }

    /// A relationship from a column of one box to a column of another, or between the boxes where a column is not drawn.
    struct Edge: Sendable, Equatable {
        /// A relationship the database does not declare: dashed, in its colour, with a tooltip and perhaps a label.
        struct Undeclared: Sendable, Equatable {
            var colour: String
            var tooltip: String
            var label: String?
            var labelColour: String
        }

        var from: String
        var fromPort: String?
        var to: String
        var toPort: String?
        var undeclared: Undeclared?
    }

    var nodes: [Node] = []
    var edges: [Edge] = []

    /// False when a table is missing from the catalog: only graphviz draws its dashed box.
    var complete: Bool { !nodes.contains { $0.missing } }

    /// The graph's statements in DOT, nodes then edges (`ERDiagram.graph` frames them).
    var body: [String] { nodes.map(\.dot) + edges.map(\.dot) }
}

extension DiagramGraph.Node {
    /// The node as a DOT statement with an HTML-like label.
    var dot: String {
        guard !missing else {
            let name = rows.first?.spans.first.map { ERDiagram.escaped($0.text) } ?? ""
            return "  \(self.name) [label=<<table border=\"1\" cellborder=\"0\" style=\"dashed\"><tr><td>\(name) <i>(not in this catalog)</i></td></tr></table>>];"
        }
        var attributes = ["label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\" bgcolor=\"#ffffff\" color=\"#94a3b8\">"
            + rows.map(\.dot).joined() + "</table>>"]
        if let link {
            attributes.append("URL=\"\(ERDiagram.quoted(link))\"")
            attributes.append("target=\"_top\"")
        }
        if let tooltip { attributes.append("tooltip=\"\(ERDiagram.tooltip(tooltip))\"") }
        return "  \(name) [\(attributes.joined(separator: ", "))];"
    }
}

extension DiagramGraph.Row {
    var dot: String {
        "<tr><td" + (background.map { " bgcolor=\"\($0)\"" } ?? "") + " align=\"left\"" + (port.map { " port=\"\($0)\"" } ?? "") + ">"
            + spans.map(\.dot).joined() + "</td></tr>"
    }
}

extension DiagramGraph.Span {
    var dot: String {
        var text = ERDiagram.escaped(self.text)
        if bold { text = "<b>\(text)</b>" }
        if italic { text = "<i>\(text)</i>" }
        return colour.map { "<font color=\"\($0)\">\(text)</font>" } ?? text
    }
}

extension DiagramGraph.Edge {
    /// The edge as a DOT statement: `from:port:e -> to:port:w` between drawn columns, else between the boxes.
    var dot: String {
        let ends = if let fromPort, let toPort { "\(from):\(fromPort):e -> \(to):\(toPort):w" } else { "\(from) -> \(to)" }
        guard let undeclared else { return "  \(ends);" }
        let label = undeclared.label.map {
            ", label=\"\(ERDiagram.quoted($0))\", fontname=\"Helvetica\", fontsize=8, fontcolor=\"\(undeclared.labelColour)\""
        } ?? ""
        return "  \(ends) [style=dashed, color=\"\(undeclared.colour)\", tooltip=\"\(ERDiagram.tooltip(undeclared.tooltip))\"\(label)];"
    }
}
