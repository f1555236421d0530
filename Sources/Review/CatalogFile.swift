import Catalog
import Foundation

/// Reads a catalog to compare: a `catalog.json`, or a site folder holding one (CI keeps the last published site).
public enum CatalogFile {
    /// Why a catalog could not be read; each says which file and what to do.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "\(path): \(problem)" }
    }

    public static func load(_ path: String) throws(ReadError) -> Catalog {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ReadError(path: path, problem: "no such file or folder (give a catalog.json, or a site folder that holds one)")
        }
        let file = isFolder.boolValue ? (path as NSString).appendingPathComponent("catalog.json") : path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ReadError(path: file, problem: isFolder.boolValue
                ? "this folder has no catalog.json; is it a site scribe-build wrote?" : "could not be read (\(FileProblem.describe(error)))")
        }
        let version: Int
        do {
            let object = try JSONSerialization.jsonObject(with: data)
            guard let top = object as? [String: Any], let number = top["version"] as? Int else {
                throw ReadError(path: file, problem: "not a catalog.json: it has no version number at the top")
            }
            version = number
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(path: file, problem: "not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"))")
        }
        guard version <= Catalog.formatVersion else {
            throw ReadError(path: file, problem: "written by a newer Schema Scribe (catalog.json version \(version); this one reads up to \(Catalog.formatVersion)); compare with the same version that wrote it")
        }
        do {
            var catalog = try JSONDecoder().decode(Catalog.self, from: data)
            // Before version 2, `relationships` left out the declared foreign keys, which the tables hold.
            if version < 2 { catalog.relationships = catalog.everyRelationship }
            return catalog
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(path: file, problem: "at \(location(of: context.codingPath)): \(key.stringValue) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            throw ReadError(path: file, problem: "at \(location(of: context.codingPath)): \(context.debugDescription)")
        } catch {
            throw ReadError(path: file, problem: "not a catalog.json (\(error))")
        }
    }

    /// `sources[0].schemas[2].tables[5]`, the path a decoding error happened at.
    private static func location(of path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the top" }
        return path.reduce("") { text, key in
            key.intValue.map { text + "[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue)
        }
    }
}
