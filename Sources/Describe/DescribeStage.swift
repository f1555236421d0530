import Catalog
import Foundation

/// The describe stage: `Catalog` in, `Catalog` with model descriptions out.
///
/// Each table that needs words becomes one request. Its key (the SHA-256 of everything the model
/// would see, the prompt version, provider and model) is looked up in the cache; only misses are
/// sent, `concurrency` at a time, paced, retried on rate limits, server errors, timeouts and cut
/// connections, and asked again (with the reason) when the answer does not fit. An answer is applied
/// whole or not at all; a table that still has none is reported pending. A refused key (401, 403) stops
/// the stage at once: every other request would be refused too. Whatever a server returned is redacted
/// (`Describer.redact`) before it is logged or stored, and pages are told only a fixed reason.
public struct DescribeStage: Sendable {
    public struct Settings: Sendable, Equatable {
        public var concurrency: Int
        /// At most this many calls in one build (retries included); nil for no limit.
        public var maxCalls: Int?
        public var requestsPerMinute: Double?
        /// Tries per request on transient failures.
        public var maxAttempts: Int
        /// Times an unusable answer is asked for again.
        public var invalidRetries: Int
        public var baseDelay: Double
        public var maxDelay: Double
        /// `describe.send_sample_values`: the values of categorical columns without personal data go into requests.
        public var sendSampleValues: Bool

