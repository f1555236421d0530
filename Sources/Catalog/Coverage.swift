/// How much of a catalog is described, and how far the descriptions can be trusted: per source, per schema and
/// in all, for tables (views included) and for columns.
///
/// One computed summary, so the coverage page, catalog.json and the build's last line give the same figures.
/// `score` is defined here and nowhere else (README and docs/catalog-json.md quote its formula).
public struct Coverage: Sendable, Hashable, Codable {
    /// The figures of one kind of entity (tables or columns) in one scope.
    public struct Tally: Sendable, Hashable, Codable {
        public var total = 0
        /// With a description whose text is not empty, whatever its origin.
        public var described = 0
        /// Of `described`, by where the text came from (`Description.Origin`); they add up to `described`.
        public var human = 0
        public var databaseComment = 0
        public var template = 0
        /// The model or the offline describer.
        public var model = 0
        /// Of `described`, approved (`Description.status`), stale ones included.
        public var approved = 0
        /// Of `approved`, marked stale: the entity changed since its text was approved.
        public var stale = 0
        /// Not described, and the describer left them pending in this build (`Table.describePending`).
        public var pending = 0
        /// Described by a human or approved, and not stale: what `score` counts.
        public var trusted = 0

        public init() {}

        /// Counts one entity with `description`; `pending` is whether its table was left pending.
        mutating func count(_ description: Description?, pending isPending: Bool) {
            total += 1
            guard let description, !description.text.isEmpty else {
                if isPending { pending += 1 }
                return
            }
            described += 1
            switch description.origin {
            case .human: human += 1
            case .databaseComment: databaseComment += 1
            case .template: template += 1
            case .model: model += 1
            }
            if description.status == .approved { approved += 1 }
            if description.isStale { stale += 1 }
            if description.isTrusted { trusted += 1 }
        }

        mutating func add(_ other: Tally) {
            total += other.total
            described += other.described
            human += other.human
            databaseComment += other.databaseComment
            template += other.template
            model += other.model
            approved += other.approved
            stale += other.stale
            pending += other.pending
            trusted += other.trusted
        }

        /// `trusted ÷ total`, or nil when there is nothing to count.
        var trustedShare: Double? {
            total == 0 ? nil : Double(trusted) / Double(total)
        }
    }

    /// Everything counted in one scope: a schema, a source, or the whole catalog.
    public struct Figures: Sendable, Hashable, Codable {
        public var tables = Tally()
        public var columns = Tally()
        /// Columns with a PII finding (`Column.pii`), detected or declared.
        public var piiColumns = 0

        public init() {}

        /// How much a table weighs against all the columns of its scope: tables and columns count half each.
        public static let tableWeight = 0.5
        public static let columnWeight = 0.5
        /// The formula of `score`, as the page, README and docs/catalog-json.md give it; trusted means described
        /// by a human or approved, and not stale.
        public static let scoreFormula = "score = ½ × trusted tables ÷ tables + ½ × trusted columns ÷ columns"

        /// The quality score, 0…1: the weighted mean of the shares of tables and of columns that are trusted
        /// (described by a human or approved, and not stale). A scope with no columns is scored on its tables
        /// alone; nil when it has neither.
        public var score: Double? {
            let parts = [(tables.trustedShare, Self.tableWeight), (columns.trustedShare, Self.columnWeight)]
                .compactMap { share, weight in share.map { ($0, weight) } }
            let weight = parts.reduce(0) { $0 + $1.1 }
            guard weight > 0 else { return nil }
            return parts.reduce(0) { $0 + $1.0 * $1.1 } / weight
        }

        mutating func add(_ other: Figures) {
            tables.add(other.tables)
            columns.add(other.columns)
            piiColumns += other.piiColumns
        }

        private enum CodingKeys: String, CodingKey {
            case tables, columns, piiColumns, score
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            tables = try container.decode(Tally.self, forKey: .tables)
            columns = try container.decode(Tally.self, forKey: .columns)
            piiColumns = try container.decode(Int.self, forKey: .piiColumns)
        }

        /// `score` is written rounded to three decimals (absent when nil), so the file reads plainly.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(tables, forKey: .tables)
            try container.encode(columns, forKey: .columns)
            try container.encode(piiColumns, forKey: .piiColumns)
            try container.encodeIfPresent(score.map { ($0 * 1000).rounded() / 1000 }, forKey: .score)
        }
    }

    /// A schema's figures.
    public struct SchemaCoverage: Sendable, Hashable, Codable {
        public var name: String
        public var figures: Figures

        public init(name: String, figures: Figures) {
            self.name = name
            self.figures = figures
        }
    }

    /// A source's figures (its schemas' together) and each schema's, in catalog order.
    public struct SourceCoverage: Sendable, Hashable, Codable {
        public var name: String
        public var figures: Figures
        public var schemas: [SchemaCoverage]

        public init(name: String, figures: Figures, schemas: [SchemaCoverage]) {
            self.name = name
            self.figures = figures
            self.schemas = schemas
        }
    }

    /// The whole catalog's figures.
    public var figures: Figures
    public var sources: [SourceCoverage]

    public init(_ catalog: Catalog) {
        var total = Figures()
        sources = catalog.sources.map { source in
            var sourceFigures = Figures()
            let schemas = source.schemas.map { schema in
                var figures = Figures()
                for table in schema.tables {
                    let pending = table.describePending != nil
                    figures.tables.count(table.description, pending: pending)
                    for column in table.columns {
                        figures.columns.count(column.description, pending: pending)
                        if column.pii != nil { figures.piiColumns += 1 }
                    }
                }
                sourceFigures.add(figures)
                return SchemaCoverage(name: schema.name, figures: figures)
            }
            total.add(sourceFigures)
            return SourceCoverage(name: source.name, figures: sourceFigures, schemas: schemas)
        }
        figures = total
    }
}
