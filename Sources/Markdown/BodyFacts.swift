// What the walk over a body learns, kept as Swift values: headings and their ids, links,
// problems, tables and plain text. Nothing of cmark reaches this type; Markdown.swift hands it
// strings and positions and applies the edits it decides on.

/// The facts of one body, gathered in document order.
struct BodyFacts {
    let source: SourceText
    private(set) var headings: [MarkdownHeading] = []
    private(set) var links: [MarkdownLink] = []
    private(set) var problems: [MarkdownProblem] = []
    private var ids = IDAllocator()
    private var tableCount = 0
    private var plain = CollapsedText()
    private var headingText: CollapsedText?
    private var linkColumns = SourceText.ColumnCounter()

    init(source: SourceText) {
        self.source = source
    }

    /// The body's text without markup, whitespace collapsed.
    var plainText: String { plain.string }

    /// A block starts or ends: its text is kept apart from its neighbours'.
    mutating func blockBoundary() {
        plain.appendSpace()
    }

    /// Text of a text or code node, as UTF-8: cmark's literals are
    /// read where they lie, and only the whole plain text is made a String.
    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        plain.append(text)
        headingText?.append(text)
    }

    /// A soft or hard line break: white space, as the text " " would be.
    mutating func lineBreak() {
        plain.appendSpace()
        headingText?.appendSpace()
    }

    mutating func beginHeading() {
        headingText = CollapsedText()
    }

    /// A heading ends: its id, and its level after a body's level 1 is shown as level 2.
    mutating func endHeading(level: Int, line: Int, byteColumn: Int) -> (level: Int, id: String) {
        let text = headingText?.string ?? ""
        headingText = nil
        let id = ids.claim(Markdown.slug(text))
        let shown = level == 1 ? 2 : level
        if level == 1 {
            problems.append(MarkdownProblem(
                kind: .bodyHeading, isError: false,
                message: "a level-1 heading ('# \(text)') in the body; the page title is the page's only "
                    + "level-1 heading, so write '## \(text)'",
                line: line, column: source.characterColumn(line: line, byteColumn: byteColumn)))
        }
        headings.append(MarkdownHeading(level: shown, text: text, id: id, line: line))
        return (shown, id)
    }

    /// Records a link or image at a byte position and returns it as the rewriter sees it.
    mutating func link(destination: String, line: Int, byteColumn: Int, isImage: Bool) -> MarkdownLink {
        let link = MarkdownLink(destination: destination, line: line,
                                column: linkColumns.characterColumn(in: source, line: line, byteColumn: byteColumn),
                                isImage: isImage)
        links.append(link)
        return link
    }

    /// A paragraph spanning body lines `startLine...endLine`, its first line's content starting
    /// at `byteColumn`: a warning if it looks like a pipe table.
    mutating func paragraph(startLine: Int, endLine: Int, byteColumn: Int) {
        guard startLine >= 1, endLine >= startLine + 1 else { return }
        // A pipe table has a '|' in every row: most paragraphs are ruled out without making strings.
        guard source.contains(UInt8(ascii: "|"), lines: startLine...endLine) else { return }
        var lines: [String] = []
        for number in startLine...endLine {
            var bytes = source.line(number)
            if number == startLine {
                bytes = bytes.dropFirst(max(byteColumn - 1, 0))
            } else {
                while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
                    || first == UInt8(ascii: ">") { bytes.removeFirst() }
            }
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        guard let suggestion = PipeTable.suggestion(forParagraph: lines) else { return }
        problems.append(MarkdownProblem(kind: .pipeTable, isError: false, message: PipeTable.message,
                                        suggestion: suggestion, line: startLine, column: 1))
    }

    /// A `table` block whose fence is at `line`: its HTML (UTF-8), or nil to leave the code block as it is.
    mutating func table(info: String, literal: String, line: Int, byteColumn: Int) -> [UInt8]? {
        tableCount += 1
        let id = ids.claim("table-\(tableCount)")
        let outcome = TableBlock.render(info: info, literal: literal, id: id, line: line,
                                        column: source.characterColumn(line: line, byteColumn: byteColumn))
        problems += outcome.problems
        for (number, piece) in outcome.plainText.enumerated() {
            if number > 0 { plain.appendSpace() }
            plain.append(piece)
        }
        return outcome.html
    }
}

/// What happens to one link or image node.
enum LinkEdit: Hashable {
    case keep
    case setURL(String)
    /// The node goes and its children (the text, or an image's alt text) take its place.
    case unwrap

    /// The rewriter's answer, overruled when the destination the HTML would get is forbidden.
    init(destination: String, rewrite: LinkRewrite) {
        switch rewrite {
        case .keep: self = URLSafety.isForbidden(destination) ? .unwrap : .keep
        case .replace(let url): self = URLSafety.isForbidden(url) ? .unwrap : .setURL(url)
        case .remove: self = .unwrap
        }
    }
}
