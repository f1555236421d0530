import Catalog

/// Which tables need a describer, and what to tell it about each.
///
/// Only entities without any description are asked for: human text, database comments and templates
/// all rank above a model's, so they are never sent for rewriting.
public struct RequestBuilder: Sendable {
    let catalog: Catalog
    /// `describe.send_sample_values`: whether values of columns without personal data go into requests.
    let sendSampleValues: Bool
    /// The names of the tables referencing each table: by declared keys, documented relationships and accepted suggestions.
    private let referencedBy: [TableID: [String]]
    /// The shown relationships the database does not declare, by the table holding their columns and by the table they point at.
    private let outgoing: [TableID: [Relationship]]
    private let incoming: [TableID: [Relationship]]
    /// Every table's description as the catalog has it, for its neighbours' requests.
    private let descriptions: [TableID: String]

    public init(_ catalog: Catalog, sendSampleValues: Bool = false) {
        self.catalog = catalog
        self.sendSampleValues = sendSampleValues
        var referencedBy: [TableID: [String]] = [:]
        var descriptions: [TableID: String] = [:]
        for table in catalog.allTables {
            for key in table.foreignKeys { referencedBy[key.referencedTable, default: []].append(table.name) }
            if let text = table.description?.text { descriptions[table.id] = text }
        }
        var outgoing: [TableID: [Relationship]] = [:]
        var incoming: [TableID: [Relationship]] = [:]
        for relationship in catalog.relationships where relationship.isShown && relationship.origin != .declared {
            outgoing[relationship.from.table, default: []].append(relationship)
            incoming[relationship.to.table, default: []].append(relationship)
            if !relationship.isSuggestion { referencedBy[relationship.to.table, default: []].append(relationship.from.table.name) }
        }
        self.referencedBy = referencedBy
        self.outgoing = outgoing
        self.incoming = incoming
        self.descriptions = descriptions
    }

    /// One request per table that has something to describe; a table with more undescribed columns than
    /// `columnsPerRequest` becomes several, each asking for its share (every column stays in each as context).
    public static func requests(for catalog: Catalog, sendSampleValues: Bool = false) -> [TableRequest] {
        let builder = RequestBuilder(catalog, sendSampleValues: sendSampleValues)
        return catalog.allTables.map(builder.request).filter(\.isNeeded).flatMap(split)
    }

    /// Most columns one request asks for: a longer answer risks the model's output limit.
    static let columnsPerRequest = 60

    static func split(_ request: TableRequest) -> [TableRequest] {
        let wanted = request.wanted
        guard wanted.count > columnsPerRequest else { return [request] }
        return stride(from: 0, to: wanted.count, by: columnsPerRequest).enumerated().map { offset, start in
            let share = Set(wanted[start..<min(wanted.count, start + columnsPerRequest)].map(ExactName.init))
            var part = request
            part.part = offset + 1
            part.describeTable = offset == 0 && request.describeTable
            for index in part.columns.indices { part.columns[index].describe = share.contains(ExactName(part.columns[index].name)) }
            return part
        }
    }

