import Catalog
import Foundation
import Testing
@testable import Profile

/// How name and value evidence are weighed: neither silently overrules the other.
@Suite("PII decision")
struct PIIDecisionTests {
    /// 2026-12-01: ages are measured from a fixed day, so the tests do not age.
    static let classifier = PIIClassifier(today: Date(timeIntervalSince1970: 1_796_083_200))

    static func kind(_ name: String, type: String = "TEXT", table: String = "records", _ values: [String]) -> PIIFinding.Kind? {
        let column = Column(name: name, position: 1, dataType: type)
        let owner = Table(id: TableID(source: "s", schema: "main", name: table), kind: .table, columns: [column])
        return classifier.classify(column: column, table: owner, values: values)?.kind
    }

    static func birthDates(_ count: Int, layout: (Int, Int, Int) -> String) -> [String] {
        (0..<count).map { (n: Int) -> String in layout(1940 + n * 7 % 65, 1 + n % 12, 1 + n % 28) }
    }

    @Test func valuesDoNotOverruleANameTheyFit() {
        // CPFs written by hand, check digits wrong: no validator proves them, the name `cpf` decides.
        let typed: [String] = (0..<20).map { (n: Int) -> String in String(format: "%03d.%03d.%03d-%02d", 100 + n, 200 + n, 300 + n, n) }
        #expect(Self.kind("cpf", typed) == .nationalID)
        // Members of a youth club: birth dates too close together for the distribution, named `dob`.
        let young: [String] = (0..<20).map { (n: Int) -> String in String(format: "%02d.%02d.%04d", 1 + n % 28, 1 + n % 12, 2010 + n % 3) }
        #expect(Self.kind("dob", young) == .dateOfBirth)
        #expect(Self.kind("fecha_nac", young) == .dateOfBirth && Self.kind("geb_datum", young) == .dateOfBirth)
    }

    @Test func datesAndCPFsAreNotPhones() {
        for notPhone in ["12.03.1985", "12/03/1985", "123.456.789-09", "01310-100", "100-0001", "2026-01-12"] {
            #expect(!ValueCheck.isPhone(notPhone), "\(notPhone)")
        }
        #expect(ValueCheck.isPhone("+49 30 1234567") && ValueCheck.isPhone("06-12345678") && ValueCheck.isPhone("(11) 91234-5678"))
        #expect(ValueCheck.isPhone("(489)863-0585x4179") && ValueCheck.isPhone("397.235.9316 ext. 243") && !ValueCheck.isPhone("SKU-1234567x2"))
        // Bare national numbers count beside written ones, never alone.
        let french: [String] = (0..<20).map { (n: Int) -> String in n % 2 == 0 ? "01446123\(10 + n)" : "+33 (0)2 14 85 84 \(10 + n)" }
        #expect(Self.kind("c5", french) == .phone)
        #expect(Self.kind("c5", (0..<20).map { (n: Int) -> String in "01446123\(10 + n)" }) == nil)
        let dates: [String] = (0..<20).map { (n: Int) -> String in String(format: "%02d.%02d.%04d", 1 + n, 1 + n % 12, 1950 + n * 3) }
        #expect(Self.kind("c2", dates) == .dateOfBirth)
        let cpfs = ["529.982.247-25", "111.444.777-35", "123.456.789-09"]
        #expect(Self.kind("c2", (0..<20).map { cpfs[$0 % 3] }) == .nationalID)
    }

    @Test func provenValuesOverruleANameTheyDoNotFit() {
        let emails = (0..<20).map { "person\($0)@example.com" }
        #expect(Self.kind("mobile", emails) == .email)
        // Timestamps in a name that promises a person are an event; extensions in `phone_ext` are not phones.
        let stamps: [String] = (0..<20).map { (n: Int) -> String in "2026-0\(1 + n % 9)-12 10:00:00" }
        #expect(Self.kind("last_name_change", stamps) == nil)
        #expect(Self.kind("phone_ext", (0..<20).map { (n: Int) -> String in "x\(100 + n)" }) == nil)
        #expect(Self.kind("cp", (0..<20).map { (n: Int) -> String in "\(n).50" }) == nil)
    }

    @Test func birthDatesByTheirDistributionWhateverTheName() {
        #expect(Self.kind("c3", Self.birthDates(200) { String(format: "%04d-%02d-%02d", $0, $1, $2) }) == .dateOfBirth)
        #expect(Self.kind("c3", type: "DATE", Self.birthDates(200) { String(format: "%04d-%02d-%02d", $0, $1, $2) }) == .dateOfBirth)
        #expect(Self.kind("f3", Self.birthDates(200) { String(format: "%02d.%02d.%04d", $2, $1, $0) }) == .dateOfBirth)
        // Events: recent, with times, in the future, or named as an event.
        let recent: [String] = (0..<200).map { (n: Int) -> String in String(format: "2025-%02d-%02d", 1 + n % 12, 1 + n % 28) }
        #expect(Self.kind("c9", recent) == nil)
        #expect(Self.kind("c9", Self.birthDates(200) { String(format: "%04d-%02d-%02d 13:45:00", $0, $1, $2) }) == nil)
        #expect(Self.kind("c9", Self.birthDates(200) { String(format: "%04d-%02d-%02d", $0 + 90, $1, $2) }) == nil)
        #expect(Self.kind("release_date", Self.birthDates(200) { String(format: "%04d-%02d-%02d", $0, $1, $2) }) == nil)
    }

    @Test func digestsAreNotSecretsUnlessTheNameSaysSo() {
        let hex: [String] = (0..<20).map { (n: Int) -> String in String(repeating: String(n % 10), count: 8) + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15" }
        #expect(Self.kind("row_sha256", hex) == nil && Self.kind("c12", hex) == nil)
        #expect(Self.kind("api_token", hex) == .secret && Self.kind("password_hash", hex) == .secret)
        let uuids: [String] = (0..<20).map { (n: Int) -> String in String(format: "123e4567-e89b-42d3-a456-4266141740%02d", n) }
        #expect(Self.kind("id", uuids) == nil)
    }

    @Test func namesInMoreLanguagesAndScripts() {
        let expected: [(String, PIIFinding.Kind)] = [("nom_cli", .personName), ("apellido", .personName), ("cognome", .personName),
                             ("dir_envio", .streetAddress), ("rua", .streetAddress), ("straat", .streetAddress), ("Straße", .streetAddress),
                             ("cp", .postalCode), ("nif", .nationalID), ("bsn", .nationalID), ("geb_datum", .dateOfBirth),
                             ("tel", .phone), ("fecha_nac", .dateOfBirth), ("氏名", .personName), ("顧客氏名", .personName),
                             ("住所", .streetAddress), ("電話番号", .phone), ("生年月日", .dateOfBirth), ("api_token", .secret)]
        for (name, kind) in expected {
            #expect(Self.kind(name, []) == kind, "\(name)")
        }
        // Names of things: a product's name, in any language, is no person's.
        #expect(Self.kind("nombre", table: "productos", []) == nil && Self.kind("nombre", table: "clientes", []) == .personName)
        #expect(Self.kind("商品名", table: "顧客", []) == nil && Self.kind("nom_produit", []) == nil && Self.kind("token_count", type: "INTEGER", []) == nil)
    }
}
