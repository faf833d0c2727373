/// Escaping for the few places Trellis writes HTML itself rather than through a template.
public enum HTML {
    /// Text made safe for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        appendEscaped(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }
}
