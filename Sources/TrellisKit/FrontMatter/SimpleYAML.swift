/// A reader for the YAML most front matter is written in, which gives exactly the nodes, texts and
/// places libyaml gives, at a fraction of the cost; for anything else it gives up (nil), and
/// libyaml reads the text instead, errors and all.
///
/// What it reads: block mappings of keys made of letters, digits, `_` and `-`; block sequences
/// (indented or not); values on one line that are double-quoted strings without escapes, plain
/// scalars, or flow sequences `[a, "b"]` and flow mappings `{ k: v }` of such scalars. It gives
/// up on comments, tabs, other quoting and block scalars, anchors, aliases and tags, scalars
/// over several lines, empty values, repeated keys, and characters libyaml treats specially
/// (C1 controls, NEL, line and paragraph separators, byte order marks, non-characters).
enum SimpleYAML {
    /// The root mapping, or nil when the text is not in the form read here.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard let base = bytes.baseAddress, mayRead(bytes) else { return nil }
        var reader = SimpleYAMLReader(base: base, count: bytes.count)
        reader.skipBlankLines()
        guard reader.line < reader.lines.count, reader.indentation(of: reader.line) == 0, let root = reader.blockMapping(indent: 0, first: nil) else { return nil }
        reader.skipBlankLines()
        return reader.line == reader.lines.count ? root : nil
    }

    /// Whether no byte rules the text out at once: controls but the line feed, `#`, `\`, DEL,
    /// and the UTF-8 of C1 controls (NEL among them), U+2028 and U+2029, U+FEFF, U+FFFE and U+FFFF.
    private static func mayRead(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\\") { return false }
                index += 1
                continue
            }
            if byte == 0x0A { index += 1; continue }
            if byte < 0x80 { return false }
            let next = index + 1 < count ? bytes[index + 1] : 0
            let third = index + 2 < count ? bytes[index + 2] : 0
            if byte == 0xC2 && next < 0xA0 { return false }
            if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
            if byte == 0xEF && ((next == 0xBB && third == 0xBF) || (next == 0xBF && (third == 0xBE || third == 0xBF))) { return false }
            index += 1
        }
        return true
    }
}

