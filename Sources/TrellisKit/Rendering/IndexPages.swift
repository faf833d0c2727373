import Foundation

/// The view data of the generated pages: home, the indices, priorities and consultations.
struct IndexPages {
    let site: SiteContext

    /// `/`: open consultations, partnerships, plans and the latest updates.
    func home() -> [String: Any] {
        let from = ""
        let index = site.index
        // Each document's date is looked up once, not at every comparison of the sort.
        let latest = index.documents.compactMap { document in
            document.kind == .page ? nil : site.updated[document.reference].map { (document: document, updated: $0) }
        }
            .sorted { ($0.updated, $1.document.reference) > ($1.updated, $0.document.reference) }
            .prefix(8)
            .map { document, updated -> [String: Any] in
                var link = site.link(document, from: from)
                link["kind"] = document.kind.singularTitle
                link["updatedHTML"] = site.timeHTML(updated)
                return link
            }
        var context: [String: Any] = [
            "title": index.settings.title,
            "open": site.openConsultations.map { consultationLink($0, from: from) },
            "partnerships": index.documents(of: .partnership).filter { partnershipParent($0) == nil }.map { site.link($0, from: from) },
            "partnershipCount": index.documents(of: .partnership).count,
            "plans": index.documents(of: .plan).map { site.link($0, from: from) },
            "frameworks": index.documents(of: .framework).map { site.link($0, from: from) },
            "latest": Array(latest),
        ]
        if let about = index.document(.page, "about") { context["about"] = site.link(about, from: from) }
        return context
    }

    /// `/partnerships/`: grouped by type, then by area.
    func partnerships() -> [String: Any] {
        let from = "partnerships/"
        let all = site.index.documents(of: .partnership)
        // Type -> area -> partnerships, each list in the site's order: one pass, however many areas.
        var byType: [String: [String: [Document]]] = [:]
        for document in all { byType[partnershipType(document), default: [:]][area(document), default: []].append(document) }
        let groups = byType.keys.sorted().map { type -> [String: Any] in
            let areas = byType[type]!
            return [
                "title": PartnershipType.words(type, plural: true),
                "anchor": type.isEmpty ? "other" : type,
                "areas": areas.keys.sorted().map { name -> [String: Any] in
                    ["area": name, "hasArea": !name.isEmpty, "partnerships": areas[name]!.map { document -> [String: Any] in
                        var link = site.link(document, from: from)
                        if let status = document.status?.value { link["status"] = status.capitalizedFirst }
                        return link
                    }]
                },
            ]
        }
        return ["title": "Partnerships", "groups": groups, "count": all.count]
    }

    /// `/plans/` and `/frameworks/`: each document with its status and summary.
    func documents(_ kind: DocumentKind) -> [String: Any] {
        let from = kind.folder + "/"
        let items = site.index.documents(of: kind).map { document -> [String: Any] in
            var link = site.link(document, from: from)
            if let status = document.status?.value { link["status"] = status.capitalizedFirst }
            if case .plan(let plan) = document.details, let start = plan.periodFrom?.value, let end = plan.periodTo?.value {
                link["period"] = "\(start.wall.year) to \(end.wall.year)"
            }
            if let consultation = site.consultationView(document, from: from) { link["consultation"] = consultation }
            return link
        }
        return ["title": kind.pluralTitle, "items": items]
    }

    /// `/measures/`: every measure in natural order of code.
    func measures() -> [String: Any] {
        let ordered = site.index.documents(of: .measure).sorted { a, b in
            let codeA = measureCode(a), codeB = measureCode(b)
            if codeA != codeB { return NaturalOrder.precedes(codeA, codeB) }
            return a.id < b.id
        }
        return ["title": "Measures", "measures": ordered.compactMap { site.measureRow($0.id, from: "measures/") }]
    }

    /// `/contacts/`: A to Z by name.
    func contacts() -> [String: Any] {
        let from = "contacts/"
        let page = DocumentPage(site: site)
        let sorted = site.index.documents(of: .contact).sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        var letters: [String] = []
        for document in sorted {
            let letter = initial(document.title)
            if !letters.contains(letter) { letters.append(letter) }
        }
        let groups = letters.map { letter -> [String: Any] in
            let cards = sorted.filter { initial($0.title) == letter }.compactMap { document -> [String: Any]? in
                var card = page.contactCard(document.id, from: from)
                card?["contactFor"] = (site.relations.contactFor[document.id] ?? []).compactMap { role -> [String: Any]? in
                    guard let partnership = site.index.document(.partnership, role.partnership) else { return nil }
                    var link = site.link(partnership, from: from)
                    link["role"] = role.role
                    return link
                }
                return card
            }
            return ["letter": letter, "anchor": "letter-" + letter.lowercased(), "contacts": cards]
        }
        return ["title": "Contacts", "groups": groups, "letters": groups.map { ["letter": $0["letter"]!, "anchor": $0["anchor"]!] }]
    }

    /// `/consultations/`: open (closing soonest first), upcoming, awaiting outcome, outcomes.
    func consultations() -> [String: Any] {
        let from = "consultations/"
        let all = site.index.documents.filter { $0.consultation != nil }
        func section(_ state: ConsultationState, _ title: String, _ order: (Consultation, Consultation) -> Bool) -> [String: Any] {
            let items = all.filter { $0.consultation!.value.state(at: site.now) == state }
                .sorted { order($0.consultation!.value, $1.consultation!.value) || (!order($1.consultation!.value, $0.consultation!.value) && $0.reference < $1.reference) }
                .map { consultationLink($0, from: from) }
            return ["title": title, "anchor": state.rawValue, "items": items, "isEmpty": items.isEmpty]
        }
        return ["title": "Consultations",
                "calendarURL": URLPath.relative(from: from, to: ConsultationOutputs.calendarPath),
                "jsonURL": URLPath.relative(from: from, to: ConsultationOutputs.jsonPath),
                "sections": [
            section(.open, "Open consultations", { $0.closes < $1.closes }),
            section(.upcoming, "Upcoming consultations", { $0.opens < $1.opens }),
            section(.awaitingOutcome, "Awaiting outcome", { $0.closes > $1.closes }),
            section(.concluded, "Outcomes", { ($0.outcome?.published ?? $0.closes) > ($1.outcome?.published ?? $1.closes) }),
        ]]
    }

    /// A consultation in a list: the document's link and its banner text.
    func consultationLink(_ document: Document, from: String) -> [String: Any] {
        var link = site.link(document, from: from)
        link["consultation"] = site.consultationView(document, from: from)
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
