import Foundation

/// A `CatalogDiff` as JSON, for tools: the same fields in a fixed order, with the format's version.
public enum DiffJSON {
    public static let formatVersion = 1

    struct Document: Encodable {
        var version = DiffJSON.formatVersion
        var changed: Bool
        var diff: CatalogDiff
    }

    public static func encode(_ diff: CatalogDiff) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(changed: !diff.isEmpty, diff: diff))
        data.append(0x0A)
        return data
    }
}
