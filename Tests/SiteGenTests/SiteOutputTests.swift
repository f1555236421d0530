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

    @Test func aSuccessfulBuildReplacesTheWholeFolder() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try $0.write("old.html", Data("old".utf8)) }
        try output.replace { try $0.write("new.html", Data("new".utf8)) }
        #expect(Set(TemporaryFolder.contents(of: folder.path("site")).keys) == ["new.html", SiteOutput.marker])
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
