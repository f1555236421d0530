import Foundation

extension Graphviz {
    /// The file formats a diagram is exported in, each one of `dot`'s output formats.
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, pdf

        /// `dot`'s arguments for it: PNG at 144 dpi, so a diagram stays sharp on a screen of today.
        var arguments: [String] {
            switch self {
            case .svg: ["-Tsvg"]
            case .png: ["-Tpng", "-Gdpi=144"]
            case .pdf: ["-Tpdf"]
            }
        }
    }

    /// Renders one graph to one file's bytes in `format`: what `scribe-build erd` writes. The site's SVGs go through
    /// `render`, many to a process; an export is one graph, so it runs `dot` once.
    public static func document(_ dot: String, format: Format, executable: String = "dot") throws -> Data {
        try run(executable: executable, arguments: format.arguments, input: Data(dot.utf8))
    }
}
