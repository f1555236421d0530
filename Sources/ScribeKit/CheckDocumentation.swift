import Catalog
import Foundation
import Review

/// `scribe-build check`: builds the catalog a build would show (through describe, from its caches; no site is
/// written) and holds it to site.yml's `check:` rules, or to `CheckRule.defaults` when there are none.
public struct CheckDocumentation: Sendable {
    public var log: Log
    public var environment: [String: String]

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.log = log
        self.environment = environment
    }

    public func run(configPath: String) async throws(BuildError) -> Check.Result {
        let state = try await Build(log: log, environment: environment).run(Pipeline.described, .init(configPath: configPath))
        return Check(rules: state.config.check).run(state.catalog, findings: state.report.findings)
    }
}
