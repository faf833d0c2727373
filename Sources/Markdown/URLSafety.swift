// Link destinations that must never reach the HTML, whatever the rewriter says.

enum URLSafety {
    /// True for a javascript:, vbscript:, file: or data: destination, in any letter case.
    ///
    /// `url` is cmark's destination, in which entities (`jav&#x61;script:`) and backslash escapes
    /// are already decoded. Browsers drop tabs and newlines anywhere in a URL and leading
    /// control characters and spaces, so every control character and space is removed before
    /// the scheme is compared (stricter than a browser, never looser). Percent-encoding is left
    /// alone: a browser does not decode it in a scheme.
    static func isForbidden(_ url: String) -> Bool {
        // Each scheme is matched as the bytes come, with nothing copied: every link is checked.
        var alive: (javascript: Bool, vbscript: Bool, file: Bool, data: Bool) = (true, true, true, true)
        var position = 0
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F { continue }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            func step(_ alive: inout Bool, _ scheme: StaticString) -> Bool {
                guard alive else { return false }
                alive = scheme.withUTF8Buffer { position < $0.count && $0[position] == lower }
                return alive && position == scheme.utf8CodeUnitCount - 1
            }
            if step(&alive.javascript, "javascript:") || step(&alive.vbscript, "vbscript:")
                || step(&alive.file, "file:") || step(&alive.data, "data:") { return true }
            guard alive.javascript || alive.vbscript || alive.file || alive.data else { return false }
            position += 1
        }
        return false
    }
}
