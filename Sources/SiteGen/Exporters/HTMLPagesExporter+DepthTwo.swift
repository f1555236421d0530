import Catalog

extension HTMLPagesExporter {
    /// How many table pages of a catalog of `tables` get their depth-2 diagram drawn in: every one up to 1,000 tables,
    /// else half of them. Each costs graphviz about what a depth-1 diagram does, and at 5,000 tables drawing all of
    /// them made the cold build 60 % longer; the others name the command that exports theirs.
    static func depthTwoBudget(tables: Int) -> Int {
        max(1_000, tables / 2)
    }

    /// What table pages offer at depth 2: the DOT of each diagram drawn, and the size of each one left to `erd`.
    struct DepthTwoPlan {
        var drawn: [(table: TableID, dot: String)] = []
        var tooLarge: [TableID: Int] = [:]
        var overBudget: [TableID: Int] = [:]
        var budget = 0

        /// A table's offer, once `svgs` holds the drawn diagrams rendered, keyed by table.
        func offer(_ id: TableID, svgs: [TableID: String]) -> TablePage.DepthTwo? {
            if let svg = svgs[id] { return .drawn(svg: svg) }
            if let tables = tooLarge[id] { return .tooLarge(tables: tables) }
            return overBudget[id].map { .overBudget(tables: $0, budget: budget) }
        }
    }

    /// For each table whose depth 2 shows more tables than depth 1 and no more than `ERDiagram.pageDepthLimit`, its
    /// depth-2 diagram, tables by name: for the `depthTwoBudget` of them with the fewest neighbours, whose own
    /// diagrams show least; the others, and those over the limit, only how many tables it reaches.
    static func depthTwo(of tables: [Table], erd: ERDiagram, plan: SitePlan) throws -> DepthTwoPlan {
        let reach = try Parallel.map(count: tables.count, chunkSize: 64) { index, _ -> (near: Int, far: Int) in
            let id = tables[index].id
            guard plan.tablePage(id) != nil else { return (0, 0) }
            return (erd.reach(from: [id], depth: 1).count, erd.reach(from: [id], depth: 2).count)
        }
        var result = DepthTwoPlan(budget: depthTwoBudget(tables: tables.count))
        var candidates: [Int] = []
        for (index, counts) in reach.enumerated() where counts.far > counts.near {
            if counts.far > ERDiagram.pageDepthLimit { result.tooLarge[tables[index].id] = counts.far } else { candidates.append(index) }
        }
        let chosen = candidates.sorted { (reach[$0].near, $0) < (reach[$1].near, $1) }.prefix(result.budget).sorted()
        for index in Set(candidates).subtracting(chosen) { result.overBudget[tables[index].id] = reach[index].far }
        // By name only: with their columns, these diagrams cost graphviz three times what the depth-1 ones do.
        let dots = try Parallel.map(count: chosen.count, chunkSize: 64) { offset, _ -> String in
            let table = tables[chosen[offset]]
            return erd.selection(of: [table.id], depth: 2, limit: ERDiagram.pageDepthLimit, columns: false,
                                 diagramPath: plan.tablePage(table.id) ?? "").dot
        }
        result.drawn = zip(chosen, dots).map { (tables[$0].id, $1) }
        return result
    }
}