        public init(concurrency: Int = 4, maxCalls: Int? = nil, requestsPerMinute: Double? = nil, maxAttempts: Int = 4,
                    invalidRetries: Int = 2, baseDelay: Double = 0.5, maxDelay: Double = 30, sendSampleValues: Bool = false) {
            self.concurrency = max(1, concurrency)
            self.maxCalls = maxCalls
            self.requestsPerMinute = requestsPerMinute
            self.maxAttempts = max(1, maxAttempts)
            self.invalidRetries = max(0, invalidRetries)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.sendSampleValues = sendSampleValues
        }
    }

    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var fromCache: Int
        public var calls: Int
        public var elapsed: Double
    }

    public struct Report: Sendable, Equatable, Codable {
        public var tables = 0
        public var fromCache = 0
        public var described = 0
        public var calls = 0
        public var retries = 0
        /// Tables left without an answer, with why, for the log (`schema.table: reason: redacted detail`).
        public var pending: [String] = []

        public init(tables: Int = 0, fromCache: Int = 0, described: Int = 0, calls: Int = 0, retries: Int = 0, pending: [String] = []) {
            self.tables = tables
            self.fromCache = fromCache
            self.described = described
            self.calls = calls
            self.retries = retries
            self.pending = pending
        }
    }

    /// What a table's earlier answers count for in this run.
    public enum Reuse: Sendable {
        /// The cached answer for these very inputs when there is one; a table whose inputs changed is sent
        /// its previous answer to improve.
        case cached
        /// Asked again from scratch, whatever the cache holds (`build --refresh`).
        case refresh
        /// Asked again with the previous answer to improve (`scribe-build describe --hint`).
        case improve
    }

    public var describer: Describer
    public var cache: AnswerCache?
    public var settings: Settings
    public var reuse: @Sendable (TableID) -> Reuse
    /// Tables this run is about; the others are left as they are.
    public var select: @Sendable (TableID) -> Bool
    public var progress: @Sendable (Progress) -> Void

    public init(describer: Describer, cache: AnswerCache?, settings: Settings = Settings(),
                reuse: @escaping @Sendable (TableID) -> Reuse = { _ in .cached },
                select: @escaping @Sendable (TableID) -> Bool = { _ in true },
                progress: @escaping @Sendable (Progress) -> Void = { _ in }) {
        self.describer = describer
        self.cache = cache
        self.settings = settings
        self.reuse = reuse
        self.select = select
        self.progress = progress
    }

    /// Throws the first refusal of the key; the answers received before it are in the cache.
    public func run(_ catalog: Catalog) async throws(DescribeError) -> (Catalog, Report) {
        // The offline describer runs here, so the values it may mention never leave the machine.
        let requests = RequestBuilder.requests(for: catalog, sendSampleValues: settings.sendSampleValues || !describer.isRemote)
            .filter { select($0.table) }
        if !describer.isRemote {
            // Free and instant (offline): no cache, no pacing, no retries; every table answered in turn.
            // Answers by request: a wide table's parts are merged into one answer at the end.
            // Never in child tasks: they would wait for a free thread of the cooperative pool, which a busy process
            // (a test run, a server) may not have for a long time. A describer that answers at once runs on the
            // worker threads of `Parallel`; any other in turn, on this task.
            var answers: [Int: TableAnswer] = [:]
            if let answerAtOnce = describer.answerAtOnce {
                let computed = (try? Parallel.map(count: requests.count, chunkSize: 16) { index, _ -> TableAnswer? in
                    let answer = answerAtOnce(requests[index])
                    return answer.problem(for: requests[index]) == nil ? answer : nil
                }) ?? []
                for (index, answer) in computed.enumerated() { answers[index] = answer }
            } else {
                for (index, request) in requests.enumerated() {
                    if let answer = try? await describer.describe(request, nil), answer.problem(for: request) == nil {
                        answers[index] = answer
                    }
                }
            }
            progress(Progress(done: requests.count, total: requests.count, fromCache: 0, calls: 0, elapsed: 0))
            var pending: [TableID: String] = [:]
            for (index, request) in requests.enumerated() where answers[index] == nil {
                pending[request.table] = "the offline describer gave no usable answer"
            }
            let report = Report(tables: requests.count, described: answers.count, pending: pending.map { "\($0.key): \($0.value)" }.sorted())
            return (Self.apply(Self.merged(answers, requests), pending: pending, to: catalog), report)
        }
        var report = Report(tables: requests.count)
        var answers: [Int: TableAnswer] = [:]
        var pending: [TableID: String] = [:]
        var misses: [(Int, TableRequest, String)] = []
        let started = Date()
        for (index, var request) in requests.enumerated() {
            let key = request.key(promptVersion: Describer.promptVersion, provider: describer.provider, model: describer.model)
            let reuse = reuse(request.table)
            if reuse == .cached, let cached = cache?.answer(for: key), cached.problem(for: request) == nil {
                answers[index] = cached
                report.fromCache += 1
                continue
            }
            if reuse != .refresh, let previous = cache?.latest(for: request.entity) {
                request.previous = Self.previous(previous, for: request)
            }
            misses.append((index, request, key))
        }
        let counters = Counters(limit: settings.maxCalls)
        let pacer = Pacer(interval: settings.requestsPerMinute.map { $0 > 0 ? 60 / $0 : 0 } ?? 0)
        let total = requests.count
        var done = report.fromCache
        progress(Progress(done: done, total: total, fromCache: report.fromCache, calls: 0, elapsed: 0))
        var refusal: DescribeError?

        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func start() {
                guard refusal == nil, next < misses.count else { return }
                let (index, request, key) = misses[next]
                next += 1
                group.addTask { (index, await self.ask(request, key: key, counters: counters, pacer: pacer)) }
            }
            for _ in 0..<min(settings.concurrency, misses.count) { start() }
            while let (index, outcome) = await group.next() {
                let table = requests[index].table
                switch outcome {
                case .answered(let answer): answers[index] = answer
                case .pending(let reason, let detail):
                    report.pending.append("\(table): \(detail)")
                    pending[table] = reason
                case .refused(let error):
                    refusal = refusal ?? error
                    group.cancelAll()
                }
                done += 1
                let calls = await counters.calls
                progress(Progress(done: done, total: total, fromCache: report.fromCache, calls: calls,
                                  elapsed: Date().timeIntervalSince(started)))
                start()
            }
        }
        if let refusal { throw refusal }
        report.calls = await counters.calls
        report.retries = await counters.retries
        report.pending.sort()
        report.described = answers.count
        return (Self.apply(Self.merged(answers, requests), pending: pending, to: catalog), report)
    }

    /// One answer per table from the answers to its requests (several for a wide table).
    static func merged(_ answers: [Int: TableAnswer], _ requests: [TableRequest]) -> [TableID: TableAnswer] {
        var merged: [TableID: TableAnswer] = [:]
        for (index, answer) in answers.sorted(by: { $0.key < $1.key }) {
            let table = requests[index].table
            merged[table] = merged[table]?.merging(answer) ?? answer
        }
        return merged
    }

    enum Outcome: Sendable {
        case answered(TableAnswer)
        /// `reason` is fixed text, for pages; `detail` adds the redacted particulars, for the log.
        case pending(reason: String, detail: String)
        case refused(DescribeError)

        static func pending(_ reason: String) -> Outcome { .pending(reason: reason, detail: reason) }
    }

    private func pending(_ error: DescribeError, _ suffix: String = "") -> Outcome {
        .pending(reason: error.summary + suffix, detail: describer.redact(error.description) + suffix)
    }

    private func ask(_ request: TableRequest, key: String, counters: Counters, pacer: Pacer) async -> Outcome {
        var feedback: String?
        var failures = 0
        var unusable = 0
        while true {
            // Cancelled when another request's key was refused: nothing more is sent.
            guard !Task.isCancelled else { return .pending("the describe stage stopped") }
            guard await counters.takeCall() else { return .pending("the call budget (describe.max_calls) is used up") }
            await pacer.wait()
            do {
                let answer = describer.redact(try await describer.describe(request, feedback))
                if let problem = answer.problem(for: request) { throw DescribeError(.invalid(problem)) }
                // Saved before anything else: an answer paid for survives whatever happens next.
                try? cache?.store(answer, key: key, entity: request.entity, provider: describer.provider, model: describer.model)
                return .answered(answer)
            } catch let error as DescribeError where error.isRefusal {
                return .refused(error)
            } catch let error as DescribeError where error.isTransient {
                failures += 1
                guard failures < settings.maxAttempts else { return pending(error, " after \(failures) tries") }
                await counters.retried()
                var delay = min(settings.maxDelay, settings.baseDelay * pow(2, Double(failures - 1)))
                delay *= Double.random(in: 0.5...1.0)  // jitter, so parallel requests do not retry in step
                if case .http(_, let retryAfter?, _) = error.reason { delay = max(delay, min(retryAfter, 120)) }
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            } catch let error as DescribeError {
                // A rejected request (400, 404, …) is rejected again whatever the feedback: only an unusable answer is asked for again.
                if case .http = error.reason { return pending(error) }
                unusable += 1
                guard unusable <= settings.invalidRetries else { return pending(error, " (asked \(unusable) times)") }
                await counters.retried()
                feedback = error.description
            } catch {
                return .pending(reason: "the describer failed", detail: describer.redact("the describer failed: \(error)"))
            }
        }
    }

    /// The parts of an earlier answer that this request asks for again; nil when none are.
    static func previous(_ answer: TableAnswer, for request: TableRequest) -> TableAnswer? {
        let wanted = Set(request.wanted)
        let kept = TableAnswer(table: request.describeTable ? answer.table : nil,
                               columns: answer.columns.filter { wanted.contains($0.key) })
        return kept.table == nil && kept.columns.isEmpty ? nil : kept
    }

    /// Model text for every entity that asked for it, as drafts; tables left without an answer say why.
    static func apply(_ answers: [TableID: TableAnswer], pending: [TableID: String], to catalog: Catalog) -> Catalog {
        catalog.updatingTables { table in
            if let reason = pending[table.id] { table.describePending = reason }
            guard let answer = answers[table.id] else { return }
            if table.description == nil, let text = answer.table {
                table.description = Description(text: text, origin: .model)
            }
            for index in table.columns.indices where table.columns[index].description == nil {
                if let text = answer.columns[table.columns[index].name] {
                    table.columns[index].description = Description(text: text, origin: .model)
                }
            }
        }
    }
}

/// Calls made and retries, and the budget they draw from.
actor Counters {
    let limit: Int?
    private(set) var calls = 0
    private(set) var retries = 0

    init(limit: Int?) {
        self.limit = limit
    }

    func takeCall() -> Bool {
        if let limit, calls >= limit { return false }
        calls += 1
        return true
    }

    func retried() {
        retries += 1
    }
}

/// Spaces request starts at least `interval` seconds apart (requests_per_minute).
actor Pacer {
    let interval: Double
    private var next = Date.distantPast

    init(interval: Double) {
        self.interval = interval
    }

    func wait() async {
        guard interval > 0 else { return }
        let now = Date()
        let start = max(now, next)
        next = start.addingTimeInterval(interval)
        let delay = start.timeIntervalSince(now)
        if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
    }
}

