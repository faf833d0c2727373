import Foundation

extension SiteContext {
    /// A document's "Page history" (newest first) and "Edit this page" address, as view data.
    func historyView(_ document: Document) -> [String: Any] {
        var view: [String: Any] = [:]
        let changes = history.changes[document.path] ?? []
        view["hasPageHistory"] = !changes.isEmpty
        view["pageHistory"] = changes.map { ["dateHTML": timeHTML($0.date), "message": $0.message] as [String: Any] }
        if let repository = index.settings.repository {
            view["editURL"] = EditLink.url(repository: repository, path: document.path, prefix: history.prefix)
        }
        return view
    }
}
