/// Files besides the HTML pages and the sitemap, each kind from its own generator.
enum ExtraOutputs {
    /// Every extra file, in any order (the renderer sorts by path). Pages among them (`/data/`,
    /// `/search/`) are wrapped in `layout`, and listed in the sitemap.
    static func files(_ site: SiteContext, layout: Layout) -> [OutputFile] {
        let generators: [@Sendable () -> [OutputFile]] = [
            { OpenDataFiles(site: site, layout: layout).files() },
            { [AtomFeed(site: site).file()] },
            { SearchFiles(site: site, layout: layout).files() },
            { ConsultationOutputs.files(site) },
        ]
        return generators.parallelMap { $0() }.flatMap { $0 }
    }
}
