import Foundation

/// Runs independent pieces of work on every core, and rethrows the first error.
enum Parallel {
    static func forEach<Element: Sendable>(_ elements: [Element], chunkSize: Int = 64, _ body: (Element) throws -> Void) throws {
        guard !elements.isEmpty else { return }
        let chunks = (elements.count + chunkSize - 1) / chunkSize
        let failure = FirstError()
        // concurrentPerform returns only when every iteration has, so `body` does not escape.
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                guard !failure.isSet else { return }
                for element in elements[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, elements.count)] {
                    do {
                        try work.value(element)
                    } catch {
                        failure.set(error)
                        return
                    }
                }
            }
        }
        if let error = failure.error { throw error }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.withLock { stored } }
    var isSet: Bool { lock.withLock { stored != nil } }
    func set(_ error: Error) { lock.withLock { if stored == nil { stored = error } } }
}
