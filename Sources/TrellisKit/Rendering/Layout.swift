import Foundation

/// One page to write: its path in the output folder and its bytes.
struct OutputFile: Sendable {
    var path: String
    var data: Data
}

/// Wraps a page's content in the layout: head, skip link, header, site banner, breadcrumbs, footer.
struct Layout {
    let site: SiteContext
    let theme: Theme

    /// The sections every page links to from its header.
    static let navigation: [(title: String, path: String)] = [
        ("Home", ""), ("Partnerships", "partnerships/"), ("Plans", "plans/"), ("Frameworks", "frameworks/"),
        ("Priorities", "priorities/"), ("Measures", "measures/"), ("Contacts", "contacts/"), ("Consultations", "consultations/"),
    ]

    /// A whole page. `path` is the page's site path ("plans/x/"); `crumbs` are the pages above it.
    func page(path: String, title: String, description: String?, crumbs: [(String, String)], updated: Date?, template: String, context: [String: Any]) -> OutputFile {
        // The 404 page is served at any depth, so its links start from the site's folder on the host.
        let basePath = URL(string: site.index.settings.baseURL)?.path ?? "/"
        let url: (String) -> String = path == "404.html"
            ? { (basePath.hasSuffix("/") ? basePath : basePath + "/") + $0 }
            : { URLPath.relative(from: path, to: $0) }
        var context = context
        context["root"] = url("")
        let content = theme.render(template, context)
        let settings = site.index.settings
        let section = path.split(separator: "/").first.map { String($0) + "/" } ?? ""
        var layout: [String: Any] = [
            "lang": settings.language,
            "siteTitle": settings.title,
            "title": title,
            "isHome": path.isEmpty,
            "description": description ?? settings.title,
            "canonical": settings.baseURL + path,
            "stylesheet": url(site.stylesheet),
            "script": url(site.script),
            "assets": site.assets.templateKeys(from: url),
            "homeURL": url(""),
            "accessibilityURL": url("accessibility/"),
            "hasAccessibilityStatement": site.index.document(.page, "accessibility") != nil,
            "content": content,
            "navigation": Self.navigation.map { item -> [String: Any] in
                let isCurrent = item.path == section && (item.path.isEmpty == path.isEmpty)
                return ["title": item.title, "url": url(item.path), "current": isCurrent]
            },
        ]
        layout["breadcrumbs"] = crumbs.map { ["title": $0.0, "url": url($0.1)] }
        if let updated { layout["updatedHTML"] = site.timeHTML(updated) }
        if let name = settings.organisationName {
            layout["organisation"] = ["name": name, "url": settings.organisationURL ?? ""]
        }
        if let licence = settings.licence { layout["licence"] = licence }
        layout["feedURL"] = url("feed.atom")
        layout["searchURL"] = url("search/")
        layout["isSearchPage"] = path == "search/"
        layout["dataURL"] = url("data/")
        layout["dataLinks"] = DataLinks.view(forPath: path, site: site, url: url)
        if let jsonLD = StructuredData(site: site).json(forPath: path) { layout["jsonLD"] = jsonLD }
        let open = site.openConsultations.map { document -> [String: Any] in
            var link = site.link(document, from: path)
            link["url"] = url(document.sitePath)
            let consultation = document.consultation!.value
            link["closesHTML"] = "<time datetime=\"\(site.format.closingISO(consultation.closes))\">\(HTML.escape(site.format.closing(consultation.closes)))</time>"
            link["countdown"] = consultation.countdown(at: site.now, clock: site.clock) ?? ""
            link.merge(consultation.scriptData(now: site.now, clock: site.clock), uniquingKeysWith: { $1 })
            return link
        }
        if !open.isEmpty || !site.activeNotices.isEmpty {
            layout["siteBanner"] = [
                "consultations": open, "hasConsultations": !open.isEmpty,
                "consultationsURL": url("consultations/"),
                "notices": site.activeNotices.map { ["message": $0.message] },
            ] as [String: Any]
        }
        let html = theme.render("layout", layout)
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        return OutputFile(path: file, data: Data(html.utf8))
    }
}
