import Catalog
import ContentHash
import Foundation

/// Writes a site so that a failed build leaves the previous site exactly as it was, and a build that changed
/// little writes little.
///
/// The first build into a folder writes the whole site into a staging folder and swaps it into place. Every site
/// carries a manifest (the marker file) listing each of its files with a fingerprint of what it was made from; a
/// later build renders only the files whose fingerprint changed, stages them beside the site, records in a journal
/// what it is about to change, then renames each staged file over its old one and removes the files that are gone.
/// A build killed before the journal is complete changed nothing; one killed after it is completed by the next
/// build, so a reader never sees a half-written file and the site ends as the build meant it. A rebuild with
/// nothing changed writes nothing at all.
///
/// Files in the output that the site did not write (a gh-pages worktree's `.git/`, `CNAME`, `.nojekyll`) are
/// never touched: the manifest lists every file the site wrote, so everything else is known to be someone else's.
/// Builds hold a lock on the output's parent folder so that two never write at once.
public struct SiteOutput: Sendable {
    /// A file in every site we write, listing the site's files; its presence lets a later build replace the folder.
    public static let marker = ".schema-scribe-site"

    public var destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// What a call to `replace` changed in the output.
    public struct Changes: Sendable, Equatable, Codable {
        /// Files written: every file of a site written whole, else only those whose inputs changed.
        public var written = 0
        /// Files of the previous site that the new one no longer has.
        public var removed = 0
        /// Whether the site was written whole (there was no site with a manifest to update).
        public var whole = false

        public init(written: Int = 0, removed: Int = 0, whole: Bool = false) {
            self.written = written
            self.removed = removed
            self.whole = whole
        }
    }

