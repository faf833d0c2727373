// Heading ids in GitHub's style, and the allocator that keeps ids unique within one body.

extension Markdown {
    /// GitHub-style heading slug ("## Risks & issues" -> "risks--issues"), exposed for tests and TrellisKit.
    ///
    /// Lower-cased; letters (any script), combining marks, decimal digits, `-` and `_` kept;
    /// each space becomes `-`; everything else is dropped (as github-slugger does). Leading and
    /// trailing whitespace is ignored. May return "" (a heading of punctuation only).
    public static func slug(_ text: String) -> String {
        var text = text.trimmingWhitespace()
        // Most headings are ASCII, where the rule is a byte's: letters lower-cased, digits and
        // `_` (ASCII's only connector punctuation) kept, space and `-` as `-`.
        if let ascii = text.withUTF8({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "-"): out.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): out.append(byte)
                default: break
                }
            }
            return String(decoding: out, as: UTF8.self)
        }) {
            return ascii
        }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                out.append("-")
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .connectorPunctuation:
                out.append(scalar)
            default:
                break
            }
        }
        return String(out)
    }
}

/// Hands out ids unique within one body: the first "risks" is "risks", then "risks-1", "risks-2".
struct IDAllocator {
    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// A unique id based on `base` ("section" when `base` is empty).
    mutating func claim(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        if used.insert(base).inserted { return base }
        var suffix = nextSuffix[base, default: 1]
        while !used.insert("\(base)-\(suffix)").inserted { suffix += 1 }
        nextSuffix[base] = suffix + 1
        return "\(base)-\(suffix)"
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines (Characters whose first
    /// scalar is white space, so a space with a combining mark on it goes too).
    func trimmingWhitespace() -> String {
        // By bytes where that is exact: a Character starting or ending with an ASCII byte other
        // than white space is not white space, and in ASCII text every byte is a Character (or
        // CR LF, white space either way). Table cells and headings are trimmed by the thousand.
        let byBytes = withUTF8Bytes { bytes -> String? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            guard let first = bytes.first, let last = bytes.last else { return "" }
            if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return self }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
            let end = bytes.lastIndex(where: { !isSpace($0) })!
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...end]), as: UTF8.self)
        }
        if let byBytes { return byBytes }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

/// Text gathered piece by piece with runs of whitespace as single spaces and none at either end,
/// collapsed as each piece comes: a body's plain text is read once, not gathered and read again.
///
/// By bytes: this runs over the plain text of every body. A run of ASCII that is not white
/// space is copied whole; a longer character is decoded only to ask whether it is white
/// space (U+00A0, U+2003 ...), and its bytes are copied as they are.
struct CollapsedText {
    private var bytes: [UInt8] = []
    /// Whether white space came after the last thing kept (none is kept before the first).
    private var pendingSpace = false

    /// The text so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// White space, as a piece holding only a space would be.
    mutating func appendSpace() {
        pendingSpace = !bytes.isEmpty
    }

    /// Whether eight bytes (the first in the low byte), following a character that is not white
    /// space, go whole into a run: ASCII from `!` up, or single spaces each followed by such a
    /// character within the eight. Exact, by the zero-byte trick on bytes below 0x80.
    private static func isPlainRun(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let spaces: UInt64 = 0x2020_2020_2020_2020
        guard word & high == 0 else { return false }
        // Bytes below 0x20 (tabs, line breaks and other controls).
        guard (word &- spaces) & ~word & high == 0 else { return false }
        let notSpace = word ^ spaces
        let isSpace = ~(((notSpace & low) &+ low) | notSpace | low)
        return isSpace & (isSpace << 8) == 0 && isSpace & (high << 56) == 0
    }

    /// A piece of text, its white space collapsed with what came before it.
    mutating func append(_ piece: String) {
        piece.withUTF8Bytes { append($0) }
    }

    /// A piece of text as UTF-8 (whole characters), its white space collapsed with what came before it.
    mutating func append(_ input: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte > 0x20 && byte < 0x80 {
                // A run of ASCII that is not white space, or is single spaces between such
                // characters (the words of most text), copied whole.
                if pendingSpace { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                let start = index
                while index < input.count {
                    if index + 8 <= input.count, Self.isPlainRun(UInt64(littleEndian: UnsafeRawPointer(input.baseAddress! + index).loadUnaligned(as: UInt64.self))) {
                        index += 8
                        continue
                    }
                    let next = input[index]
                    if next > 0x20 && next < 0x80 {
                        index += 1
                    } else if next == 0x20, index + 1 < input.count, input[index + 1] > 0x20, input[index + 1] < 0x80 {
                        index += 2
                    } else {
                        break
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
                continue
            }
            let (scalar, end) = byte < 0x80 ? (nil, index + 1) : UTF8Scalar.decode(input, at: index)
            let isSpace = byte < 0x80 ? byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) : scalar?.properties.isWhitespace == true
            if isSpace {
                appendSpace()
            } else {
                if pendingSpace { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
            }
            index = end
        }
    }
}
