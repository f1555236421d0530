import Catalog
import Foundation

/// What the database said about one table's data: aggregates computed by the database over the whole
/// table or a sample of it, and the values of up to `sampleRows` rows for what only a look at values
/// can tell (frequent values, shapes, personal data). The Profile stage turns it into profiles.
public struct TableSample: Sendable {
    /// Per column, what the database computed.
    public struct Aggregates: Sendable, Equatable {
        public var nonNull: Int = 0
        public var distinct: Int = 0
        public var minimum: String?
        public var maximum: String?
        public var mean: Double?
        public var standardDeviation: Double?
        public var minimumLength: Int?
        public var maximumLength: Int?
    }

    public var table: TableID
    /// Rows the aggregates were computed over.
    public var rowsRead: Int
    public var isSampled: Bool
    /// Column names, in table order; `aggregates` and `values` follow the same order.
    public var columns: [String]
    public var aggregates: [Aggregates]
    /// One array per column: the values of the rows fetched (nil for NULL), each cut to `TableSampler.valueLength`.
    public var values: [[String?]]
    /// Why part of the profile is missing, when it is (a timeout, a refused query).
    public var incomplete: String?
}

/// Sampling settings (`profile:` in site.yml).
public struct SamplingPlan: Sendable, Equatable {
    public var sampleRows: Int
    /// Tables with fewer rows than this are read whole; larger ones are sampled.
    public var fullScanBelow: Int
    /// Parallel connections.
    public var workers: Int
    /// Per query, in milliseconds; 0 for none.
    public var statementTimeoutMilliseconds: Int

    /// The statement timeout as people say it: `800 ms`, `30 s`.
    var timeoutText: String {
        statementTimeoutMilliseconds < 1000 ? "\(statementTimeoutMilliseconds) ms" : "\(statementTimeoutMilliseconds / 1000) s"
    }

    public init(sampleRows: Int = 10_000, fullScanBelow: Int = 100_000, workers: Int = 2, statementTimeoutMilliseconds: Int = 30_000) {
        self.sampleRows = max(1, sampleRows)
        self.fullScanBelow = max(0, fullScanBelow)
        self.workers = max(1, workers)
        self.statementTimeoutMilliseconds = max(0, statementTimeoutMilliseconds)
    }
}

/// What kind of statistics a column's type allows.
enum ValueKind {
    case number, temporal, text, other

    /// By the column's base type: a domain counts as what it is over; an array is `other`.
    init(_ column: Column) {
        self.init(dataType: column.domainBaseType ?? column.dataType)
    }

    init(dataType: String) {
        let type = dataType.lowercased()
        func has(_ words: String...) -> Bool { words.contains { type.contains($0) } }
        if type.hasSuffix("]") || type.hasPrefix("_") {
            self = .other
        } else if has("int", "numeric", "decimal", "real", "double", "float", "serial", "money") && !has("interval", "point") {
            self = .number
        } else if has("date", "time") {
            self = .temporal
        } else if type.isEmpty || has("char", "text", "clob", "string", "citext", "uuid", "name") {
            self = .text
        } else {
            self = .other
        }
    }
}

/// Reads samples of many tables with a bounded number of connections in parallel.
public enum TableSampler {
    /// Longest value kept from the rows fetched: enough to recognise a shape, bounded memory.
    public static let valueLength = 200

    /// Runs `read` for every table on `workers` threads (libpq and SQLite block, so the cooperative pool
    /// is not theirs), each thread with its own connection from `connect`. Results come back in table order.
    static func parallel<Connection>(
        _ tables: [Table], workers: Int, connect: () throws(IntrospectError) -> Connection,
        read: @escaping @Sendable (Connection, Table) -> TableSample, progress: @escaping @Sendable (Int, Int) -> Void
    ) throws(IntrospectError) -> [TableSample] {
        let count = min(workers, max(1, tables.count))
        var opened: [Connection] = []
        for _ in 0..<count { opened.append(try connect()) }
        let connections = Unchecked(opened)
        let results = Results(count: tables.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let connection = connections.value[worker]
            while let index = next.take(below: tables.count) {
                let done = results.set(index, read(connection, tables[index]))
                progress(done, tables.count)
            }
        }
        return results.all
    }

