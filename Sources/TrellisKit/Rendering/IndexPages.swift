import Foundation

/// The view data of the generated pages: home, the indices, priorities and consultations.
struct IndexPages {
    let site: SiteContext

    /// `/`: open consultations, partnerships, plans and the latest updates.
    func home() -> TemplateFields {
        let from = ""
        let index = site.index
        // Each document's date is looked up once, not at every comparison of the sort.
        let latest = index.documents.compactMap { document in
            document.kind == .page ? nil : site.updated[document.reference].map { (document: document, updated: $0) }
        }
            .sorted { ($0.updated, $1.document.reference) > ($1.updated, $0.document.reference) }
            .prefix(8)
            .map { document, updated -> TemplateFields in
                var link = site.link(document, from: from)
                link["kind"] = TemplateValue(document.kind.singularTitle)
                link["updatedHTML"] = TemplateValue(site.timeHTML(updated))
                return link
            }
        var context: TemplateFields = [
            "title": TemplateValue(index.settings.title),
            "open": TemplateValue(site.openConsultations.map { consultationLink($0, from: from) }),
            "partnerships": TemplateValue(index.documents(of: .partnership).filter { partnershipParent($0) == nil }.map { site.link($0, from: from) }),
            "partnershipCount": .int(index.documents(of: .partnership).count),
            "plans": TemplateValue(index.documents(of: .plan).map { site.link($0, from: from) }),
            "frameworks": TemplateValue(index.documents(of: .framework).map { site.link($0, from: from) }),
            "latest": TemplateValue(Array(latest)),
        ]
        if let about = index.document(.page, "about") { context["about"] = .object(site.link(about, from: from)) }
        return context
    }

    /// `/partnerships/`: grouped by type, then by area.
    func partnerships() -> TemplateFields {
        let from = "partnerships/"
        let all = site.index.documents(of: .partnership)
        // Type -> area -> partnerships, each list in the site's order: one pass, however many areas.
        var byType: [String: [String: [Document]]] = [:]
        for document in all { byType[partnershipType(document), default: [:]][area(document), default: []].append(document) }
        let groups = byType.keys.sorted().map { type -> TemplateFields in
            let areas = byType[type]!
            return [
                "title": TemplateValue(PartnershipType.words(type, plural: true)),
                "anchor": TemplateValue(type.isEmpty ? "other" : type),
                "areas": TemplateValue(areas.keys.sorted().map { name -> TemplateFields in
                    ["area": TemplateValue(name), "hasArea": .bool(!name.isEmpty), "partnerships": TemplateValue(areas[name]!.map { document -> TemplateFields in
                        var link = site.link(document, from: from)
                        if let status = document.status?.value { link["status"] = TemplateValue(status.capitalizedFirst) }
                        return link
                    })]
                }),
            ]
        }
        return ["title": "Partnerships", "groups": TemplateValue(groups), "count": .int(all.count)]
    }

    /// `/plans/` and `/frameworks/`: each document with its status and summary.
    func documents(_ kind: DocumentKind) -> TemplateFields {
        let from = kind.folder + "/"
        let items = site.index.documents(of: kind).map { document -> TemplateFields in
            var link = site.link(document, from: from)
            if let status = document.status?.value { link["status"] = TemplateValue(status.capitalizedFirst) }
            if case .plan(let plan) = document.details, let start = plan.periodFrom?.value, let end = plan.periodTo?.value {
                link["period"] = TemplateValue("\(start.wall.year) to \(end.wall.year)")
            }
            if let consultation = site.consultationView(document, from: from) { link["consultation"] = .object(consultation) }
            return link
        }
        return ["title": TemplateValue(kind.pluralTitle), "items": TemplateValue(items)]
    }

