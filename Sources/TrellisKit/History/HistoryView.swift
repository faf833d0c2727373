import Foundation

extension SiteContext {
    /// A document's "Page history" (newest first) and "Edit this page" address, as view data.
    func historyView(_ document: Document) -> TemplateFields {
        var view: TemplateFields = [:]
        let changes = history.changes[document.path] ?? []
        view["hasPageHistory"] = .bool(!changes.isEmpty)
        view["pageHistory"] = TemplateValue(changes.map { ["dateHTML": TemplateValue(timeHTML($0.date)), "message": TemplateValue($0.message)] })
        if let repository = index.settings.repository {
            view["editURL"] = TemplateValue(EditLink.url(repository: repository, path: document.path, prefix: history.prefix))
        }
        return view
    }
}
