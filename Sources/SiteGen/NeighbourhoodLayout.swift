/// Draws a table's neighbourhood diagram without graphviz when it is simple: every related table is drawn, and each
/// relates to the focus table in one direction only, from a drawn column to a drawn column. Tables that reference the
/// focus stand in a column to its left, tables it references in a column to its right, each placed level with the
/// columns it joins, and every edge runs left to right from a column's right side to a column's left side.
///
/// That is the layout `dot` gives these graphs (`rankdir=LR`: an edge's tail ranks before its head), drawn to its
/// measures (rows of 21 points, 0.9 inch between ranks, 0.3 inch between boxes, 0.2 inch of padding) and written as
/// the SVG it writes, with the same `g.node` and `g.edge` groups named by the same `<title>`s, so the page's script,
/// the style sheet and a reader see no difference. graphviz took 2–3 ms for each such graph, half the CPU of a
/// cold build at 5,000 tables; this takes a few hundred microseconds. Anything else (a hub's groups, a table missing
/// from the catalog, a self-reference, a neighbour joined both ways, an edge between tables rather than columns)
/// returns nil and goes to graphviz.
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
    }

    static func layout(_ graph: DiagramGraph) -> Placed? {
        guard graph.complete, !graph.nodes.isEmpty else { return nil }
        var boxes = graph.nodes.map { Box(node: $0, width: Self.width(of: $0)) }
        var index: [String: Int] = [:]
        for (offset, box) in boxes.enumerated() {
            guard index.updateValue(offset, forKey: box.node.name) == nil else { return nil }
        }
        // Which side each neighbour stands on, and where its edges meet the focus table.
        enum Side { case left, right }
        var side: [Int: Side] = [:]
        var joins: [Int: [(focusRow: Double, ownRow: Double)]] = [:]
        for edge in graph.edges {
            guard let fromPort = edge.fromPort, let toPort = edge.toPort, edge.from != edge.to,
                  let from = index[edge.from], let to = index[edge.to],
                  let fromRow = boxes[from].rowMiddle(fromPort), let toRow = boxes[to].rowMiddle(toPort) else { return nil }
            let other: Int, here: Side, focusRow: Double, ownRow: Double
            if to == 0 {
                (other, here, focusRow, ownRow) = (from, .left, toRow, fromRow)
            } else if from == 0 {
                (other, here, focusRow, ownRow) = (to, .right, fromRow, toRow)
            } else {
                return nil
            }
            if let known = side[other], known != here { return nil }
            side[other] = here
            joins[other, default: []].append((focusRow, ownRow))
        }
        guard side.count == boxes.count - 1 else { return nil }

        // Each column in the order of the focus rows it joins (so edges do not cross), each box as near as it can
        // be to level with them, no two closer than `boxGap`.
        func column(_ wanted: Side) -> [Int] {
            let members = (1..<boxes.count).filter { side[$0] == wanted }
            func meanFocusRow(_ member: Int) -> Double {
                let rows = joins[member] ?? []
                return rows.map(\.focusRow).reduce(0, +) / Double(max(1, rows.count))
            }
            return members.sorted { (meanFocusRow($0), $0) < (meanFocusRow($1), $1) }
        }
        let left = column(.left), right = column(.right)
        for members in [left, right] {
            let wanted = members.map { member -> Double in
                let rows = joins[member] ?? []
                return rows.map { $0.focusRow - $0.ownRow }.reduce(0, +) / Double(max(1, rows.count))
            }
            let tops = spaced(wanted, heights: members.map { boxes[$0].height }, gap: boxGap)
            for (member, top) in zip(members, tops) { boxes[member].y = top }
        }

        // Columns left to right; a column whose edges carry labels is set further off, to leave them room.
        func labelRoom(_ members: [Int]) -> Double {
            let names = Set(members.map { boxes[$0].node.name })
            let widths = graph.edges.filter { names.contains($0.from) || names.contains($0.to) }.compactMap { edge in
                edge.undeclared?.label.map { DiagramFont.width($0, size: labelFontSize) }
            }
            return widths.max().map { $0 + 8 } ?? 0
        }
        var x = 0.0
        if !left.isEmpty {
            let columnWidth = left.map { boxes[$0].width }.max() ?? 0
            // Right-aligned, as dot centres each rank and the edges are shortest.
            for member in left { boxes[member].x = columnWidth - boxes[member].width }
            x = columnWidth + rankGap + labelRoom(left)
        }
        boxes[0].x = x
        x += boxes[0].width + rankGap + labelRoom(right)
        for member in right { boxes[member].x = x }

        // Everything moved to start at the padding.
        let top = boxes.map { $0.y }.min() ?? 0
        let minX = boxes.map { $0.x }.min() ?? 0
        for offset in boxes.indices {
            boxes[offset].y += padding - top
            boxes[offset].x += padding - minX
        }
        let width = (boxes.map { $0.x + $0.width }.max() ?? 0) + padding
        let height = (boxes.map { $0.y + $0.height }.max() ?? 0) + padding
        return Placed(boxes: boxes, edges: graph.edges, width: width, height: height, index: index)
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
        guard let from = placed.index[edge.from], let to = placed.index[edge.to], let fromPort = edge.fromPort,
              let toPort = edge.toPort, let fromRow = placed.boxes[from].rowMiddle(fromPort),
              let toRow = placed.boxes[to].rowMiddle(toPort) else { return }
        let (source, target) = (placed.boxes[from], placed.boxes[to])
        let start = (x: source.x + source.width, y: y(source.y + fromRow))
        let tip = (x: target.x, y: y(target.y + toRow))
        let end = (x: tip.x - Layout.arrowLength, y: tip.y)
        let bend = (end.x - start.x) / 2
        let colour = edge.undeclared?.colour ?? "#64748b"
        out += "<!-- \(escaped(edge.from))&#45;&gt;\(escaped(edge.to)) -->\n<g id=\"edge\(position)\" class=\"edge\">\n"
        out += "<title>\(escaped(edge.from)):e&#45;&gt;\(escaped(edge.to)):w</title>\n"
        if let undeclared = edge.undeclared {
            out += "<g id=\"a_edge\(position)\"><a xlink:title=\"\(escaped(undeclared.tooltip))\">\n"
        }
        out += "<path fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.1\""
        if edge.undeclared != nil { out += " stroke-dasharray=\"5,2\"" }
        out += " d=\"M\(number(start.x)),\(number(start.y))C\(number(start.x + bend)),\(number(start.y)) "
            + "\(number(end.x - bend)),\(number(end.y)) \(number(end.x)),\(number(end.y))\"/>\n"
        let arrow = "\(number(end.x)),\(number(end.y - Layout.arrowHalfWidth)) \(number(tip.x)),\(number(tip.y)) "
            + "\(number(end.x)),\(number(end.y + Layout.arrowHalfWidth)) \(number(end.x)),\(number(end.y - Layout.arrowHalfWidth))"
        out += "<polygon fill=\"\(colour)\" stroke=\"\(colour)\" stroke-width=\"1.1\" points=\"\(arrow)\"/>\n"
        if let undeclared = edge.undeclared {
            out += "</a>\n</g>\n"
            if let label = undeclared.label {
                // At the middle of the curve, just above it.
                let middle = (x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 - 2.6)
                out += "<text text-anchor=\"middle\" x=\"\(number(middle.x))\" y=\"\(number(middle.y))\" font-family=\"Helvetica,sans-Serif\" "
                    + "font-size=\"8.00\" fill=\"\(undeclared.labelColour)\">\(escaped(label))</text>\n"
            }
        }
        out += "</g>\n"
    }

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
