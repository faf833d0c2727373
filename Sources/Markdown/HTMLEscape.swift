// Escaping for the HTML Trellis writes itself (heading ids, table cells and captions here;
// TrellisKit's templates and pages use the same code through its `HTML`).

/// `& < > " '` as entities, so text is safe in element content and quoted attributes.
public enum HTMLEscape {
    /// `text` escaped, as a String.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped.
    ///
    /// Byte by byte: walking Characters would miss a `"` or `<` that a combining mark joins into
    /// one grapheme (`"\u{301}`), and let it through unescaped. Runs with nothing to escape are
    /// copied whole, and read eight bytes at a time while none of the eight can be one of the five.
    @inlinable
    public static func append<Output: ByteOutput & ~Copyable>(_ text: String, to output: inout Output) {
        text.withUTF8Bytes { append($0, to: &output) }
    }

    /// Appends UTF-8 `bytes` escaped.
    @inlinable
    public static func append<Output: ByteOutput & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout Output) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var run = 0
        var index = 0
        while index < count {
            if index + 8 <= count, !mayHoldSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: index += 1; continue
                }
                output.append(bytes: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                entity.withUTF8Buffer { output.append(bytes: $0) }
                index += 1
                run = index
            }
        }
        output.append(bytes: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// Whether any of eight bytes may be one of `< > & " '`: with the low bit set, `&` and `'` are
    /// both 0x27, `"` is 0x23, `<` 0x3D and `>` 0x3F, and each is tested with the zero-byte trick
    /// (exact for whether some byte matches). `#`, `=` and `?` pass too, and are checked one by one.
    @inlinable
    static func mayHoldSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let folded = word | ones
        func hasByte(_ byte: UInt64) -> UInt64 {
            let difference = folded ^ (ones &* byte)
            return (difference &- ones) & ~difference & 0x8080_8080_8080_8080
        }
        return hasByte(0x23) | hasByte(0x27) | hasByte(0x3D) | hasByte(0x3F) != 0
    }
}

/// Where bytes are appended: an Array, or TrellisKit's page buffer, so that one escaper serves both.
public protocol ByteOutput: ~Copyable {
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteOutput where Element == UInt8 {
    @inlinable
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}

extension Array where Element == UInt8 {
    /// Appends a literal's UTF-8 bytes, with no String made.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}
