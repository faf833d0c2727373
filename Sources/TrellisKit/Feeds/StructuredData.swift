/// schema.org JSON-LD for a page's head: the trust as a GovernmentOrganization on the home page,
/// each partnership as an Organization with its parentOrganization, each contact as a
/// ContactPoint, and the open datasets as Datasets with their DataDownloads on `/data/`.
/// `JSONValue` escapes `<`, `>` and `&`, so `</script>` can never appear in the output.
struct StructuredData {
    let site: SiteContext

    private var base: String { site.index.settings.baseURL }

    /// The JSON-LD text for the page at site path `path`, or nil when the page has none.
    func json(forPath path: String) -> String? {
        let parts = path.pathParts().map(String.init)
        var value: JSONObject?
        switch (parts.first, parts.count) {
        case (nil, _): value = home()
        case ("data", 1): value = catalogue()
        case ("partnerships", 2): value = site.index.document(.partnership, parts[1]).flatMap(partnership)
        case ("contacts", 2): value = site.index.document(.contact, parts[1]).flatMap(contactPoint)
        default: break
        }
        guard var value else { return nil }
        value["@context"] = .string("https://schema.org")
        return JSONValue.object(value).compact
    }

    /// The trust, and the website with its search.
    func home() -> JSONObject {
        let settings = site.index.settings
        let topLevel = site.index.documents(of: .partnership).filter { document in
            guard case .partnership(let partnership) = document.details else { return false }
            return partnership.parent == nil
        }
        var website: JSONObject = [
            "@type": .string("WebSite"), "@id": .string(base + "#website"), "url": .string(base), "name": .string(settings.title),
            "inLanguage": .string(settings.language), "about": .object(["@id": .string(base + "#organization")]),
            "potentialAction": .object([
                "@type": .string("SearchAction"), "target": .string(base + "search/?q={search_term_string}"),
                "query-input": .string("required name=search_term_string"),
            ]),
        ]
        if let name = settings.organisationName {
            website["publisher"] = .object(["@type": .string("GovernmentOrganization"), "name": .string(name), "url": .text(settings.organisationURL)])
        }
        var trust = trustReference()
        trust["subOrganization"] = .array(topLevel.map { .object(["@id": .string(base + $0.sitePath + "#organization")]) })
        if let about = site.index.document(.page, "about")?.summary { trust["description"] = .string(about) }
        return ["@graph": .array([.object(trust), .object(website)])]
    }

    /// A partnership, under its parent partnership or, at the top, the trust.
    func partnership(_ document: Document) -> JSONObject? {
        guard case .partnership(let partnership) = document.details else { return nil }
        var value: JSONObject = [
            "@type": .string("Organization"), "@id": .string(base + document.sitePath + "#organization"),
            "name": .string(document.title), "url": .string(base + document.sitePath), "description": .text(document.summary),
            "areaServed": .text(partnership.area),
        ]
        if let parent = partnership.parent.flatMap({ site.index.document(.partnership, $0.value) }) {
            value["parentOrganization"] = .object([
                "@type": .string("Organization"), "@id": .string(base + parent.sitePath + "#organization"),
                "name": .string(parent.title), "url": .string(base + parent.sitePath),
            ])
        } else {
            value["parentOrganization"] = .object(trustReference())
        }
        if let established = partnership.established {
            value["foundingDate"] = .string(site.format.isoDate(site.clock.start(of: established.value)))
        }
        value["member"] = .array(partnership.members.map { member in
            var organisation: JSONObject = ["@type": .string("Organization"), "name": .string(member.name)]
            if let sector = member.sector { organisation["description"] = .string(sector) }
            guard let role = member.role else { return .object(organisation) }
            return .object(["@type": .string("OrganizationRole"), "roleName": .string(role), "member": .object(organisation)])
        })
        var people = partnership.contacts.map(\.value)
        if let chair = partnership.chair?.value, !people.contains(chair) { people.insert(chair, at: 0) }
        value["contactPoint"] = .array(people.compactMap { site.index.document(.contact, $0) }.compactMap(contactPoint).map(JSONValue.object))
        return value.filter { $0.value != .null && $0.value != .array([]) }
    }

    /// A contact: a person or a role mailbox, with how to reach them.
    func contactPoint(_ document: Document) -> JSONObject? {
        guard case .contact(let contact) = document.details else { return nil }
        let value: JSONObject = [
            "@type": .string("ContactPoint"), "@id": .string(base + document.sitePath + "#contact"),
            "name": .string(document.title), "url": .string(base + document.sitePath), "contactType": .text(contact.role),
            "email": .text(contact.email), "telephone": .text(contact.telephone), "description": .text(contact.organisation),
        ]
        return value.filter { $0.value != .null }
    }

    /// The open data: a DataCatalog of Datasets, each downloadable as CSV and JSON.
    func catalogue() -> JSONObject {
        let settings = site.index.settings
        let licence: JSONValue = settings.licence.map { .string(Licence.url($0) ?? $0) } ?? .null
        let datasets = Dataset.catalogue.map { dataset -> JSONValue in
            let downloads: [JSONValue] = [("csv", "text/csv"), ("json", "application/json")].map { format, type in
                .object(["@type": .string("DataDownload"), "encodingFormat": .string(type),
                         "contentUrl": .string(base + "data/\(dataset.name).\(format)")])
            }
            let object: JSONObject = [
                "@type": .string("Dataset"), "name": .string("\(dataset.title): \(settings.title)"),
                "description": .string(dataset.description), "url": .string(base + "data/#\(dataset.name)"),
                "license": licence, "isAccessibleForFree": .bool(true), "creator": .object(trustReference()),
                "distribution": .array(downloads),
            ]
            return .object(object.filter { $0.value != .null })
        }
        let catalogue: JSONObject = ["@type": .string("DataCatalog"), "name": .string("Open data: \(settings.title)"), "url": .string(base + "data/"),
                                     "publisher": .object(trustReference()), "dataset": .array(datasets)]
        return catalogue.filter { $0.value != .null }
    }

    /// The trust, by name and address, as other nodes refer to it.
    private func trustReference() -> JSONObject {
        ["@type": .string("GovernmentOrganization"), "@id": .string(base + "#organization"),
         "name": .string(site.index.settings.title), "url": .string(base)]
    }
}
