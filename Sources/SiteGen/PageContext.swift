import Catalog

/// The values each template sees. Templates are logic-less, so every decision is made here:
/// links are already relative to the page, labels already worded, empty lists already absent.
///
/// Everything is plain text; Mustache's `{{ }}` escapes it for HTML.
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

    // MARK: Shared

    /// Values every page has: the site title, and the way back to the root for assets and search.
    func common(path: String, title: String, crumbs: [(label: String, target: String?)]) -> [String: Any] {
        let root = SitePlan.rootPrefix(of: path)
        var values: [String: Any] = [
            "siteTitle": catalog.title,
            "pageTitle": title,
            "root": root,
            "home": root + SitePlan.indexPage,
            "searchScript": root + SitePlan.searchScript,

            "breadcrumbs": crumbs.map { crumb -> [String: Any] in
                var item: [String: Any] = ["label": crumb.label]
                if let target = crumb.target { item["href"] = SitePlan.relative(target, from: path) }
                return item
            },
        ]
        if !catalog.glossary.isEmpty { values["glossaryHref"] = root + SitePlan.glossaryIndex }
        if hasPII { values["piiHref"] = root + SitePlan.piiPage }
        return values
    }

    /// A description for templates: `text` for lists, `html` (Markdown, glossary linked) when `path` is given.
    /// `pending` is why the describer left the entity's table without an answer in this build, if it did.
    func description(_ description: Description?, on path: String? = nil, pending: String? = nil) -> [String: Any] {
        guard let description, !description.text.isEmpty else { return ["missing": true, "pending": pending ?? false] }
        return [
            "stale": description.isStale,
            "text": description.text,
            // What people and the model write is Markdown; a database comment or a template is plain text.
            "html": path.map { markdown(description.text, on: $0, isMarkdown: description.origin == .human || description.origin == .model) }
                ?? "<p>\(escapeHTML(description.text))</p>",
            "origin": description.origin.rawValue.replacingOccurrences(of: "_", with: " "),
            // A person's draft says so; generated text is a draft until someone approves it, which goes without saying.
            "status": description.status == .approved ? " · approved" : description.origin == .human ? " · draft" : "",
        ]
    }

    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// Bytes in the largest unit that keeps a number of at least 1, to one decimal: "8 kB", "1.2 GB".
    static func size(_ bytes: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }

    /// "1 view", "1,204 tables".
    static func counted(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    static func rows(_ count: RowCount?) -> String {
        guard let count else { return "" }
        return (count.isExact ? "" : "~") + Self.count(count.value)
    }

    static func kindLabel(_ kind: Table.Kind) -> String {
        kind.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    func tableSummary(_ table: Table, from path: String) -> [String: Any] {
        var item: [String: Any] = [
            "name": table.name,
            "kind": Self.kindLabel(table.kind),
            "isView": table.kind.isView,
            "columnCount": Self.count(table.columns.count),
            "rows": Self.rows(table.rowCount),
            "description": description(table.description, pending: table.describePending),
            // Always set, so a table without PII never shows a neighbour's count.
            "pii": table.columns.contains { $0.pii != nil } ? Self.counted(table.columns.filter { $0.pii != nil }.count, "PII column") : false,
        ]
        if let page = plan.tablePage(table.id) { item["href"] = SitePlan.relative(page, from: path) }
        return item
    }

    // MARK: Index

    /// Schemas with more tables than this are summarised on the front page, not listed.
    static let indexTableLimit = 200

    func indexPage() -> [String: Any] {
        let path = SitePlan.indexPage
        var context = common(path: path, title: catalog.title, crumbs: [])
        let tables = catalog.allTables
        context["summary"] = [
            Self.counted(tables.filter { !$0.kind.isView }.count, "table"),
            Self.counted(tables.filter(\.kind.isView).count, "view"),
            Self.counted(tables.reduce(0) { $0 + $1.columns.count }, "column"),
        ].joined(separator: " · ")
        context["sources"] = catalog.sources.map { source -> [String: Any] in
            [
                "name": source.name,
                "kind": source.kind.rawValue,
                "schemas": source.schemas.map { schema -> [String: Any] in
                    var item: [String: Any] = [
                        "name": schema.name,
                        "href": plan.schemaPage(source: source.name, schema: schema.name),
                        "tableCount": Self.counted(schema.tables.count, "table or view").replacingOccurrences(of: "table or views", with: "tables and views"),
                    ]
                    // A long schema is listed on its own page; the front page stays small enough to load at once.
                    if schema.tables.count <= Self.indexTableLimit {
                        item["tables"] = schema.tables.map { tableSummary($0, from: path) }
                    } else {
                        item["listedOnSchemaPage"] = true
                    }
                    return item
                },
            ]
        }
        return context
    }

    // MARK: Schema

    func schema(_ schema: Schema, of source: Source, overview: ERDiagram.Overview?) -> [String: Any] {
        let path = plan.schemaPage(source: source.name, schema: schema.name)
        var context = common(path: path, title: "\(source.name).\(schema.name)", crumbs: [
            (catalog.title, SitePlan.indexPage), ("\(source.name) · \(schema.name)", nil),
        ])
        context["source"] = source.name
        context["name"] = schema.name
        context["tables"] = schema.tables.map { tableSummary($0, from: path) }
        context["tableCount"] = Self.counted(schema.tables.count, "table or view").replacingOccurrences(of: "table or views", with: "tables and views")
        context["diagram"] = SitePlan.relative(plan.schemaDiagram(source: source.name, schema: schema.name), from: path)
        if let overview, overview.drawnTables < overview.tables {
            context["diagramNote"] = "The diagram shows the \(Self.count(overview.drawnTables)) most connected of "
                + "\(Self.count(overview.tables)) tables and views; each table's page has a diagram of its own neighbours."
        }
        return context
    }

    // MARK: Table

    /// `diagram` is the table's neighbourhood and its SVG, drawn for this page.
    func table(_ table: Table, diagram: (ERDiagram.Result, String)?) -> [String: Any] {
        let path = plan.tablePage(table.id) ?? SitePlan.indexPage
        let schemaPage = plan.schemaPage(source: table.id.source, schema: table.id.schema)
        var context = common(path: path, title: "\(table.id.schema).\(table.name)", crumbs: [
            (catalog.title, SitePlan.indexPage),
            ("\(table.id.source) · \(table.id.schema)", schemaPage),
            (table.name, nil),
        ])
        context["name"] = table.name
        context["qualifiedName"] = "\(table.id.source).\(table.id.schema).\(table.name)"
        context["kind"] = Self.kindLabel(table.kind)
        context["isView"] = table.kind.isView
        context["options"] = table.options
        if let count = table.rowCount {
            context["rows"] = Self.rows(count) + (count.isExact ? " rows" : " rows (estimate)")
        }
        if let bytes = table.bytes { context["size"] = Self.size(bytes) }
        context["columnCount"] = Self.counted(table.columns.count, "column")
        context["description"] = description(table.description, on: path, pending: table.describePending)
        context["context"] = self.context(table.context, on: path) ?? false
        context["profile"] = profileSection(table, from: path)
        context["documented"] = index.documentedRelationships(of: table.id).map { relationship -> [String: Any] in
            var item: [String: Any] = [
                "from": tableRef(relationship.from, seenFrom: table.id, from: path),
                "fromColumns": relationship.fromColumns.map { columnRef(relationship.from, $0, from: path) },
                "to": tableRef(relationship.to, seenFrom: table.id, from: path),
                "toColumns": relationship.toColumns.map { columnRef(relationship.to, $0, from: path) },
            ]
            if let cardinality = relationship.cardinality { item["cardinality"] = cardinality }
            if let join = relationship.join { item["join"] = join }
            if let text = relationship.description { item["descriptionHTML"] = markdown(text, on: path) }
            return item
        }

        let primary = table.primaryKey?.columns ?? []
        context["columns"] = table.columns.map { column(column: $0, of: table, primary: primary, from: path) }
        if let key = table.primaryKey {
            context["primaryKey"] = ["columns": key.columns.map { columnRef(table.id, $0, from: path) }]
        }
        context["foreignKeys"] = table.foreignKeys.map { key -> [String: Any] in
            [
                "columns": key.columns.map { columnRef(table.id, $0, from: path) },
                "target": tableRef(key.referencedTable, seenFrom: table.id, from: path),
                "targetColumns": key.referencedColumns.map { columnRef(key.referencedTable, $0, from: path) },
            ].merging(actions(key), uniquingKeysWith: { $1 })
        }
        context["referencedBy"] = index.referencing(table.id).map { link -> [String: Any] in
            [
                "source": tableRef(link.from, seenFrom: table.id, from: path),
                "columns": link.key.columns.map { columnRef(link.from, $0, from: path) },
                "targetColumns": link.key.referencedColumns.map { columnRef(table.id, $0, from: path) },
            ].merging(actions(link.key), uniquingKeysWith: { $1 })
        }
        context["indexes"] = table.indexes.map { index -> [String: Any] in
            var item: [String: Any] = [
                "name": index.name,
                "parts": index.parts.map { part -> [String: Any] in
                    switch part {
                    case .column(let name): return columnRef(table.id, name, from: path)
                    case .expression(let text): return ["name": text, "expression": true]
                    }
                },
                "unique": index.isUnique,
            ]
            if index.origin != .created { item["origin"] = index.origin.rawValue.replacingOccurrences(of: "_", with: " ") }
            if let predicate = index.predicate { item["predicate"] = predicate }
            if let method = index.method { item["method"] = method }
            return item
        }
        if let definition = table.viewDefinition { context["viewDefinition"] = definition }
        context["constraints"] = table.constraints.map { constraint -> [String: Any] in
            ["name": constraint.name, "kind": constraint.kind.rawValue, "definition": constraint.definition]
        }
        if let key = table.partitionKey { context["partitionKey"] = key }
        context["partitions"] = table.partitions.map { partition -> [String: Any] in
            // Rows and size always set: a missing key would send Mustache up to the table's own `rows` and `size`.
            var item: [String: Any] = [
                "name": partition.name, "bound": partition.bound,
                "rows": Self.rows(partition.rowCount), "size": partition.bytes.map(Self.size) ?? "",
            ]
            if let parent = partition.parent { item["parent"] = parent }
            return item
        }
        context["reads"] = table.reads.map { dependency -> [String: Any] in
            var item = tableRef(dependency.table, seenFrom: table.id, from: path)
            item["columns"] = dependency.columns.map { columnRef(dependency.table, $0, from: path) }
            return item
        }
        context["readBy"] = index.views(reading: table.id).map { tableRef($0, seenFrom: table.id, from: path) }
        if let (result, svg) = diagram, !svg.isEmpty {
            var item: [String: Any] = ["svg": svg]
            if result.drawnNeighbours < result.neighbours {
                item["note"] = "The diagram shows \(result.drawnNeighbours) of \(result.neighbours) related tables; "
                    + "all of them are listed under the foreign keys above."
            }
            context["diagram"] = item
        }
        return context
    }

    private func column(column: Column, of table: Table, primary: [String], from path: String) -> [String: Any] {
        var item: [String: Any] = [
            "name": column.name,
            "anchor": plan.columnAnchor(table.id, column.name) ?? "",
            "position": column.position,
            "type": column.dataType,
            "nullable": column.isNullable,
            "description": description(column.description, on: path, pending: table.describePending),
            // Every key the row template asks for is set, even when empty: a missing key sends Mustache up the
            // context stack, where it could find the table's value of the same name.
            "default": false, "keyLabel": false, "references": [Any](), "typeNotes": [String](), "generated": false, "hidden": false,
        ]
        // Always set: Mustache would otherwise find the table's `context` for a column that has none.
        item["context"] = context(column.context, on: path) ?? false
        item["pii"] = column.pii.map(Self.pii) ?? false
        if let value = column.defaultValue { item["default"] = value }
        if let position = primary.firstIndex(exactly: column.name) {
            item["keyLabel"] = primary.count > 1 ? "PK \(position + 1)" : "PK"
        }
        let references = table.foreignKeys.compactMap { key -> [String: Any]? in
            guard let offset = key.columns.firstIndex(exactly: column.name) else { return nil }
            let target = offset < key.referencedColumns.count ? key.referencedColumns[offset] : nil
            var ref = tableRef(key.referencedTable, seenFrom: table.id, from: path)
            if ref["href"] == nil { ref["href"] = false }
            if let target {
                ref["label"] = "\(key.referencedTable.name).\(target)"
                if let link = plan.columnLink(key.referencedTable, target) {
                    ref["href"] = SitePlan.relative(link, from: path)
                }
            }
            return ref
        }
        if !references.isEmpty { item["references"] = references }
        var notes: [String] = []
        if let identity = column.identity { notes.append("identity, generated \(identity.lowercased())") }
        if let base = column.domainBaseType { notes.append("domain over \(base)") }
        if let labels = column.enumLabels { notes.append("one of " + labels.map { "'\($0)'" }.joined(separator: ", ")) }
        if !notes.isEmpty { item["typeNotes"] = notes }
        if let generated = column.generated {
            item["generated"] = "generated, \(generated.storage.rawValue)" + (generated.expression.map { ": \($0)" } ?? "")
        }
        if column.isHidden { item["hidden"] = true }
        return item
    }

    /// Business rules, owner, tags and the rest, for a table or a column; nil when nobody wrote any.
    func context(_ context: EntityContext?, on path: String) -> [String: Any]? {
        guard let context, !context.isEmpty else { return nil }
        var item: [String: Any] = [
            "rules": context.businessRules.map { markdown($0, on: path) },
            "dataSources": context.dataSources,
            "examples": context.examples,
            "tags": context.tags,
            "terms": context.glossaryTerms.map { name -> [String: Any] in
                let term = catalog.glossary.first { $0.term.lowercased() == name.lowercased() }
                var link: [String: Any] = ["name": term?.term ?? name]
                if let page = term.flatMap({ plan.termPage($0.term) }) { link["href"] = SitePlan.relative(page, from: path) }
                return link
            },
        ]
        if let owner = context.owner { item["owner"] = owner }
        if let notes = context.usageNotes { item["usageNotesHTML"] = markdown(notes, on: path) }
        return item
    }

    // MARK: Glossary

    func glossaryIndex() -> [String: Any] {
        let path = SitePlan.glossaryIndex
        var context = common(path: path, title: "Glossary", crumbs: [(catalog.title, SitePlan.indexPage), ("Glossary", nil)])
        context["terms"] = catalog.glossary.map { term -> [String: Any] in
            [
                "term": term.term,
                "href": plan.termPage(term.term).map { SitePlan.relative($0, from: path) } ?? "",
                "definitionHTML": markdown(term.definition, on: path),
                "synonyms": term.synonyms.joined(separator: ", "),
            ]
        }
        return context
    }

    func glossaryTerm(_ term: GlossaryTerm, usage: [GlossaryUsage.Use]) -> [String: Any] {
        let path = plan.termPage(term.term) ?? SitePlan.glossaryIndex
        var context = common(path: path, title: term.term, crumbs: [
            (catalog.title, SitePlan.indexPage), ("Glossary", SitePlan.glossaryIndex), (term.term, nil),
        ])
        context["term"] = term.term
        // The term's own page does not link the term to itself.
        context["definitionHTML"] = Markdown.html(term.definition, glossary: Markdown.Glossary(
            glossary.phrases.filter { $0.target != path }.map { ($0.text, $0.target) }), linkPrefix: SitePlan.rootPrefix(of: path))
        context["synonyms"] = term.synonyms.joined(separator: ", ")
        let here = TableID(source: "", schema: "", name: "")
        context["tables"] = term.tables.map { tableRef($0, seenFrom: here, from: path) }
        context["usedBy"] = usage.map { use -> [String: Any] in
            var item = tableRef(use.table, seenFrom: here, from: path)
            if let column = use.column {
                item["label"] = "\(use.table.schema).\(use.table.name).\(column)"
                if let link = plan.columnLink(use.table, column) { item["href"] = SitePlan.relative(link, from: path) }
            }
            return item
        }
        return context
    }

    /// A link to a table, named as briefly as the page allows: by name within the same schema.
    private func tableRef(_ id: TableID, seenFrom here: TableID, from path: String) -> [String: Any] {
        let label = id.source != here.source ? "\(id.source).\(id.schema).\(id.name)"
            : id.schema != here.schema ? "\(id.schema).\(id.name)" : id.name
        var item: [String: Any] = ["label": label]
        if let page = plan.tablePage(id) { item["href"] = SitePlan.relative(page, from: path) }
        return item
    }

    private func columnRef(_ id: TableID, _ column: String, from path: String) -> [String: Any] {
        var item: [String: Any] = ["name": column]
        if let link = plan.columnLink(id, column) { item["href"] = SitePlan.relative(link, from: path) }
        return item
    }

    /// `["actions": "on delete cascade"]`, or nothing when both actions are the default:
    /// an empty string would still open a Mustache section.
    private func actions(_ key: ForeignKey) -> [String: Any] {
        var parts: [String] = []
        if key.isDeferrable { parts.append(key.isInitiallyDeferred ? "deferrable, initially deferred" : "deferrable") }
        if key.onDelete != .noAction { parts.append("on delete \(key.onDelete.rawValue.lowercased())") }
        if key.onUpdate != .noAction { parts.append("on update \(key.onUpdate.rawValue.lowercased())") }
        return parts.isEmpty ? [:] : ["actions": parts.joined(separator: ", ")]
    }

    // MARK: Profiles and personal data

    static func pii(_ finding: PIIFinding) -> [String: Any] {
        [
            "kind": finding.kind.rawValue.replacingOccurrences(of: "_", with: " "),
            "confidence": "\(Int((finding.confidence * 100).rounded()))%",
            "reasons": finding.reasons.joined(separator: "; "),
            "declared": finding.origin == .context,
        ]
    }

    /// The table page's "Data profile" section, or false when the table was not profiled.
    func profileSection(_ table: Table, from path: String) -> Any {
        guard let profile = table.profile else { return false }
        let estimate = table.rowCount.map { ($0.isExact ? "" : "~") + Self.count($0.value) }
        var section: [String: Any] = [
            "read": profile.isSampled
                ? "Sampled \(Self.count(profile.rowsRead)) of \(estimate ?? "?") rows"
                : "All \(Self.count(profile.rowsRead)) rows read",
            "valuesRead": profile.valuesRead < profile.rowsRead ? "frequent values from \(Self.count(profile.valuesRead)) of them" : false,
            "incomplete": profile.incomplete ?? false,
        ]
        section["columns"] = table.columns.compactMap { column -> [String: Any]? in
            guard let stats = column.profile else { return nil }
            var row: [String: Any] = [
                "name": column.name,
                "href": "#" + (plan.columnAnchor(table.id, column.name) ?? ""),
                "nulls": Self.percent(stats.nullFraction),
                "distinct": (stats.distinctIsEstimate ? "≥ " : "") + Self.count(stats.distinct),
                "pii": column.pii.map(Self.pii) ?? false,
                // Which policy applied: masked previews, or none at all (`pii.publish_samples: none`); or, without PII,
                // values kept back because the column is not categorical.
                "masked": stats.isMasked ? (stats.topValues.isEmpty ? "not shown: personal data" : "masked: personal data")
                    : stats.valuesWithheld ? "values not shown: shape only" : false,
                "shapes": stats.patterns.prefix(3).map { "\($0.pattern.replacingOccurrences(of: "_", with: " ")) \(Self.percent($0.share))" }
                    .joined(separator: ", "),
            ]
            var range: [String] = []
            // Whole numbers grouped like every other count on the page; anything else as the database wrote it,
            // and a withheld column's rounded range (`~3,100`, a year) as the profile stage wrote it.
            func shown(_ value: String) -> String { stats.valuesWithheld ? value : Int(value).map(Self.count) ?? value }
            if let low = stats.minimum, let high = stats.maximum {
                range.append(low == high ? shown(low) : "\(shown(low)) … \(shown(high))")
            }
            if let mean = stats.mean {
                range.append("mean \(Self.decimal(mean))" + (stats.standardDeviation.map { " ± \(Self.decimal($0))" } ?? ""))
            }
            if let low = stats.minimumLength, let high = stats.maximumLength {
                range.append(low == high ? "\(low) characters" : "\(low)–\(high) characters")
            }
            row["range"] = range.joined(separator: "; ")
            let top = stats.topValues.first?.count ?? 0
            let base = max(1, profile.valuesRead)
            // Frequent values worth a bar: the commonest holds at least 1% of the rows (not so for ids).
            let informative = Double(top) / Double(base) >= 0.01
            row["top"] = (informative ? stats.topValues : []).map { value -> [String: Any] in
                [
                    "value": value.value,
                    "share": Self.percent(Double(value.count) / Double(base)),
                    // Bars relative to the most frequent value, in whole percent: a number we computed, safe in a style.
                    "width": top > 0 ? Int((Double(value.count) / Double(top) * 100).rounded()) : 0,
                ]
            }
            return row
        }
        return section
    }

    /// The personal-data report: every column with a finding, grouped by table, with the kinds to filter by.
    func piiReport() -> [String: Any] {
        let path = SitePlan.piiPage
        var context = common(path: path, title: "Personal data", crumbs: [(catalog.title, SitePlan.indexPage), ("Personal data", nil)])
        var kinds: Set<String> = []
        var rows: [[String: Any]] = []
        var tables: Set<TableID> = []
        for table in catalog.allTables {
            for column in table.columns {
                guard let finding = column.pii else { continue }
                kinds.insert(finding.kind.rawValue)
                tables.insert(table.id)
                var row = Self.pii(finding)
                row["kindValue"] = finding.kind.rawValue
                row["table"] = "\(table.id.schema).\(table.name)"
                row["column"] = column.name
                row["href"] = plan.columnLink(table.id, column.name).map { SitePlan.relative($0, from: path) } ?? ""
                row["masked"] = column.profile?.isMasked ?? false
                rows.append(row)
            }
        }
        context["rows"] = rows
        context["count"] = Self.counted(rows.count, "column")
        context["tableCount"] = Self.counted(tables.count, "table")
        context["kinds"] = kinds.sorted().map { ["value": $0, "label": $0.replacingOccurrences(of: "_", with: " ")] }
        return context
    }

    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if value > 0, value < 1 { return "<1%" }
        return "\(Int(value.rounded()))%"
    }

    static func decimal(_ value: Double) -> String {
        abs(value) >= 1000 || value == value.rounded() ? count(Int(value.rounded())) : String(format: "%.2f", value)
    }
}