    /// Fails unless `destination` is absent, empty, or a site written by Schema Scribe:
    /// replacing it must never delete a user's other files.
    public func checkReplaceable() throws(RenderError) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let attributes = try? manager.attributesOfItem(atPath: destination.path)
        if attributes?[.type] as? FileAttributeType == .typeSymbolicLink, !manager.fileExists(atPath: destination.path) {
            throw RenderError(.outputUnwritable(path: destination.path, message: "it is a symbolic link to something that does not exist; "
                + "remove the link or point --output elsewhere"))
        }
        guard manager.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw RenderError(.outputNotASite(path: destination.path)) }
        let contents = (try? manager.contentsOfDirectory(atPath: destination.path)) ?? []
        if contents.isEmpty || contents.contains(Self.marker) { return }
        throw RenderError(.outputNotASite(path: destination.path))
    }

    /// Runs `write` against a site folder, then brings `destination` up to what it wrote.
    /// `waiting` hears when another build holds the output and this one waits for it.
    @discardableResult
    public func replace(waiting: (String) -> Void = { _ in }, _ write: (SiteFolder) throws -> Void) throws -> Changes {
        let parent = destination.deletingLastPathComponent()
        let lock = try FolderLock(parent, waiting: waiting)
        defer { withExtendedLifetime(lock) {} }
        recoverAbandonedBuilds()
        try checkReplaceable()
        return try Interruption.whileWriting { try replaceHoldingTheLock(write) }
    }

    private func replaceHoldingTheLock(_ write: (SiteFolder) throws -> Void) throws -> Changes {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()

        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(stagingPrefix + token)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw RenderError(.outputUnwritable(path: parent.path, message: FileProblem.describe(error)))
        }
        let previous: SiteManifest? = if case .manifest(let manifest) = SiteManifest.read(in: destination) { manifest } else { nil }
        let folder = SiteFolder(root: staging, previous: previous, published: destination)
        let manifest: SiteManifest
        do {
            try write(folder)
            manifest = folder.manifest
            guard !Interruption.isRequested else { throw RenderError(.interrupted) }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        guard let previous else {
            do {
                try Data(manifest.text.utf8).write(to: staging.appendingPathComponent(Self.marker))
            } catch {
                try? manager.removeItem(at: staging)
                throw RenderError(.outputUnwritable(path: staging.path, message: FileProblem.describe(error)))
            }
            try swap(staging, token: token)
            return Changes(written: manifest.files.count, removed: 0, whole: true)
        }
        return try update(from: staging, token: token, previous: previous, manifest: manifest, written: folder.writtenFiles)
    }

    /// The first build into a folder: the staging folder takes the old folder's place (someone else's files carried).
    private func swap(_ staging: URL, token: String) throws {
        let manager = FileManager.default
        let retired = destination.deletingLastPathComponent().appendingPathComponent(retiredPrefix + token)
        // Someone else's files move into the new site before it takes the old one's place.
        var carried: [String] = []
        do {
            for path in try foreignEntries(of: destination, sitePaths: Self.sitePaths(in: destination)) {
                guard !manager.fileExists(atPath: staging.appendingPathComponent(path).path) else {
                    throw RenderError(.outputUnwritable(path: destination.appendingPathComponent(path).path,
                        message: Self.foreignFileThere))
                }
                try manager.createDirectory(at: staging.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.moveItem(at: destination.appendingPathComponent(path), to: staging.appendingPathComponent(path))
                carried.append(path)
            }
        } catch {
            // Put back what was carried, so the previous site stays exactly as it was.
            for path in carried.reversed() {
                try? manager.moveItem(at: staging.appendingPathComponent(path), to: destination.appendingPathComponent(path))
            }
            try? manager.removeItem(at: staging)
            if let error = error as? RenderError { throw error }
            throw RenderError(.outputUnwritable(path: destination.path, message: FileProblem.describe(error)))
        }
        do {
            if manager.fileExists(atPath: destination.path) {
                try manager.moveItem(at: destination, to: retired)
            }
            do {
                try manager.moveItem(at: staging, to: destination)
            } catch {
                try? manager.moveItem(at: retired, to: destination)
                throw error
            }
            try? manager.removeItem(at: retired)
        } catch {
            for path in carried.reversed() {
                try? manager.moveItem(at: staging.appendingPathComponent(path), to: destination.appendingPathComponent(path))
            }
            try? manager.removeItem(at: staging)
            throw RenderError(.outputUnwritable(path: destination.path, message: FileProblem.describe(error)))
        }
    }

    static let foreignFileThere = "the site now writes a file there, and the file there is not the site's; move it away, then build again"

    /// A later build: the staged files replace their old versions one rename each, the files that are gone are
    /// removed, and the new manifest goes in last, all following a journal written first.
    private func update(from staging: URL, token: String, previous: SiteManifest, manifest: SiteManifest,
                        written: Set<String>) throws -> Changes {
        let manager = FileManager.default
        let removed = Set(previous.files.keys).subtracting(manifest.files.keys).sorted()
        let markerText = manifest.text
        guard !written.isEmpty || !removed.isEmpty || markerText != previous.text else {
            try? manager.removeItem(at: staging)
            return Changes()
        }
        var journalWritten = false
        do {
            // A staged file where someone else's file is stops the build before anything changed.
            for path in written.sorted() where previous.files[path] == nil
                && manager.fileExists(atPath: destination.appendingPathComponent(path).path) {
                throw RenderError(.outputUnwritable(path: destination.appendingPathComponent(path).path, message: Self.foreignFileThere))
            }
            try Data(markerText.utf8).write(to: staging.appendingPathComponent(Self.marker))
            let journal = Journal(staging: staging.lastPathComponent, removed: removed, written: written.sorted() + [Self.marker])
            let journalFile = destination.deletingLastPathComponent().appendingPathComponent(journalPrefix + token)
            try Data(journal.text.utf8).write(to: journalFile, options: .atomic)
            journalWritten = true
            try apply(journal)
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: journalFile)
        } catch {
            // Once the journal is written the update is carried through: a failure halfway leaves the staging folder
            // and the journal, and the next build finishes what this one began.
            if !journalWritten { try? manager.removeItem(at: staging) }
            if let error = error as? RenderError, case .outputUnwritable = error.reason { throw error }
            throw RenderError(.outputUnwritable(path: destination.path, message: FileProblem.describe(error)))
        }
        return Changes(written: written.count, removed: removed.count, whole: false)
    }

    /// What an update changes, written before it changes anything, so a build killed halfway is finished by the next.
    struct Journal: Equatable {
        var staging: String
        var removed: [String]
        /// Staged paths, the manifest last.
        var written: [String]

        var text: String {
            "staging \(staging)\n" + removed.map { "remove \($0)\n" }.joined() + written.map { "write \($0)\n" }.joined() + "end\n"
        }

        /// Nil for a journal cut short: its update never began, and its staging folder is simply removed.
        init?(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= 3, lines.first?.hasPrefix("staging ") == true, lines[lines.count - 2] == "end" else { return nil }
            staging = String(lines[0].dropFirst("staging ".count))
            removed = lines.filter { $0.hasPrefix("remove ") }.map { String($0.dropFirst("remove ".count)) }
            written = lines.filter { $0.hasPrefix("write ") }.map { String($0.dropFirst("write ".count)) }
        }

        init(staging: String, removed: [String], written: [String]) {
            self.staging = staging
            self.removed = removed
            self.written = written
        }
    }

    /// Carries out `journal`; safe to run again on a journal partly carried out (a staged file already moved is
    /// no longer in the staging folder, a removed file no longer there).
    func apply(_ journal: Journal) throws {
        let manager = FileManager.default
        let staging = destination.deletingLastPathComponent().appendingPathComponent(journal.staging)
        var emptied: Set<String> = []
        for path in journal.removed {
            let url = destination.appendingPathComponent(path)
            if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                emptied.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        // Folders left empty go too, deepest first; one still holding anything (someone else's file) stays.
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            _ = rmdir(destination.appendingPathComponent(folder).path)
        }
        for path in journal.written {
            let from = staging.appendingPathComponent(path)
            guard manager.fileExists(atPath: from.path) else { continue }
            let to = destination.appendingPathComponent(path)
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            // rename(2) replaces the old file in one step: a reader sees the old page or the new, never half of one.
            guard rename(from.path, to.path) == 0 else {
                throw RenderError(.outputUnwritable(path: to.path, message: String(cString: strerror(errno))))
            }
        }
    }

    private var stagingPrefix: String { ".\(destination.lastPathComponent).scribe-staging-" }
    private var retiredPrefix: String { ".\(destination.lastPathComponent).scribe-old-" }
    private var journalPrefix: String { ".\(destination.lastPathComponent).scribe-journal-" }

    /// The files a site's marker lists; nil when there is no marker, or it predates the list.
    static func sitePaths(in folder: URL) -> Set<String>? {
        switch SiteManifest.read(in: folder) {
        case .manifest(let manifest): Set(manifest.files.keys)
        case .paths(let paths): paths
        case nil: nil
        }
    }

    /// Paths below `folder` the site did not write, as few as possible: a folder none of the site's files
    /// is in counts as one entry. A site from before the marker listed its files keeps only hidden files
    /// and `CNAME` at its top, the ones a publishing setup puts there.
    func foreignEntries(of folder: URL, sitePaths: Set<String>?) throws -> [String] {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else { return [] }
        guard let sitePaths else {
            return try manager.contentsOfDirectory(atPath: folder.path).sorted()
                .filter { $0 != Self.marker && ($0.hasPrefix(".") || $0 == "CNAME") }
        }
        var sitePrefixes: Set<String> = []
        for path in sitePaths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                sitePrefixes.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var found: [String] = []
        func walk(_ relative: String) throws {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in try manager.contentsOfDirectory(atPath: url.path).sorted() {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                if path == Self.marker || sitePaths.contains(path) { continue }
                if sitePrefixes.contains(path) {
                    try walk(path)
                } else {
                    found.append(path)
                }
            }
        }
        try walk("")
        return found
    }

    /// The fingerprint of the site's marker (its manifest) when the site is whole: no build left anything to
    /// finish, it was made by this program, and every file the manifest lists is there. Nil otherwise.
    ///
    /// What a build that skips its stages (nothing it reads changed, `BuildMemo`) checks the site against: the
    /// marker is written last, so a site some other build changed since, or one someone removed files from, has
    /// another fingerprint or none.
    public func wholeSiteFingerprint() -> Fingerprint? {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let names = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        guard !names.contains(where: { $0.hasPrefix(journalPrefix) || $0.hasPrefix(stagingPrefix) || $0.hasPrefix(retiredPrefix) }),
              let data = manager.contents(atPath: destination.appendingPathComponent(Self.marker).path),
              case .manifest(let manifest)? = SiteManifest.parse(String(decoding: data, as: UTF8.self)),
              manifest.software == SiteFingerprints.software
        else { return nil }
        // Paths joined as text: a URL per file was most of the check's time, for 5,000 files in every unchanged build.
        let root = destination.path.hasSuffix("/") ? destination.path : destination.path + "/"
        for path in manifest.files.keys where !manager.fileExists(atPath: root + path) {
            return nil
        }
        var hasher = FingerprintHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0.bindMemory(to: UInt8.self)) }
        return hasher.finalize()
    }

    /// Staging and retired folders of builds that were killed (we hold the lock, so no build is running):
    /// finish an update whose journal was written, put back a previous site whose swap was cut short, return
    /// someone else's files carried into a staging folder, then delete what is left.
    func recoverAbandonedBuilds() {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        guard var names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(journalPrefix) {
            let file = parent.appendingPathComponent(name)
            if let data = manager.contents(atPath: file.path), let journal = Journal(String(decoding: data, as: UTF8.self)) {
                try? apply(journal)
            }
            try? manager.removeItem(at: file)
        }
        names = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names.sorted() where name.hasPrefix(retiredPrefix) {
            let retired = parent.appendingPathComponent(name)
            if !manager.fileExists(atPath: destination.path) {
                try? manager.moveItem(at: retired, to: destination)
            } else {
                try? manager.removeItem(at: retired)
            }
        }
        for name in names.sorted() where name.hasPrefix(stagingPrefix) {
            let staging = parent.appendingPathComponent(name)
            if let paths = Self.sitePaths(in: staging), let foreign = try? foreignEntries(of: staging, sitePaths: paths) {
                for path in foreign where !manager.fileExists(atPath: destination.appendingPathComponent(path).path) {
                    try? manager.createDirectory(at: destination.appendingPathComponent(path).deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
                    try? manager.moveItem(at: staging.appendingPathComponent(path), to: destination.appendingPathComponent(path))
                }
            }
            try? manager.removeItem(at: staging)
        }
    }
}

