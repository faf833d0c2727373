// Link destinations that must never reach the HTML, whatever the rewriter says.

enum URLSafety {
    private static let forbiddenSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// True for a javascript:, vbscript:, file: or data: destination, in any letter case.
    ///
    /// `url` is cmark's destination, in which entities (`jav&#x61;script:`) and backslash escapes
    /// are already decoded. Browsers drop tabs and newlines anywhere in a URL and leading
    /// control characters and spaces, so every control character and space is removed before
    /// the scheme is compared (stricter than a browser, never looser). Percent-encoding is left
    /// alone: a browser does not decode it in a scheme.
    static func isForbidden(_ url: String) -> Bool {
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F { continue }
            scheme.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            if byte == UInt8(ascii: ":") || scheme.count > 12 { break }
        }
        let prefix = String(decoding: scheme, as: UTF8.self)
        return forbiddenSchemes.contains { prefix.hasPrefix($0) }
    }
}
