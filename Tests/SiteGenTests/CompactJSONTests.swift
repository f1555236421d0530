import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// `CompactJSON` writes exactly the bytes of `JSONEncoder` with sorted keys and unescaped slashes, only faster;
/// catalog.json and search.json are written with it.
@Suite("Compact JSON")
struct CompactJSONTests {
    static func reference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func compact(_ value: some Encodable) throws -> String {
        String(decoding: try CompactJSON.encode(value), as: UTF8.self)
    }

    @Test func aWholeCatalogIsWrittenAsJSONEncoderWritesIt() throws {
        let catalog = try PageViewTests.catalog()
        #expect(try Self.compact(CatalogDocument(catalog)) == Self.reference(CatalogDocument(catalog)))
        let large = Fixture.catalog(tables: (0..<30).map { "t\($0)" }, columns: ["id", "Name", "name_2", "_x"])
        #expect(try Self.compact(CatalogDocument(large)) == Self.reference(CatalogDocument(large)))
    }

    /// catalog.json is streamed table by table with its outer objects written by hand, in their keys' order.
    @Test func catalogJSONStreamedIsTheWholeEncoding() throws {
        var random = SplitMix64(seed: 11)
        let catalogs = [try PageViewTests.catalog(), Catalog(title: "Empty"), OddCatalog.make(&random), OddCatalog.make(&random),
                        RandomCatalog.make(&random)]
        for (number, catalog) in catalogs.enumerated() {
            let streamed = String(decoding: try CatalogDocument.json(catalog), as: UTF8.self)
            #expect(streamed == (try Self.reference(CatalogDocument(catalog))) + "\n", "catalog \(number)")
        }
        // Written by hand, so a field added to any of these must be added there (`CatalogDocument.write`).
        #expect(Mirror(reflecting: CatalogDocument(Catalog(title: ""))).children.map(\.label) ==
                ["version", "title", "sources", "relationships", "glossary", "coverage"])
        #expect(Mirror(reflecting: Source(name: "s", kind: .sqlite)).children.map(\.label) == ["name", "kind", "schemas"])
        #expect(Mirror(reflecting: Schema(name: "s")).children.map(\.label) == ["name", "tables"])
    }

    /// A streamed file is written a few megabytes at a time and is whole at the end.
    @Test func aStreamHandsOnItsBytesWhenFull() throws {
        var pieces: [[UInt8]] = []
        var stream = ByteStream(limit: 10) { pieces.append(Array($0)) }
        for byte in 0..<35 as Range<UInt8> {
            stream.buffer.append(byte)
            try stream.flushIfFull()
        }
        try stream.flush()
        #expect(pieces.map(\.count) == [10, 10, 10, 5])
        #expect(pieces.flatMap { $0 } == Array(0..<35))
    }

    @Test func theSearchIndexIsWrittenAsJSONEncoderWritesIt() throws {
        let catalog = try PageViewTests.catalog()
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        #expect(try String(decoding: index.json(), as: UTF8.self) == Self.reference(index))
    }

    @Test func everyCharacterIsEscapedAsJSONEncoderEscapesIt() throws {
        var text = ""
        for code in 0..<0x80 { text.unicodeScalars.append(UnicodeScalar(UInt8(code))) }
        text += "\u{2028}\u{2029}é😀 a/b \u{7F}\u{85}"
        #expect(try Self.compact([text]) == Self.reference([text]))
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, 1, -1, 0.5, 0.1, 1e-5, 1e21, 1e20, 0.30000000000000004, 2.5e-8, 1.0 / 3, 100, 1e16, 1e15, -0.0]
        #expect(try Self.compact(doubles) == Self.reference(doubles))
        let integers: [Int] = [0, -1, Int.max, Int.min]
        #expect(try Self.compact(integers) == Self.reference(integers))
        #expect(throws: EncodingError.self) { try CompactJSON.encode([Double.nan]) }
    }

    /// Keys sort by their UTF-8 bytes (`B` before `a`), in dictionaries and in structs whose keys are declared out of order.
    @Test func keysAreSortedByTheirBytes() throws {
        let keys = ["a10", "a9", "B", "a", "_x", "Z", "é", "e", "a_b", "aB", "ab", "A", ""]
        let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        #expect(try Self.compact(dictionary) == Self.reference(dictionary))
        let nested = ["outer": ["z": [1: "one", 10: "ten", 2: "two"]], "a": [:]]
        #expect(try Self.compact(nested) == Self.reference(nested))
        #expect(try Self.compact(Unordered()) == Self.reference(Unordered()))
        #expect(try Self.compact(Unordered()) == #"{"a":[],"b":{"x":[1,{"c":"d"}]},"c":null,"z":1}"#)
    }

    /// A struct that writes its keys out of order, with nested containers and an explicit null.
    struct Unordered: Encodable {
        enum Keys: String, CodingKey { case z, b, a, c, x }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .z)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .b)
            var list = nested.nestedUnkeyedContainer(forKey: .x)
            try list.encode(1)
            try list.encode(["c": "d"])
            _ = container.nestedUnkeyedContainer(forKey: .a)
            try container.encodeNil(forKey: .c)
        }
    }
}
