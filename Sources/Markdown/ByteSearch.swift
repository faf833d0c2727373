#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` at or after `start`, found with memchr: scanners looking for
    /// one byte (a line's end, a NUL) spend most of their time here, and a generic loop over a
    /// view or slice costs several times more.
    public func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place where the string holds them in
    /// one piece (every native string). `withUTF8` is mutating, so callers made a copy of the
    /// string for it: a reference count taken and dropped on every call, atomically, and text is
    /// escaped, hashed and scanned millions of times a build.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
