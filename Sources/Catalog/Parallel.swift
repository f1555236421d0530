import Foundation

/// The one worker pool: blocking work (database reads over C libraries, page rendering) spread over threads.
///
/// Threads, not the cooperative pool: libpq and SQLite block, and a blocked cooperative thread stalls every
/// task behind it. Indices are handed out in chunks from a shared counter, so a slow item holds up only its
/// own worker; the first error stops the others at their next chunk and is rethrown.
public enum Parallel {
    /// `body(index, worker)` for every index below `count`, on `workers` threads (worker numbers `0..<workers`,
    /// so each may own a connection), returning the results in index order. `done` hears how many are finished.
    public static func map<Result>(count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = 1,
                                   done: (Int) -> Void = { _ in },
                                   _ body: (_ index: Int, _ worker: Int) throws -> Result) throws -> [Result] {
        guard count > 0 else { return [] }
        let state = PoolState<Result>(count: count, chunkSize: max(1, chunkSize))
        let threads = max(1, min(workers, (count + state.chunkSize - 1) / state.chunkSize))
        // concurrentPerform returns only when every iteration has, so neither closure escapes.
        withoutActuallyEscaping(body) { body in
            withoutActuallyEscaping(done) { done in
                let work = UncheckedSendable((body, done))
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    while let range = state.nextChunk() {
                        for index in range {
                            do {
                                let result = try work.value.0(index, worker)
                                work.value.1(state.store(result, at: index))
                            } catch {
                                state.fail(error)
                                return
                            }
                        }
                    }
                }
            }
        }
        return try state.results()
    }

    /// `body` for every element, on every core.
    public static func forEach<Element>(_ elements: [Element], chunkSize: Int = 64, _ body: (Element) throws -> Void) throws {
        _ = try map(count: elements.count, chunkSize: chunkSize) { index, _ in try body(elements[index]) }
    }
}

/// What the workers of one `map` share, behind one lock.
private final class PoolState<Result>: @unchecked Sendable {
    let chunkSize: Int
    private let count: Int
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    private var slots: [Result?]
    private var error: (any Error)?

    init(count: Int, chunkSize: Int) {
        self.count = count
        self.chunkSize = chunkSize
        slots = Array(repeating: nil, count: count)
    }

    func nextChunk() -> Range<Int>? {
        lock.withLock {
            guard error == nil, next < count else { return nil }
            defer { next = min(count, next + chunkSize) }
            return next..<min(count, next + chunkSize)
        }
    }

    /// Stores one result; returns how many are in.
    func store(_ result: Result, at index: Int) -> Int {
        lock.withLock {
            slots[index] = result
            finished += 1
            return finished
        }
    }

    func fail(_ failure: any Error) {
        lock.withLock { if error == nil { error = failure } }
    }

    func results() throws -> [Result] {
        try lock.withLock {
            if let error { throw error }
            return slots.compactMap { $0 }
        }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
