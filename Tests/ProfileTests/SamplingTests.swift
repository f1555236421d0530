import Catalog
import Foundation
import Introspect
import Testing
import TestSupport
@testable import Profile

/// Profiles pushed into the database: exact for small tables, sampled for large ones, bounded by a timeout.
@Suite("Profiling SQLite tables")
struct SQLiteSamplingTests {
    static let sql = """
        CREATE TABLE small (id INTEGER PRIMARY KEY, status TEXT, amount REAL, noted_on DATE);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
        INSERT INTO small SELECT i, CASE WHEN i % 10 = 0 THEN NULL WHEN i % 3 = 0 THEN 'paid' ELSE 'open' END,
                                 i * 1.5, date('2026-01-01', '+' || (i % 28) || ' days') FROM n;
        CREATE TABLE big (id INTEGER PRIMARY KEY, bucket INTEGER, label TEXT);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
        INSERT INTO big SELECT i, i % 7, 'row ' || i FROM n;
        """

    func read(_ plan: SamplingPlan) throws -> (Catalog, [TableSample]) {
        let folder = try TemporaryFolder()
        let url = try SQLiteFixture.create(Self.sql, in: folder.url)
        let source = try SQLiteIntrospector(sourceName: "s", path: url.path).read().source
        let samples = try TableSampler.sample(source.schemas[0].tables, from: SQLiteDriver(path: url.path), plan: plan)
        return (ProfileStage().apply(samples, to: Catalog(title: "t", sources: [source])), samples)
    }

