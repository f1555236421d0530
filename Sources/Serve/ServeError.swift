/// Why `serve` could not start or go on: the site could not be built the first time round in a way that
/// leaves nothing to serve (no site.yml), or the address could not be listened on.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// site.yml could not be read, so there is no output folder to serve.
        case configuration(String)
        /// The address is taken, or not this machine's.
        case cannotListen(host: String, port: Int, message: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .configuration(let message):
            return "[serve] \(message); fix it, then run scribe-build serve again"
        case .cannotListen(let host, let port, let message):
            let taken = message.lowercased().contains("in use")
            return "[serve] could not listen on \(host):\(port) (\(message)); "
                + (taken ? "another program uses the port: give another with --port, or --port 0 for any free one"
                    : "give an address of this machine with --host, or leave it out for 127.0.0.1")
        }
    }
}
