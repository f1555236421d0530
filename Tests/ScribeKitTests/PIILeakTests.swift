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

    @Test func noRawValueOfAPIIColumnIsWrittenLoggedCachedOrSent() async throws {
        let lines = Lines()
        _ = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path))
        let prompts = try await server.prompts()
        #expect(prompts.count == 2)
        var haystacks: [(String, String)] = TemporaryFolder.contents(of: folder.path("_site")).map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
        haystacks += TemporaryFolder.contents(of: folder.path(".scribe")).map { (".scribe/" + $0.key, String(decoding: $0.value, as: UTF8.self)) }
        haystacks += [("log", lines.all.joined(separator: "\n"))] + prompts.map { ("prompt", $0) }
        // glibc's strstr: 20,000 needles in a few megabytes take well under a second (String.contains took 40 s).
        // Every value of four characters or more; short all-digit values (five-digit postcodes, house numbers)
        // also occur as ordinary numbers, so those need six.
        let raw = Set(fixture.rawValues.filter { $0.count >= ($0.allSatisfy(\.isNumber) ? 6 : 4) })
        var leaks: [String] = []
        for (place, text) in haystacks {
            for value in raw where strstr(text, value) != nil { leaks.append("\(place): \(value)") }
        }
        print("searched \(haystacks.count) files, the log and \(prompts.count) prompts for \(raw.count) raw PII values: \(leaks.count) found")
        #expect(leaks.isEmpty, "\(leaks.prefix(10))")
        // The search does find values when they are there: non-PII samples such as product codes are published.
        let catalogJSON = try #require(haystacks.first { $0.0 == "catalog.json" }?.1)
        #expect(strstr(catalogJSON, "\"SKU-") != nil)

        // Sample values do go to the model for a categorical column without PII, and PII columns say what they are.
        let orders = try #require(prompts.first { $0.contains("\"order_number\"") })
        #expect(orders.contains("\"delivered\""))
        let customers = try #require(prompts.first { $0.contains("\"first_name\"") })
        #expect(customers.contains("\"personalData\" : \"email\""))
        #expect(customers.contains("\"values\" : [\n        \"bronze\",\n        \"gold\",\n        \"silver\"\n      ]"))
    }
}
