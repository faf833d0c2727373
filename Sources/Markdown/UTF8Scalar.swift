/// One character of UTF-8 text beyond ASCII, decoded where it lies in a buffer: for scanners
/// that read ASCII byte by byte and need only the odd longer character decoded.
public enum UTF8Scalar {
    /// The scalar whose first byte is at `index` (0x80 or above), or nil where the bytes are not
    /// UTF-8; and the index just past its bytes.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar?, end: Int) {
        let first = bytes[index]
        let end = min(index + (first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4), bytes.count)
        var decoder = UTF8()
        var iterator = bytes[index..<end].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (nil, end) }
        return (scalar, end)
    }
}
