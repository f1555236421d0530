import Foundation

/// Bytes handed on as they are made, a few megabytes at a time: catalog.json at 20,000 tables is 150 MB, too much to
/// hold whole beside the catalog it is made from. A writer appends to `buffer` and calls `flushIfFull` between parts.
public struct ByteStream {
    public var buffer: [UInt8] = []
    private let limit: Int
    private let drain: (UnsafeBufferPointer<UInt8>) throws -> Void

    /// Hands `buffer` to `drain` whenever it holds `limit` bytes or more, and at `flush`.
    init(limit: Int = 4 << 20, drain: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.limit = limit
        self.drain = drain
        // Room for a full buffer and the part that overfills it, so that it is allocated once.
        if limit < 1 << 30 { buffer.reserveCapacity(limit + (limit >> 2)) }
    }

    public mutating func flushIfFull() throws {
        if buffer.count >= limit { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try drain($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Everything `write` streams, as one array: for `export` and for tests, which want the bytes.
    static func collect(_ write: (inout ByteStream) throws -> Void) rethrows -> [UInt8] {
        var stream = ByteStream(limit: .max) { _ in }
        stream.buffer.reserveCapacity(1 << 20)
        try write(&stream)
        return stream.buffer
    }
}
