import Catalog
import Foundation
import Testing
@testable import Review

/// `scribe-build check`: each rule finds exactly what it names, and the output formats say where.
@Suite struct CheckTests {
    typealias T = CatalogDiffTests

    /// Two tagged core tables and one untagged: texts from every origin, a stale approval, undecided and decided PII.
    static let catalog: Catalog = {
        var orders = Table(id: T.id("orders"), kind: .table, columns: [
            T.column("id", 1, nullable: false, pk: 1, Description(text: "Order number.", origin: .template, status: .approved)),
            T.column("amount", 2, "NUMERIC", Description(text: "Amount of the order.", origin: .model)),
            T.column("email", 3, "TEXT", pii: PIIFinding(kind: .email, confidence: 0.97, reasons: ["name"])),
        ], description: Description(text: "One row per order.", origin: .human))
        orders.context = EntityContext(tags: ["core"])
        var customers = Table(id: T.id("customers"), kind: .table, columns: [
            T.column("id", 1, nullable: false, pk: 1),
            T.column("name", 2, "TEXT", Description(text: "Full name.", origin: .human),
                     pii: PIIFinding(kind: .personName, confidence: 1, reasons: ["context"], origin: .context)),
        ], description: Description(text: "People who buy.", origin: .model, status: .approved, inputsHash: "x", isStale: true))
        customers.context = EntityContext(tags: ["core"])
        let log = Table(id: T.id("audit_log"), kind: .table, columns: [T.column("id", 1)])
        let suggestions = [0.95, 0.55].map { confidence in
            Relationship(from: .init(table: T.id("audit_log"), columns: ["id"]), to: .init(table: T.id(confidence > 0.9 ? "orders" : "customers"), columns: ["id"]),
                         origin: .inferred, status: .suggested, confidence: confidence)
        }
        return T.catalog([orders, customers, log], relationships: suggestions)
    }()

    static func messages(_ rule: CheckRule, findings: [Finding] = []) -> [String] {
        Check(rules: [rule]).run(catalog, findings: findings).problems.map(\.message)
    }

    @Test func sharesAreCountedOverallAndForTaggedTables() {
        // 2 of 3 tables described, 4 of 6 columns; core: 2 of 2 tables, 3 of 5 columns.
        #expect(Self.messages(CheckRule(kind: .described, minTables: 0.9, minColumns: 0.5))
                == ["2 of 3 tables are described, 67%; the rule asks for 90%"])
        #expect(Self.messages(CheckRule(kind: .described, tag: "core", minTables: 1, minColumns: 0.9))
                == ["3 of 5 columns of tables tagged core are described, 60%; the rule asks for 90%"])
        // Trusted: orders (human) only; customers' approval is stale. Columns: id (approved), name (human).
        #expect(Self.messages(CheckRule(kind: .approved, tag: "core", minTables: 0.5, minColumns: 0.5))
                == ["2 of 5 columns of tables tagged core are trusted, 40%; the rule asks for 50% (trusted: written by a person, or approved, and not stale)"])
    }

    @Test func eachRuleNamesWhatBreaksIt() {
        #expect(Self.messages(CheckRule(kind: .modelTextReviewed, tag: "core"))
                == ["sales.orders: 1 description the model wrote, not approved; review them and run scribe-build approve 'sales.orders*'"])
        #expect(Self.messages(CheckRule(kind: .noStaleApprovals))
                == ["sales.customers: its approved description is stale (the table changed since); approve it again or rewrite it"])
        // customers.name is declared in context: a decision; orders.email is only detected.
        #expect(Self.messages(CheckRule(kind: .piiDecided))
                == ["sales.orders.email may hold email (detected, confidence 0.97); write `pii: email` or `pii: none` in its context entry"])
        #expect(Self.messages(CheckRule(kind: .relationshipsReviewed, minConfidence: 0.9))
                == ["sales.audit_log.id → sales.orders.id is suggested (confidence 0.95) and not decided; run scribe-build relationships accept 'sales.audit_log.id' or reject it"])
        #expect(Self.messages(CheckRule(kind: .relationshipsReviewed)).count == 2)
    }

    @Test func aContextEntryNamingNothingIsReportedAtItsPlace() {
        let findings = [
            Finding(location: Location(file: "content/context/sales.yml", line: 12, column: 7), message: "column main.orders.stauts does not exist; did you mean status?"),
            Finding(stage: "introspect", subject: "shop", message: "include pattern `x.*` matches no table"),
        ]
        let result = Check(rules: [CheckRule(kind: .contextNamesExist, severity: .warning)]).run(Self.catalog, findings: findings)
        #expect(result.problems.map { "\($0.location?.description ?? "") \($0.message)" }
                == ["content/context/sales.yml:12:7 column main.orders.stauts does not exist; did you mean status?"])
        #expect(!result.failed, "a warning does not fail the check")
        #expect(CheckOutput.text(result) == """
            content/context/sales.yml:12:7: warning[context_names_exist]: column main.orders.stauts does not exist; did you mean status?
            check: 0 errors, 1 warning (1 rule, 0 pass)

            """)
        #expect(CheckOutput.github(result) == """
            ::warning file=content/context/sales.yml,line=12,col=7,title=check context_names_exist::column main.orders.stauts does not exist; did you mean status?
            check: 0 errors, 1 warning (1 rule, 0 pass)

            """)
    }

    @Test func githubCommandsEscapeWhatWouldEndThem() {
        #expect(CheckOutput.data("50% done\nnext") == "50%25 done%0Anext")
        #expect(CheckOutput.property("a:b,c.yml") == "a%3Ab%2Cc.yml")
    }

    @Test func anErrorRuleFailsTheCheckAndTheJSONSaysWhichRulesPassed() throws {
        let rules = [CheckRule(kind: .noStaleApprovals), CheckRule(id: "everything-described", kind: .described, minTables: 0.5)]
        let result = Check(rules: rules).run(Self.catalog, findings: [])
        #expect(result.failed && result.passed == ["everything-described"])
        let json = try #require(try JSONSerialization.jsonObject(with: CheckOutput.json(result)) as? [String: Any])
        #expect(json["failed"] as? Bool == true)
        #expect((json["rules"] as? [[String: Any]])?.map { "\($0["id"]!) \($0["passed"]!)" } == ["no_stale_approvals 0", "everything-described 1"])
    }

    @Test func withoutRulesTheDefaultsWarnOnly() {
        let result = Check(rules: CheckRule.defaults).run(Self.catalog, findings: [])
        #expect(!result.problems.isEmpty && !result.failed)
    }
}
