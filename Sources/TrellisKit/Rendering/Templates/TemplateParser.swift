/// Reads Mustache text into nodes, by the rules swift-mustache's parser follows (standalone tags,
/// the whitespace kept before them, set delimiters), so themes written for it render the same.
/// It walks Characters as that parser does; parsing happens once per template, so speed is moot.
struct TemplateParser {
    private let text: String
    private var position: String.Index
    /// Each partial included, with the place of its tag.
    private(set) var partials: [(name: String, line: Int, column: Int)] = []

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    /// What the parser knows at a point: the section it is inside, whether it is at the start of
    /// a line, and the delimiters in force.
    private struct State {
        var section: (name: String, transforms: [String], tag: String.Index)?
        var newLine = true
        var open = "{{"
        var close = "}}"
    }

    /// A problem at a place in the text, turned into line and column once.
    private struct Failure: Error {
        var message: String
        var at: String.Index
    }

    /// The whole template's nodes, or the first error with its line and column.
    mutating func parseTemplate() throws(TemplateError) -> [TemplateNode] {
        do {
            return try parse(State())
        } catch {
            let (line, column) = lineAndColumn(of: error.at)
            throw TemplateError(message: error.message, line: line, column: column)
        }
    }

    private mutating func parse(_ initial: State) throws(Failure) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore = ""
        while position < text.endIndex {
            if state.newLine {
                whitespaceBefore = String(read { $0 == " " || $0 == "\t" })
            }
            let (plain, tag) = readUntilTagOrNewline(state)
            if let newline = current, newline.isNewline {
                if let tag { throw Failure(message: "a tag cannot break its line before its name; write the whole tag on one line", at: tag) }
                nodes.append(.text(Array((whitespaceBefore + plain + String(newline)).utf8)))
                state.newLine = true
                advance()
                continue
            }
            if !plain.isEmpty {
                nodes.append(.text(Array((whitespaceBefore + plain).utf8)))
                whitespaceBefore = ""
                state.newLine = false
            }
            guard let tag else { break }
            guard let kind = current else {
                throw Failure(message: "the tag is not closed; end it with \(state.close)", at: tag)
            }
            var standalone = false
            // Whitespace before a tag inside a line is text; before a standalone tag it goes with the line.
            func keepWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore.utf8)))
                    whitespaceBefore = ""
                }
            }
            switch kind {
            case "#", "^":
                advance()
                let (name, transforms) = try readName(state, tag: tag)
                if isStandalone(state) { standalone = true } else { keepWhitespace() }
                var inner = state
                inner.section = (name, transforms, tag)
                if !standalone { inner.newLine = false }
                let children = try parse(inner)
                let parsed = TemplateName(name, transforms: try known(transforms, tag: tag))
                nodes.append(kind == "#" ? .section(parsed, children) : .invertedSection(parsed, children))
            case "/":
                advance()
                let (name, transforms) = try readName(state, tag: tag)
                guard let section = state.section else {
                    throw Failure(message: "\(state.open)/\(written(name, transforms))\(state.close) closes a section that is not open", at: tag)
                }
                guard name == section.name, transforms == section.transforms else {
                    let (line, column) = lineAndColumn(of: section.tag)
                    let open = written(section.name, section.transforms)
                    throw Failure(message: "\(state.open)/\(written(name, transforms))\(state.close) cannot close \(state.open)#\(open)\(state.close) (line \(line), column \(column)), which is still open; close it first with \(state.open)/\(open)\(state.close)", at: tag)
                }
                if !isStandalone(state) { keepWhitespace() }
                return nodes
            case "!":
                advance()
                try skipComment(state, tag: tag)
                standalone = isStandalone(state)
            case "{", "&":
                keepWhitespace()
                advance()
                let (name, transforms) = try readName(state, tag: tag)
                if kind == "{" {
                    guard current == "}" else { throw Failure(message: "the tag opened with \(state.open){ must end with }\(state.close)", at: tag) }
                    advance()
                }
                nodes.append(.variable(TemplateName(name, transforms: try known(transforms, tag: tag)), escaped: false))
            case ">":
                advance()
                _ = read { $0.isWhitespace }
                if current == "*" {
                    throw unsupported("dynamic partials (\(state.open)>*name\(state.close))", "name the partial itself, or choose between partials with sections", at: tag)
                }
                let name = try readPartialName(state, tag: tag)
                // The whitespace before a standalone partial is both kept as text and passed on as its indentation.
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore.utf8))) }
                standalone = isStandalone(state)
                let indentation = standalone ? Array(whitespaceBefore.utf8) : nil
                let (line, column) = lineAndColumn(of: tag)
                partials.append((name, line, column))
                nodes.append(.partial(name, indentation: indentation))
                whitespaceBefore = ""
            case "<", "$":
                throw unsupported("template inheritance (\(state.open)<parent\(state.close) and \(state.open)$block\(state.close))", "include shared parts with partials (\(state.open)> name\(state.close)) instead", at: tag)
            case "%":
                throw unsupported("pragmas (\(state.open)%...\(state.close))", "remove the tag; the output is always HTML, escaped", at: tag)
            case "=":
                advance()
                try setDelimiters(&state, tag: tag)
                standalone = isStandalone(state)
            default:
                keepWhitespace()
                let (name, transforms) = try readName(state, tag: tag)
                nodes.append(.variable(TemplateName(name, transforms: try known(transforms, tag: tag)), escaped: true))
            }
            state.newLine = standalone
        }
        if let section = state.section {
            throw Failure(message: "the section \(state.open)#\(written(section.name, section.transforms))\(state.close) is never closed; end it with \(state.open)/\(written(section.name, section.transforms))\(state.close)", at: section.tag)
        }
        return nodes
    }

    private func unsupported(_ feature: String, _ instead: String, at tag: String.Index) -> Failure {
        Failure(message: "Trellis's templates do not support \(feature); \(instead)", at: tag)
    }

    private func written(_ name: String, _ transforms: [String]) -> String {
        transforms.reduce(name) { "\($1)(\($0))" }
    }

    /// The transforms as written (outermost first), in the order they apply.
    private func known(_ transforms: [String], tag: String.Index) throws(Failure) -> [TemplateTransform] {
        var known: [TemplateTransform] = []
        for name in transforms.reversed() {
            guard let transform = TemplateTransform(rawValue: name) else {
                let names = TemplateTransform.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
                throw Failure(message: "there is no transform '\(name)()'; Trellis's templates know \(names)", at: tag)
            }
            known.append(transform)
        }
        return known
    }
}

