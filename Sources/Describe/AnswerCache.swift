import Foundation

/// Answers already paid for, one file each under the SHA-256 of what was asked:
/// `<folder>/<first two hex digits>/<key>.json`. Stable and diff-friendly, so a team may commit it or
/// restore it in CI; each file is written whole (temporary name, then rename) the moment its answer
/// arrives, so Ctrl-C, a crash or kill -9 loses no answer already received.
public struct AnswerCache: Sendable {
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

    func store(_ answer: TableAnswer, key: String, table: String, provider: String, model: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(Record(key: key, table: table, provider: provider, model: model, answer: answer))
        data.append(0x0A)
        let url = file(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
