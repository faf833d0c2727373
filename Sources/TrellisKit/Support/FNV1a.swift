import Foundation

/// The 64-bit FNV-1a hash: stable across runs and machines, so names and digests made from it
/// can be compared between builds and processes. Not for secrets.
public enum FNV1a {
    /// The hash of `data` as 16 lower-case hex digits.
    public static func hex(_ data: Data) -> String {
        let value = data.withUnsafeBytes { hash($0.bindMemory(to: UInt8.self)) }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash of `bytes`: a plain loop, fastest for the short keys and words it mostly sees.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value = start
        for byte in bytes { value = adding(byte, to: value) }
        return value
    }

    /// The hash of no bytes, to add bytes to one at a time.
    static var start: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// The hash of the bytes hashed to `value` followed by `byte`: for a reader that hashes what it
    /// reads as it goes, rather than reading it twice.
    @inline(__always)
    static func adding(_ byte: UInt8, to value: UInt64) -> UInt64 {
        (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