    /// `é` (U+00E9) and `e` + U+0301 are two columns to SQLite: each gets its own profile, fresh and from the cache.
    @Test func columnsDifferingOnlyInUnicodeNormalizationKeepTheirOwnProfiles() throws {
        let folder = try TemporaryFolder()
        let url = try SQLiteFixture.create("""
            CREATE TABLE t ("\u{E9}" TEXT, "e\u{301}" TEXT);
            INSERT INTO t VALUES ('a', 'x'), ('b', 'x'), ('c', 'x');
            """, in: folder.url)
        let source = try SQLiteIntrospector(sourceName: "s", path: url.path).read().source
        let samples = try TableSampler.sample(source.schemas[0].tables, from: SQLiteDriver(path: url.path), plan: SamplingPlan())
        let profiled = ProfileStage().apply(samples, to: Catalog(title: "t", sources: [source]))
        let table = try #require(profiled.allTables.first)
        #expect(table.columns.map { $0.profile?.distinct } == [3, 1])

        let key = ProfileCache.key(for: table, settings: "")
        let cache = ProfileCache(file: folder.path("profiles.json"))
        try cache.store([table.id: try #require(ProfileStage.entry(for: table, key: key))])
        let entry = try #require(ProfileCache(file: folder.path("profiles.json")).entry(key: key))
        let restored = ProfileStage().apply([], cached: [table.id: entry], to: Catalog(title: "t", sources: [source]))
        #expect(restored.allTables.first?.columns.map { $0.profile?.distinct } == [3, 1])
    }

    /// One rule, for every engine: sampled from `full_scan_below` rows, never when sampling would read it all.
    @Test func oneRuleDecidesWhatIsSampled() {
        let plan = SamplingPlan(sampleRows: 100, fullScanBelow: 1_000)
        #expect(!plan.samples(estimatedRows: 999) && plan.samples(estimatedRows: 1_000))
        let eager = SamplingPlan(sampleRows: 100, fullScanBelow: 0)
        #expect(!eager.samples(estimatedRows: 100) && eager.samples(estimatedRows: 101))
    }

    @Test func aSmallTableIsReadWholeAndItsFiguresAreExact() throws {
        let (catalog, samples) = try read(SamplingPlan())
        let small = try #require(catalog.allTables.first { $0.name == "small" })
        let sample = try #require(samples.first { $0.table.name == "small" })
        func aggregates(_ column: String) throws -> TableSample.Aggregates {
            try sample.aggregates[#require(sample.columns.firstIndex(of: column))]
        }
        #expect(small.profile == TableProfile(rowsRead: 1000, isSampled: false, valuesRead: 1000))
        let status = try #require(small.column(named: "status")?.profile)
        #expect(status.nullFraction == 0.1 && status.distinct == 2 && !status.distinctIsEstimate)
        #expect(status.topValues == [.init(value: "open", count: 600), .init(value: "paid", count: 300)])
        #expect(status.minimumLength == 4 && status.maximumLength == 4)
        let amount = try #require(small.column(named: "amount")?.profile)
        #expect(try aggregates("amount").minimum == "1.5" && aggregates("amount").maximum == "1500.0" && amount.mean == 750.75)
        #expect(abs((amount.standardDeviation ?? 0) - 433.230) < 0.01)
        // Not categorical, so what is published is the range rounded, never one row's value.
        #expect(amount.valuesWithheld && amount.minimum == "~2" && amount.maximum == "~1,500" && amount.topValues.isEmpty)
        let noted = try #require(small.column(named: "noted_on")?.profile)
        #expect(try aggregates("noted_on").minimum == "2026-01-01" && aggregates("noted_on").maximum == "2026-01-28")
        #expect(noted.minimum == "2026" && noted.maximum == "2026")
        #expect(noted.patterns.first == .init(pattern: "iso_date", share: 1))
    }

    @Test func aLargeTableIsSampledAcrossItsWholeLengthWithoutReadingIt() throws {
        let (catalog, samples) = try read(SamplingPlan(sampleRows: 2_000, fullScanBelow: 100_000))
        let big = try #require(catalog.allTables.first { $0.name == "big" })
        #expect(big.profile?.isSampled == true && big.profile?.rowsRead == 2_000)
        let ids = try #require(samples.first { $0.table.name == "big" }?.values[0].compactMap { $0.flatMap { Int($0) } })
        // Twenty runs spread from the first rowid to the last, not the first 2,000 rows.
        #expect(ids.min()! < 1_000 && ids.max()! > 280_000)
        let bucket = try #require(big.column(named: "bucket")?.profile)
        #expect(bucket.distinct == 7 && bucket.distinctIsEstimate)
    }

    @Test func aTimeoutMarksTheProfileIncompleteAndTheRestGoesOn() throws {
        let (catalog, _) = try read(SamplingPlan(sampleRows: 300_000, fullScanBelow: 1_000_000, statementTimeoutMilliseconds: 1))
        let big = try #require(catalog.allTables.first { $0.name == "big" })
        #expect(big.profile?.incomplete == "the statement timeout (1 ms) ran out")
        #expect(catalog.allTables.first { $0.name == "small" }?.profile != nil)
    }
}

extension SQLiteDriver {
    /// The driver of a test's SQLite file, as a site.yml source with this `path:` makes it.
    init(path: String) {
        self.init(sourceName: "s", values: ["path": path], statementTimeoutSeconds: 0)
    }
}

@Suite("Profiling PostgreSQL tables", .enabled(if: PostgresFixture.isAvailable, "needs the test server: run scripts/test"))
struct PostgresSamplingTests {
    static let database: Result<String, Error> = Result {
        try PostgresFixture.create("scribe_profile", sql: """
            CREATE TABLE small (id int PRIMARY KEY, email text, status text, amount numeric(10,2), seen_at timestamptz, ip inet);
            INSERT INTO small SELECT i, 'user' || i || '@example.com', CASE WHEN i % 4 = 0 THEN 'closed' ELSE 'open' END,
                                     i * 2.5, timestamptz '2026-01-01' + i * interval '1 hour', ('10.0.0.' || (i % 250 + 1))::inet
              FROM generate_series(1, 400) i;
            CREATE TABLE big (id bigint PRIMARY KEY, bucket int, label text);
            INSERT INTO big SELECT i, i % 7, 'row ' || i FROM generate_series(1, 300000) i;
            CREATE TABLE grown (id int PRIMARY KEY, note text);
            INSERT INTO grown SELECT i, 'n' || i FROM generate_series(1, 10) i;
            ANALYZE;
            -- After ANALYZE: the estimate says 10 rows.
            INSERT INTO grown SELECT i, 'n' || i FROM generate_series(11, 20010) i;
            -- Never analyzed: no estimate at all, only its size on disk.
            CREATE TABLE unanalyzed (id bigint, payload text) WITH (autovacuum_enabled = false);
            INSERT INTO unanalyzed SELECT i, repeat('x', 60) FROM generate_series(1, 300000) i;
            """)
    }

    func profiled(_ plan: SamplingPlan) throws -> Catalog {
        let url = try Self.database.get()
        let source = try PostgresIntrospector(sourceName: "pg", conninfo: url).read().source
        let tables = source.schemas.flatMap(\.tables)
        let driver = PostgresDriver(sourceName: "pg", values: ["url": url], statementTimeoutSeconds: 0)
        let samples = try TableSampler.sample(tables, from: driver, plan: plan)
        return ProfileStage().apply(samples, to: Catalog(title: "t", sources: [source]))
    }

    @Test func smallTablesExactLargeOnesWithTableSample() throws {
        let catalog = try profiled(SamplingPlan(sampleRows: 5_000, fullScanBelow: 100_000))
        let small = try #require(catalog.allTables.first { $0.name == "small" })
        #expect(small.profile == TableProfile(rowsRead: 400, isSampled: false, valuesRead: 400))
        #expect(small.column(named: "status")?.profile?.topValues == [.init(value: "open", count: 300), .init(value: "closed", count: 100)])
        #expect(small.column(named: "amount")?.profile?.mean == 501.25)
        #expect(small.column(named: "email")?.pii?.kind == .email)
        #expect(small.column(named: "email")?.profile?.samples.first == "u***@e***.com")
        #expect(small.column(named: "ip")?.pii?.kind == .ipAddress)

        let big = try #require(catalog.allTables.first { $0.name == "big" })
        let profile = try #require(big.profile)
        #expect(profile.isSampled && profile.rowsRead == 5_000)
        #expect(big.column(named: "bucket")?.profile?.distinct == 7)
        // REPEATABLE: the same sample, so the same profile, every build.
        #expect(try profiled(SamplingPlan(sampleRows: 5_000, fullScanBelow: 100_000)).allTables.first { $0.name == "big" } == big)
    }

    @Test func aTableThatGrewSinceItsEstimateIsStillCountedWhole() throws {
        let catalog = try profiled(SamplingPlan(sampleRows: 5_000, fullScanBelow: 100_000))
        let grown = try #require(catalog.allTables.first { $0.name == "grown" })
        #expect(grown.profile == TableProfile(rowsRead: 20_010, isSampled: false, valuesRead: 5_000))
        #expect(grown.column(named: "note")?.profile?.distinct == 20_010)
    }

    @Test func aTableWithoutAnEstimateIsJudgedByItsSize() throws {
        let catalog = try profiled(SamplingPlan(sampleRows: 5_000, fullScanBelow: 100_000))
        let table = try #require(catalog.allTables.first { $0.name == "unanalyzed" })
        #expect(table.rowCount == nil)
        #expect(table.profile?.isSampled == true && table.profile?.rowsRead == 5_000)
    }

    @Test func aStatementTimeoutMarksOnlyThatTableIncomplete() throws {
        let catalog = try profiled(SamplingPlan(sampleRows: 300_000, fullScanBelow: 1_000_000, statementTimeoutMilliseconds: 1))
        let big = try #require(catalog.allTables.first { $0.name == "big" })
        #expect(big.profile?.incomplete == "the statement timeout (1 ms) ran out")
    }
}
