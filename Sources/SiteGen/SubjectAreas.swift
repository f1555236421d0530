import Catalog

/// Partitions a schema's tables into subject areas from the relationships between them, so a schema of
/// thousands of tables is drawn as a map of areas and each area as a readable diagram.
///
/// Connected tables stay together: each connected component is an area when it is small enough. A larger one
/// is split by the leading words of its names when those groups hold most of its tables and most of its
/// relationships (`sales_…`, `hr_…`), otherwise by growing regions of at most `limit` tables around its most
/// connected tables. Hubs — tables related to a large part of the schema, like a date dimension every fact
/// references — are set aside first so they cannot join everything into one area; afterwards each joins the
/// area holding half of its neighbours, or "Shared tables". Tables without relationships are grouped by
/// leading word; what is left is "Other tables". Only names and the graph are read, in name order, so the
/// result is the same for the same schema whatever the order of its input.
public enum SubjectAreas {
    /// An area holds at most about this many tables: what a diagram with key columns shows readably.
    public static let limit = 40
    /// A name group needs this many tables to be an area of its own.
    static let smallestGroup = 3

    /// The areas of `tables`, largest first (ties by name). `links` are relationships between two of the tables,
    /// one pair each (declared or not, in either direction); a pair naming another table is ignored.
    public static func partition(_ tables: [TableID], links: [(TableID, TableID)], limit: Int = Self.limit) -> [SubjectArea] {
        Graph(tables, links: links).areas(limit: max(limit, smallestGroup))
    }
}

private extension SubjectAreas {
    /// A piece of the partition before it is named: its members (node numbers) and a name when its origin gives one.
    struct Piece {
        var members: [Int]
        var name: String?
    }

    struct Graph {
        /// Tables in exact name order; a node is its position here.
        let ids: [TableID]
        /// Each node's neighbours with the number of relationships between them, in node order.
        let neighbours: [[(node: Int, weight: Int)]]
        let words: [[String]]

        init(_ tables: [TableID], links: [(TableID, TableID)]) {
            ids = Array(Set(tables)).sorted()
            var position: [TableID: Int] = [:]
            for (offset, id) in ids.enumerated() { position[id] = offset }
            var weights = Array(repeating: [Int: Int](), count: ids.count)
            for (from, to) in links {
                guard let a = position[from], let b = position[to], a != b else { continue }
                weights[a][b, default: 0] += 1
                weights[b][a, default: 0] += 1
            }
            neighbours = weights.map { $0.map { (node: $0.key, weight: $0.value) }.sorted { $0.node < $1.node } }
            words = ids.map { IdentifierWords(identifier: $0.name).words }
        }

        var degree: [Int] { neighbours.map(\.count) }

        func areas(limit: Int) -> [SubjectArea] {
            let degree = self.degree
            // A hub relates to half an area's worth of tables or more; it is placed after the others are grouped.
            let hubDegree = max(limit / 2, 8)
            let isHub = degree.map { $0 >= hubDegree }
            var pieces: [Piece] = []
            var small: [[Int]] = []
            var unrelated: [Int] = []
            var leavesByHub: [Int: [Int]] = [:]
            var seen = Array(repeating: false, count: ids.count)
            for start in ids.indices where !isHub[start] && !seen[start] {
                var component = [start]
                seen[start] = true
                var next = 0
                while next < component.count {
                    for (other, _) in neighbours[component[next]] where !isHub[other] && !seen[other] {
                        seen[other] = true
                        component.append(other)
                    }
                    next += 1
                }
                component.sort()
                if component.count >= limit / 4 {
                    pieces += related(component, limit: limit)
                } else if component.count > 1 {
                    small.append(component)
                } else if component.count == 1,
                          let hub = neighbours[start].max(by: { ($0.weight, degree[$0.node], -$0.node) < ($1.weight, degree[$1.node], -$1.node) }) {
                    // Related to hubs only: grouped with the others of its strongest hub.
                    leavesByHub[hub.node, default: []].append(start)
                } else {
                    unrelated += component
                }
            }
            for hub in leavesByHub.keys.sorted() {
                let leaves = leavesByHub[hub] ?? []
                if leaves.count < SubjectAreas.smallestGroup {
                    unrelated += leaves
                } else {
                    pieces += leaves.count <= limit ? [Piece(members: leaves)] : byWords(leaves, limit: limit)
                }
            }
            pieces += packed(small, limit: limit, degree: degree)
            pieces += placeHubs(ids.indices.filter { isHub[$0] }, into: &pieces, limit: limit)
            // Tables without relationships are one area while they fit in one; beyond that, grouped by name.
            let alone = unrelated.sorted()
            pieces += alone.count <= limit + limit / 4 ? chunks(alone, limit: alone.count, name: "Other tables")
                : byWords(alone, limit: limit, rest: "Other tables")
            return finish(pieces, degree: degree)
        }

