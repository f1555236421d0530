import Foundation
import ScribeKit
import TestSupport

extension Log {
    /// Every line, whatever its level, into `lines`.
    static func collecting(into lines: Lines) -> Log {
        Log(info: lines.add, warning: lines.add, debug: lines.add)
    }
}
