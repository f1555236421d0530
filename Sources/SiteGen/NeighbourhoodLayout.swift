/// Draws a table's diagram without graphviz when it is simple: its neighbours (depth 1) or theirs too (depth 2), each
/// edge running from one rank to the next. Tables that reference the focus table stand in a rank to its left,
/// tables it references in a rank to its right, and tables two steps away one rank further out, or beside the focus
/// table when their edge points back towards it; each box is placed as level with the rows it joins as the boxes
/// around it allow, and every edge runs left to right from a right side to a left side.
///
/// That is the layout `dot` gives these graphs (`rankdir=LR`: an edge's tail ranks before its head), drawn to its
/// measures (rows of 21 points, 0.9 inch between ranks, 0.3 inch between boxes, 0.2 inch of padding) and written as
/// the SVG it writes, with the same `g.node` and `g.edge` groups named by the same `<title>`s, so the page's script,
/// the style sheet and a reader see no difference. graphviz took 2–3 ms for each such graph, half the CPU of a
/// cold build at 5,000 tables; this takes a few hundred microseconds. Anything else (a hub's groups, a table missing
/// from the catalog, a self-reference, a neighbour joined both ways, two neighbours joined to each other, an edge
/// that would skip a rank) returns nil and goes to graphviz.
enum NeighbourhoodLayout {
    static let rowHeight = 21.0
    static let fontSize = 10.0
    static let labelFontSize = 8.0
    /// Text starts this far into its cell: the cell's padding of 4 points and its border.
    static let textInset = 5.0
    /// The baseline stands this far above the bottom of its row.
    static let baselineLift = 9.0
    static let rankGap = 64.8
    static let boxGap = 21.6
    static let padding = 14.4
    static let arrowLength = 7.0
    static let arrowHalfWidth = 2.45

    /// A box placed on the page: its left, top, width and rows.
    struct Box {
        var node: DiagramGraph.Node
        var x = 0.0
        var y = 0.0
        var width: Double
        var height: Double { Double(node.rows.count) * NeighbourhoodLayout.rowHeight }

        /// The vertical middle of the row with `port`, from the top of the box.
        func rowMiddle(_ port: String) -> Double? {
            node.rows.firstIndex { $0.port == port }.map { (Double($0) + 0.5) * NeighbourhoodLayout.rowHeight }
        }
    }

    /// The diagram's SVG document, or nil when graphviz must lay it out.
    static func svg(_ graph: DiagramGraph) -> String? {
        guard let placed = layout(graph) else { return nil }
        return SVGWriter(placed).document
    }

    /// The boxes placed, with the size of the whole drawing; nil when the graph is not simple.
    struct Placed {
        var boxes: [Box]
        var edges: [DiagramGraph.Edge]
        var width: Double
        var height: Double
        var index: [String: Int]
        /// The left and right of each box's rank: the widest box's sides.
        var columns: [(left: Double, right: Double)]
    }

    /// An edge's course, top-down: level from its row to the side of its rank, one curve across the gap between
    /// ranks, and level again to the arrow's base at its box. Boxes of a rank never share a height, so the level
    /// pieces meet no other box, and the curve stays within the gap.
    struct Route {
        var start: (x: Double, y: Double)
        var leave: (x: Double, y: Double)
        var enter: (x: Double, y: Double)
        var end: (x: Double, y: Double)
        var tip: (x: Double, y: Double)
    }

    static func route(_ edge: DiagramGraph.Edge, in placed: Placed) -> Route? {
        guard let from = placed.index[edge.from], let to = placed.index[edge.to],
              let fromRow = row(of: placed.boxes[from], edge.fromPort), let toRow = row(of: placed.boxes[to], edge.toPort) else { return nil }
        let (source, target) = (placed.boxes[from], placed.boxes[to])
        let start = (x: source.x + source.width, y: source.y + fromRow)
        let tip = (x: target.x, y: target.y + toRow)
        let end = (x: tip.x - arrowLength, y: tip.y)
        return Route(start: start, leave: (max(start.x, placed.columns[from].right), start.y),
                     enter: (min(end.x, placed.columns[to].left), end.y), end: end, tip: tip)
    }

