import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
@testable import ScribeKit

/// The whole build on the labelled PII fixture, with a model that is sent sample values: no raw value of a
/// PII column reaches the site, the search index, catalog.json, the cache, the log or the model.
@Suite("No raw personal data leaves a build")
struct PIILeakTests {
    let folder: TemporaryFolder
    let server: FakeModelServer
    let fixture: PIIFixture

    init() throws {
        folder = try TemporaryFolder()
        server = try FakeModelServer()
        fixture = try PIIFixture(in: folder.url)
        try Data("""
            sources:
              - {name: people, kind: sqlite, path: people.sqlite}
            describe: {provider: openai, model: m, base_url: '\(server.baseURL.absoluteString)', send_sample_values: true}
            """.utf8).write(to: folder.path("site.yml"))
    }

    /// Every file of the site and the cache, the log and what the model was sent, searched for every raw value
    /// of a PII column (four characters or more; all-digit ones six, since short numbers such as five-digit
    /// postcodes and house numbers also occur as ordinary figures).
    func leaks(log lines: Lines, prompts: [String], raw rawValues: [String]? = nil,
               publicValues: [String] = []) -> (places: [(String, String)], leaks: [String]) {
        var haystacks: [(String, String)] = TemporaryFolder.contents(of: folder.path("_site")).map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
        haystacks += TemporaryFolder.contents(of: folder.path(".scribe")).map { (".scribe/" + $0.key, String(decoding: $0.value, as: UTF8.self)) }
        haystacks += [("log", lines.all.joined(separator: "\n"))] + prompts.map { ("prompt", $0) }
        // glibc's strstr: 20,000 needles in a few megabytes take well under a second (String.contains took 40 s).
        // A raw value that a column without PII also holds, or is part of (`Victoria` in `Victoria Mug`), is
        // published as that column's value: no leak.
        let published = publicValues.joined(separator: "\n")
        let raw = Set((rawValues ?? fixture.rawValues).filter { $0.count >= ($0.allSatisfy(\.isNumber) ? 6 : 4) })
            .filter { published.isEmpty || strstr(published, $0) == nil }
        var leaks: [String] = []
        for (place, text) in haystacks {
            for value in raw where strstr(text, value) != nil { leaks.append("\(place): \(value)") }
        }
        print("searched \(haystacks.count) files, the log and \(prompts.count) prompts for \(raw.count) raw PII values: \(leaks.count) found")
        return (haystacks, leaks)
    }

    @Test func noRawValueOfAPIIColumnIsWrittenLoggedCachedOrSent() async throws {
        let lines = Lines()
        _ = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path))
        let prompts = try await server.prompts()
        #expect(prompts.count == 2)
        let (haystacks, leaks) = leaks(log: lines, prompts: prompts)
        #expect(leaks.isEmpty, "\(leaks.prefix(10))")
        // The search does find values when they are there: a categorical column's values are published.
        let catalogJSON = try #require(haystacks.first { $0.0 == "catalog.json" }?.1)
        #expect(strstr(catalogJSON, "\"delivered\"") != nil)

        // Sample values do go to the model for a categorical column without PII, and PII columns say what they are.
        let orders = try #require(prompts.first { $0.contains("\"order_number\"") })
        #expect(orders.contains("\"delivered\""))
        let customers = try #require(prompts.first { $0.contains("\"first_name\"") })
        #expect(customers.contains("\"personalData\" : \"email\""))
        #expect(customers.contains("\"values\" : [\n        \"bronze\",\n        \"gold\",\n        \"silver\"\n      ]"))
    }

    /// A detector that misses a column must not be all that stands between its values and the site: with every
    /// PII column declared `pii: none`, what is published of them is still only their shape.
    /// A context file declaring every PII column of `labels` free of personal data.
    func declareNothingPersonal(_ labels: [String: String?]) throws {
        var yaml = "tables:\n"
        for (table, columns) in Dictionary(grouping: labels.filter { $0.value != nil }.keys, by: { $0.split(separator: ".")[0] })
            .sorted(by: { $0.key < $1.key }) {
            yaml += "  \"\(table)\":\n    columns:\n"
            for column in columns.sorted() { yaml += "      \"\(column.split(separator: ".")[1])\": {pii: none}\n" }
        }
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: folder.path("content/context/nothing-personal.yml"))
    }

    @Test func columnsTheDetectorMissesLeakNothingEither() async throws {
        try declareNothingPersonal(fixture.labels)

        let lines = Lines()
        let report = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path, strict: true))
        #expect(report.findings.isEmpty)
        let catalogJSON = try String(contentsOf: folder.path("_site/catalog.json"), encoding: .utf8)
        #expect(!catalogJSON.contains("\"confidence\" :"), "every finding was overruled")
        let (_, leaks) = leaks(log: lines, prompts: try await server.prompts())
        #expect(leaks.isEmpty, "\(leaks.prefix(10))")
        // Categorical values are still published: the rule withholds what is not categorical, not everything.
        #expect(catalogJSON.contains("\"delivered\"") && catalogJSON.contains("\"bronze\""))
    }

    /// The multilingual fixture (national ids, secrets, names and addresses in eight languages), in a build of
    /// its own, found and then declared `pii: none`: no raw value either way.
    @Test(arguments: [false, true])
    func theMultilingualFixtureLeaksNothing(declaredFree: Bool) async throws {
        let multilingual = try MultilingualPIIFixture(in: folder.url)
        try Data("""
            sources:
              - {name: world, kind: sqlite, path: multilingual.sqlite}
            describe: {provider: openai, model: m, base_url: '\(server.baseURL.absoluteString)', send_sample_values: true}
            """.utf8).write(to: folder.path("site.yml"))
        if declaredFree { try declareNothingPersonal(multilingual.labels) }
        let lines = Lines()
        let report = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path, strict: true))
        #expect(report.findings.isEmpty)
        let (_, leaks) = leaks(log: lines, prompts: try await server.prompts(), raw: multilingual.rawValues,
                               publicValues: multilingual.publicValues)
        #expect(leaks.isEmpty, "\(leaks.prefix(10))")
    }
}
