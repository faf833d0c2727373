// Escaping for the HTML Trellis writes itself (heading ids, table cells and captions).

enum HTMLEscape {
    /// `& < > " '` as entities, so text is safe in element content and quoted attributes.
    ///
    /// Byte by byte: walking Characters would miss a `"` or `<` that a combining mark joins into
    /// one grapheme (`"\u{301}`), and let it through unescaped.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
