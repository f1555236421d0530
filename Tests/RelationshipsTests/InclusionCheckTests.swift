import Catalog
import Foundation
import Introspect
import Testing
import TestSupport
@testable import Relationships

/// Suggestions checked in a real SQLite database: the share of a column's distinct values the key holds
/// confirms a suggestion or refutes it, and only two counts ever leave the database.
@Suite("Checking suggestions in the data")
struct InclusionCheckTests {
    /// Kept for the suite's life: the database file lives in it.
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    func suggestions() throws -> (catalog: Catalog, candidates: [Relationship], checker: InclusionChecker) {
        let url = try SQLiteFixture.create(fixture: "orders-with-data.sql", in: folder.url)
        let driver = SQLiteDriver(sourceName: "shop", values: ["path": url.path], statementTimeoutSeconds: 0)
        let catalog = Catalog(title: "t", sources: [try driver.introspect(countRows: true).source])
        let candidates = RelationshipStage().candidates(in: catalog)
        return (catalog, candidates, InclusionChecker(driver: driver, sampleValues: 1_000, workers: 2, statementTimeoutMilliseconds: 10_000))
    }

    @Test func valuesThatAllExistConfirmAndValuesThatDoNotRefute() throws {
        let (catalog, candidates, checker) = try suggestions()
        let (counts, failures) = try checker.check(candidates, in: catalog)
        #expect(failures.isEmpty)
        var weighed = candidates
        for index in weighed.indices { if let count = counts[index] { InclusionCheck.weigh(&weighed[index], by: count) } }
        func named(_ table: String, _ column: String) throws -> Relationship {
            try #require(weighed.first { $0.from.table.name == table && $0.from.columns == [column] })
        }
        let customer = try named("orders", "customer_id")
        #expect(counts[candidates.firstIndex { $0.pair == customer.pair }!] == InclusionCount(checked: 200, found: 200))
        #expect(customer.evidence.last == "all 200 distinct values checked exist in `customers.id`")
        #expect((customer.confidence ?? 0) > (candidates.first { $0.pair == customer.pair }?.confidence ?? 1))

        let legacy = try named("orders", "previous_customer_id")
        #expect(legacy.evidence.last?.hasPrefix(InclusionCheck.refutedPrefix) == true)
        #expect(legacy.evidence.last == "refuted by the data: only 0% of 1000 distinct values checked exist in `customers.id`")

        let region = try named("orders", "region_code")
        #expect(region.evidence.last == "refuted by the data: only 33% of 3 distinct values checked exist in `regions.region_code`")

        let empty = try named("empty_orders", "customer_id")
        #expect(empty.evidence.last == "no values to check in the data")
    }

    @Test func theStageLeavesRefutedSuggestionsOut() throws {
        let (catalog, candidates, checker) = try suggestions()
        var weighed = candidates
        let (counts, _) = try checker.check(candidates, in: catalog)
        for index in weighed.indices { if let count = counts[index] { InclusionCheck.weigh(&weighed[index], by: count) } }
        let (result, report) = RelationshipStage().apply(to: catalog, candidates: weighed)
        let shown = Set(result.relationships.map { "\($0.from.table.name).\($0.from.columns[0])" })
        #expect(shown == ["orders.customer_id", "empty_orders.customer_id"])
        #expect(report.refutedByData == 2)
    }

    @Test func theQueryReadsNoValueOnlyTwoCounts() throws {
        let (catalog, candidates, checker) = try suggestions()
        let url = folder.url.appendingPathComponent("orders-with-data.sqlite")
        let reader = try SQLiteDriver(sourceName: "shop", values: ["path": url.path], statementTimeoutSeconds: 0)
            .openReader(purpose: "test", statementTimeoutMilliseconds: 0)
        let orders = try #require(catalog.allTables.first { $0.name == "orders" })
        for candidate in candidates where candidate.from.table == orders.id {
            let rows = try reader.rows(checker.query(for: candidate, child: orders, sql: checker.driver.sampleSQL, reader: reader))
            #expect(rows.count == 1 && rows[0].count == 2)
        }
    }

    @Test func aCheckThatFailsSaysWhyAndChangesNothing() throws {
        let (catalog, candidates, checker) = try suggestions()
        var broken = try #require(candidates.first { $0.from.columns == ["customer_id"] })
        broken.to.columns = ["no_such_column"]
        let (counts, failures) = try checker.check([broken], in: catalog)
        #expect(counts == [nil])
        guard case .refused(let message) = failures[0] else { Issue.record("expected a refused query, got \(String(describing: failures[0]))"); return }
        #expect(message.contains("no_such_column"))
        #expect(failures[0]?.published == "the database refused the query", "evidence never repeats the server's words")
    }

    @Test func countsAreCachedByBothTablesShapes() throws {
        let (catalog, candidates, _) = try suggestions()
        let candidate = try #require(candidates.first { $0.from.columns == ["customer_id"] })
        let key = InclusionCache.key(for: candidate, in: catalog, sampleValues: 1_000)
        #expect(key == InclusionCache.key(for: candidate, in: catalog, sampleValues: 1_000))
        #expect(key != InclusionCache.key(for: candidate, in: catalog, sampleValues: 10))
        let changed = catalog.updatingTables { table in
            if table.name == "customers" { table.columns.append(Column(name: "email", position: 3, dataType: "TEXT")) }
        }
        #expect(key != InclusionCache.key(for: candidate, in: changed, sampleValues: 1_000))

        let file = folder.url.appendingPathComponent("inclusion.json")
        try InclusionCache(file: file).store([key: InclusionCount(checked: 5, found: 4)])
        #expect(InclusionCache(file: file).count(key: key) == InclusionCount(checked: 5, found: 4))
        #expect(!String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("customer"), "the cache holds counts, never a name or value")
    }
}
