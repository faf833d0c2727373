/// A file cut into its YAML front matter and its Markdown body, with where each starts.
struct SplitFile: Sendable {
    /// The YAML between the `---` lines.
    var yaml: String
    /// File line of the YAML's first line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// Lines before the body: body line N is file line N + bodyLineOffset.
    var bodyLineOffset: Int
}

/// Finds the `---` lines that fence front matter.
enum FrontMatterSplitter {
    /// The split file, or an error saying what the top of the file should look like.
    static func split(_ file: SourceFile) -> Result<SplitFile, Diagnostic> {
        let text = file.text
        let titleKey = file.kind == .contact ? "name" : "title"
        let example = "---\n\(titleKey): ...\nsummary: ...\n---"
        guard isFence(text.utf8.prefix { $0 != UInt8(ascii: "\n") }, closing: false) else {
            return .failure(.error(.missingFrontMatter, "the file must start with front matter: a line '---', the settings, then another '---'", at: SourceLocation(file: file.path, line: 1, column: 1), suggestion: example))
        }
        // Line by line over the bytes (line endings are already "\n"): the body is a slice, not rebuilt.
        let bytes = text.utf8
        var lineNumber = 1
        var lineStart = bytes.firstIndex(of: UInt8(ascii: "\n")).map { bytes.index(after: $0) } ?? bytes.endIndex
        let yamlStart = lineStart
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            lineNumber += 1
            if isFence(bytes[lineStart..<lineEnd], closing: true) {
                let yamlEnd = lineStart > yamlStart ? bytes.index(before: lineStart) : yamlStart
                let bodyStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
                return .success(SplitFile(yaml: String(Substring(bytes[yamlStart..<yamlEnd])), yamlFirstLine: 2,
                                          body: String(Substring(bytes[bodyStart...])), bodyLineOffset: lineNumber))
            }
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
        }
        return .failure(.error(.missingFrontMatter, "the front matter that starts on line 1 is never closed; add a line '---' after the last setting", at: SourceLocation(file: file.path, line: 1, column: 1), suggestion: example))
    }

    /// `---` (or YAML's `...` to close), allowing the trailing spaces editors leave behind.
    /// Compared as bytes: a line that starts with three other bytes is no fence whatever follows.
    private static func isFence(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        var bytes = line.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "-") || closing && first == UInt8(ascii: "."),
              bytes.next() == first, bytes.next() == first else { return false }
        return Substring(line.dropFirst(3)).allSatisfy(\.isWhitespace)
    }
}
