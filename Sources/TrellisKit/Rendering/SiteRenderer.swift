import Foundation

/// Renders every page of the site, in parallel, and returns them sorted by path.
struct SiteRenderer: Sendable {
    let site: SiteContext
    let theme: Theme

    /// Every HTML page, the open data, feeds, search index and sitemap, each put into `sink` as
    /// soon as it is made (on every core); how many HTML pages there are.
    func render(into sink: OutputSink) -> Int {
        let plan = plan()
        // The extra outputs (search index, open data, feeds) go first: the largest jobs start
        // early, and the pages keep the other cores busy meanwhile.
        let jobs = plan.groups + plan.pages.map { page in { @Sendable in [page.make()] } }
        let paths = jobs.parallelMap { job -> [String] in
            let files = job()
            sink.put(files)
            return files.map(\.path)
        }.flatMap { $0 }
        sink.put(sitemap(paths: paths))
        sink.put(robots())
        return paths.count { $0.hasSuffix(".html") }
    }

    /// Every job that makes the site's files but the sitemap and robots.txt, none of them run yet:
    /// what `render(into:)` runs all at once and the preview runs as pages are asked for.
    func plan() -> OutputPlan {
        let layout = Layout(site: site, theme: theme)
        let index = site.index
        let indices = IndexPages(site: site)
        let priorities = PriorityPages(site: site)
        let documents = DocumentPage(site: site)
        let latest = site.updated.values.max()

        var pages: [PageJob] = []
        func page(_ path: String, _ make: @escaping @Sendable (String) -> OutputFile) {
            pages.append(PageJob(path: Layout.outputPath(path), make: { make(path) }))
        }
        page("") { layout.page(path: $0, title: index.settings.title, description: index.settings.title, crumbs: [], updated: latest, template: "home", context: indices.home()) }
        page("partnerships/") { layout.page(path: $0, title: "Partnerships", description: "Every partnership of \(index.settings.title), by type and area.", crumbs: [("Home", "")], updated: latest, template: "partnerships", context: indices.partnerships()) }
        for kind in [DocumentKind.plan, .framework] {
            page(kind.folder + "/") { layout.page(path: $0, title: kind.pluralTitle, description: "\(kind.pluralTitle) of \(index.settings.title).", crumbs: [("Home", "")], updated: latest, template: kind.folder, context: indices.documents(kind)) }
        }
        page("priorities/") { layout.page(path: $0, title: "Priorities", description: "Every priority, by plan, with who works on it and its measures.", crumbs: [("Home", "")], updated: latest, template: "priorities", context: priorities.index()) }
        page("measures/") { layout.page(path: $0, title: "Measures", description: "Every performance measure with its latest value and rating.", crumbs: [("Home", "")], updated: latest, template: "measures", context: indices.measures()) }
        page("contacts/") { layout.page(path: $0, title: "Contacts", description: "Contacts from A to Z and what each is the contact for.", crumbs: [("Home", "")], updated: latest, template: "contacts", context: indices.contacts()) }
        page("consultations/") { layout.page(path: $0, title: "Consultations", description: "Open, upcoming and closed consultations, and their outcomes.", crumbs: [("Home", "")], updated: latest, template: "consultations", context: indices.consultations()) }
        page("404.html") { layout.page(path: $0, title: "Page not found", description: "Page not found", crumbs: [("Home", "")], updated: nil, template: "not-found", context: ["title": "Page not found"]) }
        for id in index.priorityOrder {
            let priority = index.priorities[id]!
            page("priorities/\(id)/") { layout.page(path: $0, title: priority.title, description: priority.title, crumbs: [("Home", ""), ("Priorities", "priorities/")], updated: site.updated["plans/\(priority.plan)"], template: "priority", context: priorities.page(id)) }
        }
        for document in index.documents {
            let crumbs: [(String, String)] = document.kind == .page ? [("Home", "")] : [("Home", ""), (document.kind.pluralTitle, document.kind.folder + "/")]
            page(document.sitePath) {
                layout.page(path: $0, title: document.title, description: document.summary, crumbs: crumbs,
                            updated: site.updated[document.reference], template: documents.template(for: document), context: documents.context(document))
            }
        }
        return OutputPlan(pages: pages, groups: ExtraOutputs.generators(site, layout: layout))
    }

    /// Where the sitemap is written.
    static let sitemapPath = "sitemap.xml"

    /// `/sitemap.xml` listing every HTML page but the 404 page, each with its `lastmod` where known.
    func sitemap(paths: [String]) -> OutputFile {
        let dates = PageDates(site: site)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix("index.html") {
            let page = String(path.dropLast("index.html".count))
            let lastmod = dates.updated(forPath: page).map { "<lastmod>\(site.format.isoDate($0))</lastmod>" } ?? ""
            xml += "  <url><loc>\(HTML.escape(site.index.settings.baseURL + page))</loc>\(lastmod)</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: Self.sitemapPath, data: Data(xml.utf8))
    }

    /// `/robots.txt`: everything may be indexed; the sitemap is named.
    func robots() -> OutputFile {
        OutputFile(path: "robots.txt", data: Data("User-agent: *\nAllow: /\nSitemap: \(site.index.settings.baseURL)sitemap.xml\n".utf8))
    }
}

/// One HTML page, not yet made, with the output path it is made at.
struct PageJob: Sendable {
    /// `plans/cypp/index.html`
    let path: String
    let make: @Sendable () -> OutputFile
}

/// The jobs that make a site's files: the HTML pages, whose paths are known before they are
/// made, and the groups of extra files (open data, feeds, search), known only once made.
struct OutputPlan: Sendable {
    let pages: [PageJob]
    let groups: [@Sendable () -> [OutputFile]]
}
