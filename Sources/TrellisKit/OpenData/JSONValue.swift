import Markdown

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
    case object(JSONObject)

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
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out, indent: nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Two-space indentation and a final newline: for the open data files people read too.
    var pretty: String { String(decoding: prettyBytes, as: UTF8.self) }

    /// `pretty` as the bytes of a file, not made a String (and checked as UTF-8) on the way.
    var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Written into bytes: appending many small pieces to a String cost more than the rest of the writing.
    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += Self.nullBytes
        case .bool(let value): out += value ? Self.trueBytes : Self.falseBytes
        case .number(let text): out += text.utf8
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            guard !items.isEmpty else { out.append(UInt8(ascii: "]")); return }
            let inner = indent.map { $0 + 2 }
            for (offset, value) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                if let inner { Self.newLine(indent: inner, into: &out) }
                value.write(to: &out, indent: inner)
            }
            if let indent { Self.newLine(indent: indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            guard !object.isEmpty else { out.append(UInt8(ascii: "}")); return }
            let inner = indent.map { $0 + 2 }
            for (offset, member) in object.members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                if let inner { Self.newLine(indent: inner, into: &out) }
                Self.quote(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                member.value.write(to: &out, indent: inner)
            }
            if let indent { Self.newLine(indent: indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    private static func newLine(indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// By bytes: runs with nothing to escape (most text) are copied whole, and an escape is
    /// written without making a String for it.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { bytes in
            // Most text has nothing to escape: one tight scan finds that, then one append.
            var start = 0, index = bytes.firstIndex(where: needsCare) ?? bytes.count
            while index < bytes.count {
                let byte = bytes[index]
                guard needsCare(byte) else {
                    index += 1
                    continue
                }
                let length: Int, escaped: UInt8?, code: UInt8
                switch byte {
                case 0x22, 0x5C: (length, escaped, code) = (1, byte, 0)
                case 0x0A: (length, escaped, code) = (1, UInt8(ascii: "n"), 0)
                case 0x0D: (length, escaped, code) = (1, UInt8(ascii: "r"), 0)
                case 0x09: (length, escaped, code) = (1, UInt8(ascii: "t"), 0)
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line in JavaScript; other characters starting E2 are kept.
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    (length, escaped, code) = (3, nil, bytes[index + 2] - 0xA8 + 0x28)
                default: (length, escaped, code) = (1, nil, byte)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(UInt8(ascii: "\\"))
                if let escaped {
                    out.append(escaped)
                } else {
                    // \u and four lower-case hex digits: 00XX, or 2028 and 2029.
                    out.append(UInt8(ascii: "u"))
                    out.append(length == 3 ? UInt8(ascii: "2") : UInt8(ascii: "0"))
                    out.append(UInt8(ascii: "0"))
                    out.append(hexDigits[Int(code >> 4)])
                    out.append(hexDigits[Int(code & 0xF)])
                }
                index += length
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether a byte of UTF-8 may start something `quote` escapes: a control character, `"`,
    /// `\\`, `<`, `>`, `&`, or the first byte of U+2028 and U+2029 (tested without a set, whose
    /// hashing cost more than the rest of the scan).
    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x7F, 0xE2, 0x22, 0x5C, 0x3C, 0x3E, 0x26: true
        default: false
        }
    }
}

/// A JSON object's members, kept in order of key (as `String` orders them), so writing one needs
/// no sort and making one hashes nothing: objects are written for every page's JSON-LD and every
/// open data record, and Dictionaries sorted at each write cost more than the writing.
struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    struct Member: Hashable, Sendable {
        var key: String
        var value: JSONValue
    }

    /// Sorted by key, each key once.
    private(set) var members: [Member] = []

    /// Members written out; a key written twice keeps its last value.
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        members.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    var isEmpty: Bool { members.isEmpty }

    /// The value of `key`, or nil; setting nil removes the key.
    subscript(key: String) -> JSONValue? {
        get {
            let index = place(of: key)
            return index < members.count && members[index].key == key ? members[index].value : nil
        }
        set {
            let index = place(of: key)
            let present = index < members.count && members[index].key == key
            switch (present, newValue) {
            case (true, let value?): members[index].value = value
            case (true, nil): members.remove(at: index)
            case (false, let value?): members.insert(Member(key: key, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    /// The members `isIncluded` keeps, in the same order.
    func filter(_ isIncluded: (Member) -> Bool) -> JSONObject {
        var kept = JSONObject()
        kept.members = members.filter(isIncluded)
        return kept
    }

    /// Where `key` is, or would go: the first member whose key is not below it.
    private func place(of key: String) -> Int {
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
