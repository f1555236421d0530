import Foundation

/// Notices when a watched file or folder changes: site.yml, the context folder, the theme folder.
///
/// It polls (a `stat` of every file under the watched paths, a few times a second) rather than asking the
/// kernel: editors save by writing a new file and renaming it over the old one, which inotify reports as a
/// different file, and a context folder of a few thousand files stats in a few milliseconds.
struct FileWatcher: Sendable {
    /// Each file's size and modification time, by path: two equal snapshots mean nothing changed.
    struct Snapshot: Equatable, Sendable {
        var files: [String: Stamp] = [:]

        /// The paths added, removed or changed since `earlier`, sorted.
        func changes(since earlier: Snapshot) -> [String] {
            Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
        }
    }

    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    var paths: [URL]

    /// Every file under `paths` now. Hidden files and editors' backups (`.orders.yml.swp`, `orders.yml~`)
    /// are left out: saving a file must not look like two changes.
    func snapshot() -> Snapshot {
        var snapshot = Snapshot()
        for path in paths { add(path.standardizedFileURL.path, to: &snapshot, depth: 0) }
        return snapshot
    }

    private func add(_ path: String, to snapshot: inout Snapshot, depth: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            // Deep enough for any context layout; a link loop must not run forever.
            guard depth < 16, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names where !Self.ignored(name) { add(path + "/" + name, to: &snapshot, depth: depth + 1) }
        } else if (info.st_mode & S_IFMT) == S_IFREG {
            snapshot.files[path] = Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec,
                                         nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
        }
    }

    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name == "4913"
    }
}
