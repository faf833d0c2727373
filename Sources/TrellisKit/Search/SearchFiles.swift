import Foundation

/// `/search/`: the search page and its sharded index. Partnerships, plans, frameworks,
/// priorities, measures, contacts and pages are found by the words of their titles, summaries
/// (and fields such as a measure's code or a contact's role) and bodies.
struct SearchFiles {
    let site: SiteContext
    let layout: Layout

    /// The index files and the page.
    func files() -> [OutputFile] {
        index().files() + [page()]
    }

    /// The index of everything searchable, documents in the site's order then priorities in plan
    /// order. Documents are read a few hundred at a time (on every core), so the words of only
    /// those are in memory at once besides the postings.
    func index() -> SearchIndex {
        var index = SearchIndex()
        let documents = site.index.documents
        for start in stride(from: 0, to: documents.count, by: 512) {
            index.add(Array(documents[start..<min(documents.count, start + 512)]).parallelMap { document in entry(document) })
        }
        index.add(priorityEntries())
        return index
    }

    /// The priorities, in plan order.
    private func priorityEntries() -> [SearchIndex.Entry] {
        let priorities = site.index.priorityOrder.compactMap { id -> SearchIndex.Entry? in
            guard let priority = site.index.priorities[id] else { return nil }
            let plan = site.index.document(.plan, priority.plan)?.title
            let summary = [priority.label, plan.map { "Set by \($0)" }].compactMap { $0 }.joined(separator: ". ")
            return SearchIndex.Entry(title: priority.title, path: "priorities/\(id)/", kind: "Priority", summary: summary,
                                     fields: [priority.label ?? ""], body: "")
        }
        return priorities
    }

    private func entry(_ document: Document) -> SearchIndex.Entry {
        var fields = [document.summary ?? ""]
        var shown = document.summary ?? ""
        switch document.details {
        case .partnership(let partnership):
            fields += [partnership.area ?? "", partnership.type?.value ?? ""] + partnership.members.map(\.name)
        case .measure(let measure):
            fields += [measure.code ?? "", measure.definition ?? "", measure.source ?? ""]
        case .contact(let contact):
            fields += [contact.role ?? "", contact.organisation ?? ""]
            if shown.isEmpty { shown = [contact.role, contact.organisation].compactMap { $0 }.joined(separator: ", ") }
        case .plan, .framework, .page:
            break
        }
        let body = site.bodies[document.reference]?.plainText ?? ""
        if shown.isEmpty { shown = Self.firstWords(of: body, 30) }
        // A character is at least one byte, so only a summary of more than 200 bytes is counted.
        if shown.utf8.count > 200, shown.prefix(201).count > 200 { shown = String(shown.prefix(197)) + "…" }
        return SearchIndex.Entry(title: document.title, path: document.sitePath, kind: document.kind.singularTitle, summary: shown,
                                 fields: fields, body: body)
    }

    /// The first `count` words of `text`, joined by single spaces, reading only as far as they
    /// go: a body can be megabytes long.
    static func firstWords(of text: String, _ count: Int) -> String {
        var words: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex, words.count < count {
            if text[index].isWhitespace {
                if let wordStart = start { words.append(text[wordStart..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let wordStart = start, words.count < count { words.append(text[wordStart..<index]) }
        return words.joined(separator: " ")
    }

    /// The page: a form that works as a plain GET without JavaScript, a live region for the
    /// results, and the indices to browse when the script cannot run.
    func page() -> OutputFile {
        let from = "search/"
        let browse: [TemplateFields] = [
            ("Partnerships", "partnerships/"), ("Plans", "plans/"), ("Frameworks", "frameworks/"), ("Priorities", "priorities/"),
            ("Measures", "measures/"), ("Contacts", "contacts/"), ("Consultations", "consultations/"), ("Open data", "data/"),
        ].map { ["title": TemplateValue($0.0), "url": TemplateValue(URLPath.relative(from: from, to: $0.1))] }
        let context: TemplateFields = [
            "title": "Search", "browse": TemplateValue(browse), "indexURL": TemplateValue(URLPath.relative(from: from, to: SearchIndex.folder)),
            "scriptURL": TemplateValue(URLPath.relative(from: from, to: site.assets.paths["search.js"] ?? "theme/search.js")),
        ]
        return layout.page(path: from, title: "Search", description: "Search \(site.index.settings.title) for partnerships, plans, priorities, measures and contacts.",
                           crumbs: [("Home", "")], updated: nil, template: "search", context: context)
    }
}
