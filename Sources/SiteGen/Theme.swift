import ContentHash
import Foundation

/// A site theme: Mustache templates in `templates/`, static files in `assets/` copied as they are.
public struct Theme: Sendable {
    public var folder: URL
    let library: MustacheLibrary
    /// Asset files by path relative to `assets/`, in a stable order.
    let assets: [(path: String, data: Data)]
    /// Every template and asset, so that a page rendered with another theme has another fingerprint.
    let fingerprint: Fingerprint

    static let requiredTemplates = ["index", "schema", "table", "glossary", "term"]

    public init(folder: URL) throws(RenderError) {
        self.folder = folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw RenderError(.themeMissing(path: folder.path))
        }
        var library = MustacheLibrary()
        var hasher = FingerprintHasher()
        let templates = folder.appendingPathComponent("templates")
        for path in Self.files(under: templates) where path.hasSuffix(".mustache") {
            let file = templates.appendingPathComponent(path)
            let name = String(path.dropLast(".mustache".count))
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw RenderError(.templateInvalid(path: file.path, message: "could not be read as UTF-8 text"))
            }
            hasher.combine(name)
            hasher.combine(text)
            do {
                try library.register(text, named: name)
            } catch {
                throw RenderError(.templateInvalid(path: file.path, message: error.description))
            }
        }
        for name in Self.requiredTemplates where library.template(named: name) == nil {
            throw RenderError(.templateMissing(path: templates.appendingPathComponent("\(name).mustache").path))
        }
        self.library = library
        let assetFolder = folder.appendingPathComponent("assets")
        assets = Self.files(under: assetFolder).compactMap { path in
            (try? Data(contentsOf: assetFolder.appendingPathComponent(path))).map { (path, $0) }
        }
        for asset in assets {
            hasher.combine(asset.path)
            hasher.combine(bytes: asset.data)
        }
        fingerprint = hasher.finalize()
    }

    /// A page by its view model's template.
    func render(_ page: some PageView) throws(RenderError) -> String {
        String(decoding: try renderData(page), as: UTF8.self)
    }

    /// A page as the UTF-8 bytes written to its file.
    func renderData(_ page: some PageView) throws(RenderError) -> Data {
        let template = type(of: page).template
        guard let bytes = library.render(page, withTemplate: template) else {
            throw RenderError(.templateMissing(path: "templates/\(template).mustache"))
        }
        return Data(bytes)
    }

    /// Regular files below `folder`, as sorted relative paths.
    private static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
               !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
