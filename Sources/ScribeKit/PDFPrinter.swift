import Foundation

/// Prints an HTML file to PDF with headless Chromium, the renderer the site's own tests already use: the
/// document's CSS (`@page`, page breaks) decides the layout, and nothing is fetched (the document is whole).
enum PDFPrinter {
    /// The browsers tried, in order; `SCRIBE_CHROMIUM` names another.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static func browser(_ environment: [String: String]) -> String? {
        if let chosen = environment["SCRIBE_CHROMIUM"], !chosen.isEmpty { return chosen }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for folder in path {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Prints `html` into `pdf`; throws a message saying what to do when it cannot.
    static func print(_ html: URL, to pdf: URL, environment: [String: String], timeout: TimeInterval = 180) throws {
        guard let browser = browser(environment) else {
            throw PrintError("PDF export needs Chromium: install it (Debian: apt install chromium) or set SCRIBE_CHROMIUM to a Chromium or Chrome binary")
        }
        // A profile of its own, so a browser the user has open is neither disturbed nor in the way.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("scribe-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw PrintError("could not start \(browser) to print the PDF (\(error.localizedDescription))")
        }
        // A browser that hangs (a broken profile, a missing display library) must not hang the export with it.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationStatus == 0, let size = try? pdf.resourceValues(forKeys: [.fileSizeKey]).fileSize, size > 0 else {
            let last = String(decoding: log, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw PrintError("\(browser) did not print the PDF (exit \(process.terminationStatus))" + (last.isEmpty ? "" : ": \(last)"))
        }
    }

    struct PrintError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
