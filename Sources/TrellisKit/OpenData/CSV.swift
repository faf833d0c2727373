/// CSV as RFC 4180 writes it: a header row, CRLF after every record, a field quoted when it
/// holds a comma, a quote, CR or LF (or starts or ends with a space), quotes doubled inside.
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, so such a cell
/// gets a leading `'` (OWASP's advice against CSV injection), unless it is a plain number like
/// -3.5, which must stay a number.
enum CSV {
    /// The whole file: `header`, then each row, every record ending in CRLF.
    static func document(header: [String], rows: [[String]]) -> String {
        var out = record(header)
        for row in rows { out += record(row) }
        return out
    }

    /// One record and its CRLF.
    static func record(_ fields: [String]) -> String {
        var out = ""
        for (index, raw) in fields.enumerated() {
            if index > 0 { out += "," }
            out += field(raw)
        }
        return out + "\r\n"
    }

    /// One field, neutralised and quoted as needed.
    static func field(_ raw: String) -> String {
        let text = neutralised(raw)
        let bytes = text.utf8
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            || bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
