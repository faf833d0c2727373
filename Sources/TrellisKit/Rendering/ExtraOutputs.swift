/// Files besides the HTML pages and the sitemap, each kind from its own generator.
enum ExtraOutputs {
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
