import Yams

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
        if let anchor = YAMLAnchors.first(in: yaml) {
            sink.add(.error(.malformedYAML, anchorsMessage, at: SourceLocation(file: file, line: anchor.line + offset, column: anchor.column)))
            return nil
        }
        let root: Node?
        do {
            // Every value is read as text (FieldReader decides what it means), so no implicit
            // tags are resolved: Yams' default resolver runs up to seven regular expressions per scalar.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            sink.add(diagnostic(for: error, file: file, lineOffset: offset))
            return nil
        } catch {
            sink.add(.error(.malformedYAML, "the front matter cannot be read: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1)))
            return nil
        }
        let place = SourceLocation(file: file, line: firstLine, column: 1)
        guard let root, case .mapping(let mapping) = root else {
            sink.add(.error(.malformedYAML, "the front matter must be settings written 'key: value', one per line", at: place))
            return nil
        }
        return FieldReader(file: file, mapping: mapping, lineOffset: offset, sink: sink, place: place)
    }

    /// Yams' error with its position carried over as data, and advice for the usual causes.
    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            // At the end of the text, the place to fix is where the unclosed quote or bracket opened.
            if problem.contains("end of stream"), let opened = context?.mark {
                return .error(.malformedYAML, "the front matter is not valid YAML: \(problem); a quote or bracket that opens here is never closed", at: at(opened))
            }
            if problem.contains("undefined alias") { return .error(.malformedYAML, anchorsMessage, at: at(mark)) }
            if problem.contains("Maximum nesting level") {
                return .error(.malformedYAML, "lists and settings are nested more than 1,000 levels deep here; front matter needs only a few levels", at: at(mark))
            }
            return .error(.malformedYAML, "the front matter is not valid YAML: \(problem); \(advice(problem))", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.malformedYAML, "the key '\(duplicates.joined(separator: "', '"))' is written twice; keep one", at: at(context.mark))
        default:
            return .error(.malformedYAML, "the front matter cannot be read: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
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
