import Catalog

extension HTMLPagesExporter {
    /// What table pages offer at depth 2: the DOT of each diagram drawn, and the size of each one too large to draw.
    struct DepthTwoPlan {
        var drawn: [(table: TableID, dot: String)] = []
        var tooLarge: [TableID: Int] = [:]

        /// A table's offer, once `svgs` holds the drawn diagrams rendered, keyed by table.
        func offer(_ id: TableID, svgs: [TableID: String]) -> TablePage.DepthTwo? {
            if let svg = svgs[id] { return .drawn(svg: svg) }
            return tooLarge[id].map { .tooLarge(tables: $0) }
        }
    }

    /// For each table, its depth-2 diagram when that shows more tables than depth 1 and no more than
    /// `ERDiagram.pageDepthLimit`; beyond that limit, only how many tables it reaches.
    static func depthTwo(of tables: [Table], erd: ERDiagram, plan: SitePlan) throws -> DepthTwoPlan {
        let offers = try Parallel.map(count: tables.count, chunkSize: 64) { index, _ -> (TableID, Int, String?)? in
            let id = tables[index].id
            guard let page = plan.tablePage(id) else { return nil }
            let near = erd.reach(from: [id], depth: 1).count
            let far = erd.reach(from: [id], depth: 2).count
            guard far > near else { return nil }
            guard far <= ERDiagram.pageDepthLimit else { return (id, far, nil) }
            return (id, far, erd.selection(of: [id], depth: 2, limit: ERDiagram.pageDepthLimit, diagramPath: page).dot)
        }
        var result = DepthTwoPlan()
        for case let (id, tables, dot)? in offers {
            if let dot { result.drawn.append((id, dot)) } else { result.tooLarge[id] = tables }
        }
        return result
    }
}
