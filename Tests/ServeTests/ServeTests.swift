import CompressNIO
import Foundation
import NIOCore
import ScribeKit
import Testing
import TestSupport
@testable import Serve

/// `scribe-build serve` against a real SQLite site, over real sockets: a server on a free port, requests
/// as a browser sends them, and context files edited on disk while it runs.
@Suite("scribe-build serve", .serialized)
struct ServeTests {
    /// A small shop built and served; `stop()` ends the server as Ctrl-C does.
    final class ServedSite: Sendable {
        let folder: TemporaryFolder
        let port: Int
        let serving: Task<Void, any Error>
        let lines: Lines

        /// `ownTheme`: a copy of the default theme in the project, named by `paths.theme`.
        init(ownTheme: Bool = false) async throws {
            folder = try TemporaryFolder()
            try ShopFixture.create(in: folder.url)
            if ownTheme {
                try FileManager.default.copyItem(at: Build.shippedTheme, to: folder.path("theme"))
                try Data("title: Shop\npaths: {theme: theme}\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n".utf8)
                    .write(to: folder.path("site.yml"))
            }
            let lines = Lines()
            self.lines = lines
            let session = Build.Session(build: Build(), request: .init(configPath: folder.path("site.yml").path))
            var options = Preview.Options(port: 0)
            options.pollInterval = .milliseconds(50)
            let preview = Preview(session: session, options: options) { lines.add($0) }
            let (urls, continuation) = AsyncStream.makeStream(of: URL.self)
            serving = Task { try await preview.run { continuation.yield($0) } }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next(), let port = url.port else { throw CancellationError() }
            self.port = port
        }

