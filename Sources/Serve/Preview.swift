import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ScribeKit

/// `scribe-build serve`: builds the site, serves it on loopback, and rebuilds it whenever site.yml, a context
/// file or the theme changes, reloading the pages open in a browser.
///
/// Rebuilds go through a `Build.Session`, which reads the databases once: an edit costs the stages from
/// context on, and writes only the files whose inputs changed. A failed rebuild leaves the last good site in the
/// output folder (the build changes the output only once every new file is complete), so it stays served, with the error shown over every open page until a build succeeds.
public struct Preview: Sendable {
    public struct Options: Sendable {
        /// 127.0.0.1 unless asked: the site shows the database's structure and, for some columns, its values.
        public var host = "127.0.0.1"
        /// 0 asks the system for any free port; the URL printed names the one given.
        public var port = 8000
        /// Read the databases again on every rebuild, not only when site.yml's `sources` change.
        public var reintrospectOnChange = false
        /// How often the watched files are looked at.
        public var pollInterval = Duration.milliseconds(150)

        public init(host: String = "127.0.0.1", port: Int = 8000, reintrospectOnChange: Bool = false) {
            self.host = host
            self.port = port
            self.reintrospectOnChange = reintrospectOnChange
        }
    }

    public let session: Build.Session
    public var options: Options
    /// Where each build's line goes (the terminal), with the time of day and how long it took.
    public var log: @Sendable (String) -> Void

    public init(session: Build.Session, options: Options = Options(), log: @escaping @Sendable (String) -> Void) {
        self.session = session
        self.options = options
        self.log = log
    }