private struct SimpleYAMLReader {
    let base: UnsafePointer<UInt8>
    /// Each line's first byte and the byte after its last (its line feed, or the end).
    var lines: [(start: Int, end: Int)] = []
    /// The line being read.
    var line = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        let buffer = UnsafeBufferPointer(start: base, count: count)
        var start = 0
        while start < count {
            let end = buffer.offset(of: 0x0A, from: start) ?? count
            lines.append((start, end))
            start = end + 1
        }
    }

    /// Spaces at the start of line `index`.
    func indentation(of index: Int) -> Int {
        let (start, end) = lines[index]
        var position = start
        while position < end && base[position] == 0x20 { position += 1 }
        return position - start
    }

    mutating func skipBlankLines() {
        while line < lines.count && indentation(of: line) == lines[line].end - lines[line].start { line += 1 }
    }

    /// The last place worked out, which the next one on its line counts on from (so that a line
    /// of a hundred thousand list items is counted once, not once per item).
    private let counted = CountedColumn()

    /// libyaml's place of the byte at `position` on the current line: columns count Unicode scalars.
    func mark(_ position: Int) -> YAMLMark {
        if counted.line != line || counted.position > position {
            (counted.line, counted.position, counted.column) = (line, lines[line].start, 1)
        }
        var column = counted.column
        var index = counted.position
        while index < position {
            if base[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        (counted.position, counted.column) = (position, column)
        return YAMLMark(line: line + 1, column: column)
    }

    /// The mapping whose keys start `indent` bytes into their lines, the first on the current line
    /// (at `first`, after a sequence's `- `, or else after the indent); nil for anything else.
    mutating func blockMapping(indent: Int, first: Int?) -> YAMLNode? {
        var pairs: [YAMLPair] = []
        var keys = KeySet()
        var mapMark: YAMLMark?
        var start = first
        while true {
            if start == nil {
                skipBlankLines()
                guard line < lines.count else { break }
                let lineIndent = indentation(of: line)
                if lineIndent < indent { break }
                // Deeper than the keys, or a sequence entry at their depth: not read here.
                guard lineIndent == indent, base[lines[line].start + indent] != UInt8(ascii: "-") else { return nil }
                start = lines[line].start + indent
            }
            guard let keyStart = start, let (key, colon) = self.key(at: keyStart), keys.insert(key) else { return nil }
            start = nil
            let keyMark = mark(keyStart)
            if mapMark == nil { mapMark = keyMark }
            let position = skipSpaces(from: colon + 1)
            let value: YAMLNode
            if position == lines[line].end {
                line += 1
                skipBlankLines()
                guard line < lines.count else { return nil }
                let nextIndent = indentation(of: line)
                let nextStart = lines[line].start + nextIndent
                if base[nextStart] == UInt8(ascii: "-"), nextIndent >= indent {
                    guard let sequence = blockSequence(indent: nextIndent) else { return nil }
                    value = sequence
                } else if nextIndent > indent {
                    guard let mapping = blockMapping(indent: nextIndent, first: nil) else { return nil }
                    value = mapping
                } else {
                    return nil // an empty value
                }
            } else {
                guard let inline = inlineValue(at: position) else { return nil }
                value = inline
                line += 1
                guard nextLineEnds(deeperThan: indent) else { return nil }
            }
            pairs.append(YAMLPair(key: .scalar(key, plain: true, keyMark), value: value))
        }
        guard let mapMark else { return nil }
        return .mapping(pairs, mapMark)
    }

    /// The sequence whose `- ` entries start `indent` bytes into their lines, from the current line.
    mutating func blockSequence(indent: Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        var sequenceMark: YAMLMark?
        while true {
            skipBlankLines()
            guard line < lines.count else { break }
            let lineIndent = indentation(of: line)
            if lineIndent < indent { break }
            let dash = lines[line].start + lineIndent
            guard lineIndent == indent else { return nil }
            // At the sequence's depth, anything but an entry ends it (a key after an unindented sequence).
            guard base[dash] == UInt8(ascii: "-") else { break }
            let end = lines[line].end
            guard dash + 1 < end, base[dash + 1] == 0x20 else { return nil }
            if sequenceMark == nil { sequenceMark = mark(dash) }
            let position = skipSpaces(from: dash + 1)
            guard position < end else { return nil }
            if key(at: position) != nil {
                guard let mapping = blockMapping(indent: position - lines[line].start, first: position) else { return nil }
                items.append(mapping)
            } else {
                guard let inline = inlineValue(at: position) else { return nil }
                items.append(inline)
                line += 1
                guard nextLineEnds(deeperThan: indent) else { return nil }
            }
        }
        guard let sequenceMark else { return nil }
        return .sequence(items, sequenceMark)
    }

    /// Whether the next line that is not blank (if any) is no deeper than `indent`: a deeper one
    /// would continue a plain scalar, or be an error, either way for libyaml to read.
    private mutating func nextLineEnds(deeperThan indent: Int) -> Bool {
        let saved = line
        skipBlankLines()
        defer { line = saved }
        return line == lines.count || indentation(of: line) <= indent
    }

    /// A key at `position` (letters, digits, `_` and `-`, starting with a letter, digit or `_`)
    /// followed by `:` and a space or the line's end: its text and the colon's position. Not over
    /// 1,000 bytes: libyaml takes no key whose `:` is more than 1,024 characters on.
    private func key(at position: Int) -> (String, Int)? {
        let end = lines[line].end
        var index = position
        while index < end && Self.isKeyByte(base[index]) { index += 1 }
        guard index > position, index - position <= 1000, base[position] != UInt8(ascii: "-"), index < end, base[index] == UInt8(ascii: ":"),
              index + 1 == end || base[index + 1] == 0x20 else { return nil }
        return (text(position, index), index)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// A value that fills the rest of the current line from `position`.
    private func inlineValue(at position: Int) -> YAMLNode? {
        let end = lines[line].end
        let node: YAMLNode
        var after: Int
        switch base[position] {
        case UInt8(ascii: "\""):
            guard let (scalar, close) = quoted(at: position) else { return nil }
            (node, after) = (scalar, close)
        case UInt8(ascii: "["):
            guard let (sequence, close) = flowSequence(at: position) else { return nil }
            (node, after) = (sequence, close)
        case UInt8(ascii: "{"):
            guard let (mapping, close) = flowMapping(at: position) else { return nil }
            (node, after) = (mapping, close)
        default:
            guard Self.startsPlain(base[position]) else { return nil }
            let last = withoutTrailingSpaces(position, end)
            var index = position
            while index < last {
                // ": " would make a mapping, and ":" at the end a key.
                if base[index] == UInt8(ascii: ":") && (index + 1 == last || base[index + 1] == 0x20) { return nil }
                index += 1
            }
            return .scalar(text(position, last), plain: true, mark(position))
        }
        while after < end && base[after] == 0x20 { after += 1 }
        return after == end ? node : nil
    }

    /// A double-quoted scalar on one line without escapes; the node and the position after its closing quote.
    private func quoted(at position: Int) -> (YAMLNode, Int)? {
        let end = lines[line].end
        var index = position + 1
        while index < end && base[index] != UInt8(ascii: "\"") { index += 1 }
        guard index < end else { return nil }
        return (.scalar(text(position + 1, index), plain: false, mark(position)), index + 1)
    }

    /// A plain scalar inside brackets or braces: up to `,`, `]` or `}`; nil if it holds anything
    /// that means more in flow context (`:`, brackets, braces, quotes).
    private func flowPlain(at position: Int) -> (YAMLNode, Int)? {
        guard Self.startsPlain(base[position]) else { return nil }
        let end = lines[line].end
        var index = position
        while index < end {
            switch base[index] {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
                return (.scalar(text(position, withoutTrailingSpaces(position, index)), plain: true, mark(position)), index)
            case UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// A scalar in flow context: quoted or plain; the node and the position after it.
    private func flowScalar(at position: Int) -> (YAMLNode, Int)? {
        guard position < lines[line].end else { return nil }
        return base[position] == UInt8(ascii: "\"") ? quoted(at: position) : flowPlain(at: position)
    }

    /// The first position from `position` on the current line that is not a space.
    private func skipSpaces(from position: Int) -> Int {
        var index = position
        while index < lines[line].end && base[index] == 0x20 { index += 1 }
        return index
    }

    /// The end of `start..<end` without the spaces it ends with.
    private func withoutTrailingSpaces(_ start: Int, _ end: Int) -> Int {
        var last = end
        while last > start && base[last - 1] == 0x20 { last -= 1 }
        return last
    }

    /// `[a, "b"]` on one line; the node and the position after `]`.
    private func flowSequence(at position: Int) -> (YAMLNode, Int)? {
        let end = lines[line].end
        var index = skipSpaces(from: position + 1)
        var items: [YAMLNode] = []
        if index < end && base[index] == UInt8(ascii: "]") { return (.sequence([], mark(position)), index + 1) }
        while true {
            guard let (item, after) = flowScalar(at: index) else { return nil }
            items.append(item)
            index = skipSpaces(from: after)
            guard index < end else { return nil }
            if base[index] == UInt8(ascii: "]") { return (.sequence(items, mark(position)), index + 1) }
            guard base[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(from: index + 1)
        }
    }

    /// `{ k: v, k: "w" }` on one line; the node and the position after `}`.
    private func flowMapping(at position: Int) -> (YAMLNode, Int)? {
        let end = lines[line].end
        var index = skipSpaces(from: position + 1)
        var pairs: [YAMLPair] = []
        var keys = KeySet()
        if index < end && base[index] == UInt8(ascii: "}") { return (.mapping([], mark(position)), index + 1) }
        while true {
            guard let (key, colon) = key(at: index), colon + 1 < end, keys.insert(key) else { return nil }
            let keyMark = mark(index)
            guard let (value, after) = flowScalar(at: skipSpaces(from: colon + 1)) else { return nil }
            pairs.append(YAMLPair(key: .scalar(key, plain: true, keyMark), value: value))
            index = skipSpaces(from: after)
            guard index < end else { return nil }
            if base[index] == UInt8(ascii: "}") { return (.mapping(pairs, mark(position)), index + 1) }
            guard base[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(from: index + 1)
        }
    }

    /// Whether a plain scalar may start with `byte` here: letters, digits and anything not ASCII.
    private static func startsPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: byte >= 0x80
        }
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }
}

private final class CountedColumn {
    var line = -1
    var position = 0
    var column = 1
}

/// A mapping's keys so far: compared one by one while there are few (as most mappings have),
/// hashed once there are many.
private struct KeySet {
    private var few: [String] = []
    private var many: Set<String> = []

    /// Adds `key`; false when it was there already.
    mutating func insert(_ key: String) -> Bool {
        if few.contains(key) { return false }
        guard few.count < 32 else { return many.insert(key).inserted }
        few.append(key)
        return true
    }
}
