import Catalog
import Foundation
import Introspect
import Testing
import TestSupport
@testable import Profile

/// PII on a labelled fixture: every real finding made (recall 1.0), look-alikes left alone.
@Suite("Finding personal data")
struct PIIDetectionTests {
    static func profiled(_ fixture: PIIFixture, policy: ProfileStage.SamplePolicy = .masked) throws -> Catalog {
        try profiled(url: fixture.url, policy: policy)
    }

    static func profiled(url: URL, policy: ProfileStage.SamplePolicy = .masked) throws -> Catalog {
        try profiled(url: url, policy: policy, renaming: { $1 ?? $0 })
    }

    /// Profiled with every table and column name replaced by `rename(table, column)` (`column` nil for the
    /// table's own name), as if the schema said nothing.
    static func profiled(url: URL, policy: ProfileStage.SamplePolicy = .masked,
                         renaming rename: (String, String?) -> String) throws -> Catalog {
        var source = try SQLiteIntrospector(sourceName: "people", path: url.path).read().source
        var samples = try TableSampler.sample(source.schemas.flatMap(\.tables), from: SQLiteDriver(path: url.path), plan: SamplingPlan())
        for s in source.schemas.indices {
            for t in source.schemas[s].tables.indices {
                let table = source.schemas[s].tables[t]
                for c in table.columns.indices {
                    source.schemas[s].tables[t].columns[c].name = rename(table.name, table.columns[c].name)
                }
                source.schemas[s].tables[t].id.name = rename(table.name, nil)
                for i in samples.indices where samples[i].table == table.id {
                    samples[i].table.name = rename(table.name, nil)
                    samples[i].columns = samples[i].columns.map { rename(table.name, $0) }
                }
            }
        }
        return ProfileStage(policy: policy).apply(samples, to: Catalog(title: "People", sources: [source]))
    }

    @Test func everyLabelledColumnIsFoundAndLookAlikesAreNot() throws {
        let folder = try TemporaryFolder()
        let fixture = try PIIFixture(in: folder.url)
        let score = PIIScore(name: "people", catalog: try Self.profiled(fixture), labels: fixture.labels)
        print(score.summary)
        #expect(score.missed.isEmpty, "missed: \(score.missed)")
        #expect(score.recall == 1.0)
        #expect(score.precision >= 0.9, "flagged wrongly: \(score.falsePositives)")
        #expect(score.wrongKind.isEmpty, "\(score.wrongKind)")
    }

    @Test func findingsSayWhy() throws {
        let folder = try TemporaryFolder()
        let catalog = try Self.profiled(try PIIFixture(in: folder.url))
        let customers = try #require(catalog.allTables.first { $0.name == "customers" })
        let contact = try #require(customers.column(named: "contact")?.pii)
        #expect(contact.kind == .email && contact.reasons == ["100% of the 1000 values checked are email addresses"])
        let card = try #require(customers.column(named: "card_number")?.pii)
        #expect(card.confidence > 0.95)
        #expect(card.reasons == ["100% of the 1000 values checked are card numbers that pass the Luhn check", "the column is named `card_number`"])
    }

    @Test func rawValuesOfPIIColumnsNeverLeaveTheStage() throws {
        let folder = try TemporaryFolder()
        let fixture = try PIIFixture(in: folder.url)
        for policy in ProfileStage.SamplePolicy.allCases {
            let catalog = try Self.profiled(fixture, policy: policy)
            let encoder = JSONEncoder()
            let text = String(decoding: try encoder.encode(catalog), as: UTF8.self)
            let leaked = Set(fixture.rawValues.filter { $0.count >= 6 && text.contains($0) })
            #expect(leaked.isEmpty, "\(policy): \(leaked.prefix(5))")
            let email = try #require(catalog.allTables.first { $0.name == "customers" }?.column(named: "email")?.profile)
            #expect(email.isMasked)
            if policy == .none {
                #expect(email.samples.isEmpty && email.topValues.isEmpty)
            } else {
                #expect(email.samples.allSatisfy { $0.contains("***@") })
            }
        }
    }

    @Test func masksKeepTheShape() {
        #expect(Mask.value("jane.doe@example.com") == "j***@e***.com")
        #expect(Mask.value("+1 415-555-0134") == "+1 4**-5**-0***")
        #expect(Mask.value("4111 1111 1111 1111") == "4*** 1*** 1*** 1***")
        #expect(Mask.value("Ana") == "A**")
    }

    @Test func validatorsNeedMoreThanALookAlike() {
        #expect(ValueCheck.isCardNumber("4111 1111 1111 1111"))
        #expect(!ValueCheck.isCardNumber("4111 1111 1111 1112"))
        #expect(ValueCheck.isIBAN("DE89 3704 0044 0532 0130 00"))
        #expect(!ValueCheck.isIBAN("DE89 3704 0044 0532 0130 01"))
        #expect(ValueCheck.isIPAddress("192.168.0.17") && !ValueCheck.isIPAddress("192.168.0.256") && ValueCheck.isIPAddress("2001:db8::1"))
        #expect(ValueCheck.isSSN("123-45-6789") && !ValueCheck.isSSN("666-45-6789") && !ValueCheck.isSSN("123-00-6789"))
        #expect(ValueCheck.isPhone("+44 20 7946 0958") && !ValueCheck.isPhone("20260112") && !ValueCheck.isPhone("1234567"))
        #expect(ValueCheck.isEmail("a.b+c@example.co.uk") && !ValueCheck.isEmail("a@b") && !ValueCheck.isEmail("not an@email.com"))
    }

    @Test func aContextFileOverridesDetection() {
        var column = Column(name: "email", position: 1, dataType: "TEXT")
        let table = Table(id: TableID(source: "s", schema: "main", name: "t"), kind: .table, columns: [column])
        column.context = EntityContext(pii: "none")
        #expect(ProfileStage().decide(column, in: table, values: ["a@example.com"]) == nil)
        column = Column(name: "blob", position: 1, dataType: "TEXT", context: EntityContext(pii: "passport"))
        #expect(ProfileStage().decide(column, in: table, values: [])?.kind == .passport)
        #expect(ProfileStage().decide(column, in: table, values: [])?.origin == .context)
    }

    @Test func aNameIsAPersonsOnlyInATableOfPeople() {
        func finding(_ table: String) -> PIIFinding.Kind? {
            let column = Column(name: "name", position: 1, dataType: "TEXT")
            return PIIClassifier().classify(column: column, table: Table(id: TableID(source: "s", schema: "main", name: table), kind: .table,
                                                                           columns: [column]), values: [])?.kind
        }
        #expect(finding("customers") == .personName && finding("artist") == .personName)
        #expect(finding("products") == nil && finding("artist_type") == nil && finding("customer_status") == nil)
    }

    @Test func namesWithTheirWordsRunTogetherAreRecognised() {
        func kind(_ name: String) -> PIIFinding.Kind? {
            let column = Column(name: name, position: 1, dataType: "varchar(50)")
            return PIIClassifier().classify(column: column, table: Table(id: TableID(source: "s", schema: "hr", name: "employee"), kind: .table,
                                                                           columns: [column]), values: [])?.kind
        }
        // As adventureworks spells them.
        #expect(kind("nationalidnumber") == .nationalID && kind("passwordhash") == .secret && kind("addressline1") == .streetAddress)
        #expect(kind("middlename") == .personName && kind("loginid") == .username && kind("EmployeeNationalIDNumber") == .nationalID)
        #expect(kind("salariedflag") == nil && kind("jobtitle") == nil && kind("organizationlevel") == nil)
    }
}