    static func layout(_ graph: DiagramGraph) -> Placed? {
        guard graph.complete, !graph.nodes.isEmpty else { return nil }
        var boxes = graph.nodes.map { Box(node: $0, width: Self.width(of: $0)) }
        var index: [String: Int] = [:]
        for (offset, box) in boxes.enumerated() {
            guard index.updateValue(offset, forKey: box.node.name) == nil else { return nil }
        }
        // Each edge's ends, and the rows it leaves and enters: its columns' rows, or the middle of a box shown by
        // name only.
        struct Join { var tail: Int; var head: Int; var tailRow: Double; var headRow: Double }
        var joins: [Join] = []
        // Two edges between the same rows would be drawn one on the other (graphviz spreads them apart).
        var ends: Set<String> = []
        for edge in graph.edges {
            guard ends.insert("\(edge.from):\(edge.fromPort ?? "")->\(edge.to):\(edge.toPort ?? "")").inserted else { return nil }
            guard edge.from != edge.to, let tail = index[edge.from], let head = index[edge.to],
                  let tailRow = Self.row(of: boxes[tail], edge.fromPort), let headRow = Self.row(of: boxes[head], edge.toPort)
            else { return nil }
            joins.append(Join(tail: tail, head: head, tailRow: tailRow, headRow: headRow))
        }
        var joinsOf: [[Int]] = Array(repeating: [], count: boxes.count)
        for (offset, join) in joins.enumerated() {
            joinsOf[join.tail].append(offset)
            joinsOf[join.head].append(offset)
        }

        // Ranks, left to right: the focus table 0, the tables joined to it -1 (they reference it) or 1 (it references
        // them), and the tables two steps away beyond those, or beside the focus table where their edge points back.
        // Every edge must run one rank to the right, as dot would draw it; anything else goes to graphviz.
        var rank: [Int?] = Array(repeating: nil, count: boxes.count)
        rank[0] = 0
        var ringTwo: [Int] = []
        for node in 1..<boxes.count {
            let withFocus = joinsOf[node].map { joins[$0] }.filter { $0.tail == 0 || $0.head == 0 }
            if withFocus.isEmpty { ringTwo.append(node); continue }
            let sides = Set(withFocus.map { $0.head == 0 ? -1 : 1 })
            guard sides.count == 1 else { return nil }
            rank[node] = sides.first
        }
        let farther = Set(ringTwo)
        for node in ringTwo {
            var (low, high) = (-2, 2)
            var preferred: Int?
            for join in joinsOf[node].map({ joins[$0] }) {
                let other = join.tail == node ? join.head : join.tail
                // Two steps away means joined to the focus table's neighbours only.
                guard !farther.contains(other), let placed = rank[other] else { return nil }
                if join.tail == node { high = min(high, placed - 1) } else { low = max(low, placed + 1) }
                if preferred == nil { preferred = 2 * placed }
            }
            guard low <= high, let preferred else { return nil }
            rank[node] = (low...high).contains(preferred) ? preferred : (low...high).contains(0) ? 0 : low
        }
        let ranks = rank.compactMap { $0 }
        guard ranks.count == boxes.count, joins.allSatisfy({ ranks[$0.head] == ranks[$0.tail] + 1 }) else { return nil }

        // Each rank in the order of where its tables' edges meet the ranks already placed (so edges do not cross),
        // each box as near as it can be to level with those rows, no two closer than `boxGap`. The focus table stays
        // where it is: the tables beside it line up with its rows.
        var placed = Array(repeating: false, count: boxes.count)
        placed[0] = true
        func place(_ wantedRank: Int) {
            let members = (0..<boxes.count).filter { ranks[$0] == wantedRank }
            guard !members.isEmpty else { return }
            var wanted: [Int: Double] = [:]
            for member in members {
                if member == 0 { wanted[member] = boxes[0].y; continue }
                let levels = joinsOf[member].map { joins[$0] }.compactMap { join -> Double? in
                    let (other, otherRow, ownRow) = join.tail == member ? (join.head, join.headRow, join.tailRow) : (join.tail, join.tailRow, join.headRow)
                    return placed[other] ? boxes[other].y + otherRow - ownRow : nil
                }
                wanted[member] = levels.isEmpty ? boxes[member].y : levels.reduce(0, +) / Double(levels.count)
            }
            let ordered = members.sorted { (wanted[$0] ?? 0, $0) < (wanted[$1] ?? 0, $1) }
            let tops = spaced(ordered.map { wanted[$0] ?? 0 }, heights: ordered.map { boxes[$0].height }, gap: boxGap)
            // The focus table keeps its place: the rest of its rank moves with it.
            let shift = ordered.firstIndex(of: 0).map { boxes[0].y - tops[$0] } ?? 0
            for (member, top) in zip(ordered, tops) {
                boxes[member].y = top + shift
                placed[member] = true
            }
        }
        for pass in [[-1, 1], [-2, 2, 0], [-1, 1], [-2, 2, 0]] { pass.forEach(place) }

        // Ranks left to right; a gap whose edges carry labels is wider, to leave them room.
        let used = Set(ranks).sorted()
        var x = 0.0
        for current in used {
            let members = (0..<boxes.count).filter { ranks[$0] == current }
            let columnWidth = members.map { boxes[$0].width }.max() ?? 0
            // Right-aligned left of the focus, left-aligned right of it, centred on its rank: the edges are shortest.
            for member in members {
                let spare = columnWidth - boxes[member].width
                boxes[member].x = x + (current < 0 ? spare : current == 0 ? spare / 2 : 0)
            }
            let labels = graph.edges.indices.filter { ranks[joins[$0].tail] == current }.compactMap { offset in
                graph.edges[offset].undeclared?.label.map { DiagramFont.width($0, size: labelFontSize) + 8 }
            }
            x += columnWidth + rankGap + (labels.max() ?? 0)
        }

        // Everything moved to start at the padding.
        let top = boxes.map { $0.y }.min() ?? 0
        for offset in boxes.indices {
            boxes[offset].y += padding - top
            boxes[offset].x += padding
        }
        let width = (boxes.map { $0.x + $0.width }.max() ?? 0) + padding
        let height = (boxes.map { $0.y + $0.height }.max() ?? 0) + padding
        var extents: [Int: (left: Double, right: Double)] = [:]
        for (offset, box) in boxes.enumerated() {
            let known = extents[ranks[offset]] ?? (box.x, box.x + box.width)
            extents[ranks[offset]] = (min(known.left, box.x), max(known.right, box.x + box.width))
        }
        let columns = ranks.map { extents[$0] ?? (0, 0) }
        return Placed(boxes: boxes, edges: graph.edges, width: width, height: height, index: index, columns: columns)
    }

