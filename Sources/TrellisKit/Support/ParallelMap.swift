import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core; results keep the input's order, so what follows stays deterministic.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let base = SendableBuffer(buffer: results)
        self.withUnsafeBufferPointer { input in
            let source = SendableInput(buffer: input)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                base.buffer[index] = transform(source.buffer[index])
            }
        }
        return results.map { $0! }
    }
}

/// Each index is written by exactly one iteration, so sharing the buffer is safe.
private struct SendableBuffer<T>: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<T?> }
private struct SendableInput<T>: @unchecked Sendable { let buffer: UnsafeBufferPointer<T> }
