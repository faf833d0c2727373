/// `/data/consultations.csv`: every consultation with its dates (ISO 8601 with the local offset),
/// its state as at the build's `now`, how to respond and its outcome. (The JSON is
/// `ConsultationOutputs.json`, written beside the calendar.)
struct ConsultationData {
    let site: SiteContext

    static let columns: [Dataset.Column] = [
        .init("document", "The document consulted on, as folder/id (frameworks/family-support)"),
        .init("title", "Title of the document"), .init("url", "The document's page on this site", type: "anyURI"),
        .init("state", "upcoming, open, awaiting-outcome or concluded, as at the time the site was built"),
        .init("label", "The state in words, as the page banner shows it"),
        .init("opens", "When it opens", type: "dateTime"), .init("closes", "When it closes (a closing date alone closes at 11:59pm that day)", type: "dateTime"),
        .init("days_left", "Whole days to the closing day while open (0 on the closing day)", type: "number"),
        .init("respond_url", "Where to respond online"), .init("respond_email", "Email address for responses"),
        .init("respond_address", "Postal address for responses"), .init("held_elsewhere", "The other website it runs on, if any"),
        .init("outcome_published", "When the outcome is (or was) published", type: "date"), .init("outcome_summary", "What was decided"),
        .init("outcome_url", "Where the outcome is published"), .init("outcome_document", "The document holding the outcome, as folder/id"),
        .init("banner", "The page banner as plain text"),
    ]

    /// The dataset, consultations in the order they open, then by document.
    func dataset() -> Dataset {
        let documents = site.index.documents.filter { $0.consultation != nil }
            .sorted { ($0.consultation!.value.opens, $0.reference) < ($1.consultation!.value.opens, $1.reference) }
        var records: [JSONValue] = []
        var rows: [[JSONValue]] = []
        let format = site.format
        for document in documents {
            let consultation = document.consultation!.value
            let wording = ConsultationWording(consultation: consultation, now: site.now, clock: site.clock)
            let respond = consultation.respond
            let outcome = consultation.outcome
            let record: JSONObject = [
                "document": .string(document.reference), "title": .string(document.title),
                "url": .string(site.index.settings.baseURL + document.sitePath),
                "state": .string(wording.state.rawValue), "label": .string(wording.label),
                "opens": .string(format.iso(consultation.opens)), "closes": .string(format.closingISO(consultation.closes)),
                "days_left": wording.state == .open ? .number(String(consultation.daysLeft(at: site.now, clock: site.clock))) : .null,
                "respond_url": .text(respond?.url), "respond_email": .text(respond?.email), "respond_address": .text(respond?.address),
                "held_elsewhere": .text(consultation.heldElsewhere),
                "outcome_published": .text(outcome.map { format.isoDate($0.published) }), "outcome_summary": .text(outcome?.summary),
                "outcome_url": .text(outcome?.url), "outcome_document": .text(outcome?.document),
                "banner": .string(wording.plainText),
            ]
            rows.append(Self.columns.map { record[$0.name] ?? .null })
            records.append(.object(record))
        }
        return Dataset(name: "consultations", columns: Self.columns, primaryKey: ["document"], records: records, rows: rows)
    }
}