    /// Where an edge meets a box: the middle of its column's row, or of the whole box when the column is not drawn
    /// (nil: a port the box does not have).
    static func row(of box: Box, _ port: String?) -> Double? {
        guard let port else { return box.height / 2 }
        return box.rowMiddle(port)
    }

    /// Tops for boxes of `heights`, in this order, each as near its wanted top as boxes at least `gap` apart allow:
    /// the least-squares placement, found by pooling neighbours that push into each other (pool adjacent violators).
    static func spaced(_ wanted: [Double], heights: [Double], gap: Double) -> [Double] {
        guard !wanted.isEmpty else { return [] }
        // With each box shifted by the room the ones above it take, the boxes are apart exactly when the shifted
        // tops never decrease; the nearest such tops are the mean of each run that had to be pooled.
        var offsets: [Double] = [0]
        for index in 1..<wanted.count { offsets.append(offsets[index - 1] + heights[index - 1] + gap) }
        var blocks: [(sum: Double, count: Int)] = []
        for (value, offset) in zip(wanted, offsets) {
            blocks.append((value - offset, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.sum / Double(previous.count) > last.sum / Double(last.count) else { break }
                blocks.removeLast(2)
                blocks.append((previous.sum + last.sum, previous.count + last.count))
            }
        }
        var tops: [Double] = []
        for block in blocks {
            let level = block.sum / Double(block.count)
            for _ in 0..<block.count { tops.append(level + offsets[tops.count]) }
        }
        return tops
    }

    /// A box's width: its widest row's text with the cell's padding and borders, and two points to spare, rounded
    /// up to a whole point. graphviz's boxes are within a point or two of that (pango hints and kerns each run of
    /// text): a row like `character varying(255)` is a few points wider here, none narrower than graphviz's.
    static func width(of node: DiagramGraph.Node) -> Double {
        let text = node.rows.map { row in
            row.spans.reduce(0) { $0 + DiagramFont.width($1.text, size: fontSize, bold: $1.bold) }
        }.max() ?? 0
        return (text + 2 * textInset + 2).rounded(.up)
    }
}

/// The SVG graphviz would write for a placed neighbourhood: its y axis upwards from the bottom (negative
/// coordinates under a translation), `<!-- name -->` comments, and one group per node and per edge.
private struct SVGWriter {
    let placed: NeighbourhoodLayout.Placed
    typealias Layout = NeighbourhoodLayout

