import Markdown

/// A document's body turned into HTML, with its heading ids and its links' problems.
struct RenderedBody: Sendable {
    var html: String
    var headingIDs: [String]
    var plainText: String
    var diagnostics: [Diagnostic]
    var fragmentChecks: [FragmentCheck]
}

/// Renders every body through cmark, rewriting links, then checks `#fragments` across pages.
enum BodyRenderer {
    /// Bodies in the order of `index.documents`, rendered in parallel.
    static func render(_ index: SiteIndex) -> [RenderedBody] {
        let resolver = LinkResolver(index: index)
        let options = MarkdownOptions(smartPunctuation: index.settings.smartPunctuation, unsafeHTML: index.settings.unsafeHTML)
        return index.documents.parallelMap { document in
            var diagnostics: [Diagnostic] = []
            var checks: [FragmentCheck] = []
            let rendered = Markdown.render(document.body, options: options) { link in
                let outcome = resolver.resolve(link, in: document)
                if let diagnostic = outcome.diagnostic { diagnostics.append(diagnostic) }
                if let check = outcome.fragmentCheck { checks.append(check) }
                return outcome.rewrite
            }
            for problem in rendered.problems {
                let code: DiagnosticCode = switch problem.kind {
                case .pipeTable: .pipeTable
                case .tableBlock: .tableBlock
                case .bodyHeading: .bodyHeading
                }
                let location = SourceLocation(file: document.path, line: problem.line + document.bodyLineOffset, column: problem.column)
                diagnostics.append(Diagnostic(problem.isError ? .error : .warning, code, problem.message, at: location, suggestion: problem.suggestion))
            }
            return RenderedBody(html: rendered.html, headingIDs: rendered.headings.map(\.id), plainText: rendered.plainText, diagnostics: diagnostics, fragmentChecks: checks)
        }
    }

    /// Every `#fragment` that names no heading or section of its target page.
    static func checkFragments(_ bodies: [RenderedBody], index: SiteIndex) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        for (document, body) in zip(index.documents, bodies) {
            anchors[document.reference] = Set(body.headingIDs).union(PageAnchors.anchors(of: document))
        }
        return bodies.flatMap(\.fragmentChecks).compactMap { check in
            let known = anchors[check.target] ?? []
            guard !known.contains(check.fragment) else { return nil }
            let target = index.document(reference: check.target)?.path ?? check.target
            let hint = Suggestion.nearest(to: check.fragment, in: known.sorted()).map { " (did you mean '#\($0)'?)" } ?? (known.isEmpty ? "; that page has no headings to link to" : "")
            return .error(.unknownFragment, "'#\(check.fragment)' is not a heading or section of \(target)\(hint)", at: check.location)
        }
    }
}

/// The ids the templates give sections of each kind of page, which links may target too.
enum PageAnchors {
    /// Section ids on `document`'s page besides its body headings.
    static func anchors(of document: Document) -> Set<String> {
        var sections: [String] = []
        switch document.details {
        case .partnership: sections = ["members", "contacts", "priorities", "measures", "documents", "risks", "connections"]
        case .plan: sections = ["priorities", "connections", "earlier"]
        case .framework: sections = ["priorities", "measures", "connections"]
        case .measure: sections = ["definition", "data", "connections"]
        case .contact: sections = ["contact-for"]
        case .page: break
        }
        if document.consultation != nil { sections += ["consultation", "ways-to-respond"] }
        var anchors = Set(sections.map { "section-" + $0 })
        anchors.insert("main-content")
        if case .plan(let plan) = document.details { anchors.formUnion(plan.priorities.map { "priority-" + $0.id.value }) }
        return anchors
    }
}
