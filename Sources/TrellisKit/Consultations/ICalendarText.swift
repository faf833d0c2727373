extension ICalendar {
    /// A TEXT value escaped per RFC 5545 3.3.11: backslash, semicolon, comma, and newlines as `\n`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            case "\t": escaped.unicodeScalars.append(scalar)
            // Other control characters are not allowed in TEXT at all.
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A content line folded so no line exceeds 75 octets, never inside a UTF-8 sequence (lines joined by CRLF + space).
    public static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }
}
