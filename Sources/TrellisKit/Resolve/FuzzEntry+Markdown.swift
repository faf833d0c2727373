import Markdown

extension FuzzEntry {
    /// Renders `bytes` (invalid UTF-8 replaced, line endings made LF, as bodies reach cmark) as a
    /// Markdown body twice: with the safe defaults and with smart punctuation and raw HTML on.
    /// The link rewriter answers keep, replace and remove in turn, and some replacements are
    /// `javascript:` addresses that `Markdown.render` must drop whatever the rewriter says.
    /// Returns the two HTML texts, safe first, for the fuzzer to check.
    public static func markdown(_ bytes: [UInt8]) -> (safe: String, unsafe: String) {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\r") { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        let replacements = ["https://example.org/a?b=<c>&d=\"e\"", "../pages/x/#frag", " JaVaScRiPt:alert(1)", "&#106;avascript:x"]
        func render(_ options: MarkdownOptions) -> String {
            var count = 0
            return Markdown.render(text, options: options) { link in
                count += 1
                switch count % 3 {
                case 0: return .keep
                case 1: return .replace(replacements[count % replacements.count] + link.destination.prefix(8))
                default: return .remove
                }
            }.html
        }
        return (render(MarkdownOptions()), render(MarkdownOptions(smartPunctuation: true, unsafeHTML: true)))
    }
}
