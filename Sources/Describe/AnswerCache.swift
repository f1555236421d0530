import Catalog
import ContentHash
import Foundation

/// Answers already paid for, one file each under the SHA-256 of what was asked:
/// `<folder>/<first two hex digits>/<key>.json`. Stable and diff-friendly, so a team may commit it or
/// restore it in CI; each file is written whole (temporary name, then rename) the moment its answer
/// arrives, so Ctrl-C, a crash or kill -9 loses no answer already received.
///
/// `<folder>/latest/<SHA-256 of the table's name>.json` names each table's newest answer, so a table
/// whose inputs changed is sent its previous text to improve rather than described from scratch.
public struct AnswerCache: Sendable {
    /// Which answer is the newest for a table, or a part of a wide one (`TableRequest.entity`).
    struct Latest: Codable {
        var entity: String
        var key: String
    }

    struct Record: Codable {
        var key: String
        var table: String
        var provider: String
        var model: String
        var answer: TableAnswer
    }

    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    func file(_ key: String) -> URL {
        folder.appendingPathComponent(String(key.prefix(2))).appendingPathComponent("\(key).json")
    }

    public func answer(for key: String) -> TableAnswer? {
        guard let data = try? Data(contentsOf: file(key)),
              let record = try? JSONDecoder().decode(Record.self, from: data), record.key == key
        else { return nil }
        return record.answer
    }

    func latestFile(_ entity: String) -> URL {
        folder.appendingPathComponent("latest").appendingPathComponent("\(SHA256.hex(entity)).json")
    }

    /// The newest answer stored for a table (or one part of a wide table: `TableRequest.entity`), whatever it was asked with.
    public func latest(for entity: String) -> TableAnswer? {
        guard let data = try? Data(contentsOf: latestFile(entity)),
              let pointer = try? JSONDecoder().decode(Latest.self, from: data), pointer.entity == entity
        else { return nil }
        return answer(for: pointer.key)
    }

    func store(_ answer: TableAnswer, key: String, entity: String, provider: String, model: String) throws {
        try write(Record(key: key, table: entity, provider: provider, model: model, answer: answer), to: file(key))
        // The answer is safe before the pointer moves: a crash in between leaves the older pointer, still valid.
        try write(Latest(entity: entity, key: key), to: latestFile(entity))
    }

    private func write(_ value: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
