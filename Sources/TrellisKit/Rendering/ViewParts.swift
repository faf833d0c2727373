import Foundation

/// Small pieces of view data shared by document and index pages.
extension SiteContext {
    /// A measure as a row: code, title, latest value, RAG in words and as a class, direction.
    func measureRow(_ id: String, from: String) -> TemplateFields? {
        guard let document = index.document(.measure, id), var row = measureRows[id] else { return nil }
        row["url"] = TemplateValue(URLPath.relative(from: from, to: document.sitePath))
        return row
    }

    /// Every measure's row but its URL, worked out once per build: a popular measure is listed on
    /// thousands of pages, each of which would otherwise rate it and draw its sparkline again.
    static func measureRows(_ index: SiteIndex) -> [String: TemplateFields] {
        var rows: [String: TemplateFields] = [:]
        for document in index.documents(of: .measure) {
            guard case .measure(let measure) = document.details else { continue }
            let status = MeasureStatus(measure)
            var row: TemplateFields = [
                "id": TemplateValue(document.id), "title": TemplateValue(document.title),
                "code": TemplateValue(measure.code ?? ""), "rating": TemplateValue(status.rating.rawValue), "ratingWords": TemplateValue(status.rating.words),
                "direction": TemplateValue(status.direction.rawValue), "directionWords": TemplateValue(status.direction.words),
            ]
            if let latest = status.latest {
                row["latest"] = TemplateValue(value(latest, unit: measure.unit))
                row["latestPeriod"] = TemplateValue(latest.period)
            }
            if let target = status.target { row["target"] = TemplateValue(value(target, unit: measure.unit)) }
            if document.status?.value == "retired" { row["retired"] = true }
            row["sparkline"] = TemplateValue(Sparkline.svg(MeasureSeries(measure)) ?? "")
            rows[document.id] = row
        }
        return rows
    }

    /// Every contact's card but its URL, by id: made once per build (see `DocumentPage.contactCard`).
    static func contactCards(_ index: SiteIndex) -> [String: TemplateFields] {
        var cards: [String: TemplateFields] = [:]
        for document in index.documents(of: .contact) {
            guard case .contact(let contact) = document.details else { continue }
            var card: TemplateFields = ["name": TemplateValue(document.title)]
            if let role = contact.role { card["role"] = TemplateValue(role) }
            if let organisation = contact.organisation { card["organisation"] = TemplateValue(organisation) }
            if let email = contact.email { card["email"] = TemplateValue(email) }
            if let telephone = contact.telephone {
                card["telephone"] = TemplateValue(telephone)
                card["telephoneURI"] = TemplateValue("tel:" + telephone.filter { $0.isNumber || $0 == "+" })
            }
            if let address = contact.address { card["address"] = TemplateValue(address) }
            cards[document.id] = card
        }
        return cards
    }

    /// A value with its unit: "52.3%", "1,204", "31.4 per 1,000".
    func value(_ point: DataPoint, unit: String?) -> String { Self.value(point, unit: unit) }

    /// A value with its unit: "52.3%", "1,204", "31.4 per 1,000".
    static func value(_ point: DataPoint, unit: String?) -> String {
        let number = grouped(point.written)
        switch unit?.lowercased() {
        case "percent", "%", "percentage": return number + "%"
        case nil, "", "count", "number": return number
        case let other?: return number + " " + (other.hasPrefix("rate ") ? String(other.dropFirst(5)) : other)
        }
    }

    /// Thousands separated by commas, as written otherwise: "12500.5" is "12,500.5".
    private static func grouped(_ written: String) -> String {
        let negative = written.hasPrefix("-")
        let digits = negative ? String(written.dropFirst()) : written
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.count > 4, whole.allSatisfy(\.isNumber) else { return written }
        var result = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        if parts.count > 1 { result += "." + parts[1] }
        return (negative ? "-" : "") + result
    }

    /// A document's consultation, as the page banner and the section below it show it.
    ///
    /// Every key a template tests is set (to "" or false when absent), so a missing value never
    /// falls back to a key of the same name further out (the page's own `summary` or `url`).
    func consultationView(_ document: Document, from: String) -> TemplateFields? {
        guard let located = document.consultation else { return nil }
        let consultation = located.value
        let wording = ConsultationWording(consultation: consultation, now: now, clock: clock)
        var view: TemplateFields = [
            "state": TemplateValue(wording.state.rawValue), "label": TemplateValue(wording.label), "headlineHTML": TemplateValue(wording.headlineHTML),
            "details": TemplateValue(wording.detailHTML.map { ["html": TemplateValue($0)] }), "title": TemplateValue(document.title),
            "countdown": TemplateValue(wording.countdownText ?? ""), "respond": false, "outcome": false, "hasSection": false,
        ]
        view.merge(TemplateFields(consultation.scriptData(now: now, clock: clock)))
        if wording.state == .open, let respond = consultation.respond, !respond.isEmpty, consultation.heldElsewhere == nil {
            let url = respond.url.flatMap { SafeURL.isWebAddress($0) ? $0 : nil } ?? ""
            let ways = [url, respond.email ?? "", respond.address ?? ""]
            if ways.contains(where: { !$0.isEmpty }) {
                view["respond"] = ["url": TemplateValue(ways[0]), "email": TemplateValue(ways[1]), "address": TemplateValue(ways[2])]
                view["hasSection"] = true
            }
        }
        if wording.state == .concluded, let outcome = consultation.outcome {
            let published = "<time datetime=\"\(format.iso(outcome.published))\">\(HTML.escape(format.date(outcome.published)))</time>"
            var result: TemplateFields = ["publishedHTML": TemplateValue(published), "summary": TemplateValue(outcome.summary ?? ""), "url": .null, "document": false]
            if let url = outcome.url, SafeURL.isWebAddress(url) { result["url"] = TemplateValue(url) }
            if let reference = outcome.document, let target = index.document(reference: reference) {
                result["document"] = .object(link(target, from: from))
            }
            view["outcome"] = .object(result)
            if outcome.summary != nil { view["hasSection"] = true }
        }
        return view
    }
}

/// Addresses from front matter that may become a link.
enum SafeURL {
    /// Whether `text` is an http(s) address, the only kind put in an href from front matter.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
    }
}