    /// `/measures/`: every measure in natural order of code.
    func measures() -> TemplateFields {
        let ordered = site.index.documents(of: .measure).sorted { a, b in
            let codeA = measureCode(a), codeB = measureCode(b)
            if codeA != codeB { return NaturalOrder.precedes(codeA, codeB) }
            return a.id < b.id
        }
        return ["title": "Measures", "measures": TemplateValue(ordered.compactMap { site.measureRow($0.id, from: "measures/") })]
    }

    /// `/contacts/`: A to Z by name.
    func contacts() -> TemplateFields {
        let from = "contacts/"
        let page = DocumentPage(site: site)
        let sorted = site.index.documents(of: .contact).sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        var letters: [String] = []
        for document in sorted {
            let letter = initial(document.title)
            if !letters.contains(letter) { letters.append(letter) }
        }
        let groups = letters.map { letter -> TemplateFields in
            let cards = sorted.filter { initial($0.title) == letter }.compactMap { document -> TemplateFields? in
                var card = page.contactCard(document.id, from: from)
                card?["contactFor"] = TemplateValue(page.contactFor(document.id, from: from))
                return card
            }
            return ["letter": TemplateValue(letter), "anchor": TemplateValue("letter-" + letter.lowercased()), "contacts": TemplateValue(cards)]
        }
        return ["title": "Contacts", "groups": TemplateValue(groups), "letters": TemplateValue(groups.map { ["letter": $0["letter"]!, "anchor": $0["anchor"]!] })]
    }

    /// `/consultations/`: open (closing soonest first), upcoming, awaiting outcome, outcomes.
    func consultations() -> TemplateFields {
        let from = "consultations/"
        let all = site.index.documents.filter { $0.consultation != nil }
        func section(_ state: ConsultationState, _ title: String, _ order: (Consultation, Consultation) -> Bool) -> TemplateFields {
            let items = all.filter { $0.consultation!.value.state(at: site.now) == state }
                .sorted { order($0.consultation!.value, $1.consultation!.value) || (!order($1.consultation!.value, $0.consultation!.value) && $0.reference < $1.reference) }
                .map { consultationLink($0, from: from) }
            return ["title": TemplateValue(title), "anchor": TemplateValue(state.rawValue), "items": TemplateValue(items), "isEmpty": .bool(items.isEmpty)]
        }
        return ["title": "Consultations",
                "calendarURL": TemplateValue(URLPath.relative(from: from, to: ConsultationOutputs.calendarPath)),
                "jsonURL": TemplateValue(URLPath.relative(from: from, to: ConsultationOutputs.jsonPath)),
                "sections": TemplateValue([
            section(.open, "Open consultations", { $0.closes < $1.closes }),
            section(.upcoming, "Upcoming consultations", { $0.opens < $1.opens }),
            section(.awaitingOutcome, "Awaiting outcome", { $0.closes > $1.closes }),
            section(.concluded, "Outcomes", { ($0.outcome?.published ?? $0.closes) > ($1.outcome?.published ?? $1.closes) }),
        ])]
    }

    /// A consultation in a list: the document's link and its banner text.
    func consultationLink(_ document: Document, from: String) -> TemplateFields {
        var link = site.link(document, from: from)
        link["consultation"] = site.consultationView(document, from: from).map(TemplateValue.object)
        return link
    }

    private func partnershipParent(_ document: Document) -> String? {
        guard case .partnership(let partnership) = document.details else { return nil }
        return partnership.parent?.value
    }

    private func partnershipType(_ document: Document) -> String {
        guard case .partnership(let partnership) = document.details else { return "" }
        return partnership.type?.value ?? ""
    }

    private func area(_ document: Document) -> String {
        guard case .partnership(let partnership) = document.details else { return "" }
        return partnership.area ?? ""
    }

    private func measureCode(_ document: Document) -> String {
        guard case .measure(let measure) = document.details else { return document.id }
        return measure.code ?? document.title
    }

    private func initial(_ name: String) -> String {
        let first = name.first.map { String($0).uppercased() } ?? "#"
        return first.first!.isLetter ? first : "#"
    }
}
