/// The partnerships, priorities and contacts datasets, in the site's own order (by id; priorities
/// as their plans set them), each field as the Markdown gives it and references as ids.
struct DocumentData {
    let site: SiteContext

    /// `/data/partnerships`: one row per partnership.
    func partnerships() -> Dataset {
        let columns: [Dataset.Column] = [
            .init("id", "Identifier, the file name in Content/partnerships"), .init("title", "Name of the partnership"),
            .init("summary", "One-sentence summary"), .init("type", "Kind of partnership, such as board or local-childrens-partnership"),
            .init("area", "Area it covers"), .init("status", "proposed, established, merged or closed"),
            .init("parent", "id of the partnership it sits under"), .init("established", "Date it was established", type: "date"),
            .init("chair", "id of the contact who chairs it"), .init("contacts", "ids of its contacts", separator: ";"),
            .init("members", "Organisations that sit on it (their roles and sectors are in the JSON)", separator: ";"),
            .init("meets", "How often it meets"), .init("priorities", "ids of the priorities it works on", separator: ";"),
            .init("measures", "ids of the measures it tracks", separator: ";"),
            .init("documents", "Plans and frameworks it works to, as folder/id", separator: ";"),
            .init("url", "Its page on this site", type: "anyURI"), .init("updated", "When its page was last updated", type: "date"),
        ]
        var records: [JSONValue] = []
        var rows: [[JSONValue]] = []
        for document in site.index.documents(of: .partnership) {
            guard case .partnership(let partnership) = document.details else { continue }
            var record = common(document)
            record["type"] = .text(partnership.type?.value)
            record["area"] = .text(partnership.area)
            record["parent"] = .text(partnership.parent?.value)
            record["established"] = .text(partnership.established.map { date($0.value) })
            record["chair"] = .text(partnership.chair?.value)
            record["contacts"] = ids(partnership.contacts)
            record["meets"] = .text(partnership.meets)
            record["priorities"] = ids(partnership.priorities)
            record["measures"] = ids(partnership.measures)
            record["documents"] = ids(partnership.documents)
            let risks = partnership.risks.map { JSONValue.object(["title": .string($0.title), "mitigation": .text($0.mitigation)]) }
            var json = record
            json["members"] = .array(partnership.members.map { .object(["name": .string($0.name), "sector": .text($0.sector), "role": .text($0.role)]) })
            json["risks"] = .array(risks)
            record["members"] = .array(partnership.members.map { .string($0.name) })
            records.append(.object(json))
            rows.append(columns.map { record[$0.name] ?? .null })
        }
        return Dataset(name: "partnerships", columns: columns, primaryKey: ["id"], records: records, rows: rows)
    }

    /// `/data/priorities`: one row per priority, local priorities naming the priority they serve.
    func priorities() -> Dataset {
        let columns: [Dataset.Column] = [
            .init("id", "Identifier of the priority, unique across the site"), .init("label", "Label, such as CYP priority 1"),
            .init("title", "What the priority is"), .init("plan", "id of the plan that sets it"),
            .init("parent", "id of the priority a local priority serves"), .init("measures", "ids of its measures", separator: ";"),
            .init("partnerships", "ids of the partnerships that work on it", separator: ";"),
            .init("frameworks", "ids of the frameworks that serve it", separator: ";"), .init("url", "Its page on this site", type: "anyURI"),
        ]
        var records: [JSONValue] = []
        var rows: [[JSONValue]] = []
        for id in site.index.priorityOrder {
            guard let priority = site.index.priorities[id] else { continue }
            let record: JSONObject = [
                "id": .string(id), "label": .text(priority.label), "title": .string(priority.title), "plan": .string(priority.plan),
                "parent": .text(priority.parent?.value), "measures": ids(priority.measures),
                "partnerships": .array((site.relations.partnershipsByPriority[id] ?? []).map(JSONValue.string)),
                "frameworks": .array((site.relations.frameworksByPriority[id] ?? []).map(JSONValue.string)),
                "url": .string(site.index.settings.baseURL + "priorities/\(id)/"),
            ]
            records.append(.object(record))
            rows.append(columns.map { record[$0.name] ?? .null })
        }
        return Dataset(name: "priorities", columns: columns, primaryKey: ["id"], records: records, rows: rows)
    }

    /// `/data/contacts`: one row per contact; everything in a contact file is public by rule.
    func contacts() -> Dataset {
        let columns: [Dataset.Column] = [
            .init("id", "Identifier, the file name in Content/contacts"), .init("name", "A person's name or a role"),
            .init("role", "What they do"), .init("organisation", "Who they work for"), .init("email", "Email address"),
            .init("telephone", "Telephone number"), .init("address", "Postal address"),
            .init("contact_for", "ids of the partnerships they are the contact (or chair) for", separator: ";"),
            .init("url", "Their page on this site", type: "anyURI"), .init("updated", "When their page was last updated", type: "date"),
        ]
        var records: [JSONValue] = []
        var rows: [[JSONValue]] = []
        for document in site.index.documents(of: .contact) {
            guard case .contact(let contact) = document.details else { continue }
            var record = common(document)
            record["title"] = nil
            record["name"] = .string(document.title)
            record["role"] = .text(contact.role)
            record["organisation"] = .text(contact.organisation)
            record["email"] = .text(contact.email)
            record["telephone"] = .text(contact.telephone)
            record["address"] = .text(contact.address)
            let roles = site.relations.contactFor[document.id] ?? []
            var json = record
            json["contact_for"] = .array(roles.map { .object(["partnership": .string($0.partnership), "role": .string($0.role)]) })
            record["contact_for"] = .array(roles.map { .string($0.partnership) })
            records.append(.object(json))
            rows.append(columns.map { record[$0.name] ?? .null })
        }
        return Dataset(name: "contacts", columns: columns, primaryKey: ["id"], records: records, rows: rows)
    }

    /// id, title, summary, status, url and updated: what every document's record starts with.
    func common(_ document: Document) -> JSONObject {
        [
            "id": .string(document.id), "title": .string(document.title), "summary": .text(document.summary),
            "status": .text(document.status?.value), "url": .string(site.index.settings.baseURL + document.sitePath),
            "updated": .text(site.updated[document.reference].map(site.format.isoDate)),
        ]
    }

    private func ids(_ values: [Located<String>]) -> JSONValue { .array(values.map { .string($0.value) }) }

    private func date(_ written: WrittenTime) -> String { site.format.isoDate(site.clock.start(of: written)) }
}
