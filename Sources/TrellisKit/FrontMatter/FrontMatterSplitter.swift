import Foundation
import Markdown

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
        // Line by line over the bytes (line endings are already "\n"), each line's end found by
        // memchr: the body is a slice, not rebuilt.
        let found = text.withUTF8Bytes { buffer -> (yaml: Range<Int>, body: Int, lines: Int)? in
            func lineEnd(from start: Int) -> Int { buffer.offset(of: UInt8(ascii: "\n"), from: start) ?? buffer.count }
            var lineNumber = 1
            var lineStart = min(lineEnd(from: 0) + 1, buffer.count)
            let yamlStart = lineStart
            while lineStart < buffer.count {
                let end = lineEnd(from: lineStart)
                lineNumber += 1
                if isFence(UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), closing: true) {
                    return (yamlStart..<max(lineStart - 1, yamlStart), min(end + 1, buffer.count), lineNumber)
                }
                lineStart = end + 1
            }
            return nil
        }
        if let found {
            let bytes = text.utf8
            func at(_ offset: Int) -> String.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
            return .success(SplitFile(yaml: String(text[at(found.yaml.lowerBound)..<at(found.yaml.upperBound)]), yamlFirstLine: 2,
                                      body: String(text[at(found.body)...]), bodyLineOffset: found.lines))
        }
        return .failure(.error(.missingFrontMatter, "the front matter that starts on line 1 is never closed; add a line '---' after the last setting", at: SourceLocation(file: file.path, line: 1, column: 1), suggestion: example))
    }

    /// `---` (or YAML's `...` to close), allowing the trailing spaces editors leave behind.
    /// Compared as bytes: a line that starts with three other bytes is no fence whatever follows.
    private static func isFence<Line: Collection<UInt8>>(_ line: Line, closing: Bool) -> Bool {
        var bytes = line.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "-") || closing && first == UInt8(ascii: "."),
              bytes.next() == first, bytes.next() == first else { return false }
        return String(decoding: line.dropFirst(3), as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}
