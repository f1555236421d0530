import Catalog
import Foundation
import Introspect
import Profile

extension Build {
    /// The profile stage: each profiled source's tables sampled in the database, then profiles and PII
    /// decided from the samples, with the values of PII columns masked before anything else sees them.
    func profile(_ state: inout BuildState) throws(BuildError) {
        let (catalog, config, reprofile) = (state.catalog, state.config, state.request.reprofile)
        let settings = config.profile
        let plan = settings.sampling
        // Each table is profiled as soon as its sample is read, and the sample dropped (`TableSampler.sample(…each:)`).
        let stage = ProfileStage(policy: config.piiSamples)
        var profiledTables: [TableID: Table] = [:]
        var sampled = 0
        let started = Date()
        let cache = ProfileCache(file: URL(fileURLWithPath: config.cache).appendingPathComponent("profiles.json"))
        let cacheSettings = "\(plan.fingerprint) \(config.piiSamples.rawValue)"
        var keys: [TableID: String] = [:]
        var cached: [TableID: ProfileCache.Entry] = [:]
        for sourceConfig in config.sources where settings.enabled && sourceConfig.profile {
            guard let source = catalog.sources.first(where: { $0.name == sourceConfig.name }) else { continue }
            var tables = source.schemas.flatMap(\.tables).filter { table in
                [.table, .partitionedTable].contains(table.kind) && settings.filter.includes(anyOf: ["\(table.id.schema).\(table.id.name)", "\(table.id)"])
            }
            // On every core: a SHA-256 of every table's columns, 0.13 s on one at 5,000 tables.
            let made = (try? Parallel.map(count: tables.count, chunkSize: 64) { index, _ in
                ProfileCache.key(for: tables[index], settings: cacheSettings)
            }) ?? tables.map { ProfileCache.key(for: $0, settings: cacheSettings) }
            for (table, key) in zip(tables, made) { keys[table.id] = key }
            if !reprofile {
                for table in tables { if let key = keys[table.id], let entry = cache.entry(key: key) { cached[table.id] = entry } }
                tables.removeAll { cached[$0.id] != nil }
            }
            guard !tables.isEmpty else { continue }
            let progress = ProgressPrinter(log: log, label: "[profile]")
            let progressStarted = Date()
            let show: @Sendable (Int, Int) -> Void = { done, total in progress.show(done: done, total: total, noun: "tables", started: progressStarted) }
            let read = try self.stage(.profile, subject: source.name) { () throws -> [ProfiledTable] in
                try TableSampler.sample(tables, from: sourceConfig.driver(), plan: plan, progress: show) { table, sample in
                    ProfiledTable(table: stage.profile(table, from: sample), incomplete: sample.incomplete,
                                  isLocked: sample.isLocked, isSampled: sample.isSampled)
                }
            }
            progress.finish()
            for done in read where done.incomplete != nil {
                let id = done.table.id
                let warning = done.isLocked
                    ? Finding(stage: BuildStage.profile.rawValue, subject: source.name,
                              message: "table \(id.schema).\(id.name) is locked by another session; its profile was skipped")
                    : Finding(stage: BuildStage.profile.rawValue, subject: "\(id)", message: "profile incomplete: \(done.incomplete ?? "")")
                log.warning("[profile] \(warning)")
                state.report.warnings.append(warning)
            }
            for done in read { profiledTables[done.table.id] = done.table }
            sampled += read.filter(\.isSampled).count
        }
        let profiled = stage.apply(profiled: profiledTables, cached: cached, to: catalog)
        let findings = profiled.allTables.reduce(0) { $0 + $1.columns.filter { $0.pii != nil }.count }
        if settings.enabled {
            var fresh: [TableID: ProfileCache.Entry] = [:]
            for table in profiled.allTables {
                if let key = keys[table.id], let entry = ProfileStage.entry(for: table, key: key) { fresh[table.id] = entry }
            }
            // Rewritten only when something changed (encoding 5,000 tables' profiles takes most of a second);
            // a cache that cannot be written costs a profile next time, nothing more.
            if !profiledTables.isEmpty || fresh.count != cache.count { try? cache.store(fresh) }
            log.info("[profile] \(profiledTables.count) tables profiled (\(sampled) sampled), \(cached.count) unchanged "
                + "(from the cache), \(findings) column\(findings == 1 ? "" : "s") with personal data "
                + "(\(Self.format(Date().timeIntervalSince(started))) s)")
        }
        state.catalog = profiled
    }
}

/// A table profiled from its sample, with what the build reports about the sample.
private struct ProfiledTable: Sendable {
    var table: Table
    var incomplete: String?
    var isLocked: Bool
    var isSampled: Bool
}
