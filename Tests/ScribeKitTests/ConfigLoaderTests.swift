import Foundation
import Context
import Review
import Testing
import TestSupport
@testable import ScribeKit

@Suite("site.yml")
struct ConfigLoaderTests {
    let loader = ConfigLoader(environment: ["SHOP_DB": "/data/shop.sqlite", "TITLE": "Shop docs"])

    @Test func aMinimalConfigurationGetsDefaults() throws {
        let config = try loader.parse("sources:\n  - {name: shop, kind: sqlite, path: db/shop.sqlite}\n",
                                      file: "site.yml", folder: URL(fileURLWithPath: "/work/project"))
        #expect(config.title == "Database documentation")
        #expect(config.sources == [.init(name: "shop", kind: .sqlite, values: ["path": "/work/project/db/shop.sqlite"])])
        #expect(config.output == "/work/project/_site")
        #expect(config.theme == nil)
        #expect(config.cache == "/work/project/.scribe/cache")
    }

    @Test func dbtFilesResolveAgainstTheConfigurationFolderWithWhereTheyAreWritten() throws {
        let config = try loader.parse("""
            sources: [{name: shop, kind: sqlite, path: shop.db}]
            dbt: {files: [dbt/models/**/*.yml, ../analytics]}
            """, file: "site.yml", folder: URL(fileURLWithPath: "/work/project"))
        #expect(config.dbtFiles.map(\.pattern) == ["/work/project/dbt/models/**/*.yml", "/work/analytics"])
        #expect(config.dbtFiles.map(\.location.description) == ["site.yml:2:15", "site.yml:2:36"])
        let messages = [
            ("dbt: {files: []}", "site.yml:2:14: `dbt.files` is empty; list dbt property files, globs such as `dbt/models/**/*.yml`, or a dbt project folder"),
            ("dbt: {paths: [a.yml]}", "site.yml:2:7: unknown key `paths` in `dbt`; allowed keys: files"),
            ("dbt: {files: {a: b}}", "site.yml:2:14: `dbt.files` should be a list, found a mapping"),
        ]
        for (yaml, message) in messages {
            do {
                _ = try loader.parse("sources: [{name: shop, kind: sqlite, path: shop.db}]\n" + yaml, file: "site.yml", folder: URL(fileURLWithPath: "/p"))
                Issue.record("no error for \(yaml)")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func variablesAreReadFromTheEnvironment() throws {
        let config = try loader.parse("""
            title: ${TITLE} ($$5 edition)
            sources:
              - {name: shop, kind: sqlite, path: "${SHOP_DB}"}
            paths: {output: ../public, theme: ./mytheme}
            """, file: "site.yml", folder: URL(fileURLWithPath: "/work/project"))
        #expect(config.title == "Shop docs ($5 edition)")
        #expect(config.sources[0].values["path"] == "/data/shop.sqlite")
        #expect(config.output == "/work/public")
        #expect(config.theme == "/work/project/mytheme")
    }

    /// Each bad file in Fixtures/bad-configs and the exact message a user sees for it.
    static let badConfigurations: [(String, String)] = [
        ("syntax-error.yml", "syntax-error.yml:6:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 5)"),
        ("unknown-top-key.yml", "unknown-top-key.yml:2:1: unknown key `sorces` in the top level; did you mean `sources`? allowed keys: title, sources, paths, default_templates, describe, profile, pii, relationships, check, dbt"),
        ("unknown-source-key.yml", "unknown-source-key.yml:5:5: unknown key `colour` in `sources[0]`; allowed keys: name, kind, path, url, include, exclude, statement_timeout, profile, relationships"),
        ("wrong-type.yml", "wrong-type.yml:1:8: `title` should be text, found a list"),
        ("sources-not-a-list.yml", "sources-not-a-list.yml:2:10: `sources` should be a list, found `shop.sqlite`"),
        ("no-sources.yml", "no-sources.yml:1:1: missing `sources`; expected a list of databases, e.g. `sources: [{name: shop, kind: sqlite, path: shop.db}]`"),
        ("unknown-kind.yml", "unknown-kind.yml:2:24: unsupported source kind `oracle`; expected one of: sqlite, postgres"),
        ("missing-path.yml", "missing-path.yml:2:5: `sources[0]` is missing `path`"),
        ("unset-variable.yml", "unset-variable.yml:2:38: environment variable SCRIBE_TEST_UNSET_VARIABLE is not set (used in `sources[0].path`)"),
        ("duplicate-source.yml", "duplicate-source.yml:3:5: a source named `shop` is already defined at line 2; names must be unique"),
        ("unknown-path-key.yml", "unknown-path-key.yml:5:3: unknown key `caches` in `paths`; did you mean `cache`? allowed keys: output, theme, cache, context"),
        ("empty.yml", "empty.yml: the file is empty; expected at least `sources:`"),
        ("zero-sample-rows.yml", "zero-sample-rows.yml:4:16: `profile.sample_rows` should be a whole number from 1 to 1000000, found `0`"),
        ("bad-concurrency.yml", "bad-concurrency.yml:5:16: `describe.concurrency` should be a whole number from 1 to 256, found `many`"),
        ("bad-pii-policy.yml", "bad-pii-policy.yml:4:20: `pii.publish_samples` should be `masked` or `none`, found `raw`"),
    ]

    @Test(arguments: badConfigurations)
    func aBadFileIsNamedWithLineColumnAndWhatWasExpected(file: String, message: String) throws {
        let folder = Fixtures.url("bad-configs")
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let error = #expect(throws: ConfigError.self) { try loader.parse(text, file: file, folder: folder) }
        #expect(error?.description == message)
    }

    static let shop = "sources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n"
    static let timeoutRange = "should be a duration from 1ms to 24h, such as `30s`, `2m` or `500ms`"

    /// Values that parse as numbers or text but that nothing can use; `inf` and `1e300` once crashed a later stage.
    static let outOfRange: [(String, String)] = [
        (shop + "profile: {timeout: inf}", "site.yml:3:20: `profile.timeout` \(timeoutRange), found `inf`"),
        (shop + "describe: {timeout: inf}", "site.yml:3:21: `describe.timeout` \(timeoutRange), found `inf`"),
        (shop + "describe: {timeout: nan}", "site.yml:3:21: `describe.timeout` \(timeoutRange), found `nan`"),
        (shop + "profile: {timeout: 0s}", "site.yml:3:20: `profile.timeout` \(timeoutRange), found `0s`"),
        (shop + "profile: {timeout: 25h}", "site.yml:3:20: `profile.timeout` \(timeoutRange), found `25h`"),
        ("sources:\n  - {name: shop, kind: sqlite, path: shop.sqlite, statement_timeout: 1e300}\n",
         "site.yml:2:70: `sources[0].statement_timeout` \(timeoutRange), found `1e300`"),
        (shop + "profile: {sample_rows: 99999999999999999999}",
         "site.yml:3:24: `profile.sample_rows` should be a whole number from 1 to 1000000, found `99999999999999999999`"),
        (shop + "profile: {full_scan_below: -1}", "site.yml:3:28: `profile.full_scan_below` should be a whole number from 0 to 1000000000, found `-1`"),
        (shop + "profile: {workers: 1000}", "site.yml:3:20: `profile.workers` should be a whole number from 1 to 64, found `1000`"),
        (shop + "describe: {concurrency: 0}", "site.yml:3:25: `describe.concurrency` should be a whole number from 1 to 256, found `0`"),
        (shop + "describe: {max_calls: 1e9}", "site.yml:3:23: `describe.max_calls` should be a whole number from 1 to 10000000, found `1e9`"),
        (shop + "describe: {requests_per_minute: 0}",
         "site.yml:3:33: `describe.requests_per_minute` should be a whole number from 1 to 100000, found `0`"),
        (shop + "describe: {base_url: \"not a url\"}",
         "site.yml:3:22: `describe.base_url` should be an http:// or https:// URL such as `http://127.0.0.1:8080/v1`, found `not a url`"),
        (shop + "describe: {base_url: \"ftp://x\"}",
         "site.yml:3:22: `describe.base_url` should be an http:// or https:// URL such as `http://127.0.0.1:8080/v1`, found `ftp://x`"),
    ]

    @Test(arguments: outOfRange)
    func aValueOutsideItsRangeIsNamedWithItsPlaceAndTheRange(text: String, message: String) {
        let error = #expect(throws: ConfigError.self) { try loader.parse(text, file: "site.yml", folder: URL(fileURLWithPath: "/")) }
        #expect(error?.description == message)
    }

    @Test func valuesAtTheEndsOfTheirRangesAreAccepted() throws {
        let config = try loader.parse(Self.shop + """
            profile: {timeout: 1ms, sample_rows: 1000000, full_scan_below: 0, workers: 64}
            describe: {timeout: 24h, concurrency: 256, max_calls: 10000000, base_url: "HTTPS://models.example/v1"}
            """, file: "site.yml", folder: URL(fileURLWithPath: "/"))
        #expect(config.profile.sampling.statementTimeoutMilliseconds == 1 && config.profile.sampling.sampleRows == 1_000_000 && config.profile.sampling.workers == 64)
        #expect(config.describe.timeoutSeconds == 86_400 && config.describe.stage.concurrency == 256)
        #expect(config.describe.baseURL == "HTTPS://models.example/v1")
    }

    @Test func aMissingFileSaysHowToFixIt() {
        let error = #expect(throws: ConfigError.self) { try loader.load(path: "/nonexistent/site.yml") }
        #expect(error?.description == "/nonexistent/site.yml: configuration file not found; create one (see README.md) or pass --config PATH")
    }

    @Test func aVariablesValueNeverAppearsInAnError() throws {
        let secretLoader = ConfigLoader(environment: ["SECRET": "hunter2"])
        let error = #expect(throws: ConfigError.self) {
            try secretLoader.parse("sources:\n  - {name: s, kind: \"${SECRET}\", path: x}\n", file: "site.yml", folder: URL(fileURLWithPath: "/"))
        }
        #expect(error?.description == "site.yml:2:21: unsupported source kind `${SECRET}`; expected one of: sqlite, postgres")
    }

    @Test func checkRulesAreReadWithTheirSettingsAndDefaultsWithout() throws {
        #expect(try loader.parse(Self.shop, file: "site.yml", folder: URL(fileURLWithPath: "/")).check == CheckRule.defaults)
        let config = try loader.parse(Self.shop + """
            check:
              - {rule: described, min_tables: 0.9, min_columns: 0.75}
              - {rule: approved, id: core-approved, tag: core, min_tables: 1, severity: warning}
              - {rule: relationships_reviewed, min_confidence: 0.8}
            """, file: "site.yml", folder: URL(fileURLWithPath: "/"))
        #expect(config.check == [
            CheckRule(kind: .described, minTables: 0.9, minColumns: 0.75),
            CheckRule(id: "core-approved", kind: .approved, severity: .warning, tag: "core", minTables: 1),
            CheckRule(kind: .relationshipsReviewed, minConfidence: 0.8),
        ])
    }