    init(_ placed: NeighbourhoodLayout.Placed) {
        self.placed = placed
    }

    var document: String {
        var out = ""
        out.reserveCapacity(2048 + placed.boxes.reduce(0) { $0 + $1.node.rows.count * 420 })
        let (width, height) = (placed.width, placed.height)
        out += "<svg width=\"\(Int(width.rounded(.up)))pt\" height=\"\(Int(height.rounded(.up)))pt\"\n"
        out += " viewBox=\"0.00 0.00 \(fixed(width)) \(fixed(height))\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
        out += "<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1) rotate(0) translate(0 \(number(height)))\">\n<title>erd</title>\n"
        for (offset, box) in placed.boxes.enumerated() { node(box, number: offset + 1, into: &out) }
        for (offset, edge) in placed.edges.enumerated() { self.edge(edge, number: offset + 1, into: &out) }
        out += "</g>\n</svg>"
        return out
    }

    private func node(_ box: Layout.Box, number position: Int, into out: inout String) {
        let name = box.node.name
        out += "<!-- \(escaped(name)) -->\n<g id=\"node\(position)\" class=\"node\">\n<title>\(escaped(name))</title>\n"
        let linked = box.node.link != nil || box.node.tooltip != nil
        if linked {
            out += "<g id=\"a_node\(position)\"><a"
            if let link = box.node.link { out += " xlink:href=\"\(escaped(link))\"" }
            if let tooltip = box.node.tooltip { out += " xlink:title=\"\(escaped(tooltip))\"" }
            if box.node.link != nil { out += " target=\"_top\"" }
            out += ">\n"
        }
        let (left, right) = (box.x, box.x + box.width)
        out += "<polygon fill=\"#ffffff\" stroke=\"transparent\" points=\"\(rectangle(left, box.y, right, box.y + box.height))\"/>\n"
        for (index, row) in box.node.rows.enumerated() {
            let top = box.y + Double(index) * Layout.rowHeight, bottom = top + Layout.rowHeight
            let points = rectangle(left, top, right, bottom)
            if let background = row.background {
                out += "<polygon fill=\"\(background)\" stroke=\"transparent\" points=\"\(points)\"/>\n"
            }
            out += "<polygon fill=\"none\" stroke=\"#94a3b8\" points=\"\(points)\"/>\n"
            var x = left + Layout.textInset
            let baseline = y(bottom - Layout.baselineLift)
            for span in row.spans {
                out += "<text text-anchor=\"start\" x=\"\(self.number(x))\" y=\"\(self.number(baseline))\" font-family=\"Helvetica,sans-Serif\""
                if span.bold { out += " font-weight=\"bold\"" }
                if span.italic { out += " font-style=\"italic\"" }
                out += " font-size=\"10.00\""
                if let colour = span.colour { out += " fill=\"\(colour)\"" }
                out += ">\(escaped(span.text))</text>\n"
                x += DiagramFont.width(span.text, size: Layout.fontSize, bold: span.bold)
            }
        }
        if linked { out += "</a>\n</g>\n" }
        out += "</g>\n"
    }

