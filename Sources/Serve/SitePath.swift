import Foundation

/// A request path checked against the site folder: the only files `serve` answers with are regular files
/// inside it, reached without `..`, without a hidden name, and without a symbolic link that leads out.
enum SitePath: Equatable {
    /// A file inside the site: its path relative to the site folder, as the site's links write it.
    case file(String)
    /// Nothing there (or a hidden name, which the site never links to: `.schema-scribe-site`, a `.git/`).
    case notFound
    /// A path that tries to leave the site folder, by `..` or by a symbolic link.
    case outside

    /// Reads `requestPath` (percent-encoded, as sent) against `root`: a folder answers with its index.html.
    static func resolve(_ requestPath: String, in root: URL) -> SitePath {
        guard let decoded = requestPath.removingPercentEncoding else { return .notFound }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            // A backslash is a separator to some clients; a NUL ends the path in the system call.
            if segment == ".." || segment.contains("\\") || segment.contains("\0") { return .outside }
            if segment == "." { continue }
            if segment.hasPrefix(".") { return .notFound }
            segments.append(String(segment))
        }
        guard let realRoot = realPath(root.path) else { return .notFound }
        var relative = segments.joined(separator: "/")
        var candidate = segments.isEmpty ? realRoot : realRoot + "/" + relative
        if isFolder(candidate) {
            relative = relative.isEmpty ? "index.html" : relative + "/index.html"
            candidate = realRoot + "/" + relative
        }
        guard let real = realPath(candidate) else { return .notFound }
        // The resolved file must still lie inside the site: a link to /etc/passwd is not the site's to give.
        guard real.hasPrefix(realRoot + "/") else { return .outside }
        guard !isFolder(real) else { return .notFound }
        return .file(relative)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
