import ArgumentParser
import Foundation
import ScribeKit
import Serve

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine, and rebuild it as you edit.",
        discussion: """
            Serves the site on http://127.0.0.1:8000/ and watches site.yml, the context folder and the theme: a \
            change rebuilds from the context stage on (the databases are read once, and again only when site.yml's \
            sources change, with --reintrospect-on-change, or on `curl -X POST URL/_scribe/reintrospect`), and the \
            pages open in a browser reload. A failed build shows its error on every open page and the last good \
            site stays served. The pages get a small live-reload script only as served: the files in the output \
            folder are those `scribe-build build` writes. Ctrl-C stops.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Where to write the site; overrides paths.output in the configuration.", valueName: "folder"))
    var output: String?

    @Option(help: ArgumentHelp("The port to listen on; 0 for any free port.", valueName: "port"))
    var port = 8000

    @Option(help: ArgumentHelp(
        "The address to listen on. Anything but loopback shows the site (your databases' structure) to the network.",
        valueName: "address"))
    var host = "127.0.0.1"

    @Flag(help: "Read the databases again on every rebuild, not only when site.yml's sources change.")
    var reintrospectOnChange = false

    @Flag(name: .shortAndLong, help: "Also print each stage's progress.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535 (0 for any free port).") }
    }

    func run() async throws {
        if !Preview.isLoopback(host) {
            FileHandle.standardError.write(Data(("warning: serving on \(host), not 127.0.0.1: anyone who can reach this machine "
                + "can read the site, and with it your databases' structure and the sample values it shows\n").utf8))
        }
        let standardError = Log.standardError(verbose: verbose)
        // A rebuild's stage lines would bury the one line `serve` prints per build; --verbose shows them.
        let log = Log(info: { if verbose { standardError.info($0) } }, warning: standardError.warning, debug: standardError.debug)
        let session = Build.Session(build: Build(log: log), request: Build.Request(configPath: config, output: output))
        let preview = Preview(session: session, options: .init(host: host, port: port, reintrospectOnChange: reintrospectOnChange)) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        let serving = Task {
            try await preview.run { url in
                // Standard output carries only the URL, for scripts that start serve and read where it listens.
                FileHandle.standardOutput.write(Data("serving \(url.absoluteString) (Ctrl-C stops)\n".utf8))
            }
        }
        StopOnSignal.install { serving.cancel() }
        do {
            try await serving.value
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("stopped\n".utf8))
    }
}

/// Ctrl-C and SIGTERM while serving: a site being written stops and cleans up, the server closes its
/// connections, and the process ends; a second Ctrl-C ends it at once.
enum StopOnSignal {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    nonisolated(unsafe) private static var stopping = false

    static func install(_ stop: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stopping { exit(128 + number) }
                stopping = true
                _ = Build.interrupt()
                stop()
            }
            source.resume()
            sources.append(source)
        }
    }
}
