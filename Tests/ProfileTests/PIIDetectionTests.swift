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
        let source = try SQLiteIntrospector(sourceName: "people", path: fixture.url.path).read().source
        let tables = source.schemas.flatMap(\.tables)
        let samples = try SQLiteSampler(path: fixture.url.path, plan: SamplingPlan()).sample(tables)
        return ProfileStage(policy: policy).apply(samples, to: Catalog(title: "People", sources: [source]))
    }

    @Test func everyLabelledColumnIsFoundAndLookAlikesAreNot() throws {
        let folder = try TemporaryFolder()
        let fixture = try PIIFixture(in: folder.url)
        let catalog = try Self.profiled(fixture)
        var truePositives = 0, falsePositives: [String] = [], missed: [String] = [], wrongKind: [String] = []
        for table in catalog.allTables {
            for column in table.columns {
                let label = "\(table.name).\(column.name)"
                let expected = fixture.labels[label] ?? nil
                switch (expected, column.pii) {
                case (nil, nil): break
                case (nil, let found?): falsePositives.append("\(label) (\(found.kind.rawValue))")
                case (let kind?, nil): missed.append("\(label) (\(kind))")
                case (let kind?, let found?):
                    truePositives += 1
                    if found.kind.rawValue != kind { wrongKind.append("\(label): \(found.kind.rawValue), labelled \(kind)") }
                }
            }
        }
        let recall = Double(truePositives) / Double(truePositives + missed.count)
        let precision = Double(truePositives) / Double(truePositives + falsePositives.count)
        print("PII on the fixture: recall \(recall), precision \(String(format: "%.3f", precision)); "
            + "false positives: \(falsePositives); wrong kind: \(wrongKind)")
        #expect(missed.isEmpty, "missed: \(missed)")
        #expect(recall == 1.0)
        #expect(precision >= 0.9)
        #expect(wrongKind.isEmpty)
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
