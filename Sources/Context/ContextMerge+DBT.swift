import Catalog

extension ContextMerge {
    /// dbt descriptions and tags into the catalog as human text, where no context file describes the entity.
    ///
    /// A dbt source's `schema` is matched to a schema of a configured source (by the dbt source's `name` when
    /// several have it); a model to the one table or view of its name in any schema. What matches nothing, or
    /// more than one thing, is a finding at the dbt file's line, as a context entry's would be.
    func applyDBT(_ entries: [DBTEntry], to catalog: inout Catalog, positions: [TableID: (source: Int, schema: Int, table: Int)],
                  describedIn humanText: [ExactName: Location]) -> [Finding] {
        var findings: [Finding] = []
        // A table with several columns is one finding, not one per column.
        var unmatched: Set<String> = []
        var dbtText: [ExactName: Location] = [:]
        for entry in entries {
            let id: TableID
            switch Self.resolve(entry, in: catalog) {
            case .success(let found): id = found
            case .failure(let problem):
                if entry.column == nil || unmatched.insert("\(entry.owner)\u{0}\(entry.table)").inserted {
                    findings.append(Finding(location: entry.location, message: problem.message))
                }
                unmatched.insert("\(entry.owner)\u{0}\(entry.table)")
                continue
            }
            guard let p = positions[id] else { continue }
            var table = catalog.sources[p.source].schemas[p.schema].tables[p.table]
            let name = "\(id.schema).\(id.name)"
            var index: Int?
            if let column = entry.column {
                guard let found = table.columns.firstIndex(where: { $0.name.isExactly(column) }) else {
                    let suggestion = Suggestion.closest(to: column, among: table.columns.map(\.name))
                    findings.append(Finding(location: entry.location, message: "\(entry.label): column `\(name).\(column)` does not exist"
                        + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
                    continue
                }
                index = found
            }
            let key = ExactName("\(id)" + (entry.column.map { "\u{0}\($0)" } ?? ""))
            let current = index.map { table.columns[$0].description } ?? table.description
            if let text = entry.description {
                if let first = dbtText[key] {
                    guard current?.text != text else { continue }
                    findings.append(Finding(location: entry.location, message: "\(entry.label) is already described at \(first), "
                        + "which is used; describe each table and column in one dbt file"))
                } else if let other = humanText[key] {
                    if current?.text != text {
                        findings.append(Finding(location: entry.location, message: "\(entry.label) is also described in \(other), "
                            + "which wins; the dbt description is not used"))
                    }
                } else {
                    dbtText[key] = entry.location
                    let description = Description(text: text, origin: .human, status: .approved)
                    if let index { table.columns[index].description = description } else { table.description = description }
                }
            }
            if !entry.tags.isEmpty {
                let context = (index.map { table.columns[$0].context } ?? table.context) ?? EntityContext()
                // A context file's own context wins as a whole, as its description does.
                if context.tags.isEmpty {
                    var merged = context
                    merged.tags = entry.tags
                    if let index { table.columns[index].context = merged } else { table.context = merged }
                }
            }
            catalog.sources[p.source].schemas[p.schema].tables[p.table] = table
        }
        return findings
    }

    struct Unmatched: Error {
        var message: String
    }

    private static func resolve(_ entry: DBTEntry, in catalog: Catalog) -> Swift.Result<TableID, Unmatched> {
        let label = entry.column == nil ? entry.label : DBTEntry(owner: entry.owner, table: entry.table, tags: [], location: entry.location).label
        switch entry.owner {
        case .source(let sourceName, let schemaName):
            var sources = catalog.sources.filter { $0.schemas.contains { $0.name.isExactly(schemaName) } }
            if sources.isEmpty {
                return .failure(Unmatched(message: "\(label): schema `\(schemaName)` is in no configured source"))
            }
            if sources.count > 1 {
                let named = sources.filter { $0.name.isExactly(sourceName) }
                guard named.count == 1 else {
                    return .failure(Unmatched(message: "\(label): schema `\(schemaName)` is in several sources ("
                        + sources.map { "`\($0.name)`" }.joined(separator: ", ") + "); name the dbt source like one of them to choose"))
                }
                sources = named
            }
            guard let schema = sources[0].schemas.first(where: { $0.name.isExactly(schemaName) }) else {
                return .failure(Unmatched(message: "\(label): schema `\(schemaName)` is in no configured source"))
            }
            guard let table = schema.tables.first(where: { $0.name.isExactly(entry.table) }) else {
                let suggestion = Suggestion.closest(to: entry.table, among: schema.tables.map(\.name))
                return .failure(Unmatched(message: "\(label): table `\(schemaName).\(entry.table)` does not exist"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
            }
            return .success(table.id)
        case .model:
            let matches = catalog.allTables.filter { $0.name.isExactly(entry.table) }.map(\.id).sorted()
            if matches.count == 1 { return .success(matches[0]) }
            if matches.isEmpty {
                let suggestion = Suggestion.closest(to: entry.table, among: Array(Set(catalog.allTables.map(\.name))).sorted())
                return .failure(Unmatched(message: "\(label) matches no table or view"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
            }
            return .failure(Unmatched(message: "\(label) matches several tables (" + matches.map(\.description).joined(separator: ", ")
                + "); describe it as a dbt source with its schema, or in a context file"))
        }
    }
}
