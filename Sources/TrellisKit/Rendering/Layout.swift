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
    /// The layout's keys that depend only on where a page is (its depth and section), made once
    /// per place rather than once per page: links to the theme, the navigation, the site banner.
    private let shared: [Place: TemplateFields]
    /// The link to each dataset from a page at each depth of the navigation's places, by name.
    private let dataLinks: [[String: TemplateValue]]

    /// The sections every page links to from its header.
    static let navigation: [(title: String, path: String)] = [
        ("Home", ""), ("Partnerships", "partnerships/"), ("Plans", "plans/"), ("Frameworks", "frameworks/"),
        ("Priorities", "priorities/"), ("Measures", "measures/"), ("Contacts", "contacts/"), ("Consultations", "consultations/"),
    ]

    /// How deep a page is and which section of the navigation it is in.
    private struct Place: Hashable {
        var depth: Int
        var section: String
        var isHome: Bool
    }

    init(site: SiteContext, theme: Theme) {
        self.site = site
        self.theme = theme
        var shared: [Place: TemplateFields] = [:]
        for depth in 0...3 {
            for item in Self.navigation {
                let place = Place(depth: depth, section: item.path, isHome: depth == 0 && item.path.isEmpty)
                shared[place] = Self.sharedKeys(site: site, place: place, url: Self.relative(depth: depth))
            }
        }
        self.shared = shared
        dataLinks = (0...3).map { depth in
            Dictionary(uniqueKeysWithValues: Dataset.catalogue.map { ($0.name, DataLinks.link(to: $0.name, url: Self.relative(depth: depth))) })
        }
    }

    /// A URL from the site root, as seen from a page `depth` folders down.
    private static func relative(depth: Int) -> (String) -> String {
        { URLPath.relative(depth: depth, to: $0) }
    }

    /// A URL from the site root, as seen from any depth: from the site's folder on its host.
    private static func fromSiteFolder(_ baseURL: String) -> (String) -> String {
        let path = URL(string: baseURL)?.path ?? "/"
        let folder = path.hasSuffix("/") ? path : path + "/"
        return { folder + $0 }
    }

    /// A whole page. `path` is the page's site path ("plans/x/"); `crumbs` are the pages above it.
    func page(path: String, title: String, description: String?, crumbs: [(String, String)], updated: Date?, template: String, context: TemplateFields) -> OutputFile {
        let isNotFound = path == "404.html"
        let depth = URLPath.depth(of: path)
        // The 404 page is served at any depth, so its links start from the site's folder on the host.
        let url: (String) -> String = isNotFound ? Self.fromSiteFolder(site.index.settings.baseURL) : Self.relative(depth: depth)
        var context = context
        context["root"] = TemplateValue(url(""))
        let content = theme.renderBytes(template, context)
        let settings = site.index.settings
        let section = path.pathParts().first.map { String($0) + "/" } ?? ""
        let place = Place(depth: depth, section: section, isHome: path.isEmpty)
        var layout = isNotFound ? Self.sharedKeys(site: site, place: place, url: url) : shared[place] ?? Self.sharedKeys(site: site, place: place, url: url)
        layout["title"] = TemplateValue(title)
        layout["description"] = TemplateValue(description ?? settings.title)
        layout["canonical"] = TemplateValue(settings.baseURL + path)
        layout["content"] = TemplateValue(markup: content)
        layout["breadcrumbs"] = .list(crumbs.map { .object(["title": TemplateValue($0.0), "url": TemplateValue(url($0.1))]) })
        if let updated { layout["updatedHTML"] = TemplateValue(site.timeHTML(updated)) }
        layout["isSearchPage"] = .bool(path == "search/")
        let links = isNotFound || depth >= dataLinks.count ? [:] : dataLinks[depth]
        layout["dataLinks"] = .list(DataLinks.datasets(forPath: path, site: site).map { links[$0] ?? DataLinks.link(to: $0, url: url) })
        if let jsonLD = StructuredData(site: site).json(forPath: path) { layout["jsonLD"] = TemplateValue(jsonLD) }
        return OutputFile(path: Self.outputPath(path), data: theme.renderData("layout", layout))
    }

    /// Where the page at the site path `path` is written: a folder's page is its `index.html`.
    static func outputPath(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// The layout's keys that are the same on every page at `place`.
    private static func sharedKeys(site: SiteContext, place: Place, url: (String) -> String) -> TemplateFields {
        let settings = site.index.settings
        var layout: TemplateFields = [
            "lang": TemplateValue(settings.language),
            "siteTitle": TemplateValue(settings.title),
            "isHome": .bool(place.isHome),
            "stylesheet": TemplateValue(url(site.stylesheet)),
            "script": TemplateValue(url(site.script)),
            "assets": .object(TemplateFields(site.assets.templateKeys(from: url))),
            "homeURL": TemplateValue(url("")),
            "accessibilityURL": TemplateValue(url("accessibility/")),
            "hasAccessibilityStatement": .bool(site.index.document(.page, "accessibility") != nil),
            "navigation": TemplateValue(Self.navigation.map { item -> TemplateFields in
                let isCurrent = item.path == place.section && (item.path.isEmpty == place.isHome)
                return ["title": TemplateValue(item.title), "url": TemplateValue(url(item.path)), "current": .bool(isCurrent)]
            }),
        ]
        if let name = settings.organisationName {
            layout["organisation"] = ["name": TemplateValue(name), "url": TemplateValue(settings.organisationURL ?? "")]
        }
        if let licence = settings.licence { layout["licence"] = TemplateValue(licence) }
        layout["feedURL"] = TemplateValue(url("feed.atom"))
        layout["searchURL"] = TemplateValue(url("search/"))
        layout["dataURL"] = TemplateValue(url("data/"))
        let open = site.openConsultations.map { document -> TemplateFields in
            var link = site.link(document, from: "")
            link["url"] = TemplateValue(url(document.sitePath))
            let consultation = document.consultation!.value
            link["closesHTML"] = TemplateValue("<time datetime=\"\(site.format.closingISO(consultation.closes))\">\(HTML.escape(site.format.closing(consultation.closes)))</time>")
            link["countdown"] = TemplateValue(consultation.countdown(at: site.now, clock: site.clock) ?? "")
            link.merge(TemplateFields(consultation.scriptData(now: site.now, clock: site.clock)))
            return link
        }
        if !open.isEmpty || !site.activeNotices.isEmpty {
            layout["siteBanner"] = [
                "consultations": TemplateValue(open), "hasConsultations": .bool(!open.isEmpty),
                "consultationsURL": TemplateValue(url("consultations/")),
                "notices": TemplateValue(site.activeNotices.map { ["message": TemplateValue($0.message)] }),
            ]
        }
        return layout
    }
}
