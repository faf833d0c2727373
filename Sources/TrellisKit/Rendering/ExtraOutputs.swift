/// Files besides the HTML pages and the sitemap, each kind from its own generator.
enum ExtraOutputs {
    /// Where the generators' files go: folders (ending in `/`) and single files. The preview
    /// makes the generators' files only for a path among these, so that a request for a missing
    /// page (or a browser's /favicon.ico) does not make them all.
    static let places = ["data/", "search/", "feed.atom", ConsultationOutputs.calendarPath]

    /// Whether a generator may make a file at `path`.
    static func mayMake(_ path: String) -> Bool {
        places.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }
    }

    /// What makes every extra file, each generator's files in any order. Pages among them
    /// (`/data/`, `/search/`) are wrapped in `layout`, and listed in the sitemap.
    static func generators(_ site: SiteContext, layout: Layout) -> [@Sendable () -> [OutputFile]] {
        [
            { OpenDataFiles(site: site, layout: layout).files() },
            { [AtomFeed(site: site).file()] },
            { SearchFiles(site: site, layout: layout).files() },
            { ConsultationOutputs.files(site) },
        ]
    }
}
