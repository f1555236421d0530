import Catalog
import Foundation
import Introspect

/// The two queries of a table's profile, in any engine's SQL: aggregates over a row source, and the values
/// of up to `limit` rows of it. Every column gets the same eight aggregate slots (NULL where its type has
/// no such statistic), so one reader parses every engine's.
struct SampleQueries {
    /// The engine's pieces of SQL.
    let sql: any SampleSQL
    /// At most this many columns per aggregate query (PostgreSQL allows 1,664 result columns).
    static let columnsPerQuery = 150
    static let slots = 8

    /// A column of the row source, which every query names `s`.
    private func column(_ column: Column) -> String {
        "s." + sql.quoted(column.name)
    }

    func aggregates(_ columns: [Column], from source: String) -> String {
        let parts = columns.map { column -> String in
            let c = self.column(column)
            let null = "NULL"
            var slots = ["count(\(c))", sql.distinctCount(c)]
            switch Statistics(column) {
            case .number:
                slots += [sql.minimum(c), sql.maximum(c), sql.mean(c), sql.spread(c), null, null]
            case .temporal:
                slots += [sql.minimum(c), sql.maximum(c), null, null, null, null]
            case .text:
                slots += [null, null, null, null, "min(\(sql.length(c)))", "max(\(sql.length(c)))"]
            case .other:
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
        var parts = columns.map { sql.value(self.column($0), cutTo: length) }
        if lengths {
            parts += columns.map { column in
                Statistics(column) == .text ? sql.length(self.column(column)) : "NULL"
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
    func parse(_ row: [String?], columns: [Column], into aggregates: inout [TableSample.Aggregates]) -> Int {
        func int(_ index: Int) -> Int? { row[index].flatMap { Int($0) ?? Double($0).map { Int($0) } } }
        func double(_ index: Int) -> Double? { row[index].flatMap(Double.init) }
        for (offset, column) in columns.enumerated() {
            let base = 1 + offset * Self.slots
            var value = TableSample.Aggregates(nonNull: int(base) ?? 0, distinct: int(base + 1) ?? 0,
                                               minimum: row[base + 2], maximum: row[base + 3], mean: double(base + 4),
                                               minimumLength: int(base + 6), maximumLength: int(base + 7))
            if let mean = value.mean, let spread = double(base + 5) {
                switch sql.spreadStatistic {
                case .meanOfSquares:
                    // The sample deviation from the mean of squares.
                    let n = Double(value.nonNull)
                    let variance = n > 1 ? max(0, spread - mean * mean) * n / (n - 1) : 0
                    value.standardDeviation = variance.squareRoot()
                case .standardDeviation:
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
