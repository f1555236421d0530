
/// One line of a diagram's legend: how a kind of edge is drawn, and what it means.
struct DiagramLegend: MustacheParent {
    /// The class of its sample line: `declared`, `documented` or `suggested`.
    var style: String
    var text: String

    func child(named name: String) -> Any? {
        switch name {
        case "style": style
        case "text": text
        default: nil
        }
    }

    /// The legend of a diagram that draws `kinds`, one line per kind drawn; empty for a diagram of declared
    /// foreign keys only, which needs none.
    static func of(_ kinds: Set<ERDiagram.EdgeKind>) -> [DiagramLegend] {
        guard kinds.contains(where: { $0 != .declared }) else { return [] }
        return ERDiagram.EdgeKind.allCases.filter(kinds.contains).map { kind in
            switch kind {
            case .declared: DiagramLegend(style: "declared", text: "solid: a foreign key the database declares")
            case .documented: DiagramLegend(style: "documented", text: "violet dashed: documented in a context file, or suggested and accepted")
            case .suggested: DiagramLegend(style: "suggested", text: "teal dashed, with its confidence: suggested by Schema Scribe, not yet accepted")
            }
        }
    }
}