extension TemplateParser {
    private var current: Character? { position < text.endIndex ? text[position] : nil }

    private mutating func advance() { position = text.index(after: position) }

    private mutating func read(while belongs: (Character) -> Bool) -> Substring {
        let start = position
        while let character = current, belongs(character) { advance() }
        return text[start..<position]
    }

    /// Text up to a newline or the opening delimiter; `tag` is where the delimiter was, now read past.
    private mutating func readUntilTagOrNewline(_ state: State) -> (String, tag: String.Index?) {
        var plain = ""
        let first = state.open.first!
        while let character = current {
            if character == "\n" || character == "\r\n" { break }
            if character == first, text[position...].hasPrefix(state.open) {
                let tag = position
                position = text.index(position, offsetBy: state.open.count)
                return (plain, tag)
            }
            plain.append(character)
            advance()
        }
        return (plain, nil)
    }

    /// A tag's name and its transforms (outermost first), read up to the closing delimiter.
    private mutating func readName(_ state: State, tag: String.Index) throws(Failure) -> (String, [String]) {
        _ = read { $0.isWhitespace }
        let written = String(read { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" })
        _ = read { $0.isWhitespace }
        try readClose(state, tag: tag)
        let invalid = Failure(message: "'\(written)' is not a name: a name is letters, digits and . - _ ? *, and a transform is written around it, as in empty(items)", at: tag)
        var transforms: [String] = []
        var rest = Substring(written)
        while let bracket = rest.firstIndex(of: "(") {
            let transform = rest[..<bracket]
            guard !transform.contains(")") else { throw invalid }
            transforms.append(String(transform))
            rest = rest[rest.index(after: bracket)...]
        }
        if transforms.isEmpty {
            guard !rest.contains(")") else { throw invalid }
            return (written, [])
        }
        let name = rest.prefix { $0 != ")" }
        guard rest.dropFirst(name.count).allSatisfy({ $0 == ")" }), rest.count - name.count == transforms.count else { throw invalid }
        return (String(name), transforms)
    }

    private mutating func readPartialName(_ state: State, tag: String.Index) throws(Failure) -> String {
        _ = read { $0.isWhitespace }
        let name = String(read { Self.nameCharacters.contains($0) || "()/".contains($0) })
        _ = read { $0.isWhitespace }
        try readClose(state, tag: tag)
        return name
    }

    private mutating func readClose(_ state: State, tag: String.Index) throws(Failure) {
        guard text[position...].hasPrefix(state.close) else {
            throw Failure(message: "the tag is not closed where expected: a name is letters, digits and . - _ ? * (transforms written as empty(items)), followed by \(state.close)", at: tag)
        }
        position = text.index(position, offsetBy: state.close.count)
    }

    private mutating func skipComment(_ state: State, tag: String.Index) throws(Failure) {
        while position < text.endIndex {
            if text[position...].hasPrefix(state.close) {
                position = text.index(position, offsetBy: state.close.count)
                return
            }
            advance()
        }
        throw Failure(message: "the comment is never closed; end it with \(state.close)", at: tag)
    }

    /// `{{=<% %>=}}`: two delimiters separated by whitespace, then `=` and the current closing delimiter.
    private mutating func setDelimiters(_ state: inout State, tag: String.Index) throws(Failure) {
        let invalid = Failure(message: "the set-delimiter tag must read \(state.open)=OPEN CLOSE=\(state.close), as in \(state.open)=<% %>=\(state.close)", at: tag)
        _ = read { $0.isWhitespace }
        let open = read { !$0.isWhitespace }
        guard current != nil else { throw invalid }
        _ = read { $0.isWhitespace }
        let close = read { $0 != "=" && !$0.isWhitespace }
        guard current != nil else { throw invalid }
        _ = read { $0.isWhitespace }
        guard current == "=" else { throw invalid }
        advance()
        guard text[position...].hasPrefix(state.close), !open.isEmpty, !close.isEmpty else { throw invalid }
        position = text.index(position, offsetBy: state.close.count)
        state.open = String(open)
        state.close = String(close)
    }

    /// A tag is standalone when it began its line (after spaces and tabs) and only spaces and tabs
    /// follow it up to a newline, which is then read; or when it ends the text.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        guard position < text.endIndex else { return true }
        var probe = position
        while probe < text.endIndex, text[probe] == " " || text[probe] == "\t" { probe = text.index(after: probe) }
        guard probe < text.endIndex, text[probe].isNewline else { return false }
        position = text.index(after: probe)
        return true
    }

    private func lineAndColumn(of index: String.Index) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text[..<index] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
}
