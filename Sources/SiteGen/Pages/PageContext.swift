import Catalog

/// Builds each page's view model from the catalog. Templates are logic-less, so every decision is made here:
/// links are already relative to the page, labels already worded (`Format`), empty lists already empty.
///
/// Everything is plain text unless named HTML; Mustache's `{{ }}` escapes it.
struct PageContext {
    let catalog: Catalog
    let plan: SitePlan
    let index: CatalogIndex
    let glossary: Markdown.Glossary
    /// Whether any column holds personal data, so every page links the report.
    let hasPII: Bool

    init(catalog: Catalog, plan: SitePlan, index: CatalogIndex) {
        self.catalog = catalog
        self.plan = plan
        self.index = index
        hasPII = catalog.allTables.contains { $0.columns.contains { $0.pii != nil } }
        var phrases: [(text: String, target: String)] = []
        for term in catalog.glossary {
            guard let page = plan.termPage(term.term) else { continue }
            phrases.append((term.term, page))
            phrases += term.synonyms.map { ($0, page) }
        }
        glossary = Markdown.Glossary(phrases)
    }

    /// Markdown as HTML for a page at `path`, with glossary terms linked.
    func markdown(_ text: String, on path: String, isMarkdown: Bool = true) -> String {
        Markdown.html(text, markdown: isMarkdown, glossary: glossary, linkPrefix: SitePlan.rootPrefix(of: path))
    }

    /// What every page has around its content. A crumb without a target is the page itself.
    func frame(path: String, title: String, crumbs: [(label: String, target: String?)]) -> PageFrame {
        let root = SitePlan.rootPrefix(of: path)
        return PageFrame(
            siteTitle: catalog.title,
            pageTitle: title,
            root: root,
            home: root + SitePlan.indexPage,
            searchScript: root + SitePlan.searchScript,
            path: path,
            breadcrumbs: crumbs.map { Link(label: $0.label, href: $0.target.map { SitePlan.relative($0, from: path) }) },
            glossaryHref: catalog.glossary.isEmpty ? nil : root + SitePlan.glossaryIndex,
            piiHref: hasPII ? root + SitePlan.piiPage : nil,
            coverageHref: root + SitePlan.coveragePage
        )
    }

    /// A description as lists show it (HTML an escaped paragraph), or with Markdown rendered when `path` is given.
    /// `pending` is why the describer left the entity's table without an answer in this build, if it did.
    func description(_ description: Description?, on path: String? = nil, pending: String? = nil) -> DescriptionView {
        guard let description, !description.text.isEmpty else {
            return DescriptionView(text: nil, html: nil, origin: nil, status: nil, stale: false, pending: pending)
        }
        // What people and the model write is Markdown; a database comment or a template is plain text.
        let isMarkdown = description.origin == .human || description.origin == .model
        return DescriptionView(
            text: description.text,
            html: path.map { markdown(description.text, on: $0, isMarkdown: isMarkdown) } ?? "<p>\(escapeHTML(description.text))</p>",
            origin: Format.words(description.origin.rawValue),
            // A person's draft says so; generated text is a draft until someone approves it, which goes without saying.
            status: description.status == .approved ? " · approved" : description.origin == .human ? " · draft" : "",
            stale: description.isStale,
            pending: nil
        )
    }

    /// A table's row in a list of tables on the page at `path`.
    func tableSummary(_ table: Table, from path: String) -> TableSummary {
        let piiColumns = table.columns.filter { $0.pii != nil }.count
        return TableSummary(
            name: table.name,
            href: plan.tablePage(table.id).map { SitePlan.relative($0, from: path) },
            kind: Format.words(table.kind.rawValue),
            isView: table.kind.isView,
            columnCount: Format.count(table.columns.count),
            rows: Format.rows(table.rowCount),
            description: description(table.description, pending: table.describePending),
            pii: piiColumns > 0 ? Format.counted(piiColumns, "PII column") : nil,
            figures: TableSummary.Figures(
                kind: table.kind.rawValue,
                columns: table.columns.count,
                rows: table.rowCount?.value,
                references: table.foreignKeys.count + index.referencing(table.id).count
                    + index.undeclaredRelationships(of: table.id).count,
                described: !(table.description?.text.isEmpty ?? true),
                piiColumns: piiColumns
            )
        )
    }

    /// Business rules, owner, tags and the rest, for a table or a column; nil when nobody wrote any.
    func context(_ context: EntityContext?, on path: String) -> ContextView? {
        guard let context, !context.isEmpty else { return nil }
        return ContextView(
            owner: context.owner,
            tags: context.tags,
            rules: context.businessRules.map { markdown($0, on: path) },
            usageNotesHTML: context.usageNotes.map { markdown($0, on: path) },
            dataSources: context.dataSources,
            examples: context.examples,
            terms: context.glossaryTerms.map { name in
                let term = catalog.glossary.first { $0.term.lowercased() == name.lowercased() }
                return NamedLink(name: term?.term ?? name,
                                 href: term.flatMap { plan.termPage($0.term) }.map { SitePlan.relative($0, from: path) })
            }
        )
    }

    /// A link to a table, named as briefly as the page allows: by name within the same schema.
    func tableLink(_ id: TableID, seenFrom here: TableID, from path: String) -> Link {
        let label = id.source != here.source ? "\(id.source).\(id.schema).\(id.name)"
            : id.schema != here.schema ? "\(id.schema).\(id.name)" : id.name
        return Link(label: label, href: plan.tablePage(id).map { SitePlan.relative($0, from: path) })
    }

    /// A link to a column's row on its table's page.
    func columnLink(_ id: TableID, _ column: String, from path: String) -> NamedLink {
        NamedLink(name: column, href: plan.columnLink(id, column).map { SitePlan.relative($0, from: path) })
    }

    static func pii(_ finding: PIIFinding) -> PIIBadge {
        PIIBadge(
            kind: Format.words(finding.kind.rawValue),
            confidence: Format.confidence(finding.confidence),
            reasons: finding.reasons.joined(separator: "; "),
            declared: finding.origin == .context
        )
    }
}