    /// Reads one table in either dialect. A small table (up to `sample_rows` rows) and a sampled one take one
    /// query: the rows fetched are all the profile covers, so their statistics are computed here. A table in
    /// between is read whole by an aggregate query in the database, then up to `sample_rows` rows are fetched
    /// for frequent values and shapes.
    static func read(_ table: Table, plan: SamplingPlan, dialect: SampleQueries.Dialect, name: String, sampledSource: String?,
                     query: (String) throws(IntrospectError) -> [[String?]]) -> TableSample {
        let queries = SampleQueries(dialect: dialect)
        let isSampled = sampledSource != nil
        let source = sampledSource ?? name
        var sample = TableSample(table: table.id, rowsRead: 0, isSampled: isSampled, columns: table.columns.map(\.name),
                                 aggregates: [], values: table.columns.map { _ in [] })
        guard !table.columns.isEmpty else { return sample }
        // PostgreSQL returns at most 1,664 columns: very wide tables fetch values without lengths.
        let oneQuery = table.columns.count <= 800
            && (isSampled || (table.rowCount.map { $0.value <= plan.sampleRows } ?? false))
        do {
            // A small table's estimate may be stale: one row more than asked for says it is not small.
            let limit = oneQuery && !isSampled ? plan.sampleRows + 1 : plan.sampleRows
            var rows = try query(queries.values(table.columns, from: source, limit: limit, lengths: oneQuery))
            if oneQuery, rows.count <= plan.sampleRows || isSampled {
                sample.aggregates = SampleQueries.aggregates(of: rows, columns: table.columns)
                sample.rowsRead = rows.count
            } else {
                rows = Array(rows.prefix(plan.sampleRows))
                for start in stride(from: 0, to: table.columns.count, by: SampleQueries.columnsPerQuery) {
                    let columns = Array(table.columns[start..<min(table.columns.count, start + SampleQueries.columnsPerQuery)])
                    guard let row = try query(queries.aggregates(columns, from: source)).first else { continue }
                    sample.rowsRead = SampleQueries.parse(row, columns: columns, into: &sample.aggregates, dialect: dialect)
                }
            }
            var values = table.columns.map { _ in [String?]() }
            for row in rows { for index in values.indices { values[index].append(row[index]) } }
            sample.values = values
        } catch {
            var failed = failed(table, reason(for: error, plan: plan))
            failed.isSampled = isSampled
            return failed
        }
        return sample
    }

    /// Why a table's profile is incomplete, in words: a statement timeout (PostgreSQL cancels the statement,
    /// SQLite's progress handler interrupts it), or the database's own message.
    static func reason(for error: IntrospectError, plan: SamplingPlan) -> String {
        guard case .queryFailed(_, let message) = error.reason else { return error.description }
        if message.contains("statement timeout") || message == "interrupted" {
            return "the statement timeout (\(plan.timeoutText)) ran out"
        }
        return message
    }

    /// Builds a sample for a table whose queries failed: what is missing, and why.
    static func failed(_ table: Table, _ reason: String) -> TableSample {
        TableSample(table: table.id, rowsRead: 0, isSampled: false, columns: table.columns.map(\.name),
                    aggregates: table.columns.map { _ in .init() }, values: table.columns.map { _ in [] }, incomplete: reason)
    }
}

/// A value that is only ever touched by one worker at a time, but that Swift cannot prove so.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

private final class Results: @unchecked Sendable {
    private var samples: [TableSample?]
    private var filled = 0
    private let lock = NSLock()

    init(count: Int) {
        samples = Array(repeating: nil, count: count)
    }

    /// Stores one result; returns how many are in.
    func set(_ index: Int, _ sample: TableSample) -> Int {
        lock.lock()
        defer { lock.unlock() }
        samples[index] = sample
        filled += 1
        return filled
    }

    var all: [TableSample] { samples.compactMap { $0 } }
}

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
            let kind = ValueKind(column)
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
                guard ValueKind(column) == .text else { return "NULL" }
                return dialect == .postgres ? "length(\(c)::text)" : "length(\(c))"
            }
        }
        return "SELECT " + parts.joined(separator: ", ") + " FROM \(source) AS s LIMIT \(limit)"
    }

    /// The aggregate query's figures computed from fetched rows (values, then lengths), for when those rows
    /// are everything the profile covers: a small table read whole, or a sample.
    static func aggregates(of rows: [[String?]], columns: [Column]) -> [TableSample.Aggregates] {
        columns.indices.map { index in
            let kind = ValueKind(columns[index])
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
            if ValueKind(column) != .number { value.standardDeviation = nil }
            aggregates.append(value)
        }
        return int(0) ?? 0
    }
}
