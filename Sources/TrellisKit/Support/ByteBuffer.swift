import Foundation
import Markdown

/// Bytes appended at the cost of a capacity check and a copy. The template renderer appends
/// hundreds of short pieces per page, and an Array's `append(contentsOf:)` cost about ninety
/// instructions each (uniqueness, growth and generic paths) around a copy of a few bytes.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = Self.resized(nil, to: self.capacity)
    }

    deinit {
        free(start)
    }

    /// The byte at `index`, which is below `count`.
    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return start[index]
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(bytes: $0) }
    }

    /// Puts `bytes` in at `index` (at most `count`), moving what follows along.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        precondition(index >= 0 && index <= count)
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (start + index + bytes.count).moveInitialize(from: start + index, count: count - index)
        (start + index).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// The bytes as an Array, which the buffer no longer needs.
    consuming func array() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes as Data, which takes over the memory (shrunk to fit, in place): a page is not
    /// copied again to be written.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: Self.resized(start, to: max(count, 1)), count: count, deallocator: .free)
        discard self
        return data
    }

    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = max(capacity * 2, count + more)
        start = Self.resized(start, to: capacity)
    }

    /// malloc's memory (so that Data can free it), of `size` bytes, holding what `memory` held.
    private static func resized(_ memory: UnsafeMutablePointer<UInt8>?, to size: Int) -> UnsafeMutablePointer<UInt8> {
        guard let moved = realloc(memory, size) else { fatalError("out of memory for \(size) bytes") }
        return moved.assumingMemoryBound(to: UInt8.self)
    }
}

extension ByteBuffer: ByteOutput {}
