import Foundation

/// The page of one document: its common parts, then what its kind adds.
struct DocumentPage {
    let site: SiteContext

    /// The view data of `document`'s page.
    func context(_ document: Document) -> TemplateFields {
        let from = document.sitePath
        var context: TemplateFields = ["title": TemplateValue(document.title), "id": TemplateValue(document.id), "kind": TemplateValue(document.kind.rawValue)]
        if let summary = document.summary { context["summary"] = TemplateValue(summary) }
        if let status = document.status?.value { context["status"] = TemplateValue(SiteContext.statusWords(status)) }
        if let body = site.bodies[document.reference], !body.html.isEmpty { context["body"] = TemplateValue(markup: body.html) }
        if let consultation = site.consultationView(document, from: from) { context["consultation"] = .object(consultation) }
        let relations = site.relations
        switch document.details {
        case .partnership(let partnership):
            context["type"] = TemplateValue(partnership.type.map { site.partnershipTypes[$0.value] ?? PartnershipType.words($0.value) } ?? "")
            context["area"] = TemplateValue(partnership.area ?? "")
            context["meets"] = TemplateValue(partnership.meets ?? "")
            if let established = partnership.established { context["established"] = TemplateValue(site.dateText(established.value)) }
            if let parent = partnership.parent.flatMap({ site.index.document(.partnership, $0.value) }) { context["parent"] = .object(site.link(parent, from: from)) }
            context["children"] = TemplateValue(site.links(.partnership, relations.childPartnerships[document.id] ?? [], from: from))
            var people = partnership.contacts.map(\.value)
            if let chair = partnership.chair?.value { people.removeAll { $0 == chair }; people.insert(chair, at: 0) }
            context["contacts"] = TemplateValue(people.compactMap { id in
                contactCard(id, from: from).map { card in var card = card; card["isChair"] = .bool(id == partnership.chair?.value); return card }
            })
            context["members"] = TemplateValue(partnership.members.map {
                ["name": TemplateValue($0.name), "sector": TemplateValue($0.sector ?? ""), "role": TemplateValue($0.role ?? "")]
            })
            context["priorities"] = TemplateValue(partnership.priorities.compactMap { site.priorityLink($0.value, from: from) })
            context["measures"] = TemplateValue(partnership.measures.compactMap { site.measureRow($0.value, from: from) })
            context["documents"] = TemplateValue((partnership.documents.map(\.value) + (relations.ownedDocuments[document.id] ?? []))
                .uniqued().compactMap { site.index.document(reference: $0) }.map { site.link($0, from: from) })
            context["risks"] = TemplateValue(partnership.risks.map { ["title": TemplateValue($0.title), "mitigation": TemplateValue($0.mitigation ?? "")] })
        case .plan(let plan):
            if let start = plan.periodFrom?.value, let end = plan.periodTo?.value {
                context["period"] = TemplateValue("\(start.wall.year) to \(end.wall.year)")
                context["periodDetail"] = TemplateValue("\(site.dateText(start)) to \(site.dateText(end))")
            }
            if let owner = plan.owner.flatMap({ site.index.document(.partnership, $0.value) }) { context["owner"] = .object(site.link(owner, from: from)) }
            if let next = plan.supersededBy.flatMap({ site.index.document(.plan, $0.value) }) { context["supersededBy"] = .object(site.link(next, from: from)) }
            context["supersedes"] = TemplateValue(site.links(.plan, relations.supersedes[document.id] ?? [], from: from))
            context["priorities"] = TemplateValue(plan.priorities.map { priority -> TemplateFields in
                var row = site.priorityLink(priority.id.value, from: from) ?? [:]
                row["anchor"] = TemplateValue(priority.id.value)
                row["isLocal"] = .bool(priority.parent != nil)
                if let parent = priority.parent.flatMap({ site.priorityLink($0.value, from: from) }) { row["parent"] = .object(parent) }
                row["measures"] = TemplateValue(priority.measures.compactMap { site.measureRow($0.value, from: from) })
                return row
            })
            context["usedBy"] = TemplateValue(site.links(.partnership, relations.partnershipsByDocument[document.reference] ?? [], from: from))
        case .framework(let framework):
            if let owner = framework.owner.flatMap({ site.index.document(.partnership, $0.value) }) { context["owner"] = .object(site.link(owner, from: from)) }
            if let adopted = framework.adopted { context["adopted"] = TemplateValue(site.dateText(adopted.value)) }
            if let review = framework.review { context["review"] = TemplateValue(site.dateText(review.value)) }
            context["priorities"] = TemplateValue(framework.priorities.compactMap { site.priorityLink($0.value, from: from) })
            context["measures"] = TemplateValue(framework.measures.compactMap { site.measureRow($0.value, from: from) })
            context["usedBy"] = TemplateValue(site.links(.partnership, relations.partnershipsByDocument[document.reference] ?? [], from: from))
        case .measure(let measure):
            context.merge(MeasurePage(site: site).context(document, measure))
        case .contact:
            context.add(missingFrom: contactCard(document.id, from: from) ?? [:])
            context["contactFor"] = TemplateValue(contactFor(document.id, from: from))
        case .page:
            if AccessibilityStatement.applies(to: document, settings: site.index.settings), let statement = AccessibilityStatement(site: site).context() {
                context["statement"] = .object(statement)
            }
        }
        context.merge(site.historyView(document))
        return context
    }

    /// The template of `document`'s page: its kind's, or the generated accessibility statement's.
    func template(for document: Document) -> String {
        AccessibilityStatement.applies(to: document, settings: site.index.settings) ? "accessibility" : document.kind.rawValue
    }

    /// A contact's details for a card: name, role, organisation, email, telephone, address.
    func contactCard(_ id: String, from: String) -> TemplateFields? {
        guard let document = site.index.document(.contact, id), var card = site.contactCards[id] else { return nil }
        card["url"] = TemplateValue(URLPath.relative(from: from, to: document.sitePath))
        return card
    }

    /// The partnerships a contact is the contact for, each with the role.
    func contactFor(_ id: String, from: String) -> [TemplateFields] {
        (site.relations.contactFor[id] ?? []).compactMap { role -> TemplateFields? in
            guard let partnership = site.index.document(.partnership, role.partnership) else { return nil }
            var link = site.link(partnership, from: from)
            link["role"] = TemplateValue(role.role)
            return link
        }
    }
}

extension String {
    /// The text with its first letter upper-case: "local childrens partnership" -> "Local childrens partnership".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
