import Foundation

/// When each page was last updated, as its "Last updated" line says: a document's own date, a
/// priority's plan's date, and for the indices the latest date in the site. The sitemap's
/// `lastmod` reads it, so search engines see the same dates readers do.
struct PageDates {
    let site: SiteContext

    /// The date of the page at site path `path` ("plans/cypp/"), or nil when it has none.
    func updated(forPath path: String) -> Date? {
        let parts = path.pathParts().map(String.init)
        switch parts.count {
        case 0:
            return site.updated.values.max()
        case 1 where parts[0] == "search":
            return nil
        case 1 where DocumentKind(folder: parts[0]) != nil || ["priorities", "consultations", "data"].contains(parts[0]):
            return site.updated.values.max()
        case 1:
            return site.updated[DocumentKind.page.folder + "/" + parts[0]]
        case 2 where parts[0] == "priorities":
            return site.index.priorities[parts[1]].flatMap { site.updated["plans/\($0.plan)"] }
        case 2:
            return site.updated[path.hasSuffix("/") ? String(path.dropLast()) : path]
        default:
            return nil
        }
    }
}
