import Catalog

/// Where each glossary term is used: the tables and columns that list it in `glossary_terms`, or whose
/// description mentions the term or a synonym. Computed once for the glossary pages.
struct GlossaryUsage {
    struct Use: Hashable {
        var table: TableID
        var column: String?
    }

    private(set) var uses: [String: [Use]] = [:]

    init(_ catalog: Catalog, glossary: Markdown.Glossary, termOfTarget: [String: String]) {
        for table in catalog.allTables {
            var entities: [(String?, Description?, EntityContext?)] = [(nil, table.description, table.context)]
            entities += table.columns.map { ($0.name, $0.description, $0.context) }
            for (column, description, context) in entities {
                var terms = Set<String>()
                for listed in context?.glossaryTerms ?? [] {
                    if let term = catalog.glossary.first(where: { $0.term.lowercased() == listed.lowercased() }) { terms.insert(term.term) }
                }
                if let text = description?.text {
                    for (_, phrase) in glossary.occurrences(in: text) {
                        if let term = termOfTarget[phrase.target] { terms.insert(term) }
                    }
                }
                for term in terms { uses[term, default: []].append(Use(table: table.id, column: column)) }
            }
        }
    }
}
