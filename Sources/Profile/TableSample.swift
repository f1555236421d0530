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
    /// Whether the table was skipped because another session held a lock on it past the lock timeout.
    public var isLocked = false
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

    /// Whether a table of about `rows` rows is sampled rather than read whole: the one place this is decided,
    /// for every engine. A table of no more than `sampleRows` rows is read whole whatever the threshold, since
    /// reading it costs no more than sampling it.
    public func samples(estimatedRows rows: Int) -> Bool {
        rows >= fullScanBelow && rows > sampleRows
    }

    /// What changes a profile (workers and the timeout do not), for the profile cache's key.
    public var fingerprint: String { "\(sampleRows) \(fullScanBelow)" }

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