    /// Whether `host` is this machine only; anything else is served to the network, which `serve` warns about.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Builds, then serves and watches until the task is cancelled; `ready` hears the URL once it listens.
    public func run(ready: @escaping @Sendable (URL) -> Void = { _ in }) async throws(ServeError) {
        let output: URL
        do {
            output = try session.outputFolder()
        } catch {
            throw ServeError(.configuration(error.description))
        }
        let live = LiveReload()
        let files = SiteFiles(root: output)
        let requests = Requests()
        // Taken before the first build, so that a file saved while it runs is built again at once.
        let before = FileWatcher(paths: await session.watchedPaths).snapshot()
        await rebuild(live: live, files: files, reason: "first build", reintrospect: false)

        let responder = Self.responder(files: files, live: live, requests: requests)
        var logger = Logger(label: "scribe-build.serve")
        // Hummingbird logs a cancelled connection as an error on Ctrl-C; what matters reaches the user as a ServeError.
        logger.logLevel = .critical
        let (host, options) = (self.options.host, self.options)
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let shown = host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(shown):\(port)/") { ready(url) }
            },
            logger: logger
        )
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.run() }
                group.addTask { await self.watch(from: before, live: live, files: files, requests: requests) }
                defer { live.close() }
                // The server ends only by failing (the port is taken) or by cancellation; either way stop watching.
                try await group.next()
                group.cancelAll()
            }
        } catch is CancellationError {
            return
        } catch let error as IOError {
            if Task.isCancelled { return }
            // NIO's text names the system call; the system's own words are what the user needs.
            throw ServeError(.cannotListen(host: host, port: options.port, message: String(cString: strerror(error.errnoCode))))
        } catch {
            if Task.isCancelled { return }
            throw ServeError(.cannotListen(host: host, port: options.port, message: "\(error)"))
        }
    }

    /// A reintrospection asked for by `POST /_scribe/reintrospect`, picked up by the watch loop.
    final class Requests: Sendable {
        private let reintrospect = NIOLockedValueBox(false)
        func askReintrospect() { reintrospect.withLockedValue { $0 = true } }
        func takeReintrospect() -> Bool {
            reintrospect.withLockedValue { asked in
                defer { asked = false }
                return asked
            }
        }
    }

    /// Looks at the watched files every `pollInterval`; a change, once the files stop changing, rebuilds.
    func watch(from before: FileWatcher.Snapshot, live: LiveReload, files: SiteFiles, requests: Requests) async {
        var last = before
        var lastBeat = ContinuousClock.now
        while !Task.isCancelled {
            do { try await Task.sleep(for: options.pollInterval) } catch { return }
            if ContinuousClock.now - lastBeat > .seconds(10) {
                live.heartbeat()
                lastBeat = .now
            }
            if requests.takeReintrospect() {
                last = FileWatcher(paths: await session.watchedPaths).snapshot()
                await rebuild(live: live, files: files, reason: "asked to read the databases again", reintrospect: true)
                continue
            }
            let watcher = FileWatcher(paths: await session.watchedPaths)
            var now = watcher.snapshot()
            guard now != last else { continue }
            // An editor may save in several writes (or write, then rename); build once they are all done.
            for _ in 0..<20 {
                do { try await Task.sleep(for: .milliseconds(30)) } catch { return }
                let again = watcher.snapshot()
                if again == now { break }
                now = again
            }
            let changed = now.changes(since: last)
            last = now
            // A file saved while this build runs differs from `last` at the next look, and builds again. (When
            // site.yml names other folders now, their files differ too: one build more, once.)
            await rebuild(live: live, files: files, reason: Self.describe(changed), reintrospect: options.reintrospectOnChange)
        }
    }

    /// One build, told in one line: `15:02:11 rebuilt in 0.42 s (content/context/orders.yml changed) …`.
    func rebuild(live: LiveReload, files: SiteFiles, reason: String, reintrospect: Bool) async {
        let started = ContinuousClock.now
        let clock = Self.timeOfDay()
        do {
            let report = try await session.rebuild(reintrospect: reintrospect)
            files.clear()
            let generation = live.succeeded()
            let stages = report.timings.map { "\($0.stage.rawValue) \(Self.seconds($0.seconds))" }.joined(separator: ", ")
            log("\(clock) \(generation == 1 ? "built" : "rebuilt") in \(Self.seconds(started.duration(to: .now))) s (\(reason)): "
                + "\(report.pages) pages, \(report.files) files; \(stages)")
        } catch {
            live.failed(error.description)
            log("\(clock) build failed after \(Self.seconds(started.duration(to: .now))) s (\(reason)):\n  \(error.description)\n"
                + "  still serving the last good site; the error shows on every open page until a build succeeds")
        }
    }

    static func responder(files: SiteFiles, live: LiveReload, requests: Requests) -> CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in
            let path = request.uri.path
            if path.hasPrefix(LiveScript.prefix) { return own(request, path: path, live: live, requests: requests) }
            guard request.method == .get || request.method == .head else {
                return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
            }
            let generation = live.state.generation
            return files.response(for: request, path: path, generation: generation, liveScript: LiveScript.tag(generation: generation))
        }
    }

    /// What `serve` answers under `/_scribe/`: the script, the build events, the state, and reintrospection.
    static func own(_ request: Request, path: String, live: LiveReload, requests: Requests) -> Response {
        switch (request.method, path) {
        case (.get, LiveScript.path):
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(string: LiveScript.source)))
        case (.get, LiveScript.events):
            let events = live.events()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: .init { writer in
                                for await event in events { try await writer.write(ByteBuffer(string: event)) }
                                try await writer.finish(nil)
                            })
        case (.get, LiveScript.prefix + "status"):
            let event = LiveReload.event(live.state)
            let json = event.split(separator: "\n").first { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) } ?? "{}"
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(string: json + "\n")))
        case (.post, LiveScript.reintrospect):
            // A page elsewhere must not make this machine read its databases: browsers send Origin on such posts.
            if let origin = request.headers[.origin], origin != "http://" + (request.head.authority ?? "") {
                return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "forbidden: only this site or a command line may ask\n")))
            }
            requests.askReintrospect()
            return Response(status: .accepted, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "the databases will be read again and the site rebuilt\n")))
        default:
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "not found: \(path) is reserved for scribe-build serve\n")))
        }
    }

    static func describe(_ changed: [String]) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        let shown = changed.prefix(3).map { $0.hasPrefix(here) ? String($0.dropFirst(here.count)) : $0 }
        return shown.joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "") + " changed"
    }

    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return seconds(Double(whole) + Double(attoseconds) / 1e18)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f", value) }

    static func timeOfDay() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
