// Heading ids in GitHub's style, and the allocator that keeps ids unique within one body.

extension Markdown {
    /// GitHub-style heading slug ("## Risks & issues" -> "risks--issues"), exposed for tests and TrellisKit.
    ///
    /// Lower-cased; letters (any script), combining marks, decimal digits, `-` and `_` kept;
    /// each space becomes `-`; everything else is dropped (as github-slugger does). Leading and
    /// trailing whitespace is ignored. May return "" (a heading of punctuation only).
    public static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.trimmingWhitespace().lowercased().unicodeScalars {
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
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Runs of whitespace as single spaces, with none at either end.
    ///
    /// By bytes: this runs over the plain text of every body. A run of ASCII that is not white
    /// space is copied whole; a longer character is decoded only to ask whether it is white
    /// space (U+00A0, U+2003 ...), and its bytes are copied as they are.
    func collapsingWhitespace() -> String {
        var text = self
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte > 0x20 && byte < 0x80 {
                    // A run of ASCII that is not white space, copied whole.
                    if pendingSpace { out.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    let start = index
                    while index < bytes.count, bytes[index] > 0x20, bytes[index] < 0x80 { index += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    continue
                }
                let (scalar, end) = byte < 0x80 ? (nil, index + 1) : UTF8Scalar.decode(bytes, at: index)
                let isSpace = byte < 0x80 ? byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) : scalar?.properties.isWhitespace == true
                if isSpace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
