import Markdown

/// CSV as RFC 4180 writes it: a header row, CRLF after every record, a field quoted when it
/// holds a comma, a quote, CR or LF (or starts or ends with a space), quotes doubled inside.
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, so such a cell
/// gets a leading `'` (OWASP's advice against CSV injection), unless it is a plain number like
/// -3.5, which must stay a number.
enum CSV {
    /// The whole file: `header`, then each row, every record ending in CRLF.
    static func document(header: [String], rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = []
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    /// Written as bytes: a big site's CSV is megabytes, and appending each field to a String cost
    /// more than deciding how to write it.
    private static func append(_ fields: [String], to out: inout [UInt8]) {
        for (index, raw) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(field: raw, to: &out)
        }
        out += [0x0D, 0x0A]
    }

    private static func append(field raw: String, to out: inout [UInt8]) {
        let text = neutralised(raw)
        text.withUTF8Bytes { bytes in
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
                || bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
            guard needsQuotes else { out.append(contentsOf: bytes); return }
            out.append(UInt8(ascii: "\""))
            // Every quote byte is doubled, a quote followed by a combining mark too (a search by
            // Characters would not find that one, and the field would end there for a CSV reader).
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The text with a leading `'` when a spreadsheet would otherwise read it as a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        let risky = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D
        guard risky, !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// Whether `text` is a decimal number and nothing else: "-3.5", "+2", "1e3".
    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        return JSONValue.numberText(String(body)) != nil && !body.hasPrefix("-")
    }

    /// A JSON value as a CSV cell: null is empty, a list is its items joined by `separator`.
    static func cell(_ value: JSONValue, separator: String = ";") -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text), .string(let text): return text
        // Each item is neutralised too: a spreadsheet that splits at the separator (Excel does at
        // ";" in much of Europe) would otherwise run the second item of "a;=B()" as a formula.
        case .array(let items): return items.map { neutralised(cell($0, separator: separator)) }.filter { !$0.isEmpty }.joined(separator: separator)
        case .object: return ""
        }
    }
}
