/// Files besides the HTML pages and the sitemap, each kind from its own generator.
enum ExtraOutputs {
    /// Every extra file, in any order (the renderer sorts by path).
    static func files(_ site: SiteContext) -> [OutputFile] {
        []
    }
}
