/// One file of `Content/` read into memory, with line endings made LF.
public struct SourceFile: Hashable, Sendable {
    /// Path relative to the site folder, with `/` separators: `Content/partnerships/gosport.md`.
    public let path: String
    public let kind: DocumentKind
    /// The file name without `.md`.
    public let id: String
    /// The text, without a byte-order mark, with CRLF and CR turned into LF (so lines count the same).
    public let text: String
}