    static let badChecks: [(String, String)] = [
        ("check:\n  - {rule: describd, min_tables: 1}", "site.yml:4:12: `check[0].rule` should be one of `described`, `approved`, `model_text_reviewed`, `no_stale_approvals`, `pii_decided`, `context_names_exist`, `relationships_reviewed`, found `describd`; did you mean `described`?"),
        ("check:\n  - {rule: pii_decided, min_tables: 1}", "site.yml:4:37: `min_tables` does not apply to rule `pii_decided`, which takes `id`, `severity`, `tag`"),
        ("check:\n  - {rule: described}", "site.yml:4:5: `check[0]` (described) needs `min_tables`, `min_columns` or both, such as `min_tables: 0.9`"),
        ("check:\n  - {rule: described, min_tables: 90}", "site.yml:4:35: `check[0].min_tables` should be a share from 0 to 1, such as 0.9, found `90`"),
        ("check:\n  - {rule: no_stale_approvals, severity: fatal}", "site.yml:4:42: `check[0].severity` should be `error` or `warning`, found `fatal`"),
        ("check:\n  - {rule: pii_decided}\n  - {rule: pii_decided}", "site.yml:5:12: `check[1]`: another rule is already called `pii_decided`; give one an `id:`"),
        ("check:\n  - {severity: error}", "site.yml:4:5: `check[0]` is missing `rule`"),
    ]

    @Test(arguments: badChecks)
    func aBadCheckRuleIsNamedWithItsPlace(text: String, message: String) {
        let error = #expect(throws: ConfigError.self) { try loader.parse(Self.shop + text, file: "site.yml", folder: URL(fileURLWithPath: "/")) }
        #expect(error?.description == message)
    }
}
