/// A JSON value written by hand, so open data and JSON-LD come out byte-identical from build to
/// build: keys sorted, numbers exactly as the editor wrote them, and `<`, `>`, `&` escaped as
/// `\u003c` and friends, so the text can sit inside `<script>` without ever closing it.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number already in JSON's grammar (see `number(_:)`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A string, or null when there is none (or it is empty).
    static func text(_ value: String?) -> JSONValue {
        guard let value, !value.isEmpty else { return .null }
        return .string(value)
    }

    /// A measure's value as written ("52.0" stays 52.0), or the shortest form of `value`
    /// when what was written is not JSON ("+5", ".5").
    static func number(_ point: DataPoint) -> JSONValue {
        numberText(point.written).map(JSONValue.number) ?? number(point.value)
    }

    /// A number; null when not finite, since JSON has no infinity.
    static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number(numberText(value.description) ?? String(Int(value)))
    }

    /// `text` when it follows JSON's number grammar: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?
    static func numberText(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 48 && $0 <= 57 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") { bytes = bytes.dropFirst() } else if digits() == 0 { return nil }
        if bytes.first == UInt8(ascii: ".") { bytes = bytes.dropFirst(); if digits() == 0 { return nil } }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return nil }
        }
        return bytes.isEmpty ? text : nil
    }

    /// One line, no spaces: for JSON-LD in a page's head.
    var compact: String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// Two-space indentation and a final newline: for the open data files people read too.
    var pretty: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            writeList(items.map { (nil, $0) }, open: "[", close: "]", into: &out, indent: indent)
        case .object(let members):
            writeList(members.keys.sorted().map { ($0, members[$0]!) }, open: "{", close: "}", into: &out, indent: indent)
        }
    }

    private func writeList(_ items: [(String?, JSONValue)], open: String, close: String, into out: inout String, indent: String?) {
        out += open
        guard !items.isEmpty else { out += close; return }
        let inner = indent.map { $0 + "  " }
        for (offset, (key, value)) in items.enumerated() {
            if offset > 0 { out += "," }
            if let inner { out += "\n" + inner }
            if let key {
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
            }
            value.write(to: &out, indent: inner)
        }
        if let indent { out += "\n" + indent }
        out += close
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most text has nothing to escape: one scan of its bytes, then one append.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xE2 || escapedASCII.contains($0) }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u" + hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `"`, `\\`, `<`, `>` and `&`: the ASCII bytes besides control characters that `quote` escapes.
    private static let escapedASCII: Set<UInt8> = [0x22, 0x5C, 0x3C, 0x3E, 0x26]

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
