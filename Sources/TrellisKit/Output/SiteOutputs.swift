import Foundation

/// A built site's files, each made the first time it is asked for and kept (`trellis serve`):
/// a one-file edit to a large site makes the pages an editor looks at, not all of them. Every
/// file has the bytes `trellis build` writes for it.
public final class SiteOutputs: @unchecked Sendable {
    /// Files made before any was asked for: the theme's and the content's assets, build.json, robots.txt.
    private let made: [String: Data]
    private let pages: [String: PageJob]
    private let groups: [@Sendable () -> [OutputFile]]
    private let sitemap: @Sendable ([String]) -> OutputFile
    private let lock = NSLock()
    private var pagesMade: [String: Data] = [:]
    /// Held while the groups are made, so two requests wait for one run rather than making them twice.
    private let groupLock = NSLock()
    private var grouped: [String: Data]?

    /// The files `plan` makes, and those `made` already; `sitemap` makes the sitemap from every path.
    init(plan: OutputPlan, made: [OutputFile], sitemap: @escaping @Sendable ([String]) -> OutputFile) {
        self.made = Dictionary(made.map { ($0.path, $0.data) }, uniquingKeysWith: { $1 })
        self.pages = Dictionary(plan.pages.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        self.groups = plan.groups
        self.sitemap = sitemap
    }

    /// The bytes at the output path `path` (`plans/cypp/index.html`), made now if they were not
    /// yet; nil when the site has no such file.
    public func file(_ path: String) -> Data? {
        if let data = made[path] { return data }
        if let page = pages[path] {
            if let data = lock.withLock({ pagesMade[path] }) { return data }
            let data = page.make().data
            lock.withLock { pagesMade[path] = data }
            return data
        }
        return isGrouped(path) ? groupFiles()[path] : nil
    }

    /// Whether the site has a file at `path`, without making a page to find out.
    public func contains(_ path: String) -> Bool {
        made[path] != nil || pages[path] != nil || (isGrouped(path) && groupFiles()[path] != nil)
    }

    /// Whether `path` could be one of the files made together (so they must be made to know).
    private func isGrouped(_ path: String) -> Bool {
        path == SiteRenderer.sitemapPath || ExtraOutputs.mayMake(path)
    }

    /// Whether the files made together have been made yet (for tests).
    var groupsMade: Bool { groupLock.withLock { grouped != nil } }

    /// Every file of the site, all made: what `Builder.render` returns.
    public func all() -> [String: Data] {
        var files = made.merging(groupFiles()) { $1 }
        let paths = pages.keys.sorted()
        for (path, data) in zip(paths, paths.parallelMap { self.file($0)! }) { files[path] = data }
        return files
    }

    /// The open data, feeds and search files, and the sitemap, which lists the pages among them:
    /// made together the first time any of them is asked for.
    private func groupFiles() -> [String: Data] {
        groupLock.lock()
        defer { groupLock.unlock() }
        if let grouped { return grouped }
        var files: [String: Data] = [:]
        for file in groups.parallelMap({ $0() }).joined() { files[file.path] = file.data }
        let map = sitemap(Array(pages.keys) + Array(files.keys))
        files[map.path] = map.data
        grouped = files
        return files
    }
}
