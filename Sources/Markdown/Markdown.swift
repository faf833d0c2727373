// The one file that touches cmark. `render` parses, walks, edits, renders and frees in one
// scope; every cmark pointer lives and dies inside it, and strings are copied out at once.

internal import CMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown bodies through cmark: HTML plus the facts TrellisKit checks (headings, links, problems).
public enum Markdown {
    /// Renders a body (LF line endings; lines counted from 1 within the body).
    ///
    /// `rewrite` is called once per link and image, in document order. Whatever it answers,
    /// javascript:, vbscript:, file: and data: destinations are removed (their text kept).
    /// Safe to call from many threads at once: each call has its own cmark document.
    public static func render(_ text: String, options: MarkdownOptions = .init(),
                              rewrite: (MarkdownLink) -> LinkRewrite) -> RenderedMarkdown {
        let source = SourceText(text)
        // Not CMARK_OPT_VALIDATE_UTF8: a Swift String is valid UTF-8 already (cmark replaces NUL itself).
        var parseOptions = CMARK_OPT_SOURCEPOS
        // Without SOURCEPOS: it would add data-sourcepos attributes to the HTML.
        var renderOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation {
            parseOptions |= CMARK_OPT_SMART
            renderOptions |= CMARK_OPT_SMART
        }
        if options.unsafeHTML { renderOptions |= CMARK_OPT_UNSAFE }

        // cmark reads exactly `count` bytes: no terminating NUL is needed.
        let parsed = source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions) }
        }
        guard let document = parsed else { preconditionFailure("cmark could not allocate a document") }
        defer { cmark_node_free(document) }

        var facts = BodyFacts(source: source)
        var edits: [TreeEdit] = []
        do {
            guard let iterator = cmark_iter_new(document) else { preconditionFailure("cmark could not allocate an iterator") }
            defer { cmark_iter_free(iterator) }
            walk(iterator, facts: &facts, edits: &edits, rewrite: rewrite)
        }
        // In document order. No edit frees a node that still has children (each first moves
        // them out), so the nodes later edits point to stay alive; and each unwrap moves only
        // its own children, so images nested 20,000 deep cost linear time, not quadratic.
        for edit in edits { apply(edit) }

        guard let rendered = cmark_render_html(document, renderOptions) else {
            preconditionFailure("cmark could not render HTML")
        }
        defer { free(rendered) }
        let html = rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
        return RenderedMarkdown(htmlBytes: html, headings: facts.headings, links: facts.links,
                                problems: facts.problems, plainText: facts.plainText)
    }

    /// A change to the tree, decided during the walk and applied after it.
    private enum TreeEdit {
        case setURL(OpaquePointer, String)
        case unwrap(OpaquePointer)
        case heading(OpaquePointer, level: Int, id: String)
        case replaceBlock(OpaquePointer, html: [UInt8])
    }

    /// One iterative pass over the tree (nesting depth is up to the content, so no recursion).
    private static func walk(_ iterator: OpaquePointer, facts: inout BodyFacts, edits: inout [TreeEdit],
                             rewrite: (MarkdownLink) -> LinkRewrite) {
        // The leaf block (paragraph or heading) being walked, for inline positions.
        var blockLine = 1, blockColumn = 1
        var headingEdit: Int?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue, type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                facts.blockBoundary()
            }
            switch type {
            case CMARK_NODE_PARAGRAPH where entering:
                (blockLine, blockColumn) = (line, column)
                facts.paragraph(startLine: line, endLine: Int(cmark_node_get_end_line(node)), byteColumn: column)
            case CMARK_NODE_HEADING:
                if entering {
                    (blockLine, blockColumn) = (line, column)
                    facts.beginHeading()
                    headingEdit = edits.count
                    edits.append(.heading(node, level: 0, id: ""))
                } else if let index = headingEdit {
                    let (level, id) = facts.endHeading(level: Int(cmark_node_get_heading_level(node)),
                                                       line: line, byteColumn: column)
                    edits[index] = .heading(node, level: level, id: id)
                    headingEdit = nil
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                bytes(cmark_node_get_literal(node)) { facts.text($0) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                facts.lineBreak()
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(node), literal = cmark_node_get_literal(node)
                if bytes(info, TableBlock.isTable(info:)) {
                    if let html = facts.table(info: string(info), literal: string(literal), line: line, byteColumn: column) {
                        edits.append(.replaceBlock(node, html: html))
                    }
                } else {
                    bytes(literal) { facts.text($0) }
                }
            case CMARK_NODE_LINK where entering, CMARK_NODE_IMAGE where entering:
                let isImage = type == CMARK_NODE_IMAGE
                let destination = string(cmark_node_get_url(node))
                var (linkLine, linkColumn) = (line, column)
                if linkLine <= 0 || linkColumn <= 0 {
                    (linkLine, linkColumn) = (blockLine, blockColumn)
                } else {
                    let starts: [UInt8] = isImage ? [UInt8(ascii: "!")] : [UInt8(ascii: "["), UInt8(ascii: "<")]
                    linkColumn = facts.source.inlineByteColumn(line: linkLine, reported: linkColumn, blockLine: blockLine,
                                                               blockColumn: blockColumn, startsWith: starts)
                }
                let link = facts.link(destination: destination, line: linkLine, byteColumn: linkColumn, isImage: isImage)
                switch LinkEdit(destination: destination, rewrite: rewrite(link)) {
                case .keep: break
                case .setURL(let url): edits.append(.setURL(node, url))
                case .unwrap: edits.append(.unwrap(node))
                }
            default:
                break
            }
        }
    }

    private static func apply(_ edit: TreeEdit) {
        switch edit {
        case .setURL(let node, let url):
            cmark_node_set_url(node, url)
        case .unwrap(let node):
            // The children take the node's place: a link's text, an image's alt text.
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            cmark_node_unlink(node)
            cmark_node_free(node)
        case .heading(let node, let level, let id):
            // A custom block holding a custom inline that writes <hN id="..."> ... </hN> around
            // the heading's inlines (a custom block's own enter text would be followed by a newline).
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
            guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
                cmark_node_free(block)
                return
            }
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            var enter: [UInt8] = []
            enter.append("<h")
            enter += String(level).utf8
            enter.append(" id=\"")
            HTMLEscape.append(id, to: &enter)
            enter.append("\">")
            setOnEnter(inline, enter)
            cmark_node_set_on_exit(inline, "</h\(level)>")
            cmark_node_append_child(block, inline)
            while let child = cmark_node_first_child(node) { cmark_node_append_child(inline, child) }
            replace(node, with: block)
        case .replaceBlock(let node, let html):
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
            setOnEnter(block, html)
            cmark_node_set_on_exit(block, "")
            replace(node, with: block)
        }
    }

    /// Puts `block` where `node` was and frees `node` (or frees `block` if cmark refuses).
    private static func replace(_ node: OpaquePointer, with block: OpaquePointer) {
        if cmark_node_replace(node, block) != 0 {
            cmark_node_free(node)
        } else {
            cmark_node_free(block)
        }
    }

    /// Gives cmark a node's enter text as UTF-8 (which cmark copies).
    private static func setOnEnter(_ node: OpaquePointer, _ text: [UInt8]) {
        (text + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_enter(node, $0.baseAddress) }
        }
    }

    /// A C string from cmark read where it lies, as UTF-8 without its NUL (empty for NULL); the
    /// bytes are valid only inside `body`.
    private static func bytes<Result>(_ pointer: UnsafePointer<CChar>?, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let pointer else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(pointer))) }
    }

    /// A C string from cmark, copied ("" for NULL).
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