        /// Small components kept whole and packed together, in the name order of their most connected table, into
        /// pieces of at most `limit`: a schema of many little star groups is a few areas, not hundreds.
        func packed(_ components: [[Int]], limit: Int, degree: [Int]) -> [Piece] {
            func top(_ component: [Int]) -> Int { component.max { (degree[$0], -$0) < (degree[$1], -$1) } ?? component[0] }
            var pieces: [Piece] = []
            var current: [[Int]] = []
            func close() {
                guard let first = current.first, let last = current.last else { return }
                let name = current.count == 1 ? nil : "\(ids[top(first)].name) – \(ids[top(last)].name)"
                pieces.append(Piece(members: current.flatMap { $0 }.sorted(), name: name))
                current = []
            }
            for component in components.sorted(by: { top($0) < top($1) }) {
                if current.reduce(0, { $0 + $1.count }) + component.count > limit { close() }
                current.append(component)
            }
            close()
            return pieces
        }

        /// A connected component of `limit` tables or fewer is one area; a larger one is split by name when the
        /// name groups hold two thirds of its tables and half of its relationships, else grown into regions.
        func related(_ component: [Int], limit: Int) -> [Piece] {
            guard component.count > limit else { return [Piece(members: component)] }
            let groups = wordGroups(component)
            let grouped = groups.groups.reduce(0) { $0 + $1.members.count }
            if groups.groups.count >= 2, grouped * 3 >= component.count * 2 {
                var group = Array(repeating: -1, count: ids.count)
                for (offset, piece) in groups.groups.enumerated() { for node in piece.members { group[node] = offset } }
                var inside = 0, all = 0
                for node in component {
                    for (other, weight) in neighbours[node] where other > node {
                        all += weight
                        if group[node] >= 0, group[node] == group[other] { inside += weight }
                    }
                }
                if inside * 2 >= all {
                    var pieces: [Piece] = []
                    for piece in groups.groups {
                        if piece.members.count <= limit { pieces.append(piece) } else { pieces += regions(piece.members, limit: limit) }
                    }
                    return pieces + regions(groups.rest, limit: limit)
                }
            }
            return regions(component, limit: limit)
        }

        /// Regions of at most `limit` tables grown from the most connected table left: each next table is the one
        /// with the most relationships into the region, so a region is a neighbourhood, not a slice of the names.
        func regions(_ members: [Int], limit: Int) -> [Piece] {
            guard !members.isEmpty else { return [] }
            var free = Set(members)
            var pieces: [Piece] = []
            while !free.isEmpty {
                let seed = free.max { a, b in
                    let (da, db) = (neighbours[a].count(where: { free.contains($0.node) }), neighbours[b].count(where: { free.contains($0.node) }))
                    return (da, -a) < (db, -b)
                } ?? members[0]
                var region = [seed]
                free.remove(seed)
                var gain: [Int: Int] = [:]
                func reach(_ node: Int) {
                    for (other, weight) in neighbours[node] where free.contains(other) { gain[other, default: 0] += weight }
                }
                reach(seed)
                while region.count < limit, let best = gain.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) {
                    gain[best.key] = nil
                    free.remove(best.key)
                    region.append(best.key)
                    reach(best.key)
                }
                pieces.append(Piece(members: region.sorted()))
            }
            return merged(pieces, limit: limit)
        }

        /// Small pieces joined to the neighbouring piece they have the most relationships with, where it has room;
        /// the small pieces left go together, in name order, into pieces of at most `limit`.
        func merged(_ pieces: [Piece], limit: Int) -> [Piece] {
            let small = max(SubjectAreas.smallestGroup, limit / 4)
            let room = limit + limit / 4
            var pieces = pieces
            var owner = Array(repeating: -1, count: ids.count)
            for (offset, piece) in pieces.enumerated() { for node in piece.members { owner[node] = offset } }
            var left: [Int] = []
            for offset in pieces.indices where pieces[offset].members.count < small && pieces[offset].name == nil {
                var links: [Int: Int] = [:]
                for node in pieces[offset].members {
                    for (other, weight) in neighbours[node] where owner[other] >= 0 && owner[other] != offset { links[owner[other], default: 0] += weight }
                }
                let target = links.filter { pieces[$0.key].members.count + pieces[offset].members.count <= room }
                    .max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
                let members = pieces[offset].members
                pieces[offset].members = []
                if let target {
                    pieces[target].members = (pieces[target].members + members).sorted()
                    for node in members { owner[node] = target }
                } else {
                    left += members
                    for node in members { owner[node] = -1 }
                }
            }
            return pieces.filter { !$0.members.isEmpty } + chunks(left.sorted(), limit: limit, name: nil)
        }

