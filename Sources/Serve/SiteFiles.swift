import CompressNIO
import ContentHash
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// The built site's files as HTTP responses: an ETag from the bytes sent (304 when the browser has them),
/// gzip when the browser takes it, and the live-reload script in every HTML page. The files on disk never
/// change; the script exists only in what `serve` sends.
///
/// Files are read once and kept in memory with their gzipped form until their size, time or inode changes
/// or a new build is out (a page's script names the build it came from), so a page under load costs a
/// `stat` and a copy, not a read and a compression.
final class SiteFiles: Sendable {
    let root: URL
    private let cache = NIOLockedValueBox<[String: Entry]>([:])

    init(root: URL) {
        self.root = root
    }

    struct Entry: Sendable {
        var stamp: Stamp
        var generation: Int
        var body: ByteBuffer
        var gzipped: ByteBuffer?
        var etag: String
        var contentType: String
    }

    /// What tells that a file on disk changed: a rebuild renames each changed file over its old version (or swaps a
    /// whole new site in), so the inode changes even when the size and time happen to match.
    struct Stamp: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
        }
    }

    /// The response for `requestPath`; `liveScript` is the tag put before `</body>` of HTML pages.
    func response(for request: Request, path requestPath: String, generation: Int, liveScript: String) -> Response {
        let relative: String
        switch SitePath.resolve(requestPath, in: root) {
        case .file(let path): relative = path
        case .notFound: return Self.notFound(liveScript: liveScript)
        case .outside:
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "forbidden: the path leads outside the site folder\n")))
        }
        guard let entry = entry(relative, generation: generation, liveScript: liveScript) else {
            return Self.notFound(liveScript: liveScript)
        }
        let gzip = entry.gzipped != nil && Self.acceptsGzip(request.headers[.acceptEncoding])
        let etag = gzip ? entry.etag.dropLast() + "-gz\"" : entry.etag
        var headers: HTTPFields = [
            .contentType: entry.contentType,
            .eTag: String(etag),
            // Every response asks the browser to check again: a reload after a rebuild must show the new build
            // (pages, and the theme's CSS and scripts, which the watcher rebuilds too); the ETag keeps that
            // check to a 304 when nothing changed.
            .cacheControl: "no-cache",
        ]
        if entry.gzipped != nil { headers[.vary] = "Accept-Encoding" }
        if Self.matches(request.headers[.ifNoneMatch], entry.etag) {
            return Response(status: .notModified, headers: headers)
        }
        let body: ByteBuffer
        if gzip, let gzipped = entry.gzipped {
            headers[.contentEncoding] = "gzip"
            body = gzipped
        } else {
            body = entry.body
        }
        headers[.contentLength] = String(body.readableBytes)
        if request.method == .head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// The cached entry when the file and the build are the ones it was made from, else one read anew.
    private func entry(_ relative: String, generation: Int, liveScript: String) -> Entry? {
        let path = root.path + "/" + relative
        guard let stamp = Stamp(path: path) else { return nil }
        if let cached = cache.withLockedValue({ $0[relative] }), cached.stamp == stamp, cached.generation == generation {
            return cached
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let type = Self.contentType(relative)
        let body = ByteBuffer(bytes: type.hasPrefix("text/html") ? Self.inject(liveScript, into: data) : data)
        var hash = SHA256()
        hash.update(body.readableBytesView)
        let etag = "\"" + hash.finalize().prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        // Small files and images gain nothing from gzip; text (pages, SVG diagrams, search.json) shrinks 4–10×.
        var gzipped: ByteBuffer?
        if body.readableBytes >= 256, Self.compressible(type) {
            var input = body
            gzipped = try? input.compress(with: .gzip())
        }
        let entry = Entry(stamp: stamp, generation: generation, body: body, gzipped: gzipped, etag: etag, contentType: type)
        cache.withLockedValue { $0[relative] = entry }
        return entry
    }

    /// Forgets every file read: the next request of each reads it again.
    func clear() {
        cache.withLockedValue { $0.removeAll() }
    }

    /// A 404 that is still a page with the live-reload script, so a page that a build removes or has not made
    /// yet reloads itself when a build brings it, and shows a failed build's error meanwhile.
    static func notFound(liveScript: String) -> Response {
        let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>Not found</h1><p>The site has no page at this address.</p>\(liveScript)</body></html>\n"
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func inject(_ tag: String, into page: Data) -> Data {
        let closing = Data("</body>".utf8)
        guard let range = page.range(of: closing, options: .backwards) else { return page + Data(tag.utf8) }
        var injected = page
        injected.insert(contentsOf: Data(tag.utf8), at: range.lowerBound)
        return injected
    }

    /// `Accept-Encoding: gzip`, `gzip;q=0.8`, `*`: any of them with a weight above zero.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > 0 { return true }
        }
        return false
    }

    /// `If-None-Match` naming this file's ETag in either encoding (weak or strong, as proxies rewrite them), or `*`.
    static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        let gzipped = etag.dropLast() + "-gz\""
        return header.split(separator: ",").contains { item in
            var tag = item.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == "*" || tag == etag || tag == gzipped
        }
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "xml": return "application/xml"
        case "md", "markdown": return "text/markdown; charset=utf-8"
        case "yml", "yaml": return "application/yaml"
        case "txt", "csv": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }

    static func compressible(_ type: String) -> Bool {
        type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("image/svg")
            || type.hasPrefix("application/xml") || type.hasPrefix("application/yaml")
    }
}
