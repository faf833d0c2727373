import Foundation

/// Renders every page of the site, in parallel, and returns them sorted by path.
struct SiteRenderer {
    let site: SiteContext
    let theme: Theme

    /// Every HTML page, the open data, feeds, search index and sitemap, each put into `sink` as
    /// soon as it is made (on every core); how many HTML pages there are.
    func render(into sink: OutputSink) -> Int {
        let layout = Layout(site: site, theme: theme)
        let index = site.index
        let indices = IndexPages(site: site)
        let priorities = PriorityPages(site: site)
        let documents = DocumentPage(site: site)
        let latest = site.updated.values.max()

        // The extra outputs (search index, open data, feeds) go first: the largest jobs start
        // early, and the pages keep the other cores busy meanwhile.
        var jobs: [@Sendable () -> [OutputFile]] = ExtraOutputs.generators(site, layout: layout)
        func page(_ job: @escaping @Sendable () -> OutputFile) { jobs.append { [job()] } }
        page { layout.page(path: "", title: index.settings.title, description: index.settings.title, crumbs: [], updated: latest, template: "home", context: indices.home()) }
        page { layout.page(path: "partnerships/", title: "Partnerships", description: "Every partnership of \(index.settings.title), by type and area.", crumbs: [("Home", "")], updated: latest, template: "partnerships", context: indices.partnerships()) }
        for kind in [DocumentKind.plan, .framework] {
            page { layout.page(path: kind.folder + "/", title: kind.pluralTitle, description: "\(kind.pluralTitle) of \(index.settings.title).", crumbs: [("Home", "")], updated: latest, template: kind.folder, context: indices.documents(kind)) }
        }
        page { layout.page(path: "priorities/", title: "Priorities", description: "Every priority, by plan, with who works on it and its measures.", crumbs: [("Home", "")], updated: latest, template: "priorities", context: priorities.index()) }
        page { layout.page(path: "measures/", title: "Measures", description: "Every performance measure with its latest value and rating.", crumbs: [("Home", "")], updated: latest, template: "measures", context: indices.measures()) }
        page { layout.page(path: "contacts/", title: "Contacts", description: "Contacts from A to Z and what each is the contact for.", crumbs: [("Home", "")], updated: latest, template: "contacts", context: indices.contacts()) }
        page { layout.page(path: "consultations/", title: "Consultations", description: "Open, upcoming and closed consultations, and their outcomes.", crumbs: [("Home", "")], updated: latest, template: "consultations", context: indices.consultations()) }
        page { layout.page(path: "404.html", title: "Page not found", description: "Page not found", crumbs: [("Home", "")], updated: nil, template: "not-found", context: ["title": "Page not found"]) }
        for id in index.priorityOrder {
            let priority = index.priorities[id]!
            page { layout.page(path: "priorities/\(id)/", title: priority.title, description: priority.title, crumbs: [("Home", ""), ("Priorities", "priorities/")], updated: site.updated["plans/\(priority.plan)"], template: "priority", context: priorities.page(id)) }
        }
        for document in index.documents {
            let crumbs: [(String, String)] = document.kind == .page ? [("Home", "")] : [("Home", ""), (document.kind.pluralTitle, document.kind.folder + "/")]
            page {
                layout.page(path: document.sitePath, title: document.title, description: document.summary, crumbs: crumbs,
                            updated: site.updated[document.reference], template: documents.template(for: document), context: documents.context(document))
            }
        }
        let paths = jobs.parallelMap { job -> [String] in
            let files = job()
            sink.put(files)
            return files.map(\.path)
        }.flatMap { $0 }
        sink.put(sitemap(paths: paths))
        sink.put(robots())
        return paths.count { $0.hasSuffix(".html") }
    }

    /// `/sitemap.xml` listing every HTML page but the 404 page, each with its `lastmod` where known.
    private func sitemap(paths: [String]) -> OutputFile {
        let dates = PageDates(site: site)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix("index.html") {
            let page = String(path.dropLast("index.html".count))
            let lastmod = dates.updated(forPath: page).map { "<lastmod>\(site.format.isoDate($0))</lastmod>" } ?? ""
            xml += "  <url><loc>\(HTML.escape(site.index.settings.baseURL + page))</loc>\(lastmod)</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", data: Data(xml.utf8))
    }

    /// `/robots.txt`: everything may be indexed; the sitemap is named.
    private func robots() -> OutputFile {
        OutputFile(path: "robots.txt", data: Data("User-agent: *\nAllow: /\nSitemap: \(site.index.settings.baseURL)sitemap.xml\n".utf8))
    }
}
