import Markdown

extension String {
    /// The string without Unicode white space (spaces, tabs, line breaks) at either end: what
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without the trip
    /// through NSString, which made it one of the costliest calls of a large build.
    var trimmedOfWhitespace: String {
        // Most text (every link destination) has neither end to trim: seen from its end bytes.
        let untrimmed = withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if untrimmed { return self }
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
