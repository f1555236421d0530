import Foundation

/// The most memory this process has held so far (the kernel's high-water mark of its resident set), for the
/// debug log: where in a build the memory goes is what keeps a 20,000-table build within bounds.
public enum PeakMemory {
    /// Megabytes, or nil where /proc is not there.
    public static var megabytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    /// ", peak RSS 123 MB", or nothing.
    public static var note: String { megabytes.map { ", peak RSS \($0) MB" } ?? "" }
}