        var client: HTTPClient { HTTPClient(port: port) }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.path(name))
        }

        func stop() async {
            serving.cancel()
            _ = await serving.result
        }
    }

    static let ordersPage = "/shop/main/tables/orders.html"

    @Test func servesThePagesWithTheLiveScriptAddedOnlyAsServed() async throws {
        let site = try await ServedSite()
        let page = try await site.client.get(Self.ordersPage)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("One row per order."))
        #expect(page.text.contains("<script src=\"/_scribe/live.js\" data-generation=\"1\"></script></body>"))
        let onDisk = try String(contentsOf: site.folder.path("_site" + Self.ordersPage), encoding: .utf8)
        #expect(!onDisk.contains("/_scribe/"), "the built site stays as `build` writes it")
        let index = try await site.client.get("/")
        #expect(index.status == 200 && index.text.contains("Shop"))
        let script = try await site.client.get("/_scribe/live.js")
        #expect(script.status == 200 && script.text.contains("new EventSource(\"/_scribe/events\")"))
        #expect(try await site.client.get("/_scribe/anything").status == 404)
        #expect(try await site.client.get("/shop/main/tables/nothing.html").status == 404)
        #expect(try await site.client.get(Self.ordersPage, method: "POST").status == 405)
        #expect(site.lines.all.first?.contains("built in") == true)
        await site.stop()
    }

    @Test func gzipWhenTheBrowserTakesItWithTheSameBytesInside() async throws {
        let site = try await ServedSite()
        let plain = try await site.client.get(Self.ordersPage)
        let gzipped = try await site.client.get(Self.ordersPage, headers: ["Accept-Encoding": "gzip, deflate, br"])
        #expect(plain.headers["content-encoding"] == nil)
        #expect(gzipped.headers["content-encoding"] == "gzip")
        #expect(gzipped.headers["vary"] == "Accept-Encoding")
        #expect(gzipped.body.count < plain.body.count / 3)
        var compressed = ByteBuffer(bytes: gzipped.body)
        let inflated = try compressed.decompress(with: .gzip())
        #expect(Array(inflated.readableBytesView) == plain.body)
        let refused = try await site.client.get(Self.ordersPage, headers: ["Accept-Encoding": "gzip;q=0, identity"])
        #expect(refused.headers["content-encoding"] == nil)
        await site.stop()
    }

    @Test func anETagAnswersARepeatedRequestWith304() async throws {
        let site = try await ServedSite()
        let first = try await site.client.get(Self.ordersPage)
        let etag = try #require(first.headers["etag"])
        #expect(first.headers["cache-control"] == "no-cache", "a reload must ask again, to see a new build")
        let again = try await site.client.get(Self.ordersPage, headers: ["If-None-Match": etag])
        #expect(again.status == 304 && again.body.isEmpty && again.headers["etag"] == etag)
        let gzipped = try await site.client.get(Self.ordersPage, headers: ["Accept-Encoding": "gzip"])
        let gzipETag = try #require(gzipped.headers["etag"])
        #expect(gzipETag != etag, "each encoding has its own tag")
        #expect(try await site.client.get(Self.ordersPage, headers: ["Accept-Encoding": "gzip", "If-None-Match": gzipETag]).status == 304)
        #expect(try await site.client.get(Self.ordersPage, headers: ["If-None-Match": "\"other\""]).status == 200)
        let css = try await site.client.get("/assets/style.css")
        #expect(css.status == 200 && css.headers["etag"] != nil)
        await site.stop()
    }

    @Test func nothingOutsideTheSiteFolderNorAHiddenFileIsServed() async throws {
        let site = try await ServedSite()
        try site.write("secret.txt", "not for the site\n")
        for path in ["/../site.yml", "/shop/../../site.yml", "/%2e%2e/site.yml", "/shop/%2E%2E/%2e%2e/secret.txt", "/..%2fsite.yml",
                     "/shop\\..\\..\\site.yml"] {
            let response = try await site.client.get(path)
            #expect(response.status == 403, "\(path)")
            #expect(!response.text.contains("sources:") && !response.text.contains("not for the site"), "\(path)")
        }
        #expect(try await site.client.get("/.schema-scribe-site").status == 404)
        #expect(try await site.client.get("/%2Eschema-scribe-site").status == 404)
        try FileManager.default.createSymbolicLink(atPath: site.folder.path("_site/leak.txt").path, withDestinationPath: site.folder.path("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.folder.path("_site/up").path, withDestinationPath: site.folder.url.path)
        #expect(try await site.client.get("/leak.txt").status == 403)
        #expect(try await site.client.get("/up/secret.txt").status == 403)
        await site.stop()
    }

    @Test func anEditedContextFileRebuildsAndOpenPagesHearOfIt() async throws {
        let site = try await ServedSite()
        let listener = try await EventListener(port: site.port)
        #expect(try await listener.wait(for: { $0.generation == 1 && $0.error == nil }) != nil)
        try site.write("content/context/orders.yml", "tables:\n  orders:\n    description: Every order a customer placed.\n")
        #expect(try await listener.wait(for: { $0.generation == 2 }) != nil)
        let reloaded = try await site.client.get(Self.ordersPage)
        #expect(reloaded.text.contains("Every order a customer placed.") && reloaded.text.contains("data-generation=\"2\""))
        let rebuilt = try #require(site.lines.all.last)
        #expect(rebuilt.contains("rebuilt in") && rebuilt.contains("content/context/orders.yml changed"))
        #expect(!rebuilt.contains("introspect"), "the database is not read again")
        listener.close()
        await site.stop()
    }

    @Test func aBrokenContextFileShowsItsErrorAndTheLastGoodSiteStaysServed() async throws {
        let site = try await ServedSite()
        let listener = try await EventListener(port: site.port)
        try site.write("content/context/orders.yml", "tables:\n  orders:\n    descripton: Every order.\n")
        let failed = try #require(try await listener.wait { $0.error != nil })
        #expect(failed.generation == 1)
        #expect(failed.error?.hasPrefix("[context] content/context/orders.yml:3:5: ") == true, "\(failed.error ?? "")")
        let page = try await site.client.get(Self.ordersPage)
        #expect(page.status == 200 && page.text.contains("One row per order."))
        let status = try await site.client.get("/_scribe/status")
        #expect(status.text.contains("content/context/orders.yml:3:5"))
        #expect(site.lines.all.last?.contains("still serving the last good site") == true)

        try site.write("content/context/orders.yml", "tables:\n  orders:\n    description: Every order.\n")
        let fixed = try #require(try await listener.wait { $0.generation == 2 })
        #expect(fixed.error == nil)
        #expect(try await site.client.get(Self.ordersPage).text.contains("Every order."))
        listener.close()
        await site.stop()
    }

    @Test func aPortInUseSaysHowToChooseAnother() async throws {
        let site = try await ServedSite()
        let session = Build.Session(build: Build(), request: .init(configPath: site.folder.path("site.yml").path))
        let second = Preview(session: session, options: .init(port: site.port)) { _ in }
        let error = await #expect(throws: ServeError.self) { try await second.run() }
        #expect(error?.description == "[serve] could not listen on 127.0.0.1:\(site.port) (Address already in use); "
            + "another program uses the port: give another with --port, or --port 0 for any free one")
        await site.stop()
    }

    /// A theme of one's own (`paths.theme`) is watched like the context folder: its CSS rebuilt into the site.
    @Test func anEditedThemeRebuildsTheSite() async throws {
        let site = try await ServedSite(ownTheme: true)
        let listener = try await EventListener(port: site.port)
        let css = site.folder.path("theme/assets/style.css")
        try (try String(contentsOf: css, encoding: .utf8) + "\n.edited-while-served { color: red }\n").write(to: css, atomically: true, encoding: .utf8)
        #expect(try await listener.wait { $0.generation == 2 } != nil)
        #expect(try await site.client.get("/assets/style.css").text.contains(".edited-while-served"))
        #expect(site.lines.all.last?.contains("theme/assets/style.css changed") == true)
        listener.close()
        await site.stop()
    }

    @Test func aPOSTReadsTheDatabasesAgainButNotFromAnotherSite() async throws {
        let site = try await ServedSite()
        let listener = try await EventListener(port: site.port)
        let elsewhere = try await site.client.get("/_scribe/reintrospect", headers: ["Origin": "http://evil.example"], method: "POST")
        #expect(elsewhere.status == 403)
        try SQLiteFixture.execute("CREATE TABLE refunds (id INTEGER PRIMARY KEY);", in: site.folder.path("shop.sqlite"))
        #expect(try await site.client.get("/_scribe/reintrospect", method: "POST").status == 202)
        #expect(try await listener.wait { $0.generation == 2 } != nil)
        #expect(try await site.client.get("/shop/main/tables/refunds.html").status == 200)
        #expect(site.lines.all.last?.contains("introspect") == true)
        listener.close()
        await site.stop()
    }
}
