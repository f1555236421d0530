import Catalog
import Introspect

/// What the data says about a suggestion: of a sample of the column's distinct values, how many exist in
/// the key it would point at. Counted in the database (`NOT EXISTS` against the key's index), so only two
/// numbers ever leave it, never a value.
public struct InclusionCount: Sendable, Equatable, Codable {
    /// Distinct non-null values of the child column looked up.
    public var checked: Int
    /// How many of them the parent key holds.
    public var found: Int

    public init(checked: Int, found: Int) {
        self.checked = checked
        self.found = found
    }

    public var share: Double { checked == 0 ? 1 : Double(found) / Double(checked) }
}

/// How an inclusion count changes a suggestion. Data only ever confirms or refutes what the names
/// suggested: small integers fall inside any key's range by accident, so a `status_id` of 1…5 would
/// "match" every table with five rows, and values alone never make a suggestion.
public enum InclusionCheck {
    /// Evidence that begins with this marks a suggestion the data refutes; the stage leaves it out.
    public static let refutedPrefix = "refuted by the data: "
    /// Below this share of values found, the column does not hold the key's values.
    public static let refuteBelow = 0.9

    public static func weigh(_ relationship: inout Relationship, by count: InclusionCount) {
        let target = "`\(relationship.to.table.name).\(relationship.to.columns.joined(separator: "+"))`"
        let confidence = relationship.confidence ?? 0
        guard count.checked > 0 else {
            relationship.evidence.append("no values to check in the data")
            return
        }
        let percent = Int((count.share * 100).rounded(.down))
        if count.found == count.checked {
            relationship.confidence = RelationshipStage.rounded(min(0.99, 1 - (1 - confidence) * 0.5))
            relationship.evidence.append("all \(count.checked) distinct values checked exist in \(target)")
        } else if count.share >= refuteBelow {
            relationship.confidence = RelationshipStage.rounded(confidence * 0.9)
            relationship.evidence.append("\(percent)% of \(count.checked) distinct values checked exist in \(target) (some rows point nowhere)")
        } else {
            relationship.confidence = RelationshipStage.rounded(confidence * 0.3)
            relationship.evidence.append(refutedPrefix + "only \(percent)% of \(count.checked) distinct values checked exist in \(target)")
        }
    }
}

/// Checks suggestions in the database, a bounded number of read-only connections in parallel: for each,
/// one query that looks up a sample of the column's distinct values in the key (`EXISTS` against the key's
/// index) and returns two counts. No value is fetched: the check needs none, and the relationships stage is
/// not where values may exist (that is the profile stage).
public struct InclusionChecker: Sendable {
    public var driver: any SourceDriver
    /// Distinct values looked up per suggestion.
    public var sampleValues: Int
    public var workers: Int
    public var statementTimeoutMilliseconds: Int

    public init(driver: any SourceDriver, sampleValues: Int, workers: Int, statementTimeoutMilliseconds: Int) {
        self.driver = driver
        self.sampleValues = max(1, sampleValues)
        self.workers = max(1, workers)
        self.statementTimeoutMilliseconds = max(0, statementTimeoutMilliseconds)
    }

    /// The count for each relationship, in order; nil where the check could not run (a timeout, a type the
    /// engine will not compare), with the reason in `failures`.
    public func check(_ relationships: [Relationship], in catalog: Catalog, progress: @Sendable (Int, Int) -> Void = { _, _ in })
        throws(IntrospectError) -> (counts: [InclusionCount?], failures: [Int: CheckFailure]) {
        guard !relationships.isEmpty else { return ([], [:]) }
        let sql = driver.sampleSQL
        let count = min(workers, relationships.count)
        var readers: [any RowReader] = []
        for _ in 0..<count {
            readers.append(try driver.openReader(purpose: "schema-scribe relationships", statementTimeoutMilliseconds: statementTimeoutMilliseconds))
        }
        let results = (try? Parallel.map(count: relationships.count, workers: count, done: { progress($0, relationships.count) }) { index, worker -> Result<InclusionCount, CheckFailure> in
            let relationship = relationships[index]
            guard let child = catalog.table(relationship.from.table) else { return .failure(.tableGone) }
            let reader = readers[worker]
            return reader.withStatementTimeout { () -> Result<InclusionCount, CheckFailure> in
                do throws(IntrospectError) {
                    let query = query(for: relationship, child: child, sql: sql, reader: reader)
                    let row = try reader.rows(query).first ?? []
                    let checked = row.first.flatMap { $0.flatMap { Int($0) } } ?? 0
                    let found = row.count > 1 ? (row[1].flatMap { Int($0) ?? Double($0).map { Int($0) } } ?? 0) : 0
                    return .success(InclusionCount(checked: checked, found: found))
                } catch {
                    return .failure(CheckFailure(error))
                }
            }
        }) ?? []
        var counts: [InclusionCount?] = []
        var failures: [Int: CheckFailure] = [:]
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let count): counts.append(count)
            case .failure(let failure):
                counts.append(nil)
                failures[index] = failure
            }
        }
        return (counts, failures)
    }

    /// Why a check could not run. The server's own words stay here: a message may quote what it was
    /// comparing, so evidence (which reaches pages, catalog.json and the CLI) says only which kind of failure.
    public enum CheckFailure: Error, Equatable, Sendable {
        case timedOut, locked, tableGone
        case refused(message: String)

        init(_ error: IntrospectError) {
            switch error.reason {
            case .timedOut: self = .timedOut
            case .locked: self = .locked
            case .queryFailed(_, let message): self = .refused(message: message)
            default: self = .refused(message: error.description)
            }
        }

        /// What evidence may say.
        public var published: String {
            switch self {
            case .timedOut: "the statement timeout ran out"
            case .locked: "a table is locked by another session"
            case .tableGone: "the table is gone"
            case .refused: "the database refused the query"
            }
        }
    }

    /// How many of up to `sampleValues` distinct non-null values of the child's columns the parent's key
    /// holds. A large child table is read through the engine's sample of it, so the check costs the same
    /// at a billion rows as at a million.
    func query(for relationship: Relationship, child: Table, sql: any SampleSQL, reader: any RowReader) -> String {
        let estimate = sql.estimatedRows(of: child)
        let source = estimate > sampleValues * 20
            ? sql.sampledRows(of: child, estimatedRows: estimate, limit: sampleValues * 20, reader: reader)
            : sql.reference(to: child.id)
        let values = relationship.from.columns.enumerated().map { "s.\(sql.quoted($0.element)) AS \(sql.quoted("v\($0.offset)"))" }
        let notNull = relationship.from.columns.map { "s.\(sql.quoted($0)) IS NOT NULL" }.joined(separator: " AND ")
        let matches = relationship.to.columns.enumerated().map { "p.\(sql.quoted($0.element)) = v.\(sql.quoted("v\($0.offset)"))" }
            .joined(separator: " AND ")
        return "SELECT count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM \(sql.reference(to: relationship.to.table)) AS p WHERE \(matches)) "
            + "THEN 1 ELSE 0 END) FROM (SELECT DISTINCT \(values.joined(separator: ", ")) FROM \(source) AS s WHERE \(notNull) "
            + "LIMIT \(sampleValues)) AS v"
    }
}