        /// Each hub joins the piece holding at least half of its neighbours (when it has room); the rest are
        /// returned as "Shared tables", the tables many areas relate to.
        func placeHubs(_ hubs: [Int], into pieces: inout [Piece], limit: Int) -> [Piece] {
            var owner = Array(repeating: -1, count: ids.count)
            for (offset, piece) in pieces.enumerated() { for node in piece.members { owner[node] = offset } }
            var shared: [Int] = []
            let degree = self.degree
            for hub in hubs.sorted(by: { (degree[$0], -$0) > (degree[$1], -$1) }) {
                var counts: [Int: Int] = [:]
                for (other, _) in neighbours[hub] where owner[other] >= 0 { counts[owner[other], default: 0] += 1 }
                if let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
                   best.value * 2 >= neighbours[hub].count, pieces[best.key].members.count < limit + limit / 4 {
                    pieces[best.key].members = (pieces[best.key].members + [hub]).sorted()
                    owner[hub] = best.key
                } else {
                    shared.append(hub)
                }
            }
            return chunks(shared.sorted(), limit: limit, name: "Shared tables")
        }

        /// Groups of at least `smallestGroup` tables whose names begin with the same words, at the first word
        /// position where the names differ; the tables in no such group are `rest`.
        func wordGroups(_ members: [Int]) -> (groups: [Piece], rest: [Int]) {
            var depth = 0
            while true {
                var byKey: [[String]: [Int]] = [:]
                var rest: [Int] = []
                for node in members {
                    if words[node].count > depth { byKey[Array(words[node].prefix(depth + 1)), default: []].append(node) } else { rest.append(node) }
                }
                // Every name shares this word: it says nothing, so read the next one.
                if rest.isEmpty, byKey.count == 1, members.contains(where: { words[$0].count > depth + 1 }) {
                    depth += 1
                    continue
                }
                var groups: [Piece] = []
                for key in byKey.keys.sorted(by: { $0.lexicographicallyPrecedes($1) { $0.exactlyPrecedes($1) } }) {
                    let group = byKey[key] ?? []
                    if group.count >= SubjectAreas.smallestGroup, group.count < members.count || rest.isEmpty == false {
                        groups.append(Piece(members: group, name: key.joined(separator: " ")))
                    } else {
                        rest += group
                    }
                }
                return (groups, rest.sorted())
            }
        }

        /// Tables split by the words their names begin with, down to groups of at most `limit`; a group whose names
        /// do not divide further is cut into ranges of names. Tables in no group are called `restName` when they fit
        /// in one piece.
        func byWords(_ members: [Int], limit: Int, rest restName: String? = nil) -> [Piece] {
            guard !members.isEmpty else { return [] }
            let split = wordGroups(members)
            var pieces: [Piece] = []
            for group in split.groups {
                if group.members.count <= limit {
                    pieces.append(group)
                } else {
                    let inner = wordGroups(group.members)
                    pieces += inner.groups.isEmpty ? chunks(group.members, limit: limit, name: nil)
                        : byWords(group.members, limit: limit)
                }
            }
            // Several pieces of leftovers are told apart by their ranges of names.
            return pieces + chunks(split.rest, limit: limit, name: split.rest.count <= limit ? restName : nil)
        }

        /// `members` (in name order) cut into consecutive pieces of at most `limit`. With a name, the pieces are
        /// "name", or "name 1", "name 2" when there are several; without, they are named by their range of names.
        func chunks(_ members: [Int], limit: Int, name: String?) -> [Piece] {
            guard !members.isEmpty else { return [] }
            let count = (members.count + limit - 1) / limit
            // Even sizes, so the last piece is not a remainder of two tables.
            let size = (members.count + count - 1) / count
            return stride(from: 0, to: members.count, by: size).enumerated().map { number, start in
                let part = Array(members[start..<min(start + size, members.count)])
                if let name { return Piece(members: part, name: count == 1 ? name : "\(name) \(number + 1)") }
                return Piece(members: part, name: count == 1 || part.count == 1 ? nil : "\(ids[part[0]].name) – \(ids[part[part.count - 1]].name)")
            }
        }

        /// Names (a piece without one is called by its most connected table), made unique, and slugs.
        func finish(_ pieces: [Piece], degree: [Int]) -> [SubjectArea] {
            var areas = pieces.filter { !$0.members.isEmpty }.map { piece -> SubjectArea in
                let leading = piece.members.sorted { (degree[$0], -$0) > (degree[$1], -$1) }
                return SubjectArea(name: piece.name ?? ids[leading[0]].name, slug: "", tables: piece.members.map { ids[$0] },
                                   leading: leading.map { ids[$0] })
            }
            areas.sort { ($0.tables.count, ExactName($1.name), $1.tables[0]) > ($1.tables.count, ExactName($0.name), $0.tables[0]) }
            var used: Set<ExactName> = []
            for offset in areas.indices {
                var name = areas[offset].name
                var number = 2
                while !used.insert(ExactName(name)).inserted {
                    name = "\(areas[offset].name) (\(number))"
                    number += 1
                }
                areas[offset].name = name
            }
            let slugs = FileName.unique(for: areas.map(\.name))
            for offset in areas.indices { areas[offset].slug = slugs[areas[offset].name] ?? "area" }
            return areas
        }
    }
}
