/// Which open datasets hold the facts a page shows, so every page can link to the data behind it.
enum DataLinks {
    /// The names of the datasets behind the page at site path `path` ("measures/neet/"), in the
    /// `/data/` page's order; none for free pages and the pages about the site itself.
    static func datasets(forPath path: String, site: SiteContext) -> [String] {
        let parts = path.pathParts().map(String.init)
        var names: Set<String> = []
        switch parts.first {
        case nil: names = ["partnerships", "consultations"]
        case "priorities": names = ["priorities", "measures"]
        case "measures": names = ["measures"]
        case "contacts": names = ["contacts"]
        case "consultations": names = ["consultations"]
        case "partnerships" where parts.count == 1: names = ["partnerships"]
        case "plans" where parts.count == 1, "frameworks" where parts.count == 1: names = ["priorities"]
        default: break
        }
        if parts.count == 2, let kind = DocumentKind(folder: parts[0]), kind != .page, let document = site.index.document(kind, parts[1]) {
            names.formUnion(datasets(for: document))
        }
        return Dataset.catalogue.map(\.name).filter(names.contains)
    }

    /// The datasets a document's own page draws on.
    static func datasets(for document: Document) -> Set<String> {
        var names: Set<String> = []
        if document.consultation != nil { names.insert("consultations") }
        switch document.details {
        case .partnership(let partnership):
            names.insert("partnerships")
            if !partnership.contacts.isEmpty || partnership.chair != nil { names.insert("contacts") }
            if !partnership.priorities.isEmpty { names.insert("priorities") }
            if !partnership.measures.isEmpty { names.insert("measures") }
        case .plan(let plan):
            if !plan.priorities.isEmpty { names.insert("priorities") }
            if plan.priorities.contains(where: { !$0.measures.isEmpty }) { names.insert("measures") }
        case .framework(let framework):
            if !framework.priorities.isEmpty { names.insert("priorities") }
            if !framework.measures.isEmpty { names.insert("measures") }
        case .measure: names.insert("measures")
        case .contact: names.insert("contacts")
        case .page: break
        }
        return names
    }

    /// The links for the layout: each dataset's title and its CSV and JSON addresses, made with
    /// `url` from a site path.
    static func view(forPath path: String, site: SiteContext, url: (String) -> String) -> TemplateValue {
        .list(datasets(forPath: path, site: site).map { link(to: $0, url: url) })
    }

    /// The link to one dataset, made with `url` from a site path.
    static func link(to name: String, url: (String) -> String) -> TemplateValue {
        .object(["title": TemplateValue(name.capitalizedFirst), "csv": TemplateValue(url("data/\(name).csv")), "json": TemplateValue(url("data/\(name).json"))])
    }
}
