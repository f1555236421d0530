import ContentHash
import Foundation
import Testing
import TestSupport
@testable import SiteGen

@Suite("Writing the site into place")
struct SiteOutputTests {
    struct Interrupted: Error {}

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try $0.write("index.html", Data("first".utf8)) }
        let before = TemporaryFolder.contents(of: folder.path("site"))

        #expect(throws: Interrupted.self) {
            try output.replace { site in
                try site.write("index.html", Data("second".utf8))
                throw Interrupted()
            }
        }
        #expect(TemporaryFolder.contents(of: folder.path("site")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"], "staging folder left behind")
    }

    /// catalog.json and search.json are streamed into place: a file whose new inputs make the same bytes is kept, one
    /// with new bytes is written whole, and a stream that fails leaves the site as it was.
    @Test func aStreamedFileIsWrittenWholeOrKept() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        let big = (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        func stream(_ bytes: [UInt8], inputs: UInt64, failing: Bool = false) throws -> SiteOutput.Changes {
            try output.replace { site in
                try site.write("data/catalog.json", inputs: Fingerprint(high: inputs, low: 0), streaming: { stream in
                    for chunk in stride(from: 0, to: bytes.count, by: 1 << 16) {
                        stream.buffer += bytes[chunk..<min(bytes.count, chunk + 1 << 16)]
                        try stream.flushIfFull()
                        if failing, chunk > 5 << 20 { throw Interrupted() }
                    }
                })
            }
        }
        #expect(try stream(big, inputs: 1).written == 1)
        #expect(TemporaryFolder.contents(of: folder.path("site"))["data/catalog.json"] == Data(big))
        let kept = try stream(big, inputs: 2)
        #expect(kept.written == 0, "the same bytes: only the manifest learns the new inputs")
        var changed = big
        changed[changed.count - 1] ^= 1
        #expect(try stream(changed, inputs: 3).written == 1)
        #expect(TemporaryFolder.contents(of: folder.path("site"))["data/catalog.json"] == Data(changed))
        #expect(throws: Interrupted.self) { try stream(big, inputs: 4, failing: true) }
        #expect(TemporaryFolder.contents(of: folder.path("site"))["data/catalog.json"] == Data(changed))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"], "staging folder left behind")
    }

    @Test func aSuccessfulBuildReplacesTheWholeFolder() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try $0.write("old.html", Data("old".utf8)) }
        try output.replace { try $0.write("new.html", Data("new".utf8)) }
        #expect(Set(TemporaryFolder.contents(of: folder.path("site")).keys) == ["new.html", SiteOutput.marker])
    }

    @Test func filesTheSiteDidNotWriteAreKept() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { site in
            try site.write("index.html", Data("first".utf8))
            try site.write("assets/site.css", Data("css".utf8))
        }
        // A gh-pages worktree: git's folder, the custom domain, the Jekyll switch, a file beside the site's.
        try FileManager.default.createDirectory(at: folder.path("site/.git/objects"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: folder.path("site/.git/HEAD"))
        try Data("docs.example.com\n".utf8).write(to: folder.path("site/CNAME"))
        try Data().write(to: folder.path("site/.nojekyll"))
        try Data("mine".utf8).write(to: folder.path("site/assets/extra.css"))

        try output.replace { site in
            try site.write("index.html", Data("second".utf8))
            try site.write("assets/site.css", Data("css2".utf8))
        }
        let files = TemporaryFolder.contents(of: folder.path("site"))
        #expect(Set(files.keys) == [".git/HEAD", "CNAME", ".nojekyll", "assets/extra.css", "assets/site.css", "index.html", SiteOutput.marker])
        #expect(files["CNAME"] == Data("docs.example.com\n".utf8) && files["index.html"] == Data("second".utf8))
        #expect(FileManager.default.fileExists(atPath: folder.path("site/.git/objects").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
    }

    @Test func aFileOfSomeoneElsesWhereTheSiteNowWritesStopsTheBuild() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try $0.write("index.html", Data("first".utf8)) }
        try Data("mine".utf8).write(to: folder.path("site/glossary.html"))
        let before = TemporaryFolder.contents(of: folder.path("site"))
        let error = #expect(throws: RenderError.self) {
            try output.replace { site in
                try site.write("index.html", Data("second".utf8))
                try site.write("glossary.html", Data("site's".utf8))
            }
        }
        #expect(error?.description == "could not write the site to \(folder.path("site/glossary.html").path): the site now writes a file there, "
            + "and the file there is not the site's; move it away, then build again")
        #expect(TemporaryFolder.contents(of: folder.path("site")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
    }

    /// kill -9 at any point leaves staging or retired folders; the next build cleans them and loses nothing.
    @Test func whatAKilledBuildLeftIsCleanedUpByTheNext() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try $0.write("index.html", Data("first".utf8)) }
        try Data("docs.example.com".utf8).write(to: folder.path("site/CNAME"))
        // Killed while rendering: a half-written staging folder.
        try FileManager.default.createDirectory(at: folder.path(".site.scribe-staging-99999-deadbeef"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: folder.path(".site.scribe-staging-99999-deadbeef/index.html"))
        // Killed between moving the old site away and the new one in: the site is gone, CNAME is in staging.
        let staging = folder.path(".site.scribe-staging-99998-cafecafe")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("new".utf8).write(to: staging.appendingPathComponent("index.html"))
        try Data((SiteManifest.listHeader + "index.html\n").utf8).write(to: staging.appendingPathComponent(SiteOutput.marker))
        try FileManager.default.moveItem(at: folder.path("site/CNAME"), to: staging.appendingPathComponent("CNAME"))
        try FileManager.default.moveItem(at: folder.path("site"), to: folder.path(".site.scribe-old-99998-cafecafe"))

        try output.replace { try $0.write("index.html", Data("third".utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
        let files = TemporaryFolder.contents(of: folder.path("site"))
        #expect(files["CNAME"] == Data("docs.example.com".utf8) && files["index.html"] == Data("third".utf8))
    }

    /// Eight builds into one folder at once: each waits for the one before; none fails, nothing is left over.
    @Test func buildsAtTheSameTimeTakeTurns() async throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for build in 0..<8 {
                group.addTask {
                    try output.replace { site in
                        for page in 0..<50 { try site.write("p\(page).html", Data("build \(build)".utf8)) }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
        let pages = TemporaryFolder.contents(of: folder.path("site")).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 50 && Set(pages.values).count == 1, "one build's pages, whole")
    }

    @Test func aDanglingSymbolicLinkAsOutputIsExplained() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path("site").path, withDestinationPath: folder.path("gone").path)
        let error = #expect(throws: RenderError.self) { try SiteOutput(destination: folder.path("site")).replace { _ in } }
        #expect(error?.description == "could not write the site to \(folder.path("site").path): it is a symbolic link to something that does not exist; "
            + "remove the link or point --output elsewhere")
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.path("docs"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.path("docs/notes.txt"))
        let output = SiteOutput(destination: folder.path("docs"))
        let error = #expect(throws: RenderError.self) { try output.replace { _ in } }
        #expect(error?.description == "output folder \(folder.path("docs").path) exists, is not empty and was not written by Schema Scribe; "
            + "choose another --output, or empty it yourself")
        #expect(try String(contentsOf: folder.path("docs/notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func pathsThatClimbOutOfTheSiteAreRefused() throws {
        let folder = try TemporaryFolder()
        let site = SiteFolder(root: folder.path("site"))
        for path in ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "", "./x"] {
            #expect(throws: RenderError.self, "\(path) was accepted") { try site.write(path, Data()) }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("escape.html").path))
    }
}
