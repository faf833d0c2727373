import Markdown

/// Escaping for the few places Trellis writes HTML itself rather than through a template.
public enum HTML {
    /// Text made safe for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        HTMLEscape.escape(text)
    }

    /// Appends `text` with `< > & " '` as entities: the Markdown module's escaping, which
    /// headings and tables in bodies get too.
    static func appendEscaped<Output: ByteOutput & ~Copyable>(_ text: String, to output: inout Output) {
        HTMLEscape.append(text, to: &output)
    }
}
