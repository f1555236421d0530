import Catalog

extension HTMLPagesExporter {
    /// How many table pages of a catalog of `tables` get their depth-2 diagram drawn in: every one up to 1,000 tables,
    /// else half of them. Each costs graphviz about what a depth-1 diagram does, and at 5,000 tables drawing all of
    /// them made the cold build 60 % longer; the others name the command that exports theirs.
    static func depthTwoBudget(tables: Int) -> Int {
        max(1_000, tables / 2)
    }

    /// What table pages offer at depth 2: which tables' diagrams are drawn in, and the size of each one left to `erd`.
    struct DepthTwoPlan {
        var chosen: Set<TableID> = []
        var tooLarge: [TableID: Int] = [:]
        var overBudget: [TableID: Int] = [:]
        var budget = 0

        /// A table's offer when its diagram is not drawn in: what the page says instead, or nil when depth 2 shows
        /// no more than depth 1.
        func offer(_ id: TableID) -> TablePage.DepthTwo? {
            if let tables = tooLarge[id] { return .tooLarge(tables: tables) }
            return overBudget[id].map { .overBudget(tables: $0, budget: budget) }
        }
    }

    /// For each table whose depth 2 shows more tables than depth 1 and no more than `ERDiagram.pageDepthLimit`, whether
    /// its depth-2 diagram (tables by name, `ERDiagram.selection`; with their columns these diagrams cost graphviz three
    /// times what the depth-1 ones do) is drawn into its page: for the `depthTwoBudget` of them with the fewest
    /// neighbours, whose own diagrams show least; the others, and those over the limit, only how many tables it reaches.
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
        let chosen = candidates.sorted { (reach[$0].near, $0) < (reach[$1].near, $1) }.prefix(result.budget)
        for index in Set(candidates).subtracting(chosen) { result.overBudget[tables[index].id] = reach[index].far }
        result.chosen = Set(chosen.map { tables[$0].id })
        return result
    }
}
