import Catalog
import Foundation

/// The two queries of a table's profile, in either dialect: aggregates over a row source, and the values
/// of up to `limit` rows of it. Every column gets the same eight aggregate slots (NULL where its type has
/// no such statistic), so one reader parses both dialects.
struct SampleQueries {
    enum Dialect { case sqlite, postgres }

    let dialect: Dialect
    /// At most this many columns per aggregate query (PostgreSQL allows 1,664 result columns).
    static let columnsPerQuery = 150
    static let slots = 8

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func aggregates(_ columns: [Column], from source: String) -> String {
        let parts = columns.map { column -> String in
            let c = "s." + Self.quoted(column.name)
            let kind = SampleQueries.Statistics(column)
            let asText = dialect == .postgres ? "\(c)::text" : c
            let null = "NULL"
            var slots = ["count(\(c))", "count(DISTINCT \(asText))"]
            switch (kind, dialect) {
            case (.number, .postgres):
                slots += ["min(\(c))::text", "max(\(c))::text", "avg(\(c))::float8", "stddev_samp(\(c))::float8", null, null]
            case (.number, .sqlite):
                slots += ["min(\(c))", "max(\(c))", "avg(\(c))", "avg(\(c) * \(c))", null, null]
            case (.temporal, .postgres):
                slots += ["min(\(c))::text", "max(\(c))::text", null, null, null, null]
            case (.temporal, .sqlite):
                slots += ["min(\(c))", "max(\(c))", null, null, null, null]
            case (.text, .postgres):
                // Through text: uuid, citext and domains have no length() of their own.
                slots += [null, null, null, null, "min(length(\(c)::text))", "max(length(\(c)::text))"]
            case (.text, .sqlite):
                slots += [null, null, null, null, "min(length(\(c)))", "max(length(\(c)))"]
            case (.other, _):
                slots += [null, null, null, null, null, null]
            }
            return slots.joined(separator: ", ")
        }
        return "SELECT count(*), " + parts.joined(separator: ", ") + " FROM \(source) AS s"
    }

    /// Values cut to `TableSampler.valueLength`, then (with `lengths`) each text column's full length, so the
    /// statistics can be computed from these rows alone when they are all the profile looks at.
    func values(_ columns: [Column], from source: String, limit: Int, lengths: Bool) -> String {
        let length = TableSampler.valueLength
        var parts = columns.map { column -> String in
            let c = "s." + Self.quoted(column.name)
            switch dialect {
            case .postgres: return "left(\(c)::text, \(length))"
            case .sqlite: return "CASE typeof(\(c)) WHEN 'blob' THEN 'blob of ' || length(\(c)) || ' bytes' ELSE substr(CAST(\(c) AS TEXT), 1, \(length)) END"
            }
        }
        if lengths {
            parts += columns.map { column in
                let c = "s." + Self.quoted(column.name)
                guard Statistics(column) == .text else { return "NULL" }
                return dialect == .postgres ? "length(\(c)::text)" : "length(\(c))"
            }
        }
        return "SELECT " + parts.joined(separator: ", ") + " FROM \(source) AS s LIMIT \(limit)"
    }

    /// The aggregate query's figures computed from fetched rows (values, then lengths), for when those rows
    /// are everything the profile covers: a small table read whole, or a sample.
    static func aggregates(of rows: [[String?]], columns: [Column]) -> [TableSample.Aggregates] {
        columns.indices.map { index in
            let kind = SampleQueries.Statistics(columns[index])
            var result = TableSample.Aggregates()
            var seen = Set<String>()
            var numbers: [(Double, String)] = []
            var lowest: String?, highest: String?
            var shortest: Int?, longest: Int?
            for row in rows {
                guard let value = row[index] else { continue }
                result.nonNull += 1
                seen.insert(value)
                switch kind {
                case .number:
                    if let number = Double(value) { numbers.append((number, value)) }
                case .temporal:
                    if lowest.map({ value < $0 }) ?? true { lowest = value }
                    if highest.map({ value > $0 }) ?? true { highest = value }
                case .text:
                    if columns.count + index < row.count, let text = row[columns.count + index], let length = Int(text) {
                        shortest = min(shortest ?? length, length)
                        longest = max(longest ?? length, length)
                    }
                case .other:
                    break
                }
            }
            result.distinct = seen.count
            if !numbers.isEmpty {
                result.minimum = numbers.min { $0.0 < $1.0 }?.1
                result.maximum = numbers.max { $0.0 < $1.0 }?.1
                let mean = numbers.reduce(0) { $0 + $1.0 } / Double(numbers.count)
                result.mean = mean
                let squares = numbers.reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) }
                result.standardDeviation = numbers.count > 1 ? (squares / Double(numbers.count - 1)).squareRoot() : nil
            }
            if kind == .temporal {
                result.minimum = lowest
                result.maximum = highest
            }
            result.minimumLength = shortest
            result.maximumLength = longest
            return result
        }
    }

    /// Reads one aggregate row into per-column aggregates (appending to `into`); returns count(*).
    static func parse(_ row: [String?], columns: [Column], into aggregates: inout [TableSample.Aggregates], dialect: Dialect) -> Int {
        func int(_ index: Int) -> Int? { row[index].flatMap { Int($0) ?? Double($0).map { Int($0) } } }
        func double(_ index: Int) -> Double? { row[index].flatMap(Double.init) }
        for (offset, column) in columns.enumerated() {
            let base = 1 + offset * slots
            var value = TableSample.Aggregates(nonNull: int(base) ?? 0, distinct: int(base + 1) ?? 0,
                                               minimum: row[base + 2], maximum: row[base + 3], mean: double(base + 4),
                                               minimumLength: int(base + 6), maximumLength: int(base + 7))
            if let mean = value.mean, let spread = double(base + 5) {
                if dialect == .sqlite {
                    // SQLite has no stddev: the sample deviation from the mean of squares.
                    let n = Double(value.nonNull)
                    let variance = n > 1 ? max(0, spread - mean * mean) * n / (n - 1) : 0
                    value.standardDeviation = variance.squareRoot()
                } else {
                    value.standardDeviation = spread
                }
            }
            if Statistics(column) != .number { value.standardDeviation = nil }
            aggregates.append(value)
        }
        return int(0) ?? 0
    }

    /// Which statistics a column's values allow: range and spread for numbers, range for dates and times,
    /// lengths for text (and for columns of no declared type), counts only for the rest.
    enum Statistics {
        case number, temporal, text, other

        init(_ column: Column) {
            switch column.typeFamily {
            case .number: self = .number
            case .temporal: self = .temporal
            case .text, .unknown: self = .text
            default: self = .other
            }
        }
    }
}
