extension HTML {
    /// Appends `text` with `< > & " '` as entities, byte by byte, so a combining mark after one of
    /// them (one Character with it) cannot carry it through unescaped. Runs with nothing to escape
    /// are copied whole, and read eight bytes at a time while none of the eight can be one of the five.
    static func appendEscaped<Output: EscapedOutput & ~Copyable>(_ text: String, to output: inout Output) {
        var text = text
        text.withUTF8 { bytes in
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
                    output.append(UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    entity.withUTF8Buffer { output.append($0) }
                    index += 1
                    run = index
                }
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// Whether any of eight bytes may be one of `< > & " '`: with the low bit set, `&` and `'` are
    /// both 0x27, `"` is 0x23, `<` 0x3D and `>` 0x3F, and each is tested with the zero-byte trick
    /// (exact for whether some byte matches). `#`, `=` and `?` pass too, and are checked one by one.
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let folded = word | ones
        func hasByte(_ byte: UInt64) -> UInt64 {
            let difference = folded ^ (ones &* byte)
            return (difference &- ones) & ~difference & 0x8080_8080_8080_8080
        }
        return hasByte(0x23) | hasByte(0x27) | hasByte(0x3D) | hasByte(0x3F) != 0
    }
}