    private func edge(_ edge: DiagramGraph.Edge, number position: Int, into out: inout String) {
        guard let route = Layout.route(edge, in: placed) else { return }
        let (start, leave, enter, end, tip) = (point(route.start), point(route.leave), point(route.enter), point(route.end), point(route.tip))
        let bend = (enter.x - leave.x) / 2
        let colour = edge.undeclared?.colour ?? "#64748b"
        out += "<!-- \(escaped(edge.from))&#45;&gt;\(escaped(edge.to)) -->\n<g id=\"edge\(position)\" class=\"edge\">\n"
        // As graphviz names it: the compass points of its ports, or the boxes alone.
        let ports = edge.fromPort != nil && edge.toPort != nil
        out += "<title>\(escaped(edge.from))\(ports ? ":e" : "")&#45;&gt;\(escaped(edge.to))\(ports ? ":w" : "")</title>\n"
        if let undeclared = edge.undeclared {
            out += "<g id=\"a_edge\(position)\"><a xlink:title=\"\(escaped(undeclared.tooltip))\">\n"
        }
        out += "<path fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.1\""
        if edge.undeclared != nil { out += " stroke-dasharray=\"5,2\"" }
        out += " d=\"M\(number(start.x)),\(number(start.y))"
        if leave.x > start.x { out += "L\(number(leave.x)),\(number(leave.y))" }
        out += "C\(number(leave.x + bend)),\(number(leave.y)) \(number(enter.x - bend)),\(number(enter.y)) \(number(enter.x)),\(number(enter.y))"
        if end.x > enter.x { out += "L\(number(end.x)),\(number(end.y))" }
        out += "\"/>\n"
        let arrow = "\(number(end.x)),\(number(end.y - Layout.arrowHalfWidth)) \(number(tip.x)),\(number(tip.y)) "
            + "\(number(end.x)),\(number(end.y + Layout.arrowHalfWidth)) \(number(end.x)),\(number(end.y - Layout.arrowHalfWidth))"
        out += "<polygon fill=\"\(colour)\" stroke=\"\(colour)\" stroke-width=\"1.1\" points=\"\(arrow)\"/>\n"
        if let undeclared = edge.undeclared {
            out += "</a>\n</g>\n"
            if let label = undeclared.label {
                // At the middle of the curve, just above it, in the gap between the ranks.
                let middle = (x: (leave.x + enter.x) / 2, y: (leave.y + enter.y) / 2 - 2.6)
                out += "<text text-anchor=\"middle\" x=\"\(number(middle.x))\" y=\"\(number(middle.y))\" font-family=\"Helvetica,sans-Serif\" "
                    + "font-size=\"8.00\" fill=\"\(undeclared.labelColour)\">\(escaped(label))</text>\n"
            }
        }
        out += "</g>\n"
    }

    /// A point of the layout (top-down) in graphviz's coordinates.
    private func point(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) { (point.x, y(point.y)) }

    /// graphviz's y axis: upwards from the bottom of the drawing.
    private func y(_ top: Double) -> Double { top - placed.height }

    private func rectangle(_ left: Double, _ top: Double, _ right: Double, _ bottom: Double) -> String {
        let (l, r, t, b) = (number(left), number(right), number(y(top)), number(y(bottom)))
        return "\(l),\(b) \(l),\(t) \(r),\(t) \(r),\(b) \(l),\(b)"
    }

    /// Coordinates to two decimals at most, as graphviz writes them: `14.4`, `-347`, `190.29`.
    private func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let (whole, fraction) = (abs(hundredths) / 100, abs(hundredths) % 100)
        let sign = hundredths < 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)" }
        return fraction % 10 == 0 ? "\(sign)\(whole).\(fraction / 10)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Text and attribute values escaped for XML; everything here came from a database or a context file. XML 1.0
    /// has no way to write most control characters, nor U+FFFE and U+FFFF, even as references: they show as `?`.
    private func escaped(_ text: String) -> String {
        func writable(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x20 && scalar.value != 0x7F && scalar.value != 0xFFFE && scalar.value != 0xFFFF
        }
        guard !text.unicodeScalars.allSatisfy(writable) else { return escapeHTML(text) }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            clean.append(writable(scalar) ? scalar : scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : "?")
        }
        return escapeHTML(String(clean))
    }
}
