/// Which tables of a source to document: `include` and `exclude` globs on `schema.table`.
///
/// `*` matches any run of characters (dots included) and `?` one character. With no `include`
/// everything is included; `exclude` always wins.
public struct TableFilter: Sendable, Hashable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    public var isEverything: Bool { include.isEmpty && exclude.isEmpty }

    public func includes(schema: String, table: String) -> Bool {
        includes(anyOf: ["\(schema).\(table)"])
    }

    /// Whether a table is included when it may be named in several ways (`schema.table`, `source.schema.table`):
    /// a pattern matching any of the names counts.
    public func includes(anyOf names: [String]) -> Bool {
        func matched(_ patterns: [String]) -> Bool { patterns.contains { pattern in names.contains { Self.matches($0, pattern) } } }
        if matched(exclude) { return false }
        return include.isEmpty || matched(include)
    }

    /// Glob matching by backtracking over `*`; linear enough for names.
    public static func matches(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text), p = Array(pattern)
        var ti = 0, pi = 0
        var star: Int?, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                ti += 1
                pi += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if let star {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

extension Source {
    /// The `include` patterns of `filter` that name none of this source's tables (before `exclude`):
    /// most likely misspelt, or written without the schema.
    public func includesMatchingNothing(_ filter: TableFilter) -> [String] {
        let names = schemas.flatMap { schema in schema.tables.map { "\(schema.name).\($0.name)" } }
        var seen: Set<String> = []
        return filter.include.filter { pattern in
            seen.insert(pattern).inserted && !names.contains { TableFilter.matches($0, pattern) }
        }
    }

    /// The source with only the tables `filter` includes; schemas left empty are dropped.
    public func filtered(by filter: TableFilter) -> Source {
        guard !filter.isEverything else { return self }
        var copy = self
        copy.schemas = schemas.compactMap { schema in
            var kept = schema
            kept.tables = schema.tables.filter { filter.includes(schema: schema.name, table: $0.name) }
            return kept.tables.isEmpty ? nil : kept
        }
        return copy
    }
}
