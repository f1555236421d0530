import Catalog
import Testing
import TestSupport
@testable import Describe

@Suite("The offline describer")
struct OfflineDescriberTests {
    func described() async throws -> Catalog {
        try await DescribeStage(describer: .offline, cache: nil).run(Shop.catalog()).0
    }

    @Test func readsLikeAFirstDraftNotATypeDump() async throws {
        let catalog = try await described()
        #expect(catalog.description("orders")?.text == "One row per order. Each order belongs to a customer. Referenced by order lines.")
        #expect(catalog.description("orders", "customer_id")?.text == "Identifier of the customer this order belongs to (references customers.id).")
        #expect(catalog.description("orders", "placed_at")?.text == "When the order was placed.")
        #expect(catalog.description("orders", "id")?.text == "Identifier of the order.")
        #expect(catalog.description("customers", "nickname")?.text == "Nickname of the customer; empty when unknown.")
        #expect(catalog.description("order_lines", "unit_price")?.text == "Unit price of the order line (a decimal number).")
        #expect(catalog.description("order_lines", "quantity")?.origin == .model)
    }

    @Test func describesOnlyWhatNobodyDescribed() async throws {
        var catalog = Shop.catalog()
        catalog.sources[0].schemas[0].tables[2].description = Description(text: "Ours.", origin: .human)
        catalog.sources[0].schemas[0].tables[2].columns[3].description = Description(text: "From a comment.", origin: .databaseComment)
        let requests = RequestBuilder.requests(for: catalog)
        let orders = requests.first { $0.table.name == "orders" }
        #expect(orders?.describeTable == false)
        #expect(orders?.wanted == ["id", "customer_id", "placed_at"])
        let result = try await DescribeStage(describer: .offline, cache: nil).run(catalog).0
        #expect(result.description("orders") == Description(text: "Ours.", origin: .human))
        #expect(result.description("orders", "status")?.text == "From a comment.")
    }

    @Test func isDeterministic() async throws {
        #expect(try await described() == (try await described()))
    }

    @Test func aHubTableNamesAFewReferrersAndCountsTheRest() async throws {
        var tables = [Table(id: Shop.id("artist"), kind: .table, columns: [Column(name: "id", position: 1, dataType: "INTEGER", primaryKeyPosition: 1)])]
        tables += (1...100).map { index in
            Table(id: Shop.id("link_\(index)"), kind: .table, columns: [Column(name: "artist", position: 1, dataType: "INTEGER")],
                  foreignKeys: [ForeignKey(columns: ["artist"], referencedTable: Shop.id("artist"), referencedColumns: ["id"])])
        }
        let catalog = Catalog(title: "Hub", sources: [Source(name: "shop", kind: .sqlite, schemas: [Schema(name: "main", tables: tables)])])
        let text = try await DescribeStage(describer: .offline, cache: nil).run(catalog).0.description("artist")?.text ?? ""
        #expect(text.hasSuffix("Referenced by link 1, link 10, link 100, link 11, link 12 and 95 more."))
        #expect(text.count <= TableAnswer.maximumLength)
    }

    @Test func aCategoryFromTheProfileIsNamedButNeverPersonalData() async throws {
        func profile(_ values: [String: Int], masked: Bool = false) -> ColumnProfile {
            ColumnProfile(distinct: values.count, topValues: values.map { .init(value: $0.key, count: $0.value) }, isMasked: masked)
        }
        var catalog = Shop.catalog()
        catalog.sources[0].schemas[0].tables[2].columns[3].profile = profile(["paid": 40, "open": 12, "shipped": 7])
        catalog.sources[0].schemas[0].tables[0].columns[1].profile = profile(["a***@e***.com": 2, "b***@e***.com": 2], masked: true)
        catalog.sources[0].schemas[0].tables[0].columns[1].pii = PIIFinding(kind: .email, confidence: 0.9, reasons: [])
        catalog.sources[0].schemas[0].tables[0].columns[2].profile = profile(["Ann": 1, "Bo": 1])
        let described = try await DescribeStage(describer: .offline, cache: nil).run(catalog).0
        #expect(described.description("orders", "status")?.text == "Status of the order; one of 'open', 'paid', 'shipped'.")
        #expect(described.description("customers", "email")?.text == "Email of the customer.")
        // Values seen once each are names, not a category.
        #expect(described.description("customers", "nickname")?.text == "Nickname of the customer; empty when unknown.")
    }

    @Test func rowCountsReachTheModelAsAnOrderOfMagnitudeSoGrowthAsksNothingAgain() {
        var catalog = Shop.catalog()
        catalog.sources[0].schemas[0].tables[2].rowCount = RowCount(value: 1_234, isExact: true)
        let before = RequestBuilder.requests(for: catalog).first { $0.table.name == "orders" }
        catalog.sources[0].schemas[0].tables[2].rowCount = RowCount(value: 9_876, isExact: true)
        let after = RequestBuilder.requests(for: catalog).first { $0.table.name == "orders" }
        #expect(before?.rows == "1000–10000")
        #expect(before?.key(promptVersion: "v", provider: "p", model: "m") == after?.key(promptVersion: "v", provider: "p", model: "m"))
        #expect([0, 9, 10, 99_999, 100_000].map { RowCount(value: $0, isExact: true).orderOfMagnitude } == [-1, 0, 1, 4, 5])
    }

    /// The byte-wise reading of ASCII identifiers is a shortcut, not another rule: it finds the words the
    /// `Character` reading finds, for identifiers of every style and of stray punctuation, and steps aside for others.
    @Test(arguments: SplitMix64.seeds(10))
    func anASCIIIdentifierReadsAsTheSameWordsByByteAsByCharacter(seed: UInt64) {
        let alphabet = Array("aBcXyZ09_ -.#$\r\n\tQq")
        var random = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let identifier = String((0..<Int.random(in: 0..<14, using: &random)).map { _ in random.pick(alphabet) })
            #expect(Words.asciiPhrase(identifier) == Words.characterPhrase(identifier), "\(identifier.debugDescription), seed \(seed)")
        }
        for identifier in ["OrderLines", "order_lines", "HTTPServer2Log", "customer-ID", "a..b", "__x__", ""] {
            #expect(Words.phrase(identifier) == Words.characterPhrase(identifier))
        }
        #expect(Words.asciiPhrase("Straße_Name") == nil)
        #expect(Words.phrase("Straße_Name") == "straße name")
    }
}
