import Foundation

/// Turns one source file into a `Document`, collecting every problem in its front matter.
enum DocumentDecoder {
    static let commonKeys = ["title", "summary", "status", "draft", "updated", "consultation"]

    /// The document (nil when it cannot be read at all) and the file's diagnostics.
    static func decode(_ file: SourceFile, clock: SiteClock) -> (Document?, [Diagnostic]) {
        let split: SplitFile
        switch FrontMatterSplitter.split(file) {
        case .success(let value): split = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let sink = DiagnosticSink()
        guard let reader = YAMLDocument.reader(yaml: split.yaml, firstLine: split.yamlFirstLine, file: file.path, sink: sink) else {
            return (nil, sink.diagnostics)
        }
        let consultation = reader.mapping("consultation", what: "a group of consultation settings").map {
            ConsultationReader.read($0, clock: clock, at: reader.location(ofKey: "consultation"))
        }
        let titleKey = file.kind == .contact ? "name" : "title"
        let title = reader.string(titleKey, required: true, what: file.kind == .contact ? "the person's or role's name" : "the document's title")
        var document = Document(
            kind: file.kind, id: file.id, path: file.path,
            title: title?.value ?? file.id,
            summary: reader.string("summary")?.value,
            status: nil,
            draft: reader.bool("draft") ?? false,
            updated: reader.time("updated"),
            consultation: consultation?.consultation,
            outcomeDocument: consultation?.outcomeDocument,
            body: split.body, bodyLineOffset: split.bodyLineOffset,
            details: .page)
        if let title, title.value.isEmpty {
            sink.add(.error(.missingKey, "'\(titleKey)' is empty; write the \(titleKey) after '\(titleKey): '", at: title.location))
        }
        document.status = statuses[file.kind].map { reader.choice("status", from: $0) } ?? reader.string("status")
        let kindKeys: [String]
        (document.details, kindKeys) = KindDecoder.decode(file.kind, reader: reader, id: file.id)
        let known = (file.kind == .contact ? commonKeys.map { $0 == "title" ? "name" : $0 } : commonKeys) + kindKeys
        reader.warnUnknownKeys(known: known, context: "in a \(file.kind.rawValue)")
        if title == nil { return (nil, sink.diagnostics) }
        return (document, sink.diagnostics)
    }

    static let statuses: [DocumentKind: [String]] = [
        .partnership: ["proposed", "established", "merged", "closed"],
        .plan: ["draft", "consultation", "adopted", "superseded"],
        .framework: ["draft", "consultation", "adopted", "superseded"],
        .measure: ["current", "retired"],
    ]
}

/// Parses front matter YAML into a reader of its top-level mapping.
enum YAMLDocument {
    /// The reader, or nil after reporting why the YAML cannot be read.
    static func reader(yaml: String, firstLine: Int, file: String, sink: DiagnosticSink) -> FieldReader? {
        let offset = firstLine - 1
        let place = SourceLocation(file: file, line: firstLine, column: 1)
        switch YAMLParser.parse(yaml) {
        case .failure(let failure):
            sink.add(diagnostic(for: failure, yaml: yaml, file: file, lineOffset: offset))
            return nil
        case .success(.mapping(let mapping, _)?):
            return FieldReader(file: file, mapping: mapping, lineOffset: offset, sink: sink, place: place)
        case .success:
            sink.add(.error(.malformedYAML, "the front matter must be settings written 'key: value', one per line", at: place))
            return nil
        }
    }

    /// Why the YAML cannot be read, at its place in the file, with advice for the usual causes.
    static func diagnostic(for failure: YAMLFailure, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: YAMLMark) -> SourceLocation { SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column) }
        switch failure {
        case .syntax(let problem, let mark, _, let opened):
            // At the end of the text, the place to fix is where the unclosed quote or bracket opened.
            if problem.contains("end of stream"), let opened {
                return .error(.malformedYAML, "the front matter is not valid YAML: \(problem); a quote or bracket that opens here is never closed", at: at(opened))
            }
            if problem.contains("Maximum nesting level") {
                return .error(.malformedYAML, "lists and settings are nested more than 1,000 levels deep here; front matter needs only a few levels", at: at(mark))
            }
            return .error(.malformedYAML, "the front matter is not valid YAML: \(problem); \(advice(problem))", at: at(mark))
        case .duplicateKeys(let keys, let mark):
            return .error(.malformedYAML, "the key '\(keys.joined(separator: "', '"))' is written twice; keep one", at: at(mark))
        case .anchor(let mark):
            return .error(.malformedYAML, anchorsMessage, at: at(mark))
        case .anotherDocument(let mark):
            return .error(.malformedYAML, "a line starting with '---' here starts a second YAML document inside the front matter; "
                          + "end the front matter with a line of just '---'", at: at(mark))
        case .character(let problem, let offset, let value):
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return .error(.malformedYAML, "the front matter cannot be read: \(problem)\(character); delete that character", at: at(mark(atByte: offset, in: yaml)))
        case .memory:
            return .error(.malformedYAML, "the front matter cannot be read: there is not enough memory", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
    }

    /// The line and column (in Unicode scalars, as libyaml counts them) of a byte offset into `text`.
    private static func mark(atByte offset: Int, in text: String) -> YAMLMark {
        let before = text.utf8.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return YAMLMark(line: line, column: column)
    }

    /// Why a file with `&anchors` or `*aliases` is refused (see `YAMLAnchors`).
    static let anchorsMessage = "anchors and aliases (& and *) are not supported in front matter; write each value out in full "
        + "(and put text that starts with & or * in quotes)"

    private static func advice(_ problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be in quotes, like title: \"Aims: 2011\""
        }
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        return "check the quotes, colons and indentation on this line and the one before"
    }
}