    /// What a describer would be told about `table`, whether or not anything in it needs words.
    ///
    /// Relationships the database does not declare count like its foreign keys, a declared key winning on a
    /// column that has both; suggestions nobody has accepted are marked as only probable.
    public func request(for table: Table) -> TableRequest {
        let undeclared = outgoing[table.id] ?? []
        // People's relationships before suggestions, for a column that has both.
        let vouchedFirst = undeclared.filter { !$0.isSuggestion } + undeclared.filter(\.isSuggestion)
        let columns = table.columns.map { column -> TableRequest.ColumnInput in
            let key = table.foreignKeys.first { $0.columns.containsExactly(column.name) }
            let relationship = key == nil ? vouchedFirst.first { $0.from.columns.containsExactly(column.name) } : nil
            let target = key.map { Self.target($0.referencedTable, $0.referencedColumns, of: $0.columns, column.name) }
                ?? relationship.map { Self.target($0.to.table, $0.to.columns, of: $0.from.columns, column.name) }
            let suggested = relationship?.isSuggestion == true
            return TableRequest.ColumnInput(
                name: column.name, type: column.dataType, nullable: column.isNullable,
                key: column.primaryKeyPosition != nil ? "primary key" : key != nil ? "foreign key"
                    : relationship == nil ? nil : suggested ? "probable foreign key" : "foreign key (not declared)",
                references: target, referenceInferred: suggested ? true : nil,
                referenceConfidence: suggested ? relationship?.confidence : nil,
                defaultValue: column.defaultValue, enumLabels: column.enumLabels,
                notes: Self.notes(column.context) + (column.context?.hints.map { ["Hint: \($0)"] } ?? []),
                describe: column.description == nil, description: column.description?.text,
                personalData: column.pii.map { $0.kind.rawValue.replacingOccurrences(of: "_", with: " ") },
                shape: column.profile?.patterns.first { $0.share >= 0.9 }.map(\.pattern),
                values: sampleValues(column))
        }
        let references = Set(table.foreignKeys.map(\.referencedTable.name) + undeclared.filter { !$0.isSuggestion }.map(\.to.table.name))
        let referencedBy = Set(referencedBy[table.id] ?? [])
        let neighbourIDs = Set(table.foreignKeys.map(\.referencedTable) + undeclared.map(\.to.table))
        return TableRequest(
            table: table.id, kind: table.kind.rawValue, rows: table.rowCount.map(Self.magnitude),
            describeTable: table.description == nil, tableDescription: table.description?.text,
            columns: columns,
            referencesTables: references.sorted(),
            referencedBy: referencedBy.sorted(),
            probablyReferences: Self.suggested(undeclared, end: \.to, besides: references),
            probablyReferencedBy: Self.suggested(incoming[table.id] ?? [], end: \.from, besides: referencedBy),
            readsTables: table.reads.map(\.table.name),
            notes: Self.notes(table.context), hints: table.context?.hints,
            glossary: catalog.glossary.filter { term in term.tables.contains(table.id) }.map { "\($0.term): \($0.definition)" },
            neighbours: neighbourIDs.sorted().compactMap { id in descriptions[id].map { "\(id.name): \($0)" } })
    }

    /// `customers.id`: the referenced column paired with `column` among `columns`, or the table alone when the
    /// key names no columns.
    static func target(_ table: TableID, _ referenced: [String], of columns: [String], _ column: String) -> String {
        let offset = columns.firstIndex(exactly: column) ?? 0
        return table.name + (offset < referenced.count ? "." + referenced[offset] : "")
    }

    /// The other tables of the suggestions among `relationships`, by name with the best confidence each, leaving
    /// out tables already related for certain; nil when none is left.
    static func suggested(_ relationships: [Relationship], end: KeyPath<Relationship, Relationship.End>,
                          besides certain: Set<String>) -> [TableRequest.Suggested]? {
        var best: [ExactName: Double?] = [:]
        for relationship in relationships where relationship.isSuggestion {
            let name = ExactName(relationship[keyPath: end].table.name)
            guard !certain.contains(name.text) else { continue }
            if let known = best[name], (known ?? -1) >= (relationship.confidence ?? -1) { continue }
            best[name] = relationship.confidence
        }
        guard !best.isEmpty else { return nil }
        return best.keys.sorted().map { TableRequest.Suggested(table: $0.text, confidence: best[$0] ?? nil) }
    }

    /// A categorical column's values, sorted so the request (and its cache key) does not move with their
    /// frequencies; nil unless allowed, for personal data, and for columns of many distinct values, whose
    /// samples would change with every load.
    func sampleValues(_ column: Column) -> [String]? {
        guard sendSampleValues, column.pii == nil, let profile = column.profile, !profile.isMasked,
              profile.distinct > 0, profile.distinct <= Self.categoricalLimit, profile.topValues.count == profile.distinct,
              // A category repeats: five promotions with five distinct names are names, not a category.
              profile.topValues.allSatisfy({ $0.count > 1 }) else { return nil }
        return profile.topValues.map(\.value).sorted()
    }

    /// Columns with at most this many distinct values are categories whose values say what they mean.
    static let categoricalLimit = 5

    /// `0`, `1–10`, `10–100`, `100–1000`, … : the power-of-ten bracket holding the count.
    static func magnitude(_ rows: RowCount) -> String {
        let power = rows.orderOfMagnitude
        guard power >= 0 else { return "0" }
        let low = (0..<power).reduce(1) { value, _ in value * 10 }
        return "\(low)–\(low * 10)"
    }

    private static func notes(_ context: EntityContext?) -> [String] {
        guard let context else { return [] }
        return context.businessRules.map { "Rule: \($0)" } + context.dataSources.map { "Source: \($0)" }
            + (context.usageNotes.map { ["Usage: \($0)"] } ?? []) + context.examples.map { "Example value: \($0)" }
    }
}
