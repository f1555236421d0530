import Catalog

/// A schema's subject areas with the relationships between them counted, for the area map and each area's
/// diagram: which area holds each table, how many relationships join two areas, and which of an area's tables
/// they start or end at.
public struct AreaGraph: Sendable {
    /// Two areas by their positions in `areas`, the lower first.
    struct Pair: Hashable, Sendable, Comparable {
        var low: Int
        var high: Int

        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.low, lhs.high) < (rhs.low, rhs.high) }
    }

    public let areas: [SubjectArea]
    /// The area of each table, by position in `areas`.
    let owner: [TableID: Int]
    /// Relationships between two areas, in either direction.
    let between: [Pair: Int]
    /// Per area, each of its tables related to other areas: the other area and how many relationships.
    let outward: [[TableID: [Int: Int]]]

    /// `links` are the schema's relationships, one pair each; links within an area are drawn by its diagram.
    init(areas: [SubjectArea], links: [(TableID, TableID)]) {
        self.areas = areas
        var owner: [TableID: Int] = [:]
        for (offset, area) in areas.enumerated() { for table in area.tables { owner[table] = offset } }
        var between: [Pair: Int] = [:]
        var outward = Array(repeating: [TableID: [Int: Int]](), count: areas.count)
        for (from, to) in links {
            guard let a = owner[from], let b = owner[to], a != b else { continue }
            between[Pair(low: min(a, b), high: max(a, b)), default: 0] += 1
            outward[a][from, default: [:]][b, default: 0] += 1
            outward[b][to, default: [:]][a, default: 0] += 1
        }
        self.owner = owner
        self.between = between
        self.outward = outward
    }

    /// The pairs of areas to draw on the map: each area's `perArea` strongest, most relationships first.
    func strongestPairs(perArea: Int) -> [(pair: Pair, count: Int)] {
        let ordered = between.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var kept = Array(repeating: 0, count: areas.count)
        var chosen: [(pair: Pair, count: Int)] = []
        for (pair, count) in ordered where kept[pair.low] < perArea || kept[pair.high] < perArea {
            kept[pair.low] += 1
            kept[pair.high] += 1
            chosen.append((pair, count))
        }
        return chosen
    }
}
