import Foundation

/// The page of one document: its common parts, then what its kind adds.
struct DocumentPage {
    let site: SiteContext

    /// The view data of `document`'s page.
    func context(_ document: Document) -> [String: Any] {
        let from = document.sitePath
        var context: [String: Any] = ["title": document.title, "id": document.id, "kind": document.kind.rawValue]
        if let summary = document.summary { context["summary"] = summary }
        if let status = document.status?.value { context["status"] = SiteContext.statusWords(status) }
        if let body = site.bodies[document.reference], !body.html.isEmpty { context["body"] = TemplateValue(markup: body.html) }
        if let consultation = site.consultationView(document, from: from) { context["consultation"] = consultation }
        let relations = site.relations
        switch document.details {
        case .partnership(let partnership):
            context["type"] = partnership.type.map { PartnershipType.words($0.value) } ?? ""
            context["area"] = partnership.area ?? ""
            context["meets"] = partnership.meets ?? ""
            if let established = partnership.established { context["established"] = site.dateText(established.value) }
            if let parent = partnership.parent.flatMap({ site.index.document(.partnership, $0.value) }) { context["parent"] = site.link(parent, from: from) }
            context["children"] = site.links(.partnership, relations.childPartnerships[document.id] ?? [], from: from)
            var people = partnership.contacts.map(\.value)
            if let chair = partnership.chair?.value { people.removeAll { $0 == chair }; people.insert(chair, at: 0) }
            context["contacts"] = people.compactMap { id in
                contactCard(id, from: from).map { card in var card = card; card["isChair"] = id == partnership.chair?.value; return card }
            }
            context["members"] = partnership.members.map { ["name": $0.name, "sector": $0.sector ?? "", "role": $0.role ?? ""] }
            context["priorities"] = partnership.priorities.compactMap { site.priorityLink($0.value, from: from) }
            context["measures"] = partnership.measures.compactMap { site.measureRow($0.value, from: from) }
            context["documents"] = (partnership.documents.map(\.value) + (relations.ownedDocuments[document.id] ?? []))
                .uniqued().compactMap { site.index.document(reference: $0) }.map { site.link($0, from: from) }
            context["risks"] = partnership.risks.map { ["title": $0.title, "mitigation": $0.mitigation ?? ""] }
        case .plan(let plan):
            if let start = plan.periodFrom?.value, let end = plan.periodTo?.value {
                context["period"] = "\(start.wall.year) to \(end.wall.year)"
                context["periodDetail"] = "\(site.dateText(start)) to \(site.dateText(end))"
            }
            if let owner = plan.owner.flatMap({ site.index.document(.partnership, $0.value) }) { context["owner"] = site.link(owner, from: from) }
            if let next = plan.supersededBy.flatMap({ site.index.document(.plan, $0.value) }) { context["supersededBy"] = site.link(next, from: from) }
            context["supersedes"] = site.links(.plan, relations.supersedes[document.id] ?? [], from: from)
            context["priorities"] = plan.priorities.map { priority -> [String: Any] in
                var row = site.priorityLink(priority.id.value, from: from) ?? [:]
                row["anchor"] = priority.id.value
                row["isLocal"] = priority.parent != nil
                if let parent = priority.parent.flatMap({ site.priorityLink($0.value, from: from) }) { row["parent"] = parent }
                row["measures"] = priority.measures.compactMap { site.measureRow($0.value, from: from) }
                return row
            }
            context["usedBy"] = site.links(.partnership, relations.partnershipsByDocument[document.reference] ?? [], from: from)
        case .framework(let framework):
            if let owner = framework.owner.flatMap({ site.index.document(.partnership, $0.value) }) { context["owner"] = site.link(owner, from: from) }
            if let adopted = framework.adopted { context["adopted"] = site.dateText(adopted.value) }
            if let review = framework.review { context["review"] = site.dateText(review.value) }
            context["priorities"] = framework.priorities.compactMap { site.priorityLink($0.value, from: from) }
            context["measures"] = framework.measures.compactMap { site.measureRow($0.value, from: from) }
            context["usedBy"] = site.links(.partnership, relations.partnershipsByDocument[document.reference] ?? [], from: from)
        case .measure(let measure):
            context.merge(MeasurePage(site: site).context(document, measure), uniquingKeysWith: { $1 })
        case .contact:
            context.merge(contactCard(document.id, from: from) ?? [:], uniquingKeysWith: { old, _ in old })
            context["contactFor"] = (relations.contactFor[document.id] ?? []).compactMap { role -> [String: Any]? in
                guard let partnership = site.index.document(.partnership, role.partnership) else { return nil }
                var link = site.link(partnership, from: from)
                link["role"] = role.role
                return link
            }
        case .page:
            if AccessibilityStatement.applies(to: document, settings: site.index.settings) {
                context["statement"] = AccessibilityStatement(site: site).context()
            }
        }
        context.merge(site.historyView(document), uniquingKeysWith: { $1 })
        return context
    }

    /// The template of `document`'s page: its kind's, or the generated accessibility statement's.
    func template(for document: Document) -> String {
        AccessibilityStatement.applies(to: document, settings: site.index.settings) ? "accessibility" : document.kind.rawValue
    }

    /// A contact's details for a card: name, role, organisation, email, telephone, address.
    func contactCard(_ id: String, from: String) -> [String: Any]? {
        guard let document = site.index.document(.contact, id), case .contact(let contact) = document.details else { return nil }
        var card: [String: Any] = ["name": document.title, "url": URLPath.relative(from: from, to: document.sitePath)]
        if let role = contact.role { card["role"] = role }
        if let organisation = contact.organisation { card["organisation"] = organisation }
        if let email = contact.email { card["email"] = email }
        if let telephone = contact.telephone {
            card["telephone"] = telephone
            card["telephoneURI"] = "tel:" + telephone.filter { $0.isNumber || $0 == "+" }
        }
        if let address = contact.address { card["address"] = address }
        return card
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
