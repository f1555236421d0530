import Catalog

/// Which tables need a describer, and what to tell it about each.
///
/// Only entities without any description are asked for: human text, database comments and templates
/// all rank above a model's, so they are never sent for rewriting.
public struct RequestBuilder: Sendable {
    let catalog: Catalog
    /// `describe.send_sample_values`: whether values of columns without personal data go into requests.
    let sendSampleValues: Bool
    private let referencedBy: [TableID: [String]]
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
        self.referencedBy = referencedBy
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
    public func request(for table: Table) -> TableRequest {
        let columns = table.columns.map { column -> TableRequest.ColumnInput in
            let key = table.foreignKeys.first { $0.columns.containsExactly(column.name) }
            let offset = key?.columns.firstIndex(exactly: column.name) ?? 0
            let target = key.map { key in
                key.referencedTable.name + (offset < key.referencedColumns.count ? "." + key.referencedColumns[offset] : "")
            }
            return TableRequest.ColumnInput(
                name: column.name, type: column.dataType, nullable: column.isNullable,
                key: column.primaryKeyPosition != nil ? "primary key" : key != nil ? "foreign key" : nil,
                references: target, defaultValue: column.defaultValue, enumLabels: column.enumLabels,
                notes: Self.notes(column.context) + (column.context?.hints.map { ["Hint: \($0)"] } ?? []),
                describe: column.description == nil, description: column.description?.text,
                personalData: column.pii.map { $0.kind.rawValue.replacingOccurrences(of: "_", with: " ") },
                shape: column.profile?.patterns.first { $0.share >= 0.9 }.map(\.pattern),
                values: sampleValues(column))
        }
        let neighbourIDs = Set(table.foreignKeys.map(\.referencedTable))
        return TableRequest(
            table: table.id, kind: table.kind.rawValue, rows: table.rowCount.map(Self.magnitude),
            describeTable: table.description == nil, tableDescription: table.description?.text,
            columns: columns,
            referencesTables: Array(Set(table.foreignKeys.map(\.referencedTable.name))).sorted(),
            referencedBy: Array(Set(referencedBy[table.id] ?? [])).sorted(),
            readsTables: table.reads.map(\.table.name),
            notes: Self.notes(table.context), hints: table.context?.hints,
            glossary: catalog.glossary.filter { term in term.tables.contains(table.id) }.map { "\($0.term): \($0.definition)" },
            neighbours: neighbourIDs.sorted().compactMap { id in descriptions[id].map { "\(id.name): \($0)" } })
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
