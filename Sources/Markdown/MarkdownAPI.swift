// The public face of the Markdown module. Only this module imports CMark; nothing of cmark
// leaves it. TrellisKit hands in a body and a link rewriter and gets back HTML and facts.

/// How a body is rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes and dashes (cmark's CMARK_OPT_SMART).
    public var smartPunctuation: Bool
    /// Pass raw HTML through (site.yml `unsafe_html: true`); off by default.
    public var unsafeHTML: Bool

    /// Safe defaults: no smart punctuation, raw HTML omitted.
    public init(smartPunctuation: Bool = false, unsafeHTML: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
    }
}

/// A link or image destination as written in the body, with its place (lines of the body, from 1).
public struct MarkdownLink: Sendable, Hashable {
    public let destination: String
    public let line: Int
    public let column: Int
    public let isImage: Bool

    /// A link found at a line and column of the body.
    public init(destination: String, line: Int, column: Int, isImage: Bool) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
    }
}

/// What to do with one link: keep it, point it elsewhere, or drop the destination and keep the text.
public enum LinkRewrite: Sendable, Hashable {
    case keep
    case replace(String)
    case remove
}

/// A heading of the body with the id Trellis gave it (GitHub's style: "## Risks" is "risks").
public struct MarkdownHeading: Sendable, Hashable {
    public let level: Int
    public let text: String
    public let id: String
    public let line: Int

    /// A heading at a body line.
    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// Something in the body an editor should fix (a pipe table, a malformed `table` block ...).
public struct MarkdownProblem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A paragraph that looks like a GitHub pipe table (a warning; suggestion holds the `table` block).
        case pipeTable
        /// A `table` block that cannot be read (an error), or has ragged rows (a warning).
        case tableBlock
        /// A level-1 heading in the body, shown as level 2 since the page title is the only h1 (a warning).
        case bodyHeading
    }

    public let kind: Kind
    public let isError: Bool
    public let message: String
    public let suggestion: String?
    public let line: Int
    public let column: Int

    /// A problem at a body line and column.
    public init(kind: Kind, isError: Bool, message: String, suggestion: String? = nil, line: Int, column: Int) {
        self.kind = kind
        self.isError = isError
        self.message = message
        self.suggestion = suggestion
        self.line = line
        self.column = column
    }
}

/// The result of rendering one body.
public struct RenderedMarkdown: Sendable, Hashable {
    /// cmark's HTML of the edited tree, as UTF-8 bytes: pages insert it as it is, so it is
    /// never made into a String (which would check all of it again).
    public let htmlBytes: [UInt8]
    /// The HTML as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Every heading, in order, with its id.
    public let headings: [MarkdownHeading]
    /// Every link and image destination as written, in order.
    public let links: [MarkdownLink]
    /// Problems for the editor.
    public let problems: [MarkdownProblem]
    /// The body's text without markup, for summaries and search.
    public let plainText: String

    /// A rendered body.
    public init(htmlBytes: [UInt8], headings: [MarkdownHeading], links: [MarkdownLink], problems: [MarkdownProblem], plainText: String) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.links = links
        self.problems = problems
        self.plainText = plainText
    }
}
