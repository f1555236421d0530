import Catalog
import Foundation
import TestSupport
@testable import SiteGen

enum Fixture {
    /// The shop catalog as the SQLite driver read it, with a few descriptions added by hand.
    static func shop() throws -> Catalog {
        try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: Fixtures.url("shop-catalog.json")))
    }

    static func theme() throws -> Theme {
        try Theme(folder: Fixtures.repositoryRoot().appendingPathComponent("themes/default"))
    }

    /// Stands in for graphviz: one small SVG per graph, naming the graph's size, so tests need no `dot`.
    static let fakeGraphviz = Graphviz { graphs in
        graphs.map { "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- \($0.utf8.count) bytes of DOT --></svg>\n" }
    }

    /// Generates a site for `catalog` into a new temporary folder and returns its files.
    static func site(_ catalog: Catalog, in folder: TemporaryFolder) throws -> [String: Data] {
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try SiteGenerator(theme: theme(), graphviz: fakeGraphviz).generate(catalog, into: $0) }
        return TemporaryFolder.contents(of: folder.path("site"))
    }

    /// A catalog of one source whose tables have the given names, each with an `id` and the given columns.
    static func catalog(tables: [String], columns: [String] = ["id"]) -> Catalog {
        let tables = tables.map { name in
            Table(id: TableID(source: "s", schema: "main", name: name), kind: .table,
                  columns: columns.enumerated().map { Column(name: $1, position: $0 + 1, dataType: "INTEGER") })
        }
        return Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "main", tables: tables)])])
    }
}

/// Every `href` and `src` in a page, decoded from HTML.
func links(in html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"(?:href|src|data)="([^"]*)""#)
    let range = NSRange(html.startIndex..., in: html)
    return pattern.matches(in: html, range: range).compactMap { match in
        Range(match.range(at: 1), in: html).map {
            String(html[$0]).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"")
        }
    }
}

/// Links between the site's files that point nowhere, as "page → link".
func brokenLinks(in files: [String: Data]) -> [String] {
    var broken: [String] = []
    for (path, data) in files where path.hasSuffix(".html") {
        let html = String(decoding: data, as: UTF8.self)
        let ids = Set(links(in: html).isEmpty ? [] : anchors(in: html))
        for link in links(in: html) where !link.contains("://") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let file = String(parts[0])
            let anchor = parts.count > 1 ? String(parts[1]) : nil
            let target = file.isEmpty ? path : normalize(base: path, link: file)
            guard let target, let targetData = files[target] else {
                broken.append("\(path) → \(link)")
                continue
            }
            if let anchor, !anchor.isEmpty {
                let targetIDs = file.isEmpty ? ids : Set(anchors(in: String(decoding: targetData, as: UTF8.self)))
                if !targetIDs.contains(anchor) { broken.append("\(path) → \(link) (no such anchor)") }
            }
        }
    }
    return broken.sorted()
}

private func anchors(in html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"\sid="([^"]*)""#)
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
        Range($0.range(at: 1), in: html).map { String(html[$0]) }
    }
}

/// `link` resolved against the folder of `base`; nil when it climbs out of the site.
private func normalize(base: String, link: String) -> String? {
    var parts = base.split(separator: "/").dropLast().map(String.init)
    for piece in link.split(separator: "/") {
        if piece == ".." {
            guard !parts.isEmpty else { return nil }
            parts.removeLast()
        } else if piece != "." {
            parts.append(String(piece))
        }
    }
    return parts.joined(separator: "/")
}
