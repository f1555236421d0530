import Catalog

extension PageContext {
    func glossaryIndex() -> GlossaryPage {
        let path = SitePlan.glossaryIndex
        return GlossaryPage(
            frame: frame(path: path, title: "Glossary", crumbs: [(catalog.title, SitePlan.indexPage), ("Glossary", nil)]),
            terms: catalog.glossary.map { term in
                GlossaryPage.Term(
                    term: term.term,
                    href: plan.termPage(term.term).map { SitePlan.relative($0, from: path) } ?? "",
                    definitionHTML: markdown(term.definition, on: path),
                    synonyms: term.synonyms.joined(separator: ", ")
                )
            }
        )
    }

    func glossaryTerm(_ term: GlossaryTerm, usage: [GlossaryUsage.Use]) -> TermPage {
        let path = plan.termPage(term.term) ?? SitePlan.glossaryIndex
        // Seen from no table, links name tables in full.
        let here = TableID(source: "", schema: "", name: "")
        // The term's own page does not link the term to itself.
        let others = Markdown.Glossary(glossary.phrases.filter { $0.target != path }.map { ($0.text, $0.target) })
        return TermPage(
            frame: frame(path: path, title: term.term, crumbs: [
                (catalog.title, SitePlan.indexPage), ("Glossary", SitePlan.glossaryIndex), (term.term, nil),
            ]),
            term: term.term,
            definitionHTML: Markdown.html(term.definition, glossary: others, linkPrefix: SitePlan.rootPrefix(of: path)),
            synonyms: term.synonyms.joined(separator: ", "),
            tables: term.tables.map { tableLink($0, seenFrom: here, from: path) },
            usedBy: usage.map { use in
                var link = tableLink(use.table, seenFrom: here, from: path)
                if let column = use.column {
                    link.label = "\(use.table.schema).\(use.table.name).\(column)"
                    if let target = plan.columnLink(use.table, column) { link.href = SitePlan.relative(target, from: path) }
                }
                return link
            }
        )
    }
}
