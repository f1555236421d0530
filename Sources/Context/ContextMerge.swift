import Catalog
import Foundation

/// Merges what people wrote into the catalog: `Catalog` in, richer `Catalog` out.
///
/// Precedence of descriptions: a context file (origin `human`) over a dbt file named in site.yml (also
/// `human`) over text recorded in the approvals ledger over a database comment over a template; of decisions about relationships, a context file over
/// the relationships ledger. Entries that name nothing in the catalog become findings with a "did you mean".
public struct ContextMerge: Sendable {
    public var context: ContextSet
    public var defaultTemplates: Bool

    public init(context: ContextSet, defaultTemplates: Bool = true) {
        self.context = context
        self.defaultTemplates = defaultTemplates
    }

    public struct Result: Sendable {
        public var catalog: Catalog
        public var findings: [Finding]
    }

    public func apply(to catalog: Catalog) throws(ConfigError) -> Result {
        var catalog = catalog
        var findings: [Finding] = []
        let resolver = TableResolver(catalog)
        var positions: [TableID: (source: Int, schema: Int, table: Int)] = [:]
        for (s, source) in catalog.sources.enumerated() {
            for (c, schema) in source.schemas.enumerated() {
                for (t, table) in schema.tables.enumerated() { positions[table.id] = (s, c, t) }
            }
        }
        func update(_ id: TableID, _ change: (inout Table) -> Void) {
            guard let p = positions[id] else { return }
            change(&catalog.sources[p.source].schemas[p.schema].tables[p.table])
        }

        // Entries: each table and each column described in one place only.
        var describedAt: [ExactName: Location] = [:]
        var humanText: [ExactName: Location] = [:]
        for entry in context.entries {
            let resolved: TableID
            switch resolver.resolve(entry.table) {
            case .found(let id): resolved = id
            case .missing(let suggestion):
                findings.append(Finding(location: entry.nameLocation, message: "table `\(entry.table)` does not exist"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
                continue
            case .ambiguous(let candidates):
                findings.append(Finding(location: entry.nameLocation, message: "`\(entry.table)` names several tables ("
                    + candidates.map(\.description).joined(separator: ", ") + "); write source.schema.table"))
                continue
            }
            guard let table = catalog.table(resolved) else { continue }
            if let column = entry.column, table.column(named: column) == nil {
                let suggestion = Suggestion.closest(to: column, among: table.columns.map(\.name))
                findings.append(Finding(location: entry.nameLocation, message: "column `\(resolved.schema).\(resolved.name).\(column)` does not exist"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
                continue
            }
            // `description: ""` (as `init` scaffolds it) means nobody has written one yet.
            let text = entry.description.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            let says = text != nil || entry.status != nil || !entry.context.isEmpty
            guard says else { continue }
            let key = ExactName("\(resolved)" + (entry.column.map { "\u{0}\($0)" } ?? ""))
            if let first = describedAt[key] {
                let what = entry.column.map { "column `\(resolved.schema).\(resolved.name).\($0)`" } ?? "table `\(resolved.schema).\(resolved.name)`"
                throw ConfigError(file: entry.location.file, line: entry.location.line, column: entry.location.column,
                                  message: "\(what) is already described at \(first); describe each table and column in one place")
            }
            describedAt[key] = entry.location
            if text != nil { humanText[key] = entry.location }
            update(resolved) { table in
                let description = text.map { Description(text: $0, origin: .human, status: entry.status ?? .approved, inputsHash: entry.inputsHash) }
                if let column = entry.column, let index = table.columns.firstIndex(where: { $0.name.isExactly(column) }) {
                    if let description { table.columns[index].description = description }
                    if !entry.context.isEmpty { table.columns[index].context = entry.context }
                } else {
                    if let description { table.description = description }
                    if !entry.context.isEmpty { table.context = entry.context }
                }
            }
        }

        findings += applyDBT(context.dbt, to: &catalog, positions: positions, describedIn: humanText)

        applyApprovals(context.approvals, to: &catalog, positions: positions, findings: &findings)

        // Templates: the user's first, then the shipped ones; the first match wins.
        let templates = context.templates + (defaultTemplates ? DescriptionTemplate.defaults : [])
        let patterns = templates.map { DescriptionTemplate.CompiledPattern($0.compiledPattern()) }
        if !templates.isEmpty {
            catalog.updateTablesInParallel { table in
                for position in table.columns.indices where table.columns[position].description == nil {
                    let column = table.columns[position]
                    if let match = templates.indices.first(where: { templates[$0].matches(column, in: table, pattern: patterns[$0]) }) {
                        let template = templates[match]
                        table.columns[position].description = Description(text: template.text(for: column, in: table), origin: .template)
                    }
                }
            }
        }

        // Relationships people wrote: every column must exist. `status: rejected` makes the pair one the
        // relationships stage never suggests (and nothing shows); otherwise it is documented, a fact.
        var written: [Relationship.Pair: (decision: RelationshipDecision, location: Location)] = [:]
        for relationship in context.relationships {
            guard let from = resolveColumns(relationship.from, resolver, catalog, relationship.location, &findings),
                  let to = resolveColumns(relationship.to, resolver, catalog, relationship.location, &findings)
            else { continue }
            var documented = Relationship.documented(
                from: from.table, fromColumns: from.columns, to: to.table, toColumns: to.columns,
                cardinality: relationship.cardinality, join: relationship.join, description: relationship.description)
            let decision = relationship.decision ?? .accepted
            if decision == .rejected {
                documented.origin = .inferred
                documented.status = .rejected
            }
            catalog.relationships.append(documented)
            written[documented.pair] = (decision, relationship.location)
        }
        applyRelationshipDecisions(context.relationshipDecisions, to: &catalog, written: written, findings: &findings)

        // Glossary: terms once each; related tables must exist.
        var terms: [String: Location] = [:]
        for term in context.glossary {
            if let first = terms[term.term.lowercased()] {
                throw ConfigError(file: term.location.file, line: term.location.line, column: term.location.column,
                                  message: "the glossary term `\(term.term)` is already defined at \(first)")
            }
            terms[term.term.lowercased()] = term.location
            var tables: [TableID] = []
            for name in term.tables {
                switch resolver.resolve(name) {
                case .found(let id): tables.append(id)
                case .missing(let suggestion):
                    findings.append(Finding(location: term.location, message: "the glossary term `\(term.term)` names table `\(name)`, which does not exist"
                        + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
                case .ambiguous(let candidates):
                    findings.append(Finding(location: term.location, message: "`\(name)` names several tables ("
                        + candidates.map(\.description).joined(separator: ", ") + "); write source.schema.table"))
                }
            }
            catalog.glossary.append(GlossaryTerm(term: term.term, definition: term.definition, synonyms: term.synonyms, tables: tables))
        }
        catalog.glossary.sort { $0.term.lowercased() < $1.term.lowercased() }
        return Result(catalog: catalog, findings: findings)
    }

    /// Approvals recorded by `approve`: an approved text stands where no context file has text of its own,
    /// and a file's text counts as approved when it is exactly the text that was approved. A person who
    /// edits their text after approving it sees their text, with the status their file gives it.
    private func applyApprovals(_ ledger: ApprovalLedger, to catalog: inout Catalog,
                                positions: [TableID: (source: Int, schema: Int, table: Int)], findings: inout [Finding]) {
        for approval in ledger.entries {
            let location = ledger.location(of: approval) ?? Location(file: ApprovalLedger.fileName)
            guard let p = positions[approval.table] else {
                findings.append(Finding(location: location, message: "`\(approval.label)` is approved here but the table no longer exists; "
                    + "delete its entry"))
                continue
            }
            var table = catalog.sources[p.source].schemas[p.schema].tables[p.table]
            func approved(_ current: Description?) -> Description {
                if var current, current.origin == .human {
                    if current.text == approval.text {
                        current.status = .approved
                        current.inputsHash = approval.inputsHash
                    }
                    return current
                }
                return Description(text: approval.text, origin: .human, status: .approved, inputsHash: approval.inputsHash)
            }
            if let column = approval.column {
                guard let index = table.columns.firstIndex(where: { $0.name.isExactly(column) }) else {
                    findings.append(Finding(location: location, message: "`\(approval.label)` is approved here but the column no longer exists; "
                        + "delete its entry"))
                    continue
                }
                table.columns[index].description = approved(table.columns[index].description)
            } else {
                table.description = approved(table.description)
            }
            catalog.sources[p.source].schemas[p.schema].tables[p.table] = table
        }
    }

    /// Decisions recorded by `relationships accept|reject`: each pair joins the catalog as an inferred
    /// relationship with the decision as its status, so the stage treats an accepted one as a fact and never
    /// suggests a rejected one again. A pair a context file writes is decided there; an entry whose table or
    /// column is gone, or that the database now declares, is a finding.
    private func applyRelationshipDecisions(_ ledger: RelationshipLedger, to catalog: inout Catalog,
                                            written: [Relationship.Pair: (decision: RelationshipDecision, location: Location)],
                                            findings: inout [Finding]) {
        for entry in ledger.entries {
            let location = ledger.location(of: entry) ?? Location(file: RelationshipLedger.fileName)
            let here = "`\(entry.label)` is \(entry.decision.rawValue) here"
            if let gone = Self.missingPart(of: entry.from, in: catalog) ?? Self.missingPart(of: entry.to, in: catalog) {
                findings.append(Finding(location: location, message: "\(here) but \(gone) no longer exists; delete its entry"))
                continue
            }
            if let table = catalog.table(entry.from.table),
               table.foreignKeys.contains(where: { Relationship(declaredBy: table, $0, in: catalog).pair == entry.pair }) {
                findings.append(Finding(location: location, message: "\(here) but the database now declares it as a foreign key; delete its entry"))
                continue
            }
            if let person = written[entry.pair] {
                if person.decision != entry.decision {
                    findings.append(Finding(location: location, message: "\(here) but \(person.decision.rawValue) in \(person.location), "
                        + "which wins; delete this entry or change that file"))
                }
                continue
            }
            catalog.relationships.append(entry.relationship)
        }
    }

    /// The table or column of `end` that the catalog no longer has, in words, or nil when it has them all.
    private static func missingPart(of end: Relationship.End, in catalog: Catalog) -> String? {
        let name = "\(end.table.schema).\(end.table.name)"
        guard let table = catalog.table(end.table) else { return "the table `\(name)`" }
        return end.columns.first { table.column(named: $0) == nil }.map { "the column `\(name).\($0)`" }
    }

    private func resolveColumns(_ references: [String], _ resolver: TableResolver, _ catalog: Catalog,
                                _ location: Location, _ findings: inout [Finding]) -> (table: TableID, columns: [String])? {
        var table: TableID?
        var columns: [String] = []
        for reference in references {
            guard let dot = reference.lastIndex(of: ".") else {
                findings.append(Finding(location: location, message: "`\(reference)` should name a column as schema.table.column"))
                return nil
            }
            let tableName = String(reference[..<dot])
            let column = String(reference[reference.index(after: dot)...])
            switch resolver.resolve(tableName) {
            case .found(let id):
                if let table, table != id {
                    findings.append(Finding(location: location, message: "`\(reference)` is not in `\(table.schema).\(table.name)`; the columns of one side must be in one table"))
                    return nil
                }
                table = id
                guard catalog.table(id)?.column(named: column) != nil else {
                    let suggestion = Suggestion.closest(to: column, among: catalog.table(id)?.columns.map(\.name) ?? [])
                    findings.append(Finding(location: location, message: "column `\(reference)` does not exist"
                        + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
                    return nil
                }
                columns.append(column)
            case .missing(let suggestion):
                findings.append(Finding(location: location, message: "table `\(tableName)` does not exist"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
                return nil
            case .ambiguous(let candidates):
                findings.append(Finding(location: location, message: "`\(tableName)` names several tables ("
                    + candidates.map(\.description).joined(separator: ", ") + "); write source.schema.table"))
                return nil
            }
        }
        return table.map { ($0, columns) }
    }
}

/// Finds a table from the way people write it: `table`, `schema.table` or `source.schema.table`.
struct TableResolver {
    enum Outcome {
        case found(TableID)
        case missing(suggestion: String?)
        case ambiguous([TableID])
    }

    private var all: [TableID] = []
    /// Every way a table may be written (`name`, `schema.name`, `source.schema.name`) to the tables it names:
    /// resolution runs once per context entry, and `init` writes one entry per column.
    /// By exact spelling: `é` and `e` + U+0301 are two tables to the database (see `ExactName`).
    private var byWrittenName: [ExactName: [TableID]] = [:]

    init(_ catalog: Catalog) {
        all = catalog.allTables.map(\.id)
        for id in all {
            for written in Set([id.name, "\(id.schema).\(id.name)", "\(id.source).\(id.schema).\(id.name)"].map(ExactName.init)) {
                byWrittenName[written, default: []].append(id)
            }
        }
    }

    /// Compares whole strings rather than splitting on dots: a table may be called `a.b`.
    func resolve(_ written: String) -> Outcome {
        let matches = byWrittenName[written] ?? []
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches.sorted()) }
        let dots = written.filter { $0 == "." }.count
        let names = all.map { dots >= 2 ? "\($0.source).\($0.schema).\($0.name)" : dots == 1 ? "\($0.schema).\($0.name)" : $0.name }
        return .missing(suggestion: Suggestion.closest(to: written, among: Array(Set(names)).sorted()))
    }
}