/// The folder a site is being written into. Paths are relative and checked: nothing lands outside.
///
/// Each file is written with a fingerprint of what it is made from. When the site being updated (`published`)
/// already has the file made from the same inputs, it is kept as it is and its `render` is never called; else it is
/// rendered into `root`, the staging folder.
///
/// Safe to use from several threads at once, each writing its own files.
public struct SiteFolder: Sendable {
    public let root: URL
    /// The manifest of the site being updated, and where that site is; nil when the site is written whole.
    let previous: SiteManifest?
    let published: URL?
    /// The group the files written through this folder belong to (`group(_:inputs:_:)`).
    private let groupName: String?
    private let createdFolders: CreatedFolders
    private let written: WrittenFiles

    public init(root: URL) {
        self.init(root: root, previous: nil, published: nil)
    }

    init(root: URL, previous: SiteManifest?, published: URL?) {
        self.root = root
        self.previous = previous
        self.published = published
        groupName = nil
        createdFolders = CreatedFolders()
        written = WrittenFiles()
    }

    private init(_ folder: SiteFolder, group: String) {
        root = folder.root
        previous = folder.previous
        published = folder.published
        groupName = group
        createdFolders = folder.createdFolders
        written = folder.written
    }

    /// Writes `data` at `path`, unless the site being updated has exactly these bytes there.
    public func write(_ relativePath: String, _ data: Data) throws {
        var hasher = FingerprintHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0.bindMemory(to: UInt8.self)) }
        try write(relativePath, inputs: hasher.finalize()) { data }
    }

    /// Renders and writes `path` only when `inputs` differ from what the site being updated made it from.
    public func write(_ relativePath: String, inputs: Fingerprint, _ render: () throws -> Data) throws {
        try writeRendered(relativePath, inputs: inputs, render)
    }

    /// The same for a file rendered as bytes, written from them without a copy (catalog.json).
    public func write(_ relativePath: String, inputs: Fingerprint, bytes render: () throws -> [UInt8]) throws {
        try writeRendered(relativePath, inputs: inputs, render)
    }

    /// The same for a file streamed as it is made (`ByteStream`), straight into its place in the staging folder, so
    /// that it is never held whole. Kept as it was when its bytes turn out to be the site's already.
    public func write(_ relativePath: String, inputs: Fingerprint, streaming render: (inout ByteStream) throws -> Void) throws {
        try Self.check(relativePath)
        guard !Interruption.isRequested else { throw RenderError(.interrupted) }
        let entry = SiteManifest.Entry(fingerprint: inputs, group: groupName)
        if isUnchanged(relativePath, inputs) {
            written.keep(relativePath, entry)
            return
        }
        let url = root.appendingPathComponent(relativePath)
        func unwritable(_ error: any Error) -> RenderError {
            RenderError(.outputUnwritable(path: url.path, message: FileProblem.describe(error)))
        }
        let handle: FileHandle
        do {
            try createFolder(of: relativePath, url)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw unwritable(error)
        }
        do {
            var failed: (any Error)?
            var stream = ByteStream { bytes in
                do {
                    try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!),
                                                      count: bytes.count, deallocator: .none))
                } catch {
                    failed = error
                    throw error
                }
            }
            do {
                try render(&stream)
                try stream.flush()
                try handle.close()
            } catch {
                throw failed.map(unwritable) ?? error
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        // The same bytes as the site has: the file stays as it is, and only the manifest learns its new inputs.
        if previous?.files[relativePath] != nil, let published,
           Self.sameBytes(url, published.appendingPathComponent(relativePath)) {
            try? FileManager.default.removeItem(at: url)
            written.keep(relativePath, entry)
            return
        }
        written.insert(relativePath, entry)
    }

    /// Whether two files hold the same bytes, read a megabyte at a time; the sizes are compared first.
    static func sameBytes(_ a: URL, _ b: URL) -> Bool {
        let size = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber }
        guard let sizeA = size(a), sizeA == size(b), let first = try? FileHandle(forReadingFrom: a),
              let second = try? FileHandle(forReadingFrom: b) else { return false }
        defer {
            try? first.close()
            try? second.close()
        }
        while true {
            let chunkA = (try? first.read(upToCount: 1 << 20)) ?? nil, chunkB = (try? second.read(upToCount: 1 << 20)) ?? nil
            guard chunkA == chunkB else { return false }
            if chunkA?.isEmpty ?? true { return true }
        }
    }

    private func writeRendered(_ relativePath: String, inputs: Fingerprint, _ render: () throws -> some ContiguousBytes) throws {
        try Self.check(relativePath)
        guard !Interruption.isRequested else { throw RenderError(.interrupted) }
        if isUnchanged(relativePath, inputs) {
            written.keep(relativePath, SiteManifest.Entry(fingerprint: inputs, group: groupName))
            return
        }
        let rendered = try render()
        try rendered.withUnsafeBytes { raw in
            // A view of the rendered bytes for as long as this closure runs; nothing keeps it after.
            let data = raw.baseAddress.map {
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none)
            } ?? Data()
            try finish(relativePath, inputs: inputs, data)
        }
    }

    private func finish(_ relativePath: String, inputs: Fingerprint, _ data: Data) throws {
        let entry = SiteManifest.Entry(fingerprint: inputs, group: groupName)
        // New inputs often make the same bytes (the home page when one table's description changed): then the
        // file stays as it is, and only the manifest learns its new inputs.
        // The size is asked first, so that a large file that changed is not read to learn it.
        if previous?.files[relativePath] != nil, let published {
            let path = published.appendingPathComponent(relativePath).path
            if ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue == data.count,
               FileManager.default.contents(atPath: path) == data {
                written.keep(relativePath, entry)
                return
            }
        }
        try store(relativePath, data)
        written.insert(relativePath, entry)
    }

    /// Runs `work` only when `inputs` differ from those the site being updated made group `name` from; else keeps
    /// every file the group made then. Inside, each file is still written only when its bytes changed.
    /// Returns the paths of the group's files.
    @discardableResult
    public func group(_ name: String, inputs: Fingerprint, _ work: (SiteFolder) throws -> Void) throws -> [String] {
        if let files = keptGroup(name, inputs) {
            for (path, entry) in files { written.keep(path, entry) }
            written.group(name, inputs)
            return files.keys.sorted()
        }
        try work(SiteFolder(self, group: name))
        written.group(name, inputs)
        return written.manifest.files.filter { $0.value.group == name }.keys.sorted()
    }

    /// Whether `group(_:inputs:_:)` would run its work: the site being updated has no such group made from `inputs`.
    public func needsGroup(_ name: String, inputs: Fingerprint) -> Bool {
        keptGroup(name, inputs) == nil
    }

    /// The files of the group as the site being updated has them, when they were made from `inputs` and are all there.
    private func keptGroup(_ name: String, _ inputs: Fingerprint) -> [String: SiteManifest.Entry]? {
        guard isReusable, let previous, previous.groups[name] == inputs, let published else { return nil }
        let files = previous.files.filter { $0.value.group == name }
        guard files.keys.allSatisfy({ FileManager.default.fileExists(atPath: published.appendingPathComponent($0).path) }) else { return nil }
        return files
    }

    /// Whether `write(_:inputs:_:)` would render `path`: the site being updated has no file there made from `inputs`.
    public func needsWriting(_ path: String, inputs: Fingerprint) -> Bool {
        !isUnchanged(path, inputs)
    }

    /// Files made by another program are made again, whatever their inputs.
    private var isReusable: Bool { previous?.software == SiteFingerprints.software }

    private func isUnchanged(_ path: String, _ inputs: Fingerprint) -> Bool {
        guard isReusable, let previous, let published, let entry = previous.files[path], entry.fingerprint == inputs,
              entry.group == groupName
        else { return false }
        return FileManager.default.fileExists(atPath: published.appendingPathComponent(path).path)
    }

    private static func check(_ relativePath: String) throws(RenderError) {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        // A newline would end the path's line in the manifest.
        guard !relativePath.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") && !$0.contains("\n") })
        else { throw RenderError(.unsafePath(relativePath)) }
    }

    private func store(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        do {
            try createFolder(of: relativePath, url)
            try data.write(to: url)
        } catch {
            throw RenderError(.outputUnwritable(path: url.path, message: FileProblem.describe(error)))
        }
    }

    /// Asking the file system for a folder per file costs more than writing a small page; it is asked once per folder.
    private func createFolder(of relativePath: String, _ url: URL) throws {
        let folder = relativePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        try createdFolders.ensure(folder) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
    }

    /// Every path written into `root` so far (not those kept from the site being updated).
    public var writtenFiles: Set<String> { written.stored }

    /// Every file of the site so far, written or kept, with what it was made from, and the program that made them.
    public var manifest: SiteManifest {
        var manifest = written.manifest
        manifest.software = SiteFingerprints.software
        return manifest
    }
}

/// The files one site has written or kept, shared by the threads that write it.
private final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var entries = SiteManifest()
    private var paths: Set<String> = []

    func insert(_ path: String, _ entry: SiteManifest.Entry) {
        lock.withLock {
            entries.files[path] = entry
            paths.insert(path)
        }
    }

    func keep(_ path: String, _ entry: SiteManifest.Entry) { lock.withLock { entries.files[path] = entry } }
    func group(_ name: String, _ inputs: Fingerprint) { lock.withLock { entries.groups[name] = inputs } }
    var stored: Set<String> { lock.withLock { paths } }
    var manifest: SiteManifest { lock.withLock { entries } }
}

/// Folders already created in one site, shared by the threads that write it.
private final class CreatedFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: Set<String> = []

    /// Runs `create` the first time `folder` is asked for; other writers wait until it has finished.
    func ensure(_ folder: String, _ create: () throws -> Void) throws {
        try lock.withLock {
            guard !folders.contains(folder) else { return }
            try create()
            folders.insert(folder)
        }
    }
}
