import Markdown

/// A document's body turned into HTML, with its heading ids and its links' problems.
struct RenderedBody: Sendable {
    /// The body's HTML, UTF-8.
    var html: [UInt8]
    var headingIDs: [String]
    var plainText: String
    var diagnostics: [Diagnostic]
    var fragmentChecks: [FragmentCheck]
}

/// Renders every body through cmark, rewriting links, then checks `#fragments` across pages.
enum BodyRenderer {
    /// Bodies in the order of `index.documents`, rendered in parallel; with a `cache`, only those
    /// whose body or link targets changed since the cache's last build are rendered again.
    static func render(_ index: SiteIndex, cache: BuildCache? = nil) -> [RenderedBody] {
        let resolver = LinkResolver(index: index)
        let options = MarkdownOptions(smartPunctuation: index.settings.smartPunctuation, unsafeHTML: index.settings.unsafeHTML)
        let render = { @Sendable (document: Document) -> RenderedBody in
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
            return RenderedBody(html: rendered.htmlBytes, headingIDs: rendered.headings.map(\.id), plainText: rendered.plainText, diagnostics: diagnostics, fragmentChecks: checks)
        }
        guard let cache else { return index.documents.parallelMap(render) }
        return cache.bodies(index, options: options, render: render)
    }

    /// Every `#fragment` that names no heading or section of its target page; `relations` are
    /// the index's, when they are made already.
    static func checkFragments(_ bodies: [RenderedBody], index: SiteIndex, relations: Relations? = nil) -> [Diagnostic] {
        let checks = bodies.flatMap(\.fragmentChecks)
        guard !checks.isEmpty else { return [] }
        // Only the pages some link points into: on a large site, most pages are no link's target.
        let targets = Set(checks.map(\.target))
        var anchors: [String: Set<String>] = [:]
        let relations = relations ?? Relations(index)
        for (document, body) in zip(index.documents, bodies) where targets.contains(document.reference) {
            anchors[document.reference] = Set(body.headingIDs).union(PageAnchors.anchors(of: document, relations: relations))
            if AccessibilityStatement.applies(to: document, settings: index.settings) { anchors[document.reference]!.formUnion(AccessibilityStatement.anchors) }
        }
        for id in index.priorityOrder where targets.contains("priorities/\(id)") {
            anchors["priorities/\(id)"] = PageAnchors.anchors(ofPriority: id, relations: relations)
        }
        var suggestions = SuggestionBudget()
        return checks.compactMap { check in
            let known = anchors[check.target] ?? []
            guard !known.contains(check.fragment) else { return nil }
            let target = index.document(reference: check.target)?.path ?? check.target
            let hint = suggestions.nearest(to: check.fragment, in: known.sorted()).map { " (did you mean '#\($0)'?)" } ?? (known.isEmpty ? "; that page has no headings to link to" : "")
            return .error(.unknownFragment, "'#\(check.fragment)' is not a heading or section of \(target)\(hint)", at: check.location)
        }
    }
}

/// The ids the templates give sections of each kind of page, which links may target too.
/// A section the page leaves out (a partnership with no risks has no Risks) is not a target.
enum PageAnchors {
    /// Section ids on `document`'s page besides its body headings.
    static func anchors(of document: Document, relations: Relations) -> Set<String> {
        var sections: [String] = []
        func add(_ section: String, if shown: Bool) { if shown { sections.append(section) } }
        let usedBy = !(relations.partnershipsByDocument[document.reference] ?? []).isEmpty
        switch document.details {
        case .partnership(let partnership):
            add("members", if: !partnership.members.isEmpty)
            add("contacts", if: !partnership.contacts.isEmpty || partnership.chair != nil)
            add("priorities", if: !partnership.priorities.isEmpty)
            add("measures", if: !partnership.measures.isEmpty)
            add("documents", if: !partnership.documents.isEmpty || !(relations.ownedDocuments[document.id] ?? []).isEmpty)
            add("risks", if: !partnership.risks.isEmpty)
            add("connections", if: !(relations.childPartnerships[document.id] ?? []).isEmpty)
        case .plan(let plan):
            add("priorities", if: !plan.priorities.isEmpty)
            add("connections", if: usedBy)
            add("earlier", if: !(relations.supersedes[document.id] ?? []).isEmpty)
        case .framework(let framework):
            add("priorities", if: !framework.priorities.isEmpty)
            add("measures", if: !framework.measures.isEmpty)
            add("connections", if: usedBy)
        case .measure(let measure):
            add("definition", if: measure.definition != nil)
            add("data", if: !measure.actuals.isEmpty || !measure.targets.isEmpty)
            sections.append("connections")
        case .contact: sections = ["contact-for"]
        case .page: break
        }
        // A consultation's sections come and go with its state, so a link to one would break on
        // a later rebuild with nothing changed: they are not offered as link targets.
        var anchors = Set(sections.map { "section-" + $0 })
        anchors.insert("main-content")
        if case .plan(let plan) = document.details { anchors.formUnion(plan.priorities.map { "priority-" + $0.id.value }) }
        return anchors
    }

    /// Section ids on the page of the priority `id`.
    static func anchors(ofPriority id: String, relations: Relations) -> Set<String> {
        var anchors: Set<String> = ["main-content", "section-who", "section-measures"]
        if !(relations.childPriorities[id] ?? []).isEmpty { anchors.insert("section-local-priorities") }
        return anchors
    }
}
