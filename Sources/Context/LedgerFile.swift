import Catalog
import Foundation
import Yams

/// What the tool's own files in the context folder have in common (the approvals ledger, the relationships
/// ledger): a name kept for them, a marker key that tells them from a person's file of that name, and a
/// whole-file write that leaves either the old file or the new one.
struct LedgerFile: Sendable {
    /// The file's name, at the top of the context folder.
    let fileName: String
    /// The key that marks the file as the tool's: a file by this name without it is a person's, never replaced.
    let formatKey: String
    let formatVersion: String
    /// The top-level key holding the entries.
    let listKey: String
    /// What the file is called in messages: `approvals ledger`.
    let title: String
    /// The command that writes it, as the user types it: `scribe-build approve`.
    let writer: String

    /// The file's text, or nil when there is none.
    func text(folder: URL, displayRoot: URL?) throws(ConfigError) -> (text: String, shown: String)? {
        let url = folder.appendingPathComponent(fileName)
        let shown = ContextLoader.display(url, relativeTo: displayRoot)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigError(file: shown, message: "could not be read; check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: shown, message: "is not UTF-8 text; it is written by `\(writer)`: restore it from git")
        }
        return (text, shown)
    }

    /// The entries' nodes, once the marker and its version are checked: a file without the marker is somebody's
    /// own file that happens to have this name.
    func entries(in text: String, file: String) throws(ConfigError) -> (reader: YAMLReader, nodes: [Node]) {
        guard let root = try YAMLReader.compose(text, file: file) else { throw notALedger(file) }
        let reader = YAMLReader(file: file, environment: nil)
        guard case .mapping(let mapping) = root, mapping.keys.contains(where: { $0.string == formatKey }) else { throw notALedger(file) }
        let top = try reader.mapping(root, at: "the top level", allowed: [formatKey, listKey])
        guard let version = top[formatKey] else { throw notALedger(file) }
        guard try reader.string(version, at: formatKey) == formatVersion else {
            throw reader.error(version, "this \(title) has format \(version.string ?? "?"); this scribe-build reads format \(formatVersion)")
        }
        let nodes = try top[listKey].map { node throws(ConfigError) in try reader.sequence(node, at: listKey) } ?? []
        return (reader, nodes)
    }

    func notALedger(_ file: String) -> ConfigError {
        let command = writer.hasPrefix("scribe-build ") ? String(writer.dropFirst("scribe-build ".count)) : writer
        return ConfigError(file: file, message: "this name is kept for the \(title) that `\(writer)` writes, "
            + "and this file is not one (it has no `\(formatKey)` key); rename it so \(command) can never replace it")
    }

    /// The marker line every rendering starts its data with.
    var markerLine: String { "\(formatKey): \"\(formatVersion)\"" }

    /// Writes `rendered` whole into `folder`: to a temporary file beside it, then renamed over it, so a crash
    /// leaves the old file or the new one, never half of one. Refuses to replace a file by that name that is
    /// not the tool's (a person's): `check` reads the file there first and throws for one.
    func write(_ rendered: String, folder: URL, displayRoot: URL?, check: () throws(ConfigError) -> Void) throws(ConfigError) {
        let url = folder.appendingPathComponent(fileName)
        let shown = ContextLoader.display(url, relativeTo: displayRoot)
        try check()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: url, options: .atomic)
        } catch {
            throw ConfigError(file: shown, message: "could not be written (\(FileProblem.describe(error))); the previous \(title) is unchanged")
        }
    }
}
