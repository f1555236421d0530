import Foundation

/// Where the build reports progress. A struct of closures: the CLI prints, tests collect.
public struct Log: Sendable {
    public var info: @Sendable (String) -> Void
    public var warning: @Sendable (String) -> Void
    public var debug: @Sendable (String) -> Void

    public init(
        info: @escaping @Sendable (String) -> Void,
        warning: @escaping @Sendable (String) -> Void,
        debug: @escaping @Sendable (String) -> Void
    ) {
        self.info = info
        self.warning = warning
        self.debug = debug
    }

    public static let silent = Log(info: { _ in }, warning: { _ in }, debug: { _ in })

    /// Progress and warnings to standard error, so standard output stays free for data.
    public static func standardError(verbose: Bool) -> Log {
        @Sendable func write(_ line: String) {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        return Log(info: write, warning: { write("warning: \($0)") }, debug: { verbose ? write("debug: \($0)") : () })
    }
}
