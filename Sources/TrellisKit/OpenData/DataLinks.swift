/// Which open datasets hold the facts a page shows, so every page can link to the data behind it.
enum DataLinks {
    /// The names of the datasets behind the page at site path `path` ("measures/neet/"), in the
    /// `/data/` page's order; none for free pages and the pages about the site itself.
    static func datasets(forPath path: String, site: SiteContext) -> [String] {
        let parts = path.pathParts()
        var names = Chosen()
        switch parts.first {
        case nil: names.insert(["partnerships", "consultations"])
        case "priorities": names.insert(["priorities", "measures"])
        case "measures": names.insert(["measures"])
        case "contacts": names.insert(["contacts"])
        case "consultations": names.insert(["consultations"])
        case "partnerships" where parts.count == 1: names.insert(["partnerships"])
        case "plans" where parts.count == 1, "frameworks" where parts.count == 1: names.insert(["priorities"])
        default: break
        }
        if parts.count == 2, let kind = DocumentKind(folder: String(parts[0])), kind != .page, let document = site.index.document(kind, String(parts[1])) {
            names.insert(datasets(for: document))
        }
        return names.inCatalogueOrder
    }

    /// The datasets a document's own page draws on.
    private static func datasets(for document: Document) -> [String] {
        var names: [String] = []
        if document.consultation != nil { names.append("consultations") }
        switch document.details {
        case .partnership(let partnership):
            names.append("partnerships")
            if !partnership.contacts.isEmpty || partnership.chair != nil { names.append("contacts") }
            if !partnership.priorities.isEmpty { names.append("priorities") }
            if !partnership.measures.isEmpty { names.append("measures") }
        case .plan(let plan):
            if !plan.priorities.isEmpty { names.append("priorities") }
            if plan.priorities.contains(where: { !$0.measures.isEmpty }) { names.append("measures") }
        case .framework(let framework):
            if !framework.priorities.isEmpty { names.append("priorities") }
            if !framework.measures.isEmpty { names.append("measures") }
        case .measure: names.append("measures")
        case .contact: names.append("contacts")
        case .page: break
        }
        return names
    }

    /// Datasets chosen for a page, as bits by their place in `Dataset.catalogue`: a page's few
    /// names are gathered and put in the catalogue's order without hashing each into a Set.
    private struct Chosen {
        private var bits: UInt32 = 0

        mutating func insert(_ names: [String]) {
            for name in names {
                if let number = Dataset.catalogue.firstIndex(where: { $0.name == name }) { bits |= 1 << number }
            }
        }

        var inCatalogueOrder: [String] {
            Dataset.catalogue.indices.filter { bits & (1 << $0) != 0 }.map { Dataset.catalogue[$0].name }
        }
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
