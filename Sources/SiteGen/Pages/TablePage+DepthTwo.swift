import Catalog

extension TablePage {
    /// What a table's diagram offers beyond its neighbours: the tables two steps away.
    enum DepthTwo: Sendable, Equatable {
        /// The diagram's markup from graphviz, which escaped every name in it.
        case drawn(svg: String)
        /// It would draw this many tables, more than `ERDiagram.pageDepthLimit`: the page names the command instead.
        case tooLarge(tables: Int)
        /// A large catalog draws depth 2 into the pages of `budget` tables, those with the fewest neighbours; not this one.
        case overBudget(tables: Int, budget: Int)
    }
}

extension TablePage.Diagram {
    /// Offers `depthTwo` of the table `id`: its markup for the script, or the `scribe-build erd` command that exports it.
    mutating func offer(_ depthTwo: TablePage.DepthTwo?, of id: TableID, namingSources: Bool) {
        switch depthTwo {
        case .drawn(let svg)?:
            self.depthTwo = svg
        case .tooLarge(let tables)?:
            depthTwoTooLarge = "Depth 2 reaches \(Format.counted(tables, "table")), too many to draw here; export it with"
            exportCommand = command(for: id, namingSources: namingSources)
        case .overBudget(let tables, let budget)?:
            depthTwoTooLarge = "Depth 2 (\(Format.counted(tables, "table"))) is drawn into the pages of the "
                + "\(Format.count(budget)) tables with the fewest neighbours in a catalog this large; export it with"
            exportCommand = command(for: id, namingSources: namingSources)
        case nil:
            break
        }
    }

    /// `scribe-build erd 'main.orders' --depth 2 --output 'orders-depth-2.svg'`.
    private func command(for id: TableID, namingSources: Bool) -> String {
        let name = (namingSources ? "\(id.source)." : "") + "\(id.schema).\(id.name)"
        return "scribe-build erd \(Self.shellQuoted(name)) --depth 2 --output \(Self.shellQuoted(file + "-depth-2.svg"))"
    }

    /// `text` in single quotes for a POSIX shell, a quote inside written `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension PageContext {
    /// `orders` for `shop/main/tables/orders.html`: the page's file name without its extension.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".html") ? String(name.dropLast(5)) : name
    }
}
